// Password reset, as a manager does it for a staff user: Foyer makes a one-time code (shown to the
// manager once, valid RESET_HOURS), the old password and the user's sessions stop working at once,
// and the user chooses a new password with the code on the login screen. Only the code's hash is kept.
import crypto from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { audit } from '../audit/service.js';
import type { Ctx, Deps } from '../platform/context.js';
import type { Lang } from '../platform/i18n.js';
import { newId, randomToken, sha256 } from '../platform/ids.js';
import { hashPassword } from '../platform/passwords.js';
import { Problem } from '../platform/problems.js';
import { forgetCallers } from '../platform/auth.js';
import { LOGIN_LIMITS, getUser, normaliseEmail, recordAttempt, startSession } from './service.js';
import { RESET_HOURS, makeResetCode, normaliseResetCode } from './reset-code.js';
import './problems.js';

/** POST /api/users/{id}/password-reset: a new code for the user (an earlier one stops working). */
export async function issueReset(ctx: Ctx, userId: string) {
  const user = await getUser(ctx, userId);
  const code = makeResetCode((n) => crypto.randomBytes(n));
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + RESET_HOURS * 3600_000).toISOString();
  // No one knows this password: the old one stops working now.
  const unusable = await hashPassword(randomToken(32));
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: unusable }).where('id', '=', user.id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await tx.deleteFrom('password_resets').where('user_id', '=', user.id).execute();
    await tx.insertInto('password_resets').values({
      user_id: user.id, organisation_id: ctx.orgId, code_hash: sha256(normaliseResetCode(code)),
      expires_at: expiresAt, created_by: ctx.actor.id, created_at: now.toISOString(),
    }).execute();
    await audit(tx, ctx, { subject: 'user', subjectId: user.id, action: 'password-reset', label: user.email, changes: { password: ['•••', '•••'] } });
  });
  forgetCallers();
  return { code, expiresAt };
}

/**
 * POST /api/auth/reset-password: the user's new password with the code; answers as a login.
 * Each try counts as a login attempt, so the login limits hold for guessed codes too.
 */
export interface ResetRequest { email: string; code: string; password: string; ip: string; lang: Lang; log: FastifyBaseLogger }

export async function redeemReset(deps: Deps, r: ResetRequest) {
  const { code, password, ip } = r;
  const email = normaliseEmail(r.email);
  const now = deps.clock.now();
  const attemptId = newId();
  if (!(await recordAttempt(deps, attemptId, email, ip, now))) throw new Problem('too-many-attempts', { minutes: LOGIN_LIMITS.windowMinutes });
  const user = await deps.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const reset = user && await deps.db.selectFrom('password_resets').selectAll().where('user_id', '=', user.id).executeTakeFirst();
  const matches = !!reset && crypto.timingSafeEqual(Buffer.from(reset.code_hash), Buffer.from(sha256(normaliseResetCode(code))));
  if (!user || !reset || !matches || user.disabled || reset.expires_at <= now.toISOString()) throw new Problem('invalid-reset-code');
  const hash = await hashPassword(password);
  const ctx: Ctx = {
    db: deps.db, dialect: deps.dialect, orgId: user.organisation_id, clock: deps.clock, lang: r.lang, log: r.log,
    actor: { kind: 'user', id: user.id, orgId: user.organisation_id, role: user.role },
  };
  const answer = await deps.db.transaction().execute(async (tx) => {
    // Only the first of two parallel uses of one code gets to delete it.
    const taken = await tx.deleteFrom('password_resets').where('user_id', '=', user.id).where('code_hash', '=', reset.code_hash).executeTakeFirst();
    if (Number(taken.numDeletedRows) !== 1) throw new Problem('invalid-reset-code');
    await tx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute();
    await tx.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', attemptId).execute();
    await audit(tx, { ...ctx, db: tx }, { subject: 'user', subjectId: user.id, action: 'password-set', label: user.email, changes: { password: ['•••', '•••'] } });
    return startSession(tx, { ...user, password_hash: hash }, now);
  });
  forgetCallers();
  return answer;
}

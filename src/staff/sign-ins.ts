// A staff user's sign-in history: the login attempts kept for the login limits
// (FOYER_KEEP_LOGIN_ATTEMPTS_DAYS), newest first.
import type { Ctx } from '../platform/context.js';
import { getUser } from './service.js';

export async function signInHistory(ctx: Ctx, userId: string, limit: number) {
  const user = await getUser(ctx, userId);
  const rows = await ctx.db.selectFrom('login_attempts').select(['at', 'ip', 'succeeded'])
    .where('email', '=', user.email).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ at: r.at, ip: r.ip, succeeded: r.succeeded === 1 }));
}

/** The users of the organisation, each with the last time they signed in and until when a reset code is open. */
export async function usersWithAccess<U extends { id: string; email: string }>(ctx: Ctx, users: U[]) {
  const emails = users.map((u) => u.email);
  const last = emails.length === 0 ? [] : await ctx.db.selectFrom('login_attempts').select(['email', (eb) => eb.fn.max('at').as('at')])
    .where('email', 'in', emails).where('succeeded', '=', 1).groupBy('email').execute();
  const resets = await ctx.db.selectFrom('password_resets').select(['user_id', 'expires_at']).where('organisation_id', '=', ctx.orgId).execute();
  const now = ctx.clock.now().toISOString();
  return users.map((u) => ({
    ...u,
    lastSignInAt: last.find((l) => l.email === u.email)?.at ?? null,
    resetOpenUntil: resets.find((r) => r.user_id === u.id && r.expires_at > now)?.expires_at ?? null,
  }));
}

// Staff users, their sessions, and API clients (applications) of an organisation.
import { sql } from 'kysely';
import { audit } from '../audit/service.js';
import type { Ctx, Deps } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId, randomToken, sha256 } from '../platform/ids.js';
import { hashPassword, verifyPassword } from '../platform/passwords.js';
import { Problem, invalidField, notFound } from '../platform/problems.js';
import { forgetCallers, signClientToken } from '../platform/auth.js';
import { diff } from '../audit/rules.js';
import type { ApiClient, Role, User } from './tables.js';

export const SESSION_HOURS = 12;
export const CLIENT_TOKEN_SECONDS = 3600;
/**
 * Failed logins allowed within the window (documented in README.md): per account and address, per
 * account from all addresses, and per address for all accounts (an office behind one NAT address).
 * A successful login starts the account's counts afresh.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccountAndAddress: 5, perAccount: 20, perAddress: 200 } as const;

export const normaliseEmail = (e: string): string => e.trim().toLowerCase();

export interface NewUserInput {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export async function createUser(db: Db, orgId: string, input: NewUserInput, now: Date): Promise<User> {
  const email = normaliseEmail(input.email);
  const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw invalidField('email', { en: 'is already in use', nl: 'is al in gebruik', fr: 'est déjà utilisée' });
  const user: User = {
    id: newId(),
    organisation_id: orgId,
    email,
    name: input.name,
    role: input.role,
    password_hash: await hashPassword(input.password),
    disabled: 0,
    created_at: now.toISOString(),
  };
  await db.insertInto('users').values(user).execute();
  return user;
}

/** A user created by a manager (POST /api/users), recorded in the audit trail. */
export async function addUser(ctx: Ctx, input: NewUserInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const user = await createUser(tx, ctx.orgId, input, ctx.clock.now());
    await audit(tx, ctx, { subject: 'user', subjectId: user.id, action: 'created', label: user.email, before: null, after: userAudit(user) });
    return userView(user);
  });
}

const userAudit = (u: User) => ({ email: u.email, name: u.name, role: u.role, disabled: u.disabled === 1 });

export const userView = (u: User) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabled === 1,
  createdAt: u.created_at,
});

export async function listUsers(ctx: Ctx) {
  const rows = await ctx.db.selectFrom('users').selectAll().where('organisation_id', '=', ctx.orgId).orderBy('email').execute();
  return rows.map(userView);
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const u = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!u) throw notFound('user');
  return u;
}

export interface UserUpdate {
  name?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
}

export async function updateUser(ctx: Ctx, id: string, patch: UserUpdate) {
  const user = await getUser(ctx, id);
  if (user.id === ctx.actor.id && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
    throw invalidField(patch.disabled ? 'disabled' : 'role', {
      en: 'you cannot lock yourself out',
      nl: 'u kunt uzelf niet buitensluiten',
      fr: 'vous ne pouvez pas vous exclure vous-même',
    });
  }
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
        ...(patch.password !== undefined ? { password_hash: await hashPassword(patch.password) } : {}),
      })
      .where('id', '=', id)
      .execute();
    // A new password or a disabled account ends the user's sessions (and an open reset code).
    if (patch.password !== undefined || patch.disabled) {
      await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await tx.deleteFrom('password_resets').where('user_id', '=', id).execute();
    }
    const after = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const changes = diff(userAudit(user), userAudit(after));
    if (patch.password !== undefined) changes.password = ['•••', '•••'];
    await audit(tx, ctx, { subject: 'user', subjectId: id, action: 'changed', label: user.email, changes });
  });
  forgetCallers();
  return userView(await getUser(ctx, id));
}

/**
 * Records a login attempt as a failure unless a limit is reached; true when it may be checked.
 * Counting and recording are one statement (SQLite takes its write lock for the whole statement)
 * under per-account and per-address advisory locks on PostgreSQL, so parallel attempts from any
 * number of processes are decided one at a time. The row becomes a success once the password is
 * right; until then it counts as a failure, so attempts in flight count too.
 */
export async function recordAttempt(deps: Deps, id: string, email: string, ip: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60000).toISOString();
  const insert = (db: Db) => sql`
    insert into login_attempts (id, email, ip, succeeded, at)
    select ${id}, ${email}, ${ip}, 0, ${at}
    where (select count(*) from login_attempts f where f.email = ${email} and f.ip = ${ip} and f.succeeded = 0 and f.at >= ${since}
             and f.at >= (select coalesce(max(s.at), ${since}) from login_attempts s where s.email = ${email} and s.succeeded = 1 and s.at >= ${since})
          ) < ${LOGIN_LIMITS.perAccountAndAddress}
      and (select count(*) from login_attempts f where f.email = ${email} and f.succeeded = 0 and f.at >= ${since}
             and f.at >= (select coalesce(max(s.at), ${since}) from login_attempts s where s.email = ${email} and s.succeeded = 1 and s.at >= ${since})
          ) < ${LOGIN_LIMITS.perAccount}
      and (select count(*) from login_attempts f where f.ip = ${ip} and f.succeeded = 0 and f.at >= ${since}) < ${LOGIN_LIMITS.perAddress}
  `.execute(db);
  if (deps.dialect === 'sqlite') return Number((await insert(deps.db)).numAffectedRows ?? 0) === 1;
  return deps.db.transaction().execute(async (tx) => {
    // Account before address, always: no two attempts wait on each other in a cycle.
    await sql`select pg_advisory_xact_lock(${LOCK_ACCOUNT}, hashtext(${email}))`.execute(tx);
    await sql`select pg_advisory_xact_lock(${LOCK_ADDRESS}, hashtext(${ip}))`.execute(tx);
    return Number((await insert(tx)).numAffectedRows ?? 0) === 1;
  });
}

const LOCK_ACCOUNT = 0x4c4f4741; // advisory lock namespaces (int4 pairs)
const LOCK_ADDRESS = 0x4c4f4749;

export async function login(deps: Deps, emailInput: string, password: string, ip: string) {
  const email = normaliseEmail(emailInput);
  const now = deps.clock.now();
  const attemptId = newId();
  // Counted in the database, so every Foyer process shares the limits.
  if (!(await recordAttempt(deps, attemptId, email, ip, now))) {
    throw new Problem('too-many-attempts', { minutes: LOGIN_LIMITS.windowMinutes });
  }
  const user = await deps.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const ok = (await verifyPassword(user?.password_hash, password)) && !!user && !user.disabled;
  if (!ok || !user) throw new Problem('invalid-credentials');
  await deps.db.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', attemptId).execute();
  return startSession(deps.db, user, now);
}

/** A new session for a user who proved who they are: the login answer. */
export async function startSession(db: Db, user: User, now: Date) {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await db.insertInto('sessions').values({
    token_hash: sha256(token), user_id: user.id, organisation_id: user.organisation_id,
    created_at: now.toISOString(), expires_at: expiresAt,
  }).execute();
  return { token, expiresAt, user: userView(user) };
}

export async function logout(deps: Deps, token: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
  forgetCallers();
}

export async function me(ctx: Ctx) {
  const org = await ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', '=', ctx.orgId).executeTakeFirstOrThrow();
  if (ctx.actor.kind === 'client') {
    const c = await ctx.db.selectFrom('api_clients').selectAll().where('id', '=', ctx.actor.id).executeTakeFirstOrThrow();
    return { kind: 'client' as const, id: c.id, name: c.name, role: c.role, organisation: org };
  }
  const u = await getUser(ctx, ctx.actor.id);
  return { kind: 'user' as const, id: u.id, name: u.name, email: u.email, role: u.role, organisation: org };
}

// --- API clients -------------------------------------------------------------------------

export const apiClientView = (c: ApiClient) => ({
  id: c.id,
  clientId: c.client_id,
  name: c.name,
  role: c.role,
  createdAt: c.created_at,
  revokedAt: c.revoked_at,
});

export async function createApiClient(db: Db, orgId: string, name: string, role: Role, now: Date) {
  const clientSecret = randomToken(32);
  const client: ApiClient = {
    id: newId(),
    organisation_id: orgId,
    client_id: `foyer_${randomToken(12)}`,
    secret_hash: sha256(clientSecret),
    name,
    role,
    created_at: now.toISOString(),
    revoked_at: null,
  };
  await db.insertInto('api_clients').values(client).execute();
  return { ...apiClientView(client), clientSecret };
}

/** An API client created by a manager, recorded in the audit trail (never its secret). */
export async function addApiClient(ctx: Ctx, name: string, role: Role) {
  return ctx.db.transaction().execute(async (tx) => {
    const c = await createApiClient(tx, ctx.orgId, name, role, ctx.clock.now());
    await audit(tx, ctx, { subject: 'api-client', subjectId: c.id, action: 'created', label: name, before: null, after: { name, role, clientId: c.clientId } });
    return c;
  });
}

export async function listApiClients(ctx: Ctx) {
  const rows = await ctx.db.selectFrom('api_clients').selectAll().where('organisation_id', '=', ctx.orgId).orderBy('created_at').execute();
  return rows.map(apiClientView);
}

export async function revokeApiClient(ctx: Ctx, id: string) {
  const c = await ctx.db.selectFrom('api_clients').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!c) throw notFound('API client');
  if (!c.revoked_at) {
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('api_clients').set({ revoked_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
      await audit(tx, ctx, { subject: 'api-client', subjectId: id, action: 'revoked', label: c.name, changes: { revoked: [false, true] } });
    });
    forgetCallers();
  }
}

/** OAuth 2 client credentials -> a bearer JWT. */
export async function issueClientToken(deps: Deps, clientId: string, clientSecret: string) {
  const c = await deps.db.selectFrom('api_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  if (!c || c.revoked_at || c.secret_hash !== sha256(clientSecret)) {
    throw new Problem('invalid-client', {}, [], { error: 'invalid_client' });
  }
  const token = await signClientToken(deps, { kind: 'client', id: c.id, orgId: c.organisation_id, role: c.role }, CLIENT_TOKEN_SECONDS);
  return { access_token: token, token_type: 'Bearer' as const, expires_in: CLIENT_TOKEN_SECONDS };
}

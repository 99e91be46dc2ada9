// Authentication of every /api request: a staff session token or an API client's JWT.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { jwtVerify, SignJWT } from 'jose';
import type { Actor, Ctx, Deps } from './context.js';
import { pickLang } from './i18n.js';
import { sha256 } from './ids.js';
import { Problem } from './problems.js';
import { ShortCache } from './short-cache.js';
import { serverSecret } from './secrets.js';
import { ROLES, type Role } from '../staff/tables.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

const ISSUER = 'foyer';
const JWT_SECRET = 'jwt-signing-key';

async function jwtKey(deps: Deps): Promise<Uint8Array> {
  return new TextEncoder().encode(await serverSecret(deps.db, JWT_SECRET, deps.clock.now()));
}

export async function signClientToken(deps: Deps, actor: Actor, lifetimeSeconds: number): Promise<string> {
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  return new SignJWT({ org: actor.orgId, role: actor.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setSubject(actor.id)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(await jwtKey(deps));
}

export type Found = { actor: Actor; expiresAt: string | undefined };

async function actorFromJwt(deps: Deps, token: string): Promise<Found | undefined> {
  try {
    const { payload } = await jwtVerify(token, await jwtKey(deps), {
      issuer: ISSUER,
      // Only what Foyer signs: HS256 with its own key, always with an expiry.
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
      currentDate: deps.clock.now(),
    });
    const role = payload.role as Role;
    if (typeof payload.sub !== 'string' || typeof payload.org !== 'string' || !ROLES.includes(role)) return undefined;
    // Revocation takes effect at once, not at the token's expiry.
    const client = await deps.db
      .selectFrom('api_clients')
      .select(['id', 'revoked_at'])
      .where('id', '=', payload.sub)
      .where('organisation_id', '=', payload.org)
      .executeTakeFirst();
    if (!client || client.revoked_at) return undefined;
    const expiresAt = new Date(payload.exp! * 1000).toISOString();
    return { actor: { kind: 'client', id: payload.sub, orgId: payload.org, role }, expiresAt };
  } catch {
    return undefined;
  }
}

async function actorFromSession(deps: Deps, token: string): Promise<Found | undefined> {
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.organisation_id', 'users.role', 'users.disabled', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= deps.clock.now().toISOString()) return undefined;
  return { actor: { kind: 'user', id: row.id, orgId: row.organisation_id, role: row.role }, expiresAt: row.expires_at };
}

export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1];
}

// Every request authenticates, and in an on-sale rush the same callers come back several times a
// second. Each process remembers for a second whom a token belongs to: logging out, changing or
// disabling a user and revoking a client forget at once in the process that did it (forgetCallers),
// and within that second in every other process.
// One lookup per token at a time: the first wave of a rush does not ask the database 500 times.
const callers = new ShortCache<Found | undefined>(1000, 10_000, (found) => !!found);

export const forgetCallers = (): void => callers.forget();

type TokenKind = (deps: Deps, token: string) => Promise<Found | undefined>;
const tokenKinds = new Map<string, TokenKind>();

/**
 * Another kind of bearer token, told apart by its prefix ending in a dot (session tokens have no dot,
 * JWTs two): the door devices' sessions of src/checkin.
 */
export function registerTokenKind(prefix: `${string}.`, resolve: TokenKind): void {
  tokenKinds.set(prefix, resolve);
}

function lookUp(deps: Deps, token: string): Promise<Found | undefined> {
  for (const [prefix, resolve] of tokenKinds) if (token.startsWith(prefix)) return resolve(deps, token);
  return token.split('.').length === 3 ? actorFromJwt(deps, token) : actorFromSession(deps, token);
}

export async function authenticate(deps: Deps, req: FastifyRequest): Promise<Actor> {
  const token = bearerToken(req);
  if (!token) throw new Problem('unauthenticated');
  const found = await callers.get(deps.db, token, () => lookUp(deps, token));
  if (!found || (found.expiresAt && found.expiresAt <= deps.clock.now().toISOString())) throw new Problem('unauthenticated');
  return found.actor;
}

/** preHandler: the caller must be logged in with one of `roles` (admin may do everything). */
export function requireRole(deps: Deps, ...roles: Role[]): preHandlerAsyncHookHandler {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const actor = await authenticate(deps, req);
    if (actor.role !== 'admin' && !roles.includes(actor.role)) throw new Problem('forbidden', { role: actor.role });
    req.actor = actor;
  };
}

/** The service context of an authenticated request. */
export function ctxOf(deps: Deps, req: FastifyRequest): Ctx {
  if (!req.actor) throw new Error('ctxOf called on a route without requireRole');
  return {
    db: deps.db,
    dialect: deps.dialect,
    orgId: req.actor.orgId,
    actor: req.actor,
    clock: deps.clock,
    log: req.log,
    lang: pickLang(req.headers['accept-language']),
  };
}

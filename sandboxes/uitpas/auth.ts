// The UiTiD account server part: client-credentials tokens (opaque), bearer checks, organizer permissions.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../src/platform/clock.js';
import type { Client, Permission, UitpasEvent } from './model.js';
import { probs } from './problems.js';
import type { SandboxStore } from './store.js';

export const TOKEN_PATH = '/realms/uitid/protocol/openid-connect/token';

export class TokenStore {
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();

  constructor(private readonly clock: Clock, readonly lifetimeSeconds: number) {}

  issue(clientId: string): string {
    const token = crypto.randomBytes(32).toString('base64url');
    this.tokens.set(token, { clientId, expiresAt: this.clock.now().getTime() + this.lifetimeSeconds * 1000 });
    return token;
  }

  /** The client id behind a live token, or why there is none. */
  check(token: string): { clientId: string } | { error: string } {
    const t = this.tokens.get(token);
    if (!t) return { error: 'Unknown access token.' };
    if (t.expiresAt <= this.clock.now().getTime()) return { error: 'The access token has expired.' };
    return { clientId: t.clientId };
  }

  expireAll(): number {
    const past = this.clock.now().getTime() - 1;
    for (const t of this.tokens.values()) t.expiresAt = past;
    return this.tokens.size;
  }
}

declare module 'fastify' {
  interface FastifyRequest { uitpasClient?: Client }
}

function oauthError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  return reply.code(status).type('application/json').send({ error, error_description: description });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? null : { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

/** Keycloak-style token endpoint: form body, client_secret_post or client_secret_basic. */
export function tokenRoute(app: FastifyInstance, store: SandboxStore, tokens: TokenStore): void {
  app.post(TOKEN_PATH, async (req, reply) => {
    const contentType = String(req.headers['content-type'] ?? '');
    if (!contentType.startsWith('application/x-www-form-urlencoded')) {
      return oauthError(reply, 400, 'invalid_request', 'Send the token request as application/x-www-form-urlencoded.');
    }
    const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
    const basic = basicCredentials(req.headers.authorization);
    const clientId = basic?.id ?? form.get('client_id');
    const clientSecret = basic?.secret ?? form.get('client_secret');
    const grantType = form.get('grant_type');
    if (!grantType) return oauthError(reply, 400, 'invalid_request', 'Missing form parameter: grant_type');
    if (grantType !== 'client_credentials') return oauthError(reply, 400, 'unsupported_grant_type', 'Unsupported grant_type');
    const client = clientId ? store.client(clientId) : undefined;
    if (!client || client.clientSecret !== clientSecret) {
      return oauthError(reply, 401, 'invalid_client', 'Invalid client or Invalid client credentials');
    }
    return reply.header('cache-control', 'no-store').send({
      access_token: tokens.issue(client.clientId), expires_in: tokens.lifetimeSeconds, token_type: 'Bearer',
    });
  });
}

/** onRequest hook for API routes: a live bearer token, else 401 auth/unauthorized. */
export function requireToken(store: SandboxStore, tokens: TokenStore) {
  return async (req: FastifyRequest): Promise<void> => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m) throw probs.unauthorized('Send an access token in the Authorization header: Bearer <token>.');
    const checked = tokens.check(m[1]);
    if ('error' in checked) throw probs.unauthorized(checked.error);
    req.uitpasClient = store.client(checked.clientId);
    if (!req.uitpasClient) throw probs.unauthorized('The client of this token no longer exists.');
  };
}

export function clientOf(req: FastifyRequest): Client {
  if (!req.uitpasClient) throw probs.unauthorized('No access token.');
  return req.uitpasClient;
}

export function hasPermission(client: Client, organizerId: string, permission: Permission): boolean {
  return client.organizers.some((o) => o.organizerId === organizerId && o.permissions.includes(permission));
}

/** Any organizer will do (PASSES_READ is not tied to an event). */
export function requireAnyPermission(client: Client, permission: Permission): void {
  if (!client.organizers.some((o) => o.permissions.includes(permission))) {
    throw probs.forbidden(`Client ${client.clientId} lacks permission ${permission}.`);
  }
}

export function requireEventPermission(client: Client, event: UitpasEvent, permission: Permission): void {
  if (!hasPermission(client, event.organizerId, permission)) {
    throw probs.forbidden(`Client ${client.clientId} lacks permission ${permission} for organizer ${event.organizerId} of event ${event.id}.`);
  }
}

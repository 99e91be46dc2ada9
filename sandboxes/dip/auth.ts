// Client credentials -> a short-lived HS256 JWT, and the bearer check on every other DIP call.
import crypto from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../../src/platform/clock.js';
import type { DipStore } from './store.js';

export interface IssuedToken {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export type TokenCheck = { ok: true; theaterId: number; clientId: string } | { ok: false; description: string };

export class TokenIssuer {
  private readonly key: Uint8Array;
  /** Tokens carry the generation they were issued in; "expire all" moves to the next one. */
  private generation = 1;

  constructor(private readonly clock: Clock, private readonly lifetimeSeconds: number, secret?: string) {
    this.key = secret ? new TextEncoder().encode(secret) : crypto.randomBytes(32);
  }

  async issue(clientId: string, theaterId: number): Promise<IssuedToken> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const jwt = await new SignJWT({ theater_id: theaterId, gen: this.generation })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(clientId)
      .setJti(crypto.randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.lifetimeSeconds)
      .sign(this.key);
    return { access_token: jwt, token_type: 'bearer', expires_in: this.lifetimeSeconds };
  }

  expireAll(): void {
    this.generation++;
  }

  async check(authorization: string | undefined): Promise<TokenCheck> {
    const m = /^Bearer (\S+)$/i.exec(authorization ?? '');
    if (!m) return { ok: false, description: 'send Authorization: Bearer <token from POST /token>' };
    try {
      const { payload } = await jwtVerify(m[1], this.key, { algorithms: ['HS256'], currentDate: this.clock.now() });
      if (payload.gen !== this.generation) return { ok: false, description: 'the token expired' };
      if (typeof payload.theater_id !== 'number' || typeof payload.sub !== 'string') return { ok: false, description: 'the token is invalid' };
      return { ok: true, theaterId: payload.theater_id, clientId: payload.sub };
    } catch (e) {
      if (e instanceof errors.JWTExpired) return { ok: false, description: 'the token expired' };
      return { ok: false, description: 'the token is invalid' };
    }
  }
}

export type CredentialsCheck = { ok: true; clientId: string; theaterId: number } | { ok: false; status: 400 | 401; error: string; description: string };

/** The form fields of POST /token. */
export function checkCredentials(form: Record<string, unknown>, store: Pick<DipStore, 'client'>): CredentialsCheck {
  const field = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : undefined);
  const grantType = field('grant_type');
  if (grantType !== undefined && grantType !== 'client_credentials') {
    return { ok: false, status: 400, error: 'unsupported_grant_type', description: `grant_type must be client_credentials, got "${grantType}"` };
  }
  const clientId = field('client_id');
  const clientSecret = field('client_secret');
  if (!clientId || !clientSecret) {
    return { ok: false, status: 400, error: 'invalid_request', description: 'client_id and client_secret are required' };
  }
  const client = store.client(clientId);
  const secretOk = client !== undefined
    && crypto.timingSafeEqual(crypto.createHash('sha256').update(client.clientSecret).digest(), crypto.createHash('sha256').update(clientSecret).digest());
  if (!client || !secretOk) return { ok: false, status: 401, error: 'invalid_client', description: 'unknown client_id or wrong client_secret' };
  return { ok: true, clientId, theaterId: client.theaterId };
}

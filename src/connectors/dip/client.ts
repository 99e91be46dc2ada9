// HTTP to DIP: the client-credentials token (cached until its exp minus a margin, shared by every
// run of this process) and calls that fetch a new token once when DIP answers 401.
import crypto from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Clock } from '../../platform/clock.js';

export interface DipCredentials {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface DipAnswer {
  status: number;
  text: string;
  durationMs: number;
}

/** DIP could not be reached or answered 5xx/429: worth trying again later. */
export class DipUnavailable extends Error {
  override name = 'DipUnavailable';
}

/** DIP said no in a way that trying again cannot fix (credentials refused, 403, 404). */
export class DipRefused extends Error {
  override name = 'DipRefused';
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/**
 * DIP refused the run as a whole: a 400 that names no performance ("Not an agency": a permission
 * the credentials lack, "no data", a body format DIP does not take). No link is to blame.
 */
export class DipRunStopped extends DipRefused {
  override name = 'DipRunStopped';
  constructor(message: string, readonly dipMessage: string) {
    super(message, 400);
  }
}

/**
 * What an answer that is not a success means for the run (`what` names the call, `message` is
 * DIP's): 5xx, 429 and a 401 that a new token did not cure: try later; a 400 (that the caller could
 * not pin on a performance) stops the run; other answers (403, 404): DIP will say the same again.
 */
export function failureOf(status: number, what: string, message: string): DipUnavailable | DipRefused {
  const text = `DIP ${what}: HTTP ${status}: ${message}`;
  if (status >= 500 || status === 429 || status === 401) return new DipUnavailable(text);
  return status === 400 ? new DipRunStopped(text, message) : new DipRefused(text, status);
}

const TOKEN_MARGIN_MS = 60_000;
const tokens = new Map<string, { token: string; renewAt: number }>();

/** Forget every cached token (tests). */
export function clearDipTokens(): void {
  tokens.clear();
}

const cacheKey = (c: DipCredentials): string =>
  crypto.createHash('sha256').update(`${c.baseUrl}\n${c.clientId}\n${c.clientSecret}`).digest('hex');

export const trimBase = (url: string): string => url.replace(/\/+$/, '');

export interface DipCallOptions {
  /** How long one call may take before it counts as unanswered. */
  timeoutMs?: number;
  /** At least this long between the starts of two calls of this client (the token call aside). */
  paceMs?: number;
}

export const DEFAULT_TIMEOUT_SECONDS = 60;
export const DEFAULT_PACE_MS = 500;

export class DipClient {
  /** Calls made (token calls aside). */
  calls = 0;
  private readonly key: string;
  private readonly timeoutMs: number;
  private readonly paceMs: number;
  /** performance.now() before which the next call may not start. */
  private nextStart = 0;

  constructor(
    private readonly creds: DipCredentials,
    private readonly clock: Clock,
    opts: DipCallOptions = {},
  ) {
    this.key = cacheKey(creds);
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000;
    this.paceMs = opts.paceMs ?? DEFAULT_PACE_MS;
  }

  /** A call with the bearer token; a 401 fetches a new token and tries once more. */
  async call(method: string, path: string, body?: unknown): Promise<DipAnswer> {
    const first = await this.send(method, path, body, await this.token());
    if (first.status !== 401) return first;
    tokens.delete(this.key);
    const second = await this.send(method, path, body, await this.token());
    return { ...second, durationMs: first.durationMs + second.durationMs };
  }

  async token(): Promise<string> {
    const hit = tokens.get(this.key);
    const now = this.clock.now().getTime();
    if (hit && hit.renewAt > now) return hit.token;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.creds.clientId, client_secret: this.creds.clientSecret });
    const res = await this.fetch('POST', '/token', { 'content-type': 'application/x-www-form-urlencoded' }, form.toString());
    if (res.status >= 500 || res.status === 429) throw new DipUnavailable(`DIP token: HTTP ${res.status}`);
    if (res.status !== 200) throw new DipRefused(`DIP refused the credentials (HTTP ${res.status}): ${res.text.slice(0, 300)}`, res.status);
    let token: string;
    let expMs: number;
    try {
      const parsed = JSON.parse(res.text) as { access_token?: unknown; expires_in?: unknown };
      if (typeof parsed.access_token !== 'string') throw new Error('no access_token');
      token = parsed.access_token;
      const exp = decodeJwt(token).exp;
      expMs = typeof exp === 'number' ? exp * 1000 : now + Number(parsed.expires_in ?? 300) * 1000;
    } catch (err) {
      throw new DipUnavailable(`DIP token: unreadable answer (${(err as Error).message})`);
    }
    // Renew a minute early, or halfway through a token that lives less than two minutes.
    const margin = Math.min(TOKEN_MARGIN_MS, Math.max(0, (expMs - now) / 2));
    tokens.set(this.key, { token, renewAt: expMs - margin });
    return token;
  }

  /** Waits for this call's turn: calls start at least paceMs apart, however many are in flight. */
  private async pace(): Promise<void> {
    if (this.paceMs <= 0) return;
    const now = performance.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + this.paceMs;
    if (start > now) await new Promise((r) => setTimeout(r, start - now));
  }

  private async send(method: string, path: string, body: unknown, token: string): Promise<DipAnswer> {
    await this.pace();
    this.calls++;
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.fetch(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
  }

  private async fetch(method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<DipAnswer> {
    const started = performance.now();
    try {
      const res = await fetch(trimBase(this.creds.baseUrl) + path, { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
      const text = await res.text();
      return { status: res.status, text, durationMs: Math.round(performance.now() - started) };
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      throw new DipUnavailable(`DIP ${method} ${path}: ${(err as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs / 1000} s` : cause ?? (err as Error).message}`);
    }
  }
}

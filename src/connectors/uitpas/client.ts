// HTTP to UiTPAS: a client-credentials token per credential set (cached, one request in flight,
// renewed once on 401) and calls that say whether UiTPAS may have acted when no answer came.
import { sha256 } from '../../platform/ids.js';
import type { WireProblem } from './wire.js';

export interface UitpasCredentials {
  accountUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface ClientOptions {
  /** Per call; default 10 s. */
  timeoutMs?: number;
  now?: () => number;
}

export type Answer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; problem: WireProblem };

/** UiTPAS could not be asked or did not answer. `outcomeUnknown`: a call that changes things may have been carried out. */
export class UitpasUnavailable extends Error {
  override name = 'UitpasUnavailable';
  constructor(message: string, readonly outcomeUnknown: boolean) {
    super(message);
  }
}

/** UiTiD refused the client id and secret. */
export class UitpasAuthFailed extends Error {
  override name = 'UitpasAuthFailed';
}

const TOKEN_PATH = '/realms/uitid/protocol/openid-connect/token';
const TOKEN_MARGIN_MS = 60_000;

interface CachedToken { token: string; expiresAt: number }
const tokens = new Map<string, CachedToken>();
const inFlight = new Map<string, Promise<CachedToken>>();

const trim = (url: string) => url.replace(/\/+$/, '');

/** Forgets every cached token (tests). */
export function clearTokenCache(): void {
  tokens.clear();
}

export class UitpasClient {
  private readonly key: string;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly creds: UitpasCredentials, opts: ClientOptions = {}) {
    this.key = `${trim(creds.accountUrl)}|${creds.clientId}|${sha256(creds.clientSecret)}`;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  async call<T>(method: string, path: string, opts: { query?: Record<string, string | number | undefined>; body?: unknown } = {}): Promise<Answer<T>> {
    const url = new URL(trim(this.creds.apiUrl) + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    let res = await this.send(method, url, opts.body, (await this.token()).token);
    if (res.status === 401) {
      // The token may have been revoked or expired early: one new token, one retry.
      tokens.delete(this.key);
      res = await this.send(method, url, opts.body, (await this.token()).token);
    }
    return this.answer<T>(method, res);
  }

  private async answer<T>(method: string, res: Response): Promise<Answer<T>> {
    const text = await res.text().catch(() => '');
    const json = parse(text);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, body: json as T };
    // 503 and 429 say the request was not carried out; other 5xx (a gateway timeout) may hide a done request.
    if (res.status >= 500 || res.status === 429) {
      throw new UitpasUnavailable(`UiTPAS answered ${res.status}`, method !== 'GET' && res.status !== 503 && res.status !== 429);
    }
    const problem = json && typeof json === 'object' && 'type' in json
      ? json as WireProblem
      : { type: 'about:blank', status: res.status, title: text.slice(0, 200) };
    return { ok: false, status: res.status, problem };
  }

  private async send(method: string, url: URL, body: unknown, token: string): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, method !== 'GET');
  }

  /** `changes`: the call changes something at UiTPAS, so a lost answer leaves its outcome unknown. */
  private async fetch(url: URL, init: RequestInit, changes: boolean): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      const refused = cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'EAI_AGAIN';
      const what = (err as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : cause ?? (err as Error).message;
      throw new UitpasUnavailable(`UiTPAS at ${url.host} could not be reached: ${what}`, !refused && changes);
    }
  }

  private async token(): Promise<CachedToken> {
    const hit = tokens.get(this.key);
    if (hit && hit.expiresAt > this.now()) return hit;
    let pending = inFlight.get(this.key);
    if (!pending) {
      pending = this.fetchToken().finally(() => inFlight.delete(this.key));
      inFlight.set(this.key, pending);
    }
    return pending;
  }

  private async fetchToken(): Promise<CachedToken> {
    const url = new URL(trim(this.creds.accountUrl) + TOKEN_PATH);
    const res = await this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.creds.clientId, client_secret: this.creds.clientSecret }),
    }, false);
    const body = parse(await res.text().catch(() => '')) as { access_token?: string; expires_in?: number } | undefined;
    if (res.status === 400 || res.status === 401) throw new UitpasAuthFailed(`UiTiD refused client ${this.creds.clientId}`);
    if (res.status !== 200 || !body?.access_token) throw new UitpasUnavailable(`UiTiD token endpoint answered ${res.status}`, false);
    const lifetimeMs = (body.expires_in ?? 300) * 1000;
    const cached = { token: body.access_token, expiresAt: this.now() + Math.max(lifetimeMs - TOKEN_MARGIN_MS, lifetimeMs / 2) };
    tokens.set(this.key, cached);
    return cached;
  }
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Test support: a sandbox on a loopback port, and every answer checked against the UiTPAS contract
// kept in this folder (contract.json).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { uitpasContract } from './contract.js';
import { DEMO_CLIENT, startUitpasSandbox, type RunningSandbox, type StartOptions } from './index.js';

export interface Answer<T = unknown> { status: number; body: T; text: string; contentType: string }

export interface CallOptions {
  token?: string;
  query?: Record<string, string | number | string[] | undefined>;
  params?: Record<string, string>;
  body?: unknown;
  /** Skip the contract check (fault answers are not UiTPAS answers). */
  raw?: boolean;
  signal?: AbortSignal;
}

export interface TestSandbox extends RunningSandbox {
  clock: ManualClock;
  /** A fresh access token for a client (default foyer-demo). */
  token(client?: { clientId: string; clientSecret: string }): Promise<string>;
  /** Calls an operation as named in the contract ('GET /tariffs') and checks the answer against it. */
  call<T = any>(operation: string, opts?: CallOptions): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Plain HTTP, no contract check. */
  http<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const TEST_NOW = new Date('2026-12-02T10:00:00Z'); // a Wednesday

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  const body = (text && contentType.includes('json') ? JSON.parse(text) : text || undefined) as T;
  return { status: res.status, body, text, contentType };
}

export async function startTestSandbox(opts: StartOptions = {}): Promise<TestSandbox> {
  const clock = new ManualClock(TEST_NOW);
  const running = await startUitpasSandbox({ clock, ...opts });
  const base = running.baseUrl;
  let demoToken: string | undefined;
  const token: TestSandbox['token'] = async (client = DEMO_CLIENT) => {
    const res = await fetch(`${base}/realms/uitid/protocol/openid-connect/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
    });
    if (res.status !== 200) throw new Error(`token for ${client.clientId}: ${res.status}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  return {
    ...running, clock, token,
    async call(operation, o = {}) {
      const [method, template] = operation.split(' ');
      const url = new URL(base + template.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(o.params?.[k] ?? '')));
      for (const [k, v] of Object.entries(o.query ?? {})) {
        for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) url.searchParams.append(k, String(one));
      }
      const headers: Record<string, string> = {};
      const tok = o.token ?? (demoToken ??= await token());
      if (tok) headers.authorization = `Bearer ${tok}`;
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url, {
        method, headers, signal: o.signal,
        body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
      });
      const a = await answer<any>(res); // eslint-disable-line @typescript-eslint/no-explicit-any
      if (!o.raw) {
        const problems = uitpasContract().check(method, template, a.status, a.contentType, a.body);
        if (problems.length) throw new Error(`${operation} -> ${a.status} breaks the contract:\n  ${problems.join('\n  ')}\n${a.text}`);
      }
      return a;
    },
    async http(method, p, body, headers = {}) {
      const h = { ...headers };
      if (body !== undefined && typeof body !== 'string') h['content-type'] ??= 'application/json';
      const res = await fetch(base + p, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      return answer(res);
    },
  };
}

/** One sandbox for the test file, reset (sales, faults, log; clock back to TEST_NOW) before each test. */
export function sandboxPerFile(opts: StartOptions = {}): () => TestSandbox {
  let sb: TestSandbox | undefined;
  beforeAll(async () => { sb = await startTestSandbox(opts); });
  afterAll(async () => { await sb?.close(); });
  beforeEach(async () => {
    await sb!.http('POST', '/_sandbox/reset');
    sb!.clock.set(TEST_NOW);
  });
  return () => sb!;
}

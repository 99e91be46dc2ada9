// Test support: a sandbox on a loopback port with a clock the test moves, the official client
// pointed at it, and a webhook receiver that records what Mollie's calls carried.
import http from 'node:http';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { MollieClient } from '@mollie/api-client';
import { ManualClock } from '../../src/platform/clock.js';
import { mollieClient } from '../../src/connectors/mollie/client.js';
import { DEMO_API_KEY, startMollieSandbox, type RunningMollieSandbox, type StartOptions } from './index.js';

export const TEST_NOW = new Date('2026-12-02T10:00:00Z');
export const OTHER_KEY = 'test_OtherProfileKey000000000000000';

export interface Hook { body: string; contentType: string; at: number }

export interface WebhookReceiver {
  url: string;
  calls: Hook[];
  /** Status the receiver answers (200 by default). */
  answer: number;
  /** The first this many calls get 500 whatever `answer` says. */
  failFirst: number;
  close(): Promise<void>;
}

export async function webhookReceiver(): Promise<WebhookReceiver> {
  const calls: Hook[] = [];
  const r = { calls, answer: 200, failFirst: 0 } as WebhookReceiver;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => {
      calls.push({ body, contentType: req.headers['content-type'] ?? '', at: Date.now() });
      res.writeHead(calls.length <= r.failFirst ? 500 : r.answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  r.url = `http://127.0.0.1:${address.port}/webhook`;
  r.close = () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return r;
}

export interface TestSandbox extends RunningMollieSandbox {
  clock: ManualClock;
  client(apiKey?: string, timeoutMs?: number): MollieClient;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  raw(method: string, path: string, init?: { body?: string; headers?: Record<string, string> }): Promise<{ status: number; contentType: string; body: any; text: string }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function startTestSandbox(opts: StartOptions = {}): Promise<TestSandbox> {
  const clock = new ManualClock(TEST_NOW);
  const running = await startMollieSandbox({ clock, retryDelaysMs: [100, 200, 400], refundSettleMs: 60_000, ...opts });
  return {
    ...running, clock,
    client: (apiKey = DEMO_API_KEY, timeoutMs = 2000) => mollieClient({ apiKey, apiEndpoint: running.apiEndpoint, timeoutMs }),
    async control(method, path, body) {
      const res = await fetch(running.baseUrl + path, {
        method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async raw(method, path, init = {}) {
      const res = await fetch(running.baseUrl + path, { method, headers: init.headers, body: init.body, redirect: 'manual' });
      const text = await res.text();
      const contentType = res.headers.get('content-type') ?? '';
      return { status: res.status, contentType, text, body: contentType.includes('json') && text ? JSON.parse(text) : text };
    },
  };
}

/** One sandbox for the file, reset (payments, faults, logs; clock back to TEST_NOW) before each test. */
export function sandboxPerFile(opts: StartOptions = {}): () => TestSandbox {
  let sb: TestSandbox | undefined;
  beforeAll(async () => { sb = await startTestSandbox(opts); });
  afterAll(async () => { await sb?.close(); });
  beforeEach(async () => {
    await sb!.control('POST', '/_sandbox/reset');
    sb!.clock.set(TEST_NOW);
  });
  return () => sb!;
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

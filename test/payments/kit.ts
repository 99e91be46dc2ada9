// A Foyer on a fresh database next to a Mollie sandbox: an organisation whose Mollie settings point at
// the sandbox (webhooks to the Foyer under test), a performance on sale, and the payment jobs ready to
// be run by the test. Foyer's clock is the test's, so deadlines and polls are reached without waiting.
import pino from 'pino';
import { expect } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import type { Dialect } from '../../src/platform/db.js';
import { JobRunner } from '../../src/platform/jobs.js';
import { Scheduler } from '../../src/platform/schedules.js';
import { registerPaymentJobs } from '../../src/payments/jobs.js';
import { pollPayments } from '../../src/payments/poller.js';
import { pollRefunds } from '../../src/payments/refunds.js';
import { mollieOptions } from '../../src/connectors/mollie/settings.js';
import { DEMO_API_KEY, startMollieSandbox, type RunningMollieSandbox, type StartOptions } from '../../sandboxes/mollie/index.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type Answer, type TestServer } from '../helpers/server.js';

export const quiet = pino({ level: 'silent' });

export interface PaymentKit {
  s: TestServer;
  clock: ManualClock;
  sandbox: RunningMollieSandbox;
  token: string;
  orgId: string;
  c: Catalogue;
  runner: JobRunner;
  close(): Promise<void>;
}

export function ok<T>(res: Answer<T>, what: string): Answer<T> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export async function startPaymentKit(dialect: Dialect, sandboxOptions: StartOptions = {}): Promise<PaymentKit> {
  mollieOptions.timeoutMs = 1500;
  const sandbox = await startMollieSandbox({ retryDelaysMs: [300, 600, 1200, 2400], refundSettleMs: 200, ...sandboxOptions });
  const clock = new ManualClock(new Date());
  const s = await startServer(dialect, { clock });
  const { token, orgId } = await orgWithUser(s);
  const c = await buildCatalogue(s, token, { rows: 4, perRow: 10 });
  ok(await s.request('PUT', '/api/mollie/settings', {
    token, body: { apiKey: DEMO_API_KEY, endpoint: sandbox.apiEndpoint, enabled: true, webhookBaseUrl: s.baseUrl },
  }), 'mollie settings');
  const runner = new JobRunner({ deps: s.deps, log: quiet });
  registerPaymentJobs(runner, new Scheduler({ deps: s.deps, log: quiet }), s.deps, quiet);
  return {
    s, clock, sandbox, token, orgId, c, runner,
    async close() {
      await s.close();
      await sandbox.close();
    },
  };
}

export async function onlineBasket(k: PaymentKit, seatIds: string[], performanceId = k.c.performanceId) {
  const b = ok(await k.s.request('POST', '/api/baskets', { token: k.token, body: { channel: 'online' } }), 'basket').body;
  ok(await k.s.request('POST', `/api/baskets/${b.id}/lines`, { token: k.token, body: { performanceId, seatIds } }), 'lines');
  return b.id as string;
}

export const RETURN_URL = 'https://shop.example/return';

export const payOnline = (k: PaymentKit, basketId: string, body: Record<string, unknown> = {}) =>
  k.s.request('POST', `/api/baskets/${basketId}/checkout-online`, { token: k.token, body: { redirectUrl: RETURN_URL, locale: 'nl', ...body } });

/** The buyer picks an outcome on the sandbox's checkout page; answers where the browser is sent. */
export async function choose(k: PaymentKit, checkoutUrl: string, outcome: string, method = 'ideal'): Promise<string | null> {
  const res = await fetch(checkoutUrl, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ outcome, method }).toString(), redirect: 'manual',
  });
  expect(res.status).toBe(303);
  return res.headers.get('location');
}

export const sandboxControl = async (k: PaymentKit, method: string, path: string, body?: unknown) => {
  const res = await fetch(k.sandbox.baseUrl + path, {
    method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

export const order = async (k: PaymentKit, orderId: string) => ok(await k.s.request('GET', `/api/orders/${orderId}`, { token: k.token }), 'order').body;
export const onlinePayment = async (k: PaymentKit, orderId: string) => ok(await k.s.request('GET', `/api/orders/${orderId}/online-payments`, { token: k.token }), 'online payment').body.items[0];
export const seatStates = async (k: PaymentKit, performanceId = k.c.performanceId) => {
  const res = ok(await k.s.request('GET', `/api/performances/${performanceId}/seats`, { token: k.token }), 'seats').body as { seats: { seatId: string; status: string }[] };
  return new Map(res.seats.map((x) => [x.seatId, x.status]));
};

/** Waits for a condition the webhook brings about (real HTTP, real time). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Moves Foyer's clock and lets the poller (payments and refunds) run as its schedule would. */
export async function pollAfter(k: PaymentKit, ms: number): Promise<void> {
  k.clock.advance(ms);
  await pollPayments(k.s.deps, quiet);
  await pollRefunds(k.s.deps, quiet);
}

/** Runs due jobs (refunds) until none is left. */
export async function drainJobs(k: PaymentKit): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const r = await k.runner.runDue(50);
    if (r.claimed === 0) return;
  }
}

export function expectProblem(res: Answer, status: number, type: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body.type).toBe(`/problems/${type}`);
}

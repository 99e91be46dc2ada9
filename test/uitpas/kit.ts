// A Foyer on a fresh database next to a UiTPAS sandbox: an organisation with UiTPAS settings, the
// UiTPAS and group-pass ticket types, and two performances mapped to the sandbox's test events.
import pino from 'pino';
import { expect } from 'vitest';
import type { Dialect } from '../../src/platform/db.js';
import { JobRunner } from '../../src/platform/jobs.js';
import { Scheduler } from '../../src/platform/schedules.js';
import { registerUitpasJobs } from '../../src/connectors/uitpas/jobs.js';
import {
  DEMO_CLIENT, EVENT_100_PER_WEEK, EVENT_1_PER_WEEK, TEST_ORGANIZER_ID, startUitpasSandbox, type RunningSandbox,
  type UitpasSandboxOptions,
} from '../../sandboxes/uitpas/index.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type Answer, type StartOptions, type TestServer } from '../helpers/server.js';

export { EVENT_100_PER_WEEK, EVENT_1_PER_WEEK, TEST_ORGANIZER_ID };

export interface UitpasKit {
  s: TestServer;
  sandbox: RunningSandbox;
  token: string;
  c: Catalogue;
  /** Mapped to 5a0967f9-… (100 per week, tariff 25 %). */
  perfWeekly: string;
  /** Mapped to d83b5b8a-… (1 per week, tariff 2 euro). */
  perfLimited: string;
  types: { uitpas: string; group: string };
  runner: JobRunner;
  close(): Promise<void>;
}

function ok<T>(res: Answer<T>, what: string): Answer<T> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export async function startUitpasKit(dialect: Dialect, sandboxOptions: UitpasSandboxOptions = {}, serverOptions: StartOptions = {}): Promise<UitpasKit> {
  const sandbox = await startUitpasSandbox(sandboxOptions);
  const s = await startServer(dialect, serverOptions);
  const { token } = await orgWithUser(s);
  const c = await buildCatalogue(s, token, { rows: 4, perRow: 10 });
  const type = async (nl: string, flags: Record<string, boolean>) => ok(await s.request('POST', '/api/ticket-types', {
    token, body: { names: { nl, fr: nl, en: nl }, dipCategory: 'discount', channels: ['boxoffice', 'online'], ...flags },
  }), 'ticket type').body.id as string;
  const types = { uitpas: await type('UiTPAS', { uitpas: true }), group: await type('UiTPAS groepspas', { uitpasGroup: true }) };

  ok(await s.request('PATCH', `/api/performances/${c.performanceId}`, {
    token, body: { uitpasEnabled: true, uitdatabankEventId: EVENT_100_PER_WEEK },
  }), 'map weekly');
  const second = ok(await s.request('POST', '/api/performances', {
    token, body: {
      productionId: c.productionId, hallId: c.hallId, startsAt: '2055-01-16T20:15', standardTicketTypeId: c.ticketTypes.normal,
      uitpasEnabled: true, uitdatabankEventId: EVENT_1_PER_WEEK,
    },
  }), 'second performance').body.id as string;
  ok(await s.request('PUT', `/api/performances/${second}/prices`, {
    token, body: { prices: [1, 2].map((rank) => ({ ticketTypeId: c.ticketTypes.normal, rank, amount: rank === 1 ? 3000 : 2000 })) },
  }), 'prices');
  ok(await s.request('PATCH', `/api/performances/${second}`, { token, body: { status: 'on_sale' } }), 'on sale');

  ok(await s.request('PUT', '/api/uitpas/settings', {
    token, body: {
      clientId: DEMO_CLIENT.clientId, clientSecret: DEMO_CLIENT.clientSecret, accountUrl: sandbox.baseUrl, apiUrl: sandbox.baseUrl,
      organizerId: TEST_ORGANIZER_ID, channels: { boxoffice: true, online: true },
    },
  }), 'settings');

  const log = pino({ level: 'silent' });
  const runner = new JobRunner({ deps: s.deps, log });
  registerUitpasJobs(runner, new Scheduler({ deps: s.deps, log }), s.deps, log);
  return {
    s, sandbox, token, c, perfWeekly: c.performanceId, perfLimited: second, types, runner,
    async close() {
      await s.close();
      await sandbox.close();
    },
  };
}

/** Basket with seats on a performance; answers the basket view. */
export async function basketWith(k: UitpasKit, performanceId: string, seatIds: string[], channel = 'boxoffice') {
  const b = ok(await k.s.request('POST', '/api/baskets', { token: k.token, body: { channel } }), 'basket').body;
  return ok(await k.s.request('POST', `/api/baskets/${b.id}/lines`, { token: k.token, body: { performanceId, seatIds } }), 'lines').body;
}

export const addPass = (k: UitpasKit, basketId: string, body: Record<string, unknown>, lang = 'nl') =>
  k.s.request('POST', `/api/baskets/${basketId}/uitpas`, { token: k.token, body, lang });

export const checkout = (k: UitpasKit, basketId: string, lang = 'nl') =>
  k.s.request('POST', `/api/baskets/${basketId}/checkout`, { token: k.token, body: { payment: { method: 'cash' } }, lang });

/** The sales the sandbox holds for an event (active ones). */
export const salesAtUitpas = (k: UitpasKit, eventId: string) =>
  k.sandbox.app.uitpas.store.allSales().filter((x) => x.eventId === eventId);

/** Runs due jobs until none is left (a reconcile queues cancellations). */
export async function drainJobs(k: UitpasKit): Promise<void> {
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

// A Foyer and a DIP sandbox on one manual clock, an organisation with DIP set up, and selling helpers.
import { expect } from 'vitest';
import { startDipSandbox, type DipSandboxOptions, type RunningDipSandbox } from '../../sandboxes/dip/index.js';
import { clearDipTokens } from '../../src/connectors/dip/client.js';
import type { ManualClock } from '../../src/platform/clock.js';
import type { Dialect } from '../../src/platform/db.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';

export const HAMLET = 'NL-26-101-0004711';
/** The second theatre's Hamlet tour date: DIP knows it, but not for the demo theatre. */
export const OTHER_THEATRE_NUMBER = 11051;

export interface DipWorld {
  s: TestServer;
  dip: RunningDipSandbox;
  clock: ManualClock;
  token: string;
  orgId: string;
  c: Catalogue;
  /** Logs in again (after moving the clock past the session's lifetime). */
  relogin(): Promise<void>;
  dipCall<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/** The DIP settings of a test world: the sandbox, its demo client, and no pace between calls unless a test sets one. */
export const worldSettings = (w: { dip: RunningDipSandbox }, more: Record<string, unknown> = {}) =>
  ({ baseUrl: w.dip.baseUrl, clientId: 'foyer-demo', enabled: true, paceMs: 0, ...more });

export async function startWorld(dialect: Dialect, opts: Omit<DipSandboxOptions, 'clock'> = {}): Promise<DipWorld> {
  clearDipTokens();
  const clock = fixedClock('2054-11-23T12:00:00Z');
  const dip = await startDipSandbox({ ...opts, clock });
  const s = await startServer(dialect, { clock });
  const { token, orgId, email, password } = await orgWithUser(s);
  // Hamlet's first show in the sandbox's demo season (the week of the clock: Wednesday 20:15).
  const c = await buildCatalogue(s, token, { startsAt: '2054-11-25T20:15' });
  expectOk(await s.request('PATCH', `/api/productions/${c.productionId}`, { token, body: { dipProductionId: HAMLET } }));
  expectOk(await s.request('PUT', '/api/dip/settings', {
    token, body: worldSettings({ dip }, { clientSecret: 'foyer-demo-secret' }),
  }));
  const dipCall: DipWorld['dipCall'] = async (method, path, body) => {
    const res = await fetch(dip.baseUrl + path, {
      method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const world: DipWorld = {
    s, dip, clock, token, orgId, c, dipCall,
    async relogin() {
      const res = await s.request('POST', '/api/auth/login', { body: { email, password } });
      expectOk(res);
      world.token = res.body.token;
    },
    async close() {
      await s.close();
      await dip.close();
    },
  };
  return world;
}

export function expectOk(res: { status: number; body: unknown }): void {
  if (res.status >= 300) expect.fail(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
}

/** Another on-sale performance of the catalogue's production, with the catalogue's prices. */
export async function extraPerformance(w: DipWorld, startsAt: string): Promise<string> {
  const { s, token, c } = w;
  const perf = await s.request('POST', '/api/performances', {
    token, body: { productionId: c.productionId, hallId: c.hallId, startsAt, standardTicketTypeId: c.ticketTypes.normal },
  });
  expectOk(perf);
  const prices = await s.request('GET', `/api/performances/${c.performanceId}/prices`, { token });
  expectOk(prices);
  const list = prices.body.prices as { ticketTypeId: string; rank: number; amount: number }[];
  expectOk(await s.request('PUT', `/api/performances/${perf.body.id}/prices`, {
    token, body: { prices: list.map((p) => ({ ticketTypeId: p.ticketTypeId, rank: p.rank, amount: p.amount })) },
  }));
  expectOk(await s.request('PATCH', `/api/performances/${perf.body.id}`, { token, body: { status: 'on_sale' } }));
  return perf.body.id;
}

/** One order: `lines` of seats with a ticket type each; paid in cash unless `reserve`. */
export async function sell(w: DipWorld, performanceId: string, lines: { seatIds: string[]; ticketTypeId: string }[], reserve = false) {
  const { s, token } = w;
  const basket = await s.request('POST', '/api/baskets', { token, body: { channel: 'boxoffice' } });
  expectOk(basket);
  for (const l of lines) expectOk(await s.request('POST', `/api/baskets/${basket.body.id}/lines`, { token, body: { performanceId, ...l } }));
  // A reservation is made for a customer.
  if (reserve) expectOk(await s.request('PUT', `/api/baskets/${basket.body.id}/customer`, { token, body: { name: 'Klant Reservering' } }));
  const order = await s.request('POST', `/api/baskets/${basket.body.id}/checkout`, { token, body: reserve ? {} : { payment: { method: 'cash' } } });
  expectOk(order);
  return order.body as { id: string; status: string; tickets: { id: string; seatId: string; dipCategory: string }[] };
}

export async function syncNow(w: DipWorld, force = false, check = false) {
  const res = await w.s.request('POST', '/api/dip/sync?wait=true', { token: w.token, body: { ...(force ? { force } : {}), ...(check ? { check } : {}) } });
  expectOk(res);
  return res.body as { jobId: string; status: string; attempts: number; lastError: string | null; requests: number };
}

export interface Logged { method: string; path: string; status: number | null; error: string | null; wallMs: number }

export async function sandboxPuts(w: DipWorld): Promise<Logged[]> {
  return (await w.dipCall('GET', '/_sandbox/requests?method=PUT')).body;
}

export async function sandboxCalls(w: DipWorld): Promise<Logged[]> {
  return (await w.dipCall('GET', '/_sandbox/requests')).body;
}

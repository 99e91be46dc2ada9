// Shared by the sandbox's own tests: a running sandbox on a fixed clock, and valid push bodies.
import { ManualClock } from '../../src/platform/clock.js';
import { startDipSandbox, type RunningDipSandbox } from './index.js';
import { DEMO_CLIENT } from './seed.js';
import type { DipSandboxOptions } from './server.js';
import { TICKET_TYPES, type TicketsItem } from './types.js';

export const NOW = '2026-11-23T12:00:00Z';
export const HAMLET = 'NL-26-101-0004711';
export const UPDATED = '2026-11-23T14:00:00+01:00';

export interface Harness extends RunningDipSandbox {
  clock: ManualClock;
  /** JSON in and out; `token` adds the bearer header. */
  call<T = unknown>(method: string, path: string, opts?: { token?: string; body?: unknown; contentType?: string; signal?: AbortSignal }): Promise<{ status: number; body: T; headers: Headers }>;
  token(client?: { clientId: string; clientSecret: string }): Promise<string>;
}

export async function startHarness(opts: DipSandboxOptions = {}): Promise<Harness> {
  const clock = new ManualClock(new Date(NOW));
  const s = await startDipSandbox({ clock, ...opts });
  const call: Harness['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = {};
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      headers['content-type'] = o.contentType ?? 'application/json';
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    }
    const res = await fetch(s.baseUrl + path, { method, headers, body, signal: o.signal });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  return {
    ...s, clock, call,
    async token(client = DEMO_CLIENT) {
      const res = await call<{ access_token: string }>('POST', '/token', {
        body: new URLSearchParams({ client_id: client.clientId, client_secret: client.clientSecret }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      });
      if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.access_token;
    },
  };
}

/** All four ticket types for one performance; `figures` per type as [tickets, recette]. */
export function ticketsFor(performanceNumber: number, figures: Partial<Record<TicketsItem['ticketType'], [number, number]>> = {}, productionNumber = HAMLET): TicketsItem[] {
  return TICKET_TYPES.map((ticketType) => {
    const [tickets, recette] = figures[ticketType] ?? [0, 0];
    return { productionNumber, performanceNumber, ticketType, tickets, recette, updated: UPDATED };
  });
}

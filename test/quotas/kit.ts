// Shared by the quota tests: a fresh performance on sale with all four catalogue types priced, and
// setting its quotas.
import { expect } from 'vitest';
import type { Catalogue } from '../helpers/catalogue.js';
import type { TestServer } from '../helpers/server.js';

let day = 0;

/** A new performance of the catalogue's production, on sale, every type priced in both ranks. */
export async function freshPerformance(s: TestServer, token: string, c: Catalogue): Promise<string> {
  day += 1;
  const startsAt = `2055-03-${String(day).padStart(2, '0')}T20:00`;
  const perf = await s.request('POST', '/api/performances', {
    token, body: { productionId: c.productionId, hallId: c.hallId, startsAt, standardTicketTypeId: c.ticketTypes.normal },
  });
  expect(perf.status, JSON.stringify(perf.body)).toBe(201);
  const t = c.ticketTypes;
  const prices = [1, 2].flatMap((rank) => [
    { ticketTypeId: t.normal, rank, amount: 3000 }, { ticketTypeId: t.discount, rank, amount: 1500 },
    { ticketTypeId: t.free, rank, amount: 0 }, { ticketTypeId: t.other, rank, amount: 1000 },
  ]);
  expect((await s.request('PUT', `/api/performances/${perf.body.id}/prices`, { token, body: { prices } })).status).toBe(200);
  expect((await s.request('PATCH', `/api/performances/${perf.body.id}`, { token, body: { status: 'on_sale' } })).status).toBe(200);
  return perf.body.id;
}

export async function setQuotas(s: TestServer, token: string, performanceId: string, quotas: { ticketTypeId: string; max: number | null }[]) {
  const r = await s.request('PUT', `/api/performances/${performanceId}/quotas`, { token, body: { quotas } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { quotas: { ticketTypeId: string; name: string; max: number | null; taken: number }[] };
}

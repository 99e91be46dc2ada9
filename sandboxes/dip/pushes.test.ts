import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PerformanceView } from './read-side.js';
import { HAMLET, startHarness, ticketsFor, UPDATED, type Harness } from './test-support.js';

describe('DIP sandbox: the four PUT calls store what they accept', () => {
  let h: Harness;
  let token: string;
  const stored = async (n: number) => (await h.call<PerformanceView>('GET', `/_sandbox/performances/${n}`)).body;

  beforeAll(async () => { h = await startHarness(); token = await h.token(); });
  beforeEach(async () => { await h.call('POST', '/_sandbox/reset'); });
  afterAll(async () => { await h?.close(); });

  it('PUT /tickets/cumulative stores the latest figures per ticket type and keeps every push', async () => {
    const first = [...ticketsFor(11001, { normal: [120, 336000], discount: [10, 22500] }), ...ticketsFor(11002, { free: [4, 0] })];
    expect((await h.call('PUT', '/tickets/cumulative', { token, body: first })).status).toBe(204);
    // A cancellation lowers the cumulative figure: the sandbox keeps the latest, not the sum.
    const second = ticketsFor(11001, { normal: [118, 330400], discount: [10, 22500], other: [1, 2000] });
    expect((await h.call('PUT', '/tickets/cumulative', { token, body: second })).status).toBe(204);

    const p = await stored(11001);
    expect(p.tickets.normal).toMatchObject({ tickets: 118, recette: 330400, updated: UPDATED });
    expect(p.tickets.free).toMatchObject({ tickets: 0, recette: 0 });
    expect(p.tickets.other).toMatchObject({ tickets: 1, recette: 2000 });
    expect(p.totals).toEqual({ tickets: 129, recette: 354900 });
    expect(p.historyCount).toBe(8);
    expect((await stored(11002)).totals).toEqual({ tickets: 4, recette: 0 });
    expect((await stored(11003)).historyCount).toBe(0);
  });

  it('PUT /reservations/cumulative stores reservations and their recette', async () => {
    const body = [{ productionNumber: HAMLET, performanceNumber: 11001, reservations: 12, recette: 30000, updated: UPDATED }];
    expect((await h.call('PUT', '/reservations/cumulative', { token, body })).status).toBe(204);
    expect((await stored(11001)).reservations).toMatchObject({ reservations: 12, recette: 30000, updated: UPDATED });
  });

  const blockedItem = { productionNumber: HAMLET, performanceNumber: 11001, blockedSeats: 8, value: 22400, updated: UPDATED };

  it('PUT /blockedseats/cumulative stores blocked seats and their value; the other spelling is not a DIP path here', async () => {
    expect((await h.call('PUT', '/blockedseats/cumulative', { token, body: [blockedItem] })).status).toBe(204);
    expect((await stored(11001)).blocked).toMatchObject({ blockedSeats: 8, value: 22400 });
    const other = await h.call<{ error: string }>('PUT', '/blocked-seats/cumulative', { token, body: [{ ...blockedItem, blockedSeats: 6 }] });
    expect(other.status).toBe(404);
    expect(other.body.error).toBe('not_found');
    const p = await stored(11001);
    expect(p.blocked).toMatchObject({ blockedSeats: 8, value: 22400 });
    expect(p.historyCount).toBe(1);
  });

  it('takes blocked seats at the one path it is set to, and refuses a path DIP does not have', async () => {
    const hyphen = await startHarness({ blockedSeatsPath: '/blocked-seats/cumulative' });
    try {
      const t = await hyphen.token();
      expect((await hyphen.call('PUT', '/blocked-seats/cumulative', { token: t, body: [blockedItem] })).status).toBe(204);
      expect((await hyphen.call('PUT', '/blockedseats/cumulative', { token: t, body: [blockedItem] })).status).toBe(404);
    } finally {
      await hyphen.close();
    }
    await expect(startHarness({ blockedSeatsPath: '/blocked_seats/cumulative' as never })).rejects.toThrow(/blockedSeatsPath must be one of/);
  });

  it('PUT /productions/{production}/performances/{number}/capacity stores the capacity', async () => {
    const res = await h.call('PUT', `/productions/${HAMLET}/performances/11002/capacity`, { token, body: { capacity: 590 } });
    expect(res.status).toBe(204);
    const p = await stored(11002);
    expect(p.capacity).toEqual({ capacity: 590, receivedAt: '2026-11-23T12:00:00.000Z' });
    expect(p.history).toEqual([{ push: 1, kind: 'capacity', receivedAt: '2026-11-23T12:00:00.000Z', item: { capacity: 590 } }]);
  });

  it('reset forgets figures and history but keeps the seed', async () => {
    await h.call('PUT', '/tickets/cumulative', { token, body: ticketsFor(11001, { normal: [1, 4250] }) });
    expect((await h.call('POST', '/_sandbox/reset')).status).toBe(204);
    expect((await stored(11001)).historyCount).toBe(0);
    expect((await h.call<unknown[]>('GET', '/theaters/performances', { token })).body).toHaveLength(17);
  });

  it('answers 404 for a performance the sandbox does not know', async () => {
    expect((await h.call('GET', '/_sandbox/performances/99999')).status).toBe(404);
  });
});

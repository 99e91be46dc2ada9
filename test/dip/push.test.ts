// The DIP push end to end: Foyer sells, blocks and cancels; a sync run puts exactly the seed's
// figures into the DIP sandbox; nothing is sent when nothing changed; outages, expired tokens and
// a rejected performance do not lose or duplicate figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dipFiguresOf, fromPerformanceFigures } from '../../src/connectors/dip/figures.js';
import { performanceFigures } from '../../src/figures/service.js';
import { DIALECTS } from '../helpers/databases.js';
import {
  expectOk, extraPerformance, HAMLET, OTHER_THEATRE_NUMBER, sandboxCalls, sandboxPuts, sell, startWorld, syncNow, type DipWorld,
} from './support.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('DIP push on %s', (dialect) => {
  let w: DipWorld;
  let perf: string;
  beforeAll(async () => {
    w = await startWorld(dialect);
    perf = w.c.performanceId;
    expectOk(await w.s.request('PUT', `/api/performances/${perf}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11001` } }));
  });
  afterAll(async () => { await w?.close(); });

  const stored = async (n: number) => (await w.dipCall('GET', `/_sandbox/performances/${n}`)).body;

  it('pushes exactly the figures the seed rules give: sold per type, reservations, conditional blocks, capacity', async () => {
    const { s, token, c } = w;
    const tt = c.ticketTypes;
    // Paid: two normal (rank 1, 30,00), one discount (25,00), one other (10,00).
    const paid = await sell(w, perf, [
      { seatIds: ['r1s1', 'r1s2'], ticketTypeId: tt.normal }, { seatIds: ['r1s3'], ticketTypeId: tt.discount }, { seatIds: ['r3s1'], ticketTypeId: tt.other },
    ]);
    expect(paid.status).toBe('paid');
    // Reserved, unpaid: two normal in rank 2 (20,00 each).
    expect((await sell(w, perf, [{ seatIds: ['r3s2', 'r3s3'], ticketTypeId: tt.normal }], true)).status).toBe('reserved');
    // Two free tickets; one printed (sold), one not (still a reservation).
    const free = await sell(w, perf, [{ seatIds: ['r1s5', 'r1s6'], ticketTypeId: tt.free }]);
    expect((await s.request('POST', `/api/orders/${free.id}/print`, { token, body: { ticketIds: [free.tickets[0].id] } })).status).toBe(200);
    // Blocks both ways: definitive comes off the capacity, conditional is reported with its value.
    expectOk(await s.request('POST', `/api/performances/${perf}/blocks`, { token, body: { kind: 'definitive', reason: 'techniek', seatIds: ['r4s1', 'r4s2', 'r4s3'] } }));
    expectOk(await s.request('POST', `/api/performances/${perf}/blocks`, { token, body: { kind: 'conditional', reason: 'balkon', seatIds: ['r2s1', 'r2s2'] } }));
    // A cancellation lowers a figure: the discount ticket goes back.
    const discount = paid.tickets.find((t) => t.seatId === 'r1s3')!;
    expectOk(await s.request('POST', `/api/orders/${paid.id}/cancel`, { token, body: { ticketIds: [discount.id] } }));

    const figures = (await s.request('GET', `/api/performances/${perf}/figures`, { token })).body;
    expect(figures.sold).toEqual({
      normal: { tickets: 2, revenue: 6000 }, discount: { tickets: 0, revenue: 0 }, free: { tickets: 1, revenue: 0 }, other: { tickets: 1, revenue: 1000 },
    });
    expect(figures.reservations).toEqual({ tickets: 3, value: 4000 });
    expect(figures.blocked).toMatchObject({ conditional: 2, conditionalValue: 6000, definitive: 3 });
    expect(figures.capacity).toBe(37);
    // The connector's bulk figures (many performances in a few queries) say the same.
    const bulk = (await dipFiguresOf(s.deps.db, [perf])).get(perf);
    const one = await performanceFigures(s.deps.db, perf, c.ticketTypes.normal, s.clock.now().toISOString());
    expect(bulk).toEqual(fromPerformanceFigures(one));

    const run = await syncNow(w);
    expect(run).toMatchObject({ status: 'done', lastError: null, requests: 4 });

    const d = await stored(11001);
    expect(d.tickets.normal).toMatchObject({ tickets: 2, recette: 6000 });
    expect(d.tickets.discount).toMatchObject({ tickets: 0, recette: 0 });
    expect(d.tickets.free).toMatchObject({ tickets: 1, recette: 0 });
    expect(d.tickets.other).toMatchObject({ tickets: 1, recette: 1000 });
    expect(d.reservations).toMatchObject({ reservations: 3, recette: 4000 });
    expect(d.blocked).toMatchObject({ blockedSeats: 2, value: 6000 });
    expect(d.capacity).toMatchObject({ capacity: 37 });
    expect(d.tickets.normal.updated).toBe('2054-11-23T13:00:00+01:00');

    const link = (await s.request('GET', `/api/performances/${perf}/dip`, { token })).body;
    expect(link).toMatchObject({ dipNumber: `${HAMLET}|11001`, state: 'ok', lastError: null, lastAcceptedAt: '2054-11-23T12:00:00.000Z' });
    expect(link.lastFigures).toMatchObject({ reservations: { tickets: 3, value: 4000 }, blocked: { seats: 2, value: 6000 }, capacity: 37 });

    const audit = (await s.request('GET', `/api/dip/pushes?performance=${perf}`, { token })).body.items;
    expect(audit.map((p: { kind: string }) => p.kind).sort()).toEqual(['blockedseats', 'capacity', 'reservations', 'tickets']);
    expect(audit.every((p: { status: string; httpStatus: number }) => p.status === 'accepted' && p.httpStatus === 204)).toBe(true);
    const tickets = audit.find((p: { kind: string }) => p.kind === 'tickets');
    expect(tickets.sent).toHaveLength(4);
    expect(tickets.sent[0]).toMatchObject({ productionNumber: HAMLET, performanceNumber: 11001, ticketType: 'normal', tickets: 2, recette: 6000 });
  });

  it('sends nothing when nothing changed, and only the changed kinds of call when something did', async () => {
    const before = (await sandboxPuts(w)).length;
    const again = await syncNow(w);
    expect(again).toMatchObject({ status: 'done', requests: 0 });
    expect((await sandboxPuts(w)).length).toBe(before);

    await sell(w, perf, [{ seatIds: ['r1s7'], ticketTypeId: w.c.ticketTypes.normal }]);
    expect((await syncNow(w)).requests).toBe(3); // capacity did not change: no capacity call
    expect((await stored(11001)).tickets.normal).toMatchObject({ tickets: 3, recette: 9000 });
    const puts = (await sandboxPuts(w)).slice(before).map((r) => r.path);
    expect(puts).toEqual(['/tickets/cumulative', '/reservations/cumulative', '/blockedseats/cumulative']);
  });

  it('rides out an outage through the job queue: 503 three times, then the figures arrive once', async () => {
    await sell(w, perf, [{ seatIds: ['r1s8'], ticketTypeId: w.c.ticketTypes.normal }]);
    expect((await w.dipCall('POST', '/_sandbox/faults', { status: 503, count: 3, path: '/tickets/cumulative' })).status).toBe(201);
    const first = await syncNow(w);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.lastError).toContain('503');
    for (let attempt = 2; attempt <= 4; attempt++) {
      w.clock.advance(HOUR); // past the back-off
      const next = await syncNow(w);
      expect(next.jobId).toBe(first.jobId);
      expect(next.attempts).toBe(attempt);
      expect(next.status).toBe(attempt < 4 ? 'pending' : 'done');
    }
    const d = await stored(11001);
    expect(d.tickets.normal).toMatchObject({ tickets: 4, recette: 12000 });
    const arrivals = d.history.filter((h: { kind: string; item: { ticketType?: string; tickets?: number } }) =>
      h.kind === 'tickets' && h.item.ticketType === 'normal' && h.item.tickets === 4);
    expect(arrivals).toHaveLength(1);
    const failed = (await w.s.request('GET', `/api/dip/pushes?performance=${perf}&limit=20`, { token: w.token })).body.items
      .filter((p: { status: string }) => p.status === 'failed');
    // Each failed try is in the audit (a 503 on the token call counts as the run's failed call too).
    expect(failed).toHaveLength(3);
    for (const f of failed) expect(f.httpStatus === 503 || String(f.answer).includes('503')).toBe(true);
  });

  it('fetches a new token once when DIP no longer accepts the cached one', async () => {
    await sell(w, perf, [{ seatIds: ['r1s9'], ticketTypeId: w.c.ticketTypes.normal }]);
    const tokensBefore = (await w.dipCall('GET', '/_sandbox/requests?path=/token')).body.length;
    expect((await w.dipCall('POST', '/_sandbox/expire-tokens')).status).toBe(204);
    const run = await syncNow(w);
    expect(run).toMatchObject({ status: 'done', attempts: 1 });
    expect((await w.dipCall('GET', '/_sandbox/requests?path=/token')).body.length).toBe(tokensBefore + 1);
    const calls = (await sandboxCalls(w)).slice(-6);
    // DIP's list of performances (for their status) comes first: it meets the expired token.
    expect(calls.map((p) => `${p.method} ${p.path} ${p.status}`)).toEqual([
      'GET /theaters/performances 401', 'POST /token 200', 'GET /theaters/performances 200',
      'PUT /tickets/cumulative 204', 'PUT /reservations/cumulative 204', 'PUT /blockedseats/cumulative 204',
    ]);
    expect((await stored(11001)).tickets.normal).toMatchObject({ tickets: 5, recette: 15000 });
  });

  it('keeps going when the token expires in the middle of a run', async () => {
    await sell(w, perf, [{ seatIds: ['r2s9'], ticketTypeId: w.c.ticketTypes.normal }]);
    const before = (await sandboxPuts(w)).length;
    // The reservations call is held a moment; its token expires while it waits.
    expect((await w.dipCall('POST', '/_sandbox/faults', { delayMs: 1500, count: 1, path: '/reservations/cumulative' })).status).toBe(201);
    const running = syncNow(w);
    let held = false;
    for (let i = 0; i < 200 && !held; i++) {
      held = (await sandboxPuts(w)).slice(before).some((p) => p.path === '/reservations/cumulative' && p.status === null);
      if (!held) await new Promise((r) => setTimeout(r, 20));
    }
    expect(held).toBe(true);
    expect((await w.dipCall('POST', '/_sandbox/expire-tokens')).status).toBe(204);
    const run = await running;
    expect(run).toMatchObject({ status: 'done', attempts: 1 });
    const puts = (await sandboxPuts(w)).slice(before).map((p) => `${p.path} ${p.status}`);
    expect(puts).toEqual(['/tickets/cumulative 204', '/reservations/cumulative 401', '/reservations/cumulative 204', '/blockedseats/cumulative 204']);
    expect((await stored(11001)).tickets.normal).toMatchObject({ tickets: 6, recette: 18000 });
  });

  it('a performance DIP rejects is marked failing with its message; the others in the batch still arrive', async () => {
    const second = await extraPerformance(w, '2054-11-26T20:15');
    const stranger = await extraPerformance(w, '2054-11-27T14:30');
    expectOk(await w.s.request('PUT', `/api/performances/${second}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11002` } }));
    // A number DIP knows, but for another theatre: DIP answers 400 for it.
    expectOk(await w.s.request('PUT', `/api/performances/${stranger}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|${OTHER_THEATRE_NUMBER}` } }));
    await sell(w, second, [{ seatIds: ['r1s1', 'r1s2', 'r1s3'], ticketTypeId: w.c.ticketTypes.discount }]);
    await sell(w, stranger, [{ seatIds: ['r1s1'], ticketTypeId: w.c.ticketTypes.normal }]);

    const run = await syncNow(w);
    expect(run.status).toBe('done');
    const d = await stored(11002);
    expect(d.tickets.discount).toMatchObject({ tickets: 3, recette: 7500 });
    expect(d.capacity).toMatchObject({ capacity: 40 });
    expect((await stored(OTHER_THEATRE_NUMBER)).historyCount).toBe(0);

    const bad = (await w.s.request('GET', `/api/performances/${stranger}/dip`, { token: w.token })).body;
    expect(bad.state).toBe('failing');
    expect(bad.lastError).toContain('not linked to your theatre');
    const good = (await w.s.request('GET', `/api/performances/${second}/dip`, { token: w.token })).body;
    expect(good).toMatchObject({ state: 'ok', lastError: null });
    const rejected = (await w.s.request('GET', `/api/dip/pushes?performance=${stranger}`, { token: w.token })).body.items;
    expect(rejected.some((p: { status: string; httpStatus: number }) => p.status === 'rejected' && p.httpStatus === 400)).toBe(true);
  });

  it('a forced run sends every linked performance in the window; past ones stop after N days', async () => {
    const before = (await sandboxPuts(w)).length;
    const forced = await syncNow(w, true);
    expect(forced.status).toBe('done');
    const sent = (await sandboxPuts(w)).slice(before);
    // 11001 and 11002 accepted; the stranger is tried and rejected again.
    expect(sent.filter((p) => p.path === '/tickets/cumulative' && p.status === 204)).toHaveLength(1);
    expect(sent.filter((p) => p.path.endsWith('/capacity') && p.status === 204)).toHaveLength(2);

    // 15 days after the last show (default window 14 days): nothing is pushed any more.
    w.clock.advance(20 * 24 * HOUR);
    await w.relogin();
    const late = await syncNow(w, true);
    expect(late).toMatchObject({ status: 'done', requests: 0 });
  });
});

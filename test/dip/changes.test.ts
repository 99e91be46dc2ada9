// A sync run without force looks only at what changed: a sale, a cancellation, a refund, a block or
// a capacity change makes the next run compute and push exactly that performance; a run with nothing
// changed computes no figures at all. The change rows come from database triggers (migration
// 2026-12-05T0700_dip_changes), so every write path is covered, HTTP or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDipSync } from '../../src/connectors/dip/sync.js';
import { DIALECTS } from '../helpers/databases.js';
import { expectOk, extraPerformance, HAMLET, sell, startWorld, type DipWorld } from './support.js';

describe.each(DIALECTS)('DIP sync of what changed on %s', (dialect) => {
  let w: DipWorld;
  let a: string;
  let b: string;
  const run = () => runDipSync(w.s.deps, w.orgId);
  const stored = async (n: number) => (await w.dipCall('GET', `/_sandbox/performances/${n}`)).body;
  /** The next run computes and pushes exactly one of the two linked performances (the test then reads that one in DIP). */
  const pushesOnly = async (_performanceNumber: number) => {
    const before = (await w.dipCall('GET', '/_sandbox/requests?method=PUT')).body.length as number;
    const r = await run();
    expect(r).toMatchObject({ considered: 2, computed: 1, pushed: 1, accepted: 1 });
    const puts = ((await w.dipCall('GET', '/_sandbox/requests?method=PUT')).body as { path: string }[]).slice(before);
    expect(puts.length).toBeGreaterThan(0);
    return r;
  };

  beforeAll(async () => {
    w = await startWorld(dialect);
    a = w.c.performanceId;
    b = await extraPerformance(w, '2054-11-26T20:15');
    expectOk(await w.s.request('PUT', `/api/performances/${a}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11001` } }));
    expectOk(await w.s.request('PUT', `/api/performances/${b}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11002` } }));
    // The first run reads back and pushes both (new links).
    expect(await runDipSync(w.s.deps, w.orgId, { check: true })).toMatchObject({ considered: 2, computed: 2, pushed: 2 });
  });
  afterAll(async () => { await w?.close(); });

  it('computes and pushes nothing when nothing changed', async () => {
    expect(await run()).toMatchObject({ considered: 2, computed: 0, pushed: 0, requests: 0 });
    // Holding a place changes no figure either.
    const basket = await w.s.request('POST', '/api/baskets', { token: w.token, body: { channel: 'boxoffice' } });
    expectOk(await w.s.request('POST', `/api/baskets/${basket.body.id}/lines`, { token: w.token, body: { performanceId: a, seatIds: ['r3s5'], ticketTypeId: w.c.ticketTypes.normal } }));
    expect(await run()).toMatchObject({ computed: 0, pushed: 0, requests: 0 });
  });

  it('a sale, a refund and a cancelled reservation each push exactly their performance', async () => {
    const paid = await sell(w, a, [{ seatIds: ['r1s1', 'r1s2'], ticketTypeId: w.c.ticketTypes.normal }]);
    await pushesOnly(11001);
    expect((await stored(11001)).tickets.normal.tickets).toBe(2);

    expectOk(await w.s.request('POST', `/api/orders/${paid.id}/cancel`, { token: w.token, body: { ticketIds: [paid.tickets[0].id], refundMethod: 'cash' } }));
    await pushesOnly(11001);
    expect((await stored(11001)).tickets.normal.tickets).toBe(1);

    const reserved = await sell(w, b, [{ seatIds: ['r1s1'], ticketTypeId: w.c.ticketTypes.normal }], true);
    await pushesOnly(11002);
    expect((await stored(11002)).reservations.reservations).toBe(1);
    expectOk(await w.s.request('POST', `/api/orders/${reserved.id}/cancel`, { token: w.token, body: {} }));
    await pushesOnly(11002);
    expect((await stored(11002)).reservations.reservations).toBe(0);
    expect(await run()).toMatchObject({ computed: 0, pushed: 0 });
  });

  it('a block and a capacity change each push exactly their performance', async () => {
    expectOk(await w.s.request('POST', `/api/performances/${b}/blocks`, { token: w.token, body: { kind: 'conditional', reason: 'balkon', seatIds: ['r2s1', 'r2s2'] } }));
    await pushesOnly(11002);
    expect((await stored(11002)).blocked.blockedSeats).toBe(2);

    const capacity = (await stored(11001)).capacity.capacity as number;
    // A definitive block takes places off the capacity.
    expectOk(await w.s.request('POST', `/api/performances/${a}/blocks`, { token: w.token, body: { kind: 'definitive', reason: 'techniek', seatIds: ['r4s1'] } }));
    await pushesOnly(11001);
    expect((await stored(11001)).capacity.capacity).toBe(capacity - 1);
    // A place added to the performance (written straight into the table, as no route does): capacity again.
    await w.s.deps.db.insertInto('inventory').values({
      performance_id: a, item_id: 'extra#1', organisation_id: w.orgId, zone_id: null, rank: 1, section: 'Extra', row_label: '', seat_label: '1',
      pos: 0, sort: 9999, status: 'free', hold_id: null, hold_expires_at: null, order_id: null, block_id: null,
    }).execute();
    await pushesOnly(11001);
    expect((await stored(11001)).capacity.capacity).toBe(capacity);
    expect(await run()).toMatchObject({ computed: 0, pushed: 0 });
  });

  it('a forced run still computes and pushes every performance', async () => {
    expect(await runDipSync(w.s.deps, w.orgId, { force: true })).toMatchObject({ considered: 2, computed: 2, pushed: 2 });
  });
});

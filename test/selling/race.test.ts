// Buyers racing for the last seats over real HTTP against real Foyer processes: nobody gets a
// seat somebody else has, every loser hears a clear 409, and the database agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/platform/db.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { addPerformance, arenaSeatMap, Client, openTestDatabase, seedOnSale, startFoyerProcess, type FoyerProcess, type OnSale, type Reply } from '../helpers/process.js';
import { checkSellingInvariants } from '../helpers/selling-invariants.js';

const BUYERS = 60;
const LAST = 6;

interface Line { seatId: string }
interface Problem { type: string; status: number; unavailableSeatIds?: string[] }

describe.each(DIALECTS)('racing buyers on %s', (dialect) => {
  let database: TestDatabase;
  let db: DatabaseHandle;
  let sale: OnSale;
  const procs: FoyerProcess[] = [];
  let admin: Client;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    db = openTestDatabase(database);
    // 4 rows of 10; a fresh performance per test keeps the races independent.
    sale = await seedOnSale(db, arenaSeatMap(1, 4, 10));
    procs.push(await startFoyerProcess(database));
    admin = await Client.login(procs[0].baseUrl, sale.email, sale.password);
  }, 120_000);
  afterAll(async () => {
    for (const p of procs) await p.kill('SIGTERM');
    await db?.close();
    await database?.drop();
  });

  /** A fresh performance with all but the last `LAST` seats sold; answers its id and the free seats. */
  async function almostSoldOut(): Promise<{ performanceId: string; free: string[] }> {
    const performanceId = await addPerformance(db, sale);
    const free = sale.seatIds.filter((s) => s.startsWith('v1r4')).slice(2, 2 + LAST);
    const sold = sale.seatIds.filter((s) => !free.includes(s));
    const b = await admin.call('POST', '/api/baskets', { channel: 'boxoffice' });
    expect((await admin.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId, seatIds: sold })).status).toBe(200);
    expect((await admin.call('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'cash' } })).status).toBe(201);
    return { performanceId, free };
  }

  /**
   * BUYERS at once, spread over the given processes: half ask for two chosen seats among the last
   * ones (overlapping pairs), half for the best available one or two; winners check out paid.
   */
  async function rush(clients: Client[], performanceId: string, free: string[]) {
    const baskets = await Promise.all(Array.from({ length: BUYERS }, (_, i) => clients[i % clients.length].call('POST', '/api/baskets', { channel: 'online' })));
    const adds = await Promise.all(baskets.map((b, i) => {
      const body = i % 2 === 0
        ? { performanceId, seatIds: [free[i % free.length], free[(i + 1) % free.length]] }
        : { performanceId, quantity: 1 + (i % 4 === 1 ? 1 : 0) };
      return clients[i % clients.length].call<{ lines: Line[] } & Problem>('POST', `/api/baskets/${b.body.id}/lines`, body);
    }));
    const winners = adds.flatMap((a, i) => (a.status === 200 ? [{ i, basketId: baskets[i].body.id as string, seats: a.body.lines.map((l) => l.seatId) }] : []));
    const checkouts = await Promise.all(winners.map((w) => clients[w.i % clients.length].call('POST', `/api/baskets/${w.basketId}/checkout`, { payment: { method: 'card' } })));
    return { adds, winners, checkouts };
  }

  function expectClearLosses(adds: Reply<Problem>[]) {
    for (const a of adds) {
      expect(a.status, JSON.stringify(a.body)).not.toBeGreaterThanOrEqual(500);
      if (a.status === 200) continue;
      expect(a.status, JSON.stringify(a.body)).toBe(409);
      expect(['/problems/seats-unavailable', '/problems/not-enough-seats']).toContain(a.body.type);
      if (a.body.type === '/problems/seats-unavailable') expect(a.body.unavailableSeatIds?.length).toBeGreaterThan(0);
    }
  }

  async function expectSoldOnceEach(performanceId: string, free: string[], winners: { seats: string[] }[], checkouts: Reply[]) {
    for (const c of checkouts) expect(c.status, JSON.stringify(c.body)).toBe(201);
    const won = winners.flatMap((w) => w.seats);
    expect(new Set(won).size).toBe(won.length);
    expect(won.every((s) => free.includes(s))).toBe(true);
    // The race can leave seats a retrying buyer gave up on; they must still be for sale.
    const left = free.filter((s) => !won.includes(s));
    if (left.length) {
      const b = await admin.call('POST', '/api/baskets', { channel: 'boxoffice' });
      expect((await admin.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId, seatIds: left })).status).toBe(200);
      expect((await admin.call('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'cash' } })).status).toBe(201);
    }
    const seats = await admin.call<{ seats: { seatId: string; status: string }[] }>('GET', `/api/performances/${performanceId}/seats`);
    expect(seats.body.seats.filter((s) => s.status !== 'sold')).toEqual([]);
    await checkSellingInvariants(db.db, performanceId);
  }

  it(`${BUYERS} buyers for the last ${LAST} seats: each seat sold once, every loser gets a 409`, async () => {
    const { performanceId, free } = await almostSoldOut();
    const { adds, winners, checkouts } = await rush([admin], performanceId, free);
    expectClearLosses(adds);
    expect(winners.length).toBeGreaterThan(0);
    expect(winners.length).toBeLessThanOrEqual(LAST);
    await expectSoldOnceEach(performanceId, free, winners, checkouts);
  }, 120_000);

  it('checks a basket out once when its checkout is sent ten times at once', async () => {
    const { performanceId, free } = await almostSoldOut();
    const b = await admin.call('POST', '/api/baskets', { channel: 'online' });
    expect((await admin.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId, seatIds: free.slice(0, 2) })).status).toBe(200);
    const tries = await Promise.all(Array.from({ length: 10 }, () => admin.call<Problem & { id: string }>('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'card' } })));
    expect(tries.filter((t) => t.status === 201)).toHaveLength(1);
    for (const t of tries.filter((x) => x.status !== 201)) {
      expect(t.status, JSON.stringify(t.body)).toBe(409);
      expect(t.body.type).toBe('/problems/basket-closed');
    }
    const orders = await db.db.selectFrom('orders').select('id').where('basket_id', '=', b.body.id).execute();
    expect(orders).toHaveLength(1);
    await checkSellingInvariants(db.db, performanceId);
  }, 60_000);

  it('makes one order when a checkout is sent ten times at once with one Idempotency-Key', async () => {
    const { performanceId, free } = await almostSoldOut();
    const b = await admin.call('POST', '/api/baskets', { channel: 'online' });
    expect((await admin.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId, seatIds: free.slice(0, 3) })).status).toBe(200);
    const key = `checkout-${b.body.id}`;
    const tries = await Promise.all(Array.from({ length: 10 }, () => admin.call<Problem & { id: string }>('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'card' } }, { 'idempotency-key': key })));
    const made = tries.filter((t) => t.status === 201);
    expect(made.length).toBeGreaterThan(0);
    expect(new Set(made.map((t) => t.body.id)).size).toBe(1);
    for (const t of tries.filter((x) => x.status !== 201)) {
      expect(t.status, JSON.stringify(t.body)).toBe(409);
      expect(t.body.type).toBe('/problems/idempotency-in-progress');
    }
    // A late retry gets the stored answer.
    const late = await admin.call('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'card' } }, { 'idempotency-key': key });
    expect(late.status).toBe(201);
    expect(late.body.id).toBe(made[0].body.id);
    const orders = await db.db.selectFrom('orders').select('id').where('basket_id', '=', b.body.id).execute();
    expect(orders).toHaveLength(1);
    await checkSellingInvariants(db.db, performanceId);
  }, 60_000);

  it('a seat added while its basket checks out is either in the order or back on sale', async () => {
    const performanceId = await addPerformance(db, sale);
    const pairs = 20;
    const baskets = await Promise.all(Array.from({ length: pairs }, async (_, i) => {
      const b = await admin.call('POST', '/api/baskets', { channel: 'online' });
      expect((await admin.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId, seatIds: [sale.seatIds[i]] })).status).toBe(200);
      return b.body.id as string;
    }));
    const results = await Promise.all(baskets.map((id, i) => Promise.all([
      admin.call<{ tickets: Line[] }>('POST', `/api/baskets/${id}/checkout`, { payment: { method: 'card' } }),
      admin.call<Problem>('POST', `/api/baskets/${id}/lines`, { performanceId, seatIds: [sale.seatIds[pairs + i]] }),
    ])));
    for (const [order, add] of results) {
      expect(order.status, JSON.stringify(order.body)).toBe(201);
      if (add.status === 200) expect(order.body.tickets).toHaveLength(2);
      else {
        expect(add.status, JSON.stringify(add.body)).toBe(409);
        expect(order.body.tickets).toHaveLength(1);
      }
    }
    const facts = await checkSellingInvariants(db.db, performanceId);
    expect(facts.validTickets).toBe(results.reduce((n, [o]) => n + o.body.tickets.length, 0));
  }, 60_000);

  it.skipIf(dialect !== 'postgres')('two Foyer processes on one database sell each seat once', async () => {
    procs.push(await startFoyerProcess(database));
    const clients = [admin, admin.withBase(procs[1].baseUrl)];
    const { performanceId, free } = await almostSoldOut();
    const { adds, winners, checkouts } = await rush(clients, performanceId, free);
    expectClearLosses(adds);
    expect(winners.length).toBeGreaterThan(0);
    await expectSoldOnceEach(performanceId, free, winners, checkouts);
  }, 120_000);
});

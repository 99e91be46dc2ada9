// kill -9 in the middle of an on-sale rush: what a buyer was told is sold stays sold, nothing is
// sold twice, and seats held by baskets that never checked out return to sale after their hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/platform/db.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../helpers/databases.js';
import { arenaSeatMap, Client, openTestDatabase, seedOnSale, startFoyerProcess, type FoyerProcess, type OnSale } from '../helpers/process.js';
import { checkSellingInvariants } from '../helpers/selling-invariants.js';
import { ManualClock } from '../../src/platform/clock.js';
import { addPass, basketWith, EVENT_100_PER_WEEK, salesAtUitpas, startUitpasKit, type UitpasKit } from '../uitpas/kit.js';

const BUYERS = 30;

interface Confirmed { orderId: string; seats: string[] }

describe.each(DIALECTS)('a crash during a rush on %s', (dialect) => {
  let database: TestDatabase;
  let db: DatabaseHandle;
  let sale: OnSale;
  let proc: FoyerProcess | undefined;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    db = openTestDatabase(database);
    // Online holds of one minute (the shortest an organisation may set).
    sale = await seedOnSale(db, arenaSeatMap(2, 10, 20), { onlineHoldMinutes: 1 });
  }, 120_000);
  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await db?.close();
    await database?.drop();
  });

  it('keeps every confirmed order and frees abandoned holds after a kill -9', async () => {
    proc = await startFoyerProcess(database);
    const client = await Client.login(proc.baseUrl, sale.email, sale.password);
    const confirmed: Confirmed[] = [];
    let abandoned = 0;
    let stop = false;

    // Each buyer loops: basket, best available 1-3 seats, and (three times out of four) checkout.
    const buyer = async (n: number) => {
      for (let round = 0; !stop; round++) {
        try {
          const b = await client.call('POST', '/api/baskets', { channel: 'online' });
          if (b.status !== 201) continue;
          const add = await client.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId: sale.performanceId, quantity: 1 + ((n + round) % 3) });
          if (add.status !== 200) continue;
          if ((n + round) % 4 === 0) {
            abandoned++;
            continue;
          }
          const order = await client.call('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'card' } });
          if (order.status === 201) {
            confirmed.push({ orderId: order.body.id, seats: (order.body.tickets as { seatId: string }[]).map((t) => t.seatId).sort() });
          }
        } catch {
          // The server is gone: this buyer's answer is lost, which is what a crash does.
          return;
        }
      }
    };
    const rush = Promise.all(Array.from({ length: BUYERS }, (_, i) => buyer(i)));
    const deadline = Date.now() + 60_000;
    while (confirmed.length < 25 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await proc.kill('SIGKILL');
    stop = true;
    await rush;
    expect(confirmed.length).toBeGreaterThanOrEqual(25);
    expect(abandoned).toBeGreaterThan(0);

    proc = await startFoyerProcess(database);
    const after = await Client.login(proc.baseUrl, sale.email, sale.password);
    for (const c of confirmed) {
      const o = await after.call('GET', `/api/orders/${c.orderId}`);
      expect(o.status).toBe(200);
      expect(o.body.status).toBe('paid');
      expect((o.body.tickets as { seatId: string; status: string }[]).map((t) => t.seatId).sort()).toEqual(c.seats);
    }
    const facts = await checkSellingInvariants(db.db, sale.performanceId);
    expect(facts.validTickets).toBeGreaterThanOrEqual(confirmed.reduce((n, c) => n + c.seats.length, 0));

    // Holds of baskets that never checked out: still held now, free once their minute is over.
    const held = await db.db.selectFrom('inventory').select(['item_id', 'hold_expires_at'])
      .where('performance_id', '=', sale.performanceId).where('status', '=', 'held').execute();
    expect(held.length).toBeGreaterThan(0);
    const lastExpiry = Math.max(...held.map((h) => Date.parse(h.hold_expires_at!)));
    await new Promise((r) => setTimeout(r, Math.max(0, lastExpiry - Date.now() + 1000)));
    const seats = await after.call<{ seats: { seatId: string; status: string }[] }>('GET', `/api/performances/${sale.performanceId}/seats`);
    const heldIds = new Set(held.map((h) => h.item_id));
    expect(seats.body.seats.filter((s) => heldIds.has(s.seatId)).map((s) => s.status)).toEqual(held.map(() => 'free'));
    const b = await after.call('POST', '/api/baskets', { channel: 'boxoffice' });
    const retake = await after.call('POST', `/api/baskets/${b.body.id}/lines`, { performanceId: sale.performanceId, seatIds: [...heldIds] });
    expect(retake.status, JSON.stringify(retake.body)).toBe(200);
    expect((await after.call('POST', `/api/baskets/${b.body.id}/checkout`, { payment: { method: 'cash' } })).status).toBe(201);
    await checkSellingInvariants(db.db, sale.performanceId);
  }, 240_000);
});

// A checkout sent with an Idempotency-Key whose process is killed while it waits on UiTPAS: the
// key stays running. During its lease a retry is told to come back; after it the retry runs the
// checkout, and of retries racing one another exactly one does.
describe.each(DIALECTS)('a keyed checkout in flight at a kill -9 on %s', (dialect) => {
  const clock = new ManualClock(new Date());
  let k: UitpasKit;
  let proc: FoyerProcess | undefined;
  beforeAll(async () => { k = await startUitpasKit(dialect, {}, { clock }); }, 120_000);
  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await k?.close();
  });

  const keyed = (basketId: string, key: string) => k.s.request('POST', `/api/baskets/${basketId}/checkout`, {
    token: k.token, body: { payment: { method: 'cash' } }, headers: { 'idempotency-key': key },
  });
  const ordersOf = (basketId: string) => k.s.deps.db.selectFrom('orders').select('id').where('basket_id', '=', basketId).execute();

  it('answers 409 with Retry-After during the lease, then runs the checkout once', async () => {
    const baskets: string[] = [];
    for (const seat of ['r1s1', 'r1s2']) {
      const b = await basketWith(k, k.perfWeekly, [seat]);
      expect((await addPass(k, b.id, { uitpasNumber: '0900000067513' })).status).toBe(200);
      baskets.push(b.id);
    }
    const [single, raced] = baskets;
    k.sandbox.app.uitpas.faults.add({ kind: 'delay', delayMs: 60_000, method: 'POST', path: '/ticket-sales', count: 2 });
    proc = await startFoyerProcess(k.s.database);
    const child = new Client(proc.baseUrl, k.token);
    const lost = baskets.map((id) => child.call('POST', `/api/baskets/${id}/checkout`, { payment: { method: 'cash' } }, { 'idempotency-key': `key-${id}` })
      .then(() => 'answered', () => 'lost'));
    const running = () => k.s.deps.db.selectFrom('idempotency_keys').select('key').where('status', '=', 'running').execute();
    for (let i = 0; (await running()).length < 2; i++) {
      if (i > 600) throw new Error(`no checkout got as far as UiTPAS:\n${proc.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await proc.kill('SIGKILL');
    expect(await Promise.all(lost)).toEqual(['lost', 'lost']);
    k.sandbox.app.uitpas.faults.clear();

    clock.set(new Date());
    const early = await keyed(single, `key-${single}`);
    expect(early.status).toBe(409);
    expect(early.body.type).toBe('/problems/idempotency-in-progress');
    const wait = Number(early.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(30);
    expect(await ordersOf(single)).toHaveLength(0);

    clock.advance(31_000);
    const retry = await keyed(single, `key-${single}`);
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.body.tickets).toHaveLength(1);
    expect(await ordersOf(single)).toEqual([{ id: retry.body.id }]);
    const again = await keyed(single, `key-${single}`);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.body.id).toBe(retry.body.id);

    const race = await Promise.all(Array.from({ length: 6 }, () => keyed(raced, `key-${raced}`)));
    for (const r of race) expect([201, 409], JSON.stringify(r.body)).toContain(r.status);
    const ran = race.filter((r) => r.status === 201 && r.headers.get('idempotent-replay') === null);
    expect(ran).toHaveLength(1);
    expect(await ordersOf(raced)).toEqual([{ id: ran[0].body.id }]);
    // One sale registered at UiTPAS per basket: the race ran the checkout once.
    expect(salesAtUitpas(k, EVENT_100_PER_WEEK)).toHaveLength(2);
  }, 180_000);
});

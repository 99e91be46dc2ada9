import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { buy, customer, morePerformances, ok } from './fixtures.js';

describe.each(DIALECTS)('packs on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  let perfs: string[];
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { rows: 2, perRow: 6 });
    perfs = await morePerformances(s, token, c, 8);
  });
  afterAll(async () => { await s?.close(); });

  const seatStatus = async (performanceId: string, seatId: string) =>
    (await s.request('GET', `/api/performances/${performanceId}/seats`, { token })).body.seats.find((x: { seatId: string }) => x.seatId === seatId).status;

  const passport = async (places: number, extra: Record<string, unknown> = {}) => ok(await s.request('POST', '/api/packs', {
    token,
    body: {
      label: `Pass de ${places} places`, typeId: 20, price: 15000, ticketTypeId: c.ticketTypes.free,
      sets: [{ label: 'Saison', itemnbMin: 0, itemnbMax: places, stocks: perfs.map((performanceId) => ({ performanceId })) }],
      ...extra,
    },
  }), 'pack').body;

  it('admin CRUD: creates, reads, changes and deletes a pack; refuses bad sets', async () => {
    const p = await passport(10);
    expect(p).toMatchObject({ typeId: 20, price: 15000, perPerformanceMax: 1, published: true });
    expect(p.sets[0].stocks).toHaveLength(8);
    const patched = ok(await s.request('PATCH', `/api/packs/${p.id}`, { token, body: { label: 'Pass 10', published: false } }), 'patch').body;
    expect(patched).toMatchObject({ label: 'Pass 10', published: false });
    expect(patched.sets[0].stocks).toHaveLength(8);
    const bad = await s.request('POST', '/api/packs', {
      token, body: { label: 'x', typeId: 20, price: 1, ticketTypeId: c.ticketTypes.free, sets: [{ label: 's', itemnbMin: 3, itemnbMax: 2, stocks: [] }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('sets/0/itemnbMin');
    const wrongType = await s.request('POST', '/api/packs', {
      token, body: { label: 'x', typeId: 7, price: 1, ticketTypeId: c.ticketTypes.free, sets: [{ label: 's', itemnbMin: 0, itemnbMax: 2, stocks: [] }] },
    });
    expect(wrongType.status).toBe(400);
    expect((await s.request('DELETE', `/api/packs/${p.id}`, { token })).status).toBe(204);
    expect((await s.request('GET', `/api/packs/${p.id}`, { token })).status).toBe(404);
  });

  it('cancelling the whole order of a pack cancels the pack, what it holds, and refunds its price', async () => {
    const pack = await passport(3);
    const bert = await customer(s, token);
    const order = await buy(s, token, bert, (b) => s.request('POST', `/api/baskets/${b}/packs`, { token, body: { packId: pack.id } }));
    const h = ok(await s.request('GET', `/api/pack-holdings?orderId=${order.id}`, { token }), 'holdings').body.items[0];
    const redeemed = await s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId: perfs[1], seatIds: ['r2s6'] } });
    expect(redeemed.status).toBe(201);
    expect(await seatStatus(perfs[1], 'r2s6')).toBe('sold');

    const cancelled = await s.request('POST', `/api/orders/${order.id}/cancel`, { token, body: {} });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.payments.at(-1)).toMatchObject({ kind: 'refund', amount: 15000 });
    expect(ok(await s.request('GET', `/api/pack-holdings/${h.id}`, { token }), 'holding').body.status).toBe('cancelled');
    expect(await seatStatus(perfs[1], 'r2s6')).toBe('free');
  });

  it('a pass of 10 places is redeemed across performances until exhausted, once per performance', async () => {
    const pack = await passport(10);
    const anna = await customer(s, token);
    const order = await buy(s, token, anna, (b) => s.request('POST', `/api/baskets/${b}/packs`, { token, body: { packId: pack.id } }));
    expect(order).toMatchObject({ status: 'paid', total: 15000, paid: 15000, tickets: [] });
    const holdings = ok(await s.request('GET', `/api/pack-holdings?orderId=${order.id}`, { token }), 'holdings').body.items;
    expect(holdings).toHaveLength(1);
    const h = holdings[0];
    expect(h).toMatchObject({ creditsTotal: 10, creditsLeft: 10, customerId: anna, status: 'valid' });

    const first = await s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId: perfs[0], seatIds: ['r1s1'] } });
    expect(first.status).toBe(201);
    expect(first.body.tickets).toHaveLength(1);
    expect(first.body.tickets[0]).toMatchObject({ seatId: 'r1s1', price: 0, ticketTypeId: c.ticketTypes.free });
    expect(first.body.holding.creditsLeft).toBe(9);
    expect(await seatStatus(perfs[0], 'r1s1')).toBe('sold');

    const again = await s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId: perfs[0], quantity: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/pack-not-usable');

    const outside = await s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId: c.performanceId, quantity: 1 } });
    expect(outside.status).toBe(409);

    for (const p of perfs.slice(1)) {
      expect((await s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId: p, quantity: 1 } })).status).toBe(201);
    }
    // Eight performances, one place each: two credits left that no performance can take.
    const after = ok(await s.request('GET', `/api/pack-holdings/${h.id}`, { token }), 'holding').body;
    expect(after.creditsLeft).toBe(2);
    expect(after.redemptions).toHaveLength(8);

    // Cancelling a redemption returns its credit and its seat.
    const r0 = after.redemptions[0];
    const cancelled = ok(await s.request('POST', `/api/pack-redemptions/${r0.id}/cancel`, { token }), 'cancel redemption').body;
    expect(cancelled.creditsLeft).toBe(3);
    expect(cancelled.redemptions[0].status).toBe('cancelled');
    expect(await seatStatus(perfs[0], 'r1s1')).toBe('free');
    expect((await s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId: perfs[0], seatIds: ['r1s1'] } })).status).toBe(201);
  });

  it('a pass allowing two per performance is exhausted after its credits', async () => {
    const pack = await passport(3, { perPerformanceMax: 2 });
    const order = await buy(s, token, null, (b) => s.request('POST', `/api/baskets/${b}/packs`, { token, body: { packId: pack.id } }));
    const h = (await s.request('GET', `/api/pack-holdings?orderId=${order.id}`, { token })).body.items[0];
    expect((await s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId: perfs[2], quantity: 2 } })).status).toBe(201);
    const third = await s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId: perfs[2], quantity: 1 } });
    expect(third.status).toBe(409);
    expect((await s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId: perfs[3], quantity: 1 } })).status).toBe(201);
    const empty = await s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId: perfs[4], quantity: 1 } });
    expect(empty.status).toBe(409);
    expect(empty.body.type).toBe('/problems/pack-exhausted');
  });

  it('a subscription of 4 of 8 reserves its seats at checkout and refuses 3 or 5 picks', async () => {
    const pack = ok(await s.request('POST', '/api/packs', {
      token,
      body: {
        label: 'Abonnement 4 uit 8', typeId: 1, price: 9000, ticketTypeId: c.ticketTypes.free,
        sets: [{ label: 'Kies 4', itemnbMin: 4, itemnbMax: 4, stocks: perfs.map((performanceId) => ({ performanceId, ranks: [2] })) }],
      },
    }), 'pack').body;
    const basket = ok(await s.request('POST', '/api/baskets', { token, body: { channel: 'online' } }), 'basket').body;
    const three = await s.request('POST', `/api/baskets/${basket.id}/packs`, { token, body: { packId: pack.id, performanceIds: perfs.slice(0, 3) } });
    expect(three.status).toBe(400);
    const five = await s.request('POST', `/api/baskets/${basket.id}/packs`, { token, body: { packId: pack.id, performanceIds: perfs.slice(0, 5) } });
    expect(five.status).toBe(400);
    const four = ok(await s.request('POST', `/api/baskets/${basket.id}/packs`, { token, body: { packId: pack.id, performanceIds: perfs.slice(4, 8) } }), 'four').body;
    expect(four.packs[0].places).toHaveLength(4);
    expect(four.lines.map((l: { rank: number; price: number }) => [l.rank, l.price])).toEqual([[2, 0], [2, 0], [2, 0], [2, 0]]);
    expect(four.total).toBe(9000);
    const held = four.lines[0];
    expect(await seatStatus(held.performanceId, held.seatId)).toBe('held');

    const order = ok(await s.request('POST', `/api/baskets/${basket.id}/checkout`, { token, body: {} }), 'checkout').body;
    expect(order).toMatchObject({ status: 'reserved', total: 9000, balance: 9000 });
    expect(order.tickets).toHaveLength(4);
    expect(await seatStatus(held.performanceId, held.seatId)).toBe('reserved');
    const h = (await s.request('GET', `/api/pack-holdings?orderId=${order.id}`, { token })).body.items[0];
    expect(h).toMatchObject({ creditsTotal: 4, creditsLeft: 0 });
    expect(h.redemptions.map((r: { performanceId: string }) => r.performanceId).sort()).toEqual([...perfs.slice(4, 8)].sort());

    const paid = ok(await s.request('POST', `/api/orders/${order.id}/payments`, { token, body: { method: 'pin' } }), 'pay').body;
    expect(paid).toMatchObject({ status: 'paid', paid: 9000, balance: 0 });
    expect(await seatStatus(held.performanceId, held.seatId)).toBe('sold');

    // Cancelling the pack cancels what it holds and refunds it.
    const gone = ok(await s.request('POST', `/api/pack-holdings/${h.id}/cancel`, { token, body: {} }), 'cancel pack').body;
    expect(gone.status).toBe('cancelled');
    expect(gone.redemptions.every((r: { status: string }) => r.status === 'cancelled')).toBe(true);
    expect(await seatStatus(held.performanceId, held.seatId)).toBe('free');
    const after = ok(await s.request('GET', `/api/orders/${order.id}`, { token }), 'order').body;
    expect(after.status).toBe('cancelled');
    expect(after.payments.at(-1)).toMatchObject({ kind: 'refund', amount: 9000, method: 'pin' });
  });

  it('online: a held pack used as a basket line takes its credit at checkout, not before', async () => {
    const pack = await passport(2);
    const anna = await customer(s, token, 'Online Anna');
    const order = await buy(s, token, anna, (b) => s.request('POST', `/api/baskets/${b}/packs`, { token, body: { packId: pack.id } }));
    const h = (await s.request('GET', `/api/pack-holdings?orderId=${order.id}`, { token })).body.items[0];
    const basket = ok(await s.request('POST', '/api/baskets', { token, body: { channel: 'online' } }), 'basket').body;
    const line = ok(await s.request('POST', `/api/baskets/${basket.id}/pack-redemptions`, { token, body: { holdingId: h.id, performanceId: perfs[1], quantity: 1 } }), 'line').body;
    expect(line.redemptions).toEqual([{ holdingId: h.id, performanceId: perfs[1], placeId: line.lines[0].placeId }]);
    expect(line.customer.id).toBe(anna);
    expect(line.total).toBe(0);
    // The same performance twice in one basket is refused before any seat is held.
    const twice = await s.request('POST', `/api/baskets/${basket.id}/pack-redemptions`, { token, body: { holdingId: h.id, performanceId: perfs[1], quantity: 1 } });
    expect(twice.status).toBe(409);
    expect((await s.request('GET', `/api/pack-holdings/${h.id}`, { token })).body.creditsLeft).toBe(2);
    const done = ok(await s.request('POST', `/api/baskets/${basket.id}/checkout`, { token, body: {} }), 'checkout').body;
    expect(done).toMatchObject({ status: 'paid', total: 0 });
    expect((await s.request('GET', `/api/pack-holdings/${h.id}`, { token })).body.creditsLeft).toBe(1);
  });

  it('concurrent redemptions of the last credit: exactly one wins', async () => {
    const pack = await passport(1);
    const order = await buy(s, token, null, (b) => s.request('POST', `/api/baskets/${b}/packs`, { token, body: { packId: pack.id } }));
    const h = (await s.request('GET', `/api/pack-holdings?orderId=${order.id}`, { token })).body.items[0];
    const tries = await Promise.all(perfs.slice(0, 6).map((performanceId) =>
      s.request('POST', `/api/pack-holdings/${h.id}/redeem`, { token, body: { performanceId, quantity: 1 } })));
    expect(tries.filter((t) => t.status === 201)).toHaveLength(1);
    expect(tries.filter((t) => t.status === 409)).toHaveLength(5);
    const after = (await s.request('GET', `/api/pack-holdings/${h.id}`, { token })).body;
    expect(after.creditsLeft).toBe(0);
    expect(after.redemptions.filter((r: { status: string }) => r.status === 'valid')).toHaveLength(1);
    // The losers' places went back to sale at once.
    for (const p of perfs.slice(0, 6)) {
      const seats = (await s.request('GET', `/api/performances/${p}/seats`, { token })).body.seats;
      expect(seats.filter((x: { status: string }) => x.status === 'held')).toEqual([]);
    }
  });
});

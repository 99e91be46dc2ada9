// Many websites' buyers at once through /v1, for the same seats: the one inventory never sells a seat
// twice, whatever the channel. Real parallel requests over HTTP, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { ok } from './fixtures.js';
import { ApiException, Sapiti, sapiti } from './sapiti.js';

const settle = async <T>(p: Promise<T>): Promise<T | ApiException> => p.catch((e: unknown) => {
  if (e instanceof ApiException) return e;
  throw e;
});

describe.each(DIALECTS)('/v1 buyers racing for the same seats on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  let client: Sapiti;
  let perf: string;
  let free: string;
  beforeAll(async () => {
    s = await startServer(dialect);
    ({ token } = await orgWithUser(s));
    c = await buildCatalogue(s, token, { rows: 2, perRow: 6 });
    ({ client } = await sapiti(s, token));
    perf = c.performanceId.toUpperCase();
    free = c.ticketTypes.free.toUpperCase();
  });
  afterAll(async () => { await s?.close(); });

  it('twenty orders pick the same seat at once: one gets it', async () => {
    const orders = await Promise.all(Array.from({ length: 20 }, () => client.createOrder({})));
    const results = await Promise.all(orders.map((o) => settle(client.setStockPlanSeatIdForOrder(perf, o!.id, 'r1s3'))));
    const won = results.filter((r) => !(r instanceof ApiException));
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r instanceof ApiException).every((e) => (e as ApiException).code === 409)).toBe(true);
    const lines = (await Promise.all(orders.map((o) => client.getProducts({ orderid: o!.id })))).flat();
    expect(lines.map((l) => l!.positionId)).toEqual(['r1s3']);
    await Promise.all(orders.map((o) => client.clearOrder(o!.id)));
  });

  it('thirty buyers ask for two places each in a hall of twelve: six get them, no seat twice, and all six confirm', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => settle(client.requestStock([{ quantity: 2, stockId: perf, priceId: free }]))));
    const won = results.filter((r): r is Awaited<ReturnType<Sapiti['requestStock']>> => !(r instanceof ApiException));
    expect(won).toHaveLength(6);
    expect(results.filter((r) => r instanceof ApiException).every((e) => (e as ApiException).code === 409)).toBe(true);
    const seats = won.flat().map((p) => p!.positionId);
    expect(new Set(seats).size).toBe(12);

    const contact = (await client.createContact({ firstName: 'Race', lastName: 'Winner', email: 'race@example.test' }))!;
    const orderIds = won.map((ps) => ps[0]!.orderId);
    const confirmed = await Promise.all(orderIds.map((id) => client.confirmOrder(id, contact.id)));
    expect(confirmed.map((o) => o!.status!.id)).toEqual(orderIds.map(() => 15));
    const tickets = (await Promise.all(orderIds.map((id) => client.getProducts({ orderid: id })))).flat();
    expect(tickets.map((t) => t!.positionId).sort()).toEqual([...seats].sort());
    const map = ok(await s.request('GET', `/api/performances/${c.performanceId}/seats`, { token }), 'seats').body as { seats: { seatId: string; status: string }[] };
    expect(map.seats.filter((x) => x.status === 'sold')).toHaveLength(12);
    // A confirmation asked again (a lost answer) answers the same order, and sells nothing more.
    expect((await client.confirmOrder(orderIds[0], contact.id))!.label).toBe(confirmed[0]!.label);
    expect((await client.getProducts({ orderid: orderIds[0] })).length).toBe(2);
  });
});

// Tenant isolation: another organisation's baskets, orders, customers, blocks and performances do
// not exist for a caller (404), cannot be used by id, and nothing of them changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

describe.each(DIALECTS)('selling tenant isolation on %s', (dialect) => {
  let s: TestServer;
  let tokenA: string;
  let tokenB: string;
  let c: Catalogue;
  const a = sellingKit(() => s, () => tokenA);
  const b = sellingKit(() => s, () => tokenB);
  let basketId: string;
  let order: { id: string; number: string; tickets: { id: string; barcode: string }[] };
  let customerId: string;
  let blockId: string;
  beforeAll(async () => {
    s = await startServer(dialect);
    tokenA = (await orgWithUser(s, 'admin', 'Theater A')).token;
    tokenB = (await orgWithUser(s, 'admin', 'Theater B')).token;
    c = await buildCatalogue(s, tokenA);
    await buildCatalogue(s, tokenB);
    customerId = a.ok(await a.req('POST', '/api/customers', { name: 'Alleen bij A', email: 'a@a.nl', postalCode: '1111 AA' }), 201).id;
    const basket = await a.basket();
    await a.add(basket.id, { performanceId: c.performanceId, seatIds: ['r1s1', 'r1s2'] });
    a.ok(await a.req('PUT', `/api/baskets/${basket.id}/customer`, { customerId }));
    order = await a.checkout(basket.id, { method: 'cash' });
    basketId = (await a.basket()).id;
    await a.add(basketId, { performanceId: c.performanceId, seatIds: ['r2s1'] });
    blockId = a.ok(await a.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'conditional', reason: 'A', seatIds: ['r3s1'] }), 201).id;
  });
  afterAll(async () => { await s?.close(); });

  it("another organisation's baskets, orders, customers, blocks and performances answer 404", async () => {
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/baskets/${basketId}`],
      ['POST', `/api/baskets/${basketId}/lines`, { performanceId: c.performanceId, seatIds: ['r2s2'] }],
      ['PUT', `/api/baskets/${basketId}/customer`, { name: 'Indringer' }],
      ['POST', `/api/baskets/${basketId}/checkout`, { payment: { method: 'cash' } }],
      ['DELETE', `/api/baskets/${basketId}`],
      ['GET', `/api/orders/${order.id}`],
      ['POST', `/api/orders/${order.id}/payments`, { method: 'cash' }],
      ['POST', `/api/orders/${order.id}/cancel`, {}],
      ['POST', `/api/orders/${order.id}/print`, {}],
      ['GET', `/api/customers/${customerId}`],
      ['PATCH', `/api/customers/${customerId}`, { name: 'Overgenomen' }],
      ['GET', `/api/customers/${customerId}/orders`],
      ['DELETE', `/api/blocks/${blockId}`],
      ['GET', `/api/performances/${c.performanceId}/blocks`],
      ['POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'definitive', reason: '', seatIds: ['r4s1'] }],
      ['GET', `/api/performances/${c.performanceId}/seats`],
      ['GET', `/api/performances/${c.performanceId}/figures`],
    ];
    for (const [method, path, body] of calls) {
      const res = await b.req(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.contentType).toContain('application/problem+json');
    }
  });

  it("cannot sell another organisation's performance or attach its customer", async () => {
    const mine = await b.basket();
    const sell = await b.req('POST', `/api/baskets/${mine.id}/lines`, { performanceId: c.performanceId, seatIds: ['r2s3'] });
    expect(sell.status).toBe(400);
    expect(sell.body.errors.map((e: { field: string }) => e.field)).toEqual(['performanceId']);
    const attach = await b.req('PUT', `/api/baskets/${mine.id}/customer`, { customerId });
    expect(attach.status).toBe(400);
    expect(attach.body.errors.map((e: { field: string }) => e.field)).toEqual(['customerId']);
  });

  it("searches never show another organisation's customers or orders", async () => {
    expect(b.ok(await b.req('GET', '/api/customers?q=alleen')).items).toEqual([]);
    expect(b.ok(await b.req('GET', '/api/customers')).items).toEqual([]);
    for (const q of [order.number, order.tickets[0].barcode, 'alleen', '1111AA']) {
      expect(b.ok(await b.req('GET', `/api/orders?q=${encodeURIComponent(q)}`)).items, q).toEqual([]);
    }
    expect(b.ok(await b.req('GET', `/api/orders?performanceId=${c.performanceId}`)).items).toEqual([]);
    expect(b.ok(await b.req('GET', `/api/orders?customerId=${customerId}`)).items).toEqual([]);
  });

  it('nothing of the first organisation changed', async () => {
    const basket = a.ok(await a.req('GET', `/api/baskets/${basketId}`));
    expect(basket).toMatchObject({ status: 'open', customer: null });
    expect(basket.lines.map((l: { seatId: string }) => l.seatId)).toEqual(['r2s1']);
    const o = a.ok(await a.req('GET', `/api/orders/${order.id}`));
    expect(o).toMatchObject({ status: 'paid', paid: 6000 });
    expect(o.payments).toHaveLength(1);
    expect(o.tickets.map((t: { status: string; printCount: number }) => [t.status, t.printCount])).toEqual([['valid', 0], ['valid', 0]]);
    expect(a.ok(await a.req('GET', `/api/customers/${customerId}`)).name).toBe('Alleen bij A');
    const blocks = a.ok(await a.req('GET', `/api/performances/${c.performanceId}/blocks`)).items;
    expect(blocks.map((x: { id: string }) => x.id)).toEqual([blockId]);
    const seats = await a.seatStatus(c.performanceId);
    expect([seats.r1s1, seats.r2s1, seats.r2s2, seats.r2s3, seats.r3s1, seats.r4s1]).toEqual(['sold', 'held', 'free', 'free', 'blocked', 'free']);
    expect(a.ok(await a.req('GET', '/api/customers?q=indringer')).items).toEqual([]);
  });
});

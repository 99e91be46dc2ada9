// Bad input answers 4xx application/problem+json naming the fields, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type Answer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

const fields = (res: Answer): string[] => (res.body.errors ?? []).map((e: { field: string }) => e.field);

describe.each(DIALECTS)('bad selling input on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const k = sellingKit(() => s, () => token);
  let basketId: string;
  const snapshot = async () => ({
    figures: await k.figures(c.performanceId),
    basket: k.ok(await k.req('GET', `/api/baskets/${basketId}`)),
    customers: k.ok(await k.req('GET', '/api/customers')).items,
    orders: k.ok(await k.req('GET', '/api/orders')).items,
  });
  const expect400 = (res: Answer, expected: string[]) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.type).toBe('/problems/validation-failed');
    expect(fields(res)).toEqual(expected);
  };
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { zones: [{ id: 'staan', name: 'Staan', capacity: 3 }] });
    basketId = (await k.basket()).id;
    await k.add(basketId, { performanceId: c.performanceId, seatIds: ['r1s1'] });
  });
  afterAll(async () => { await s?.close(); });

  it('adding lines: each wrong body names its field, in the caller\'s language, and holds nothing', async () => {
    const before = await snapshot();
    const p = c.performanceId;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ performanceId: p }, ['seatIds']],
      [{ performanceId: p, quantity: 0 }, ['quantity']],
      [{ performanceId: p, quantity: 21 }, ['quantity']],
      [{ performanceId: p, quantity: 2, rank: 99 }, ['rank']],
      [{ performanceId: p, seatIds: [] }, ['seatIds']],
      [{ performanceId: p, seatIds: ['r1s2'], quantity: 2 }, ['quantity']],
      [{ performanceId: p, quantity: 2, rank: 1, zoneId: 'staan' }, ['zoneId']],
      [{ performanceId: p, quantity: 1, colour: 'red' }, ['colour']],
      [{ seatIds: ['r1s2'] }, ['performanceId']],
      [{ performanceId: 'nope', seatIds: ['r1s2'] }, ['performanceId']],
      [{ performanceId: p, seatIds: ['r1s2', 'zz9'] }, ['seatIds']],
      [{ performanceId: p, seatIds: ['staan#1'] }, ['seatIds']],
      [{ performanceId: p, quantity: 1, zoneId: 'balkon' }, ['zoneId']],
      [{ performanceId: p, seatIds: ['r1s2'], ticketTypeId: 'nope' }, ['ticketTypeId']],
      // A JSON body says what type it sends: true or "2" is not a number of seats.
      [{ performanceId: p, quantity: true }, ['quantity']],
      [{ performanceId: p, quantity: '2' }, ['quantity']],
      [{ performanceId: p, seatIds: 'r1s2' }, ['seatIds']],
    ];
    for (const [body, expected] of cases) expect400(await k.req('POST', `/api/baskets/${basketId}/lines`, body), expected);
    const nl = await s.request('POST', `/api/baskets/${basketId}/lines`, { token, lang: 'nl', body: { performanceId: p } });
    expect(nl.body.title).toBe('Ongeldige invoer');
    expect(nl.body.errors[0].message).toBe('geef seatIds, of een quantity');
    expect(await snapshot()).toEqual(before);
    // A querystring is text: its numbers are still read as numbers.
    expect((await k.req('GET', '/api/orders?limit=2&offset=0')).status).toBe(200);
    expect400(await k.req('GET', '/api/orders?limit=many'), ['querystring/limit']);
  });

  it('a basket needs a known channel', async () => {
    expect400(await k.req('POST', '/api/baskets', { channel: 'phone' }), ['channel']);
    expect400(await k.req('POST', '/api/baskets', {}), ['channel']);
  });

  it('customers on a basket: bad details or mixing customerId with details are field errors', async () => {
    const before = await snapshot();
    expect400(await k.req('PUT', `/api/baskets/${basketId}/customer`, { name: 'X', email: 'bad' }), ['email']);
    expect400(await k.req('PUT', `/api/baskets/${basketId}/customer`, { email: 'x@y.nl' }), ['name']);
    expect400(await k.req('PUT', `/api/baskets/${basketId}/customer`, { customerId: 'nope' }), ['customerId']);
    expect400(await k.req('PUT', `/api/baskets/${basketId}/customer`, { customerId: null, name: 'X' }), ['name']);
    expect400(await k.req('PUT', `/api/baskets/${basketId}/customer`, { name: 'X', birthDate: '2000-02-30' }), ['birthDate']);
    expect(await snapshot()).toEqual(before);
  });

  it('checkout, payment and cancel refuse unknown methods and leave everything as it was', async () => {
    const before = await snapshot();
    expect400(await k.req('POST', `/api/baskets/${basketId}/checkout`, { payment: { method: 'bitcoin' } }), ['payment/method']);
    expect400(await k.req('POST', `/api/baskets/${basketId}/checkout`, { payment: {} }), ['payment/method']);
    expect(await snapshot()).toEqual(before);

    const order = await k.sell(c.performanceId, ['r2s2'], { unpaid: true });
    const mid = await snapshot();
    expect400(await k.req('POST', `/api/orders/${order.id}/payments`, { method: 'gold' }), ['method']);
    expect400(await k.req('POST', `/api/orders/${order.id}/cancel`, { ticketIds: [] }), ['ticketIds']);
    expect400(await k.req('POST', `/api/orders/${order.id}/cancel`, { refundMethod: 'gold' }), ['refundMethod']);
    expect400(await k.req('POST', `/api/orders/${order.id}/cancel`, { ticketIds: ['nope'] }), ['ticketIds']);
    expect(await snapshot()).toEqual(mid);
    expect(k.ok(await k.req('GET', `/api/orders/${order.id}`)).status).toBe('reserved');
  });

  it('organisation settings out of range are field errors', async () => {
    const before = k.ok(await k.req('GET', '/api/organisation'));
    expect400(await k.req('PATCH', '/api/organisation', { onlineHoldMinutes: 0 }), ['onlineHoldMinutes']);
    expect400(await k.req('PATCH', '/api/organisation', { reservationHours: 0 }), ['reservationHours']);
    expect(k.ok(await k.req('GET', '/api/organisation'))).toEqual(before);
  });

  it('business refusals are 409 problems: empty basket, performance not on sale', async () => {
    const empty = await k.basket();
    const res = await k.req('POST', `/api/baskets/${empty.id}/checkout`, {});
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/basket-empty');
    const draft = await buildCatalogue(s, token, { status: 'draft' });
    const notOnSale = await k.req('POST', `/api/baskets/${empty.id}/lines`, { performanceId: draft.performanceId, seatIds: ['r1s1'] });
    expect(notOnSale.status).toBe(409);
    expect(notOnSale.body.type).toBe('/problems/not-on-sale');
    expect(k.ok(await k.req('GET', `/api/baskets/${empty.id}`)).lines).toEqual([]);
  });

  it('unknown baskets, lines, orders and customers are 404 problems', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/baskets/nope'], ['POST', '/api/baskets/nope/checkout', {}],
      ['PATCH', `/api/baskets/${basketId}/lines/nope`, { ticketTypeId: c.ticketTypes.discount }],
      ['DELETE', `/api/baskets/${basketId}/lines/nope`], ['GET', '/api/orders/nope'], ['POST', '/api/orders/nope/cancel', {}],
      ['GET', '/api/customers/nope'], ['DELETE', '/api/blocks/nope'], ['GET', '/api/performances/nope/figures'],
    ] as [string, string, unknown?][]) {
      const res = await k.req(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.contentType).toContain('application/problem+json');
    }
  });
});

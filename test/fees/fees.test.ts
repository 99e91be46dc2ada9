// Service fees and VAT over real HTTP, against the Mollie sandbox: the online channel charges its fee
// per ticket and per order, the box office none; the fee is on the basket before payment, in the
// order's total and in what Mollie is asked to charge, once, however often checkout is called; a
// venue's cancellation refunds it; every order has a VAT breakdown that sums to its total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { choose, ok, onlineBasket, order, payOnline, sandboxControl, startPaymentKit, until, type PaymentKit } from '../payments/kit.js';

const ONLINE = { perTicket: 150, perOrder: 200, vatRate: 2100 };

describe.each(DIALECTS)('service fees and VAT on %s', (dialect) => {
  let k: PaymentKit;
  beforeAll(async () => {
    k = await startPaymentKit(dialect);
    ok(await k.s.request('PUT', '/api/fees', { token: k.token, body: { online: ONLINE } }), 'fees');
  }, 60_000);
  afterAll(async () => k?.close());

  const withType = async (basketId: string, lineIndex: number, ticketTypeId: string) => {
    const b = ok(await k.s.request('GET', `/api/baskets/${basketId}`, { token: k.token }), 'basket').body;
    return ok(await k.s.request('PATCH', `/api/baskets/${basketId}/lines/${b.lines[lineIndex].id}`, { token: k.token, body: { ticketTypeId } }), 'type').body;
  };

  it('keeps the settings per channel: online charges, the box office does not', async () => {
    const fees = ok(await k.s.request('GET', '/api/fees', { token: k.token }), 'fees').body;
    expect(fees).toEqual({ online: ONLINE, boxoffice: { perTicket: 0, perOrder: 0, vatRate: 2100 } });
  });

  it('refuses a negative fee or a rate above 100 % in the caller\'s language', async () => {
    const res = await k.s.request('PUT', '/api/fees', { token: k.token, lang: 'nl', body: { online: { perTicket: -1, perOrder: 0, vatRate: 20_000 } } });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['online/perTicket', 'online/vatRate']);
  });

  it('shows the fees in an online basket, charges them once with Mollie, and answers a VAT breakdown', async () => {
    const basketId = await onlineBasket(k, ['r1s1', 'r1s2', 'r1s3']);
    const basket = await withType(basketId, 2, k.c.ticketTypes.free);
    // a free ticket carries no per-ticket fee
    expect(basket.fees).toEqual([
      { kind: 'ticket', quantity: 2, amount: 300, vatRate: 2100, vat: 52 },
      { kind: 'order', quantity: 1, amount: 200, vatRate: 2100, vat: 35 },
    ]);
    expect(basket.total).toBe(3000 + 3000 + 0 + 300 + 200);

    const first = await payOnline(k, basketId);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // the shop calls again after a lost answer: the same order, the fee not charged twice
    const again = await payOnline(k, basketId);
    expect(again.body.orderId).toBe(first.body.orderId);
    const waiting = await order(k, first.body.orderId);
    expect(waiting.total).toBe(6500);
    const atMollie = (await sandboxControl(k, 'GET', '/_sandbox/payments')).body.payments
      .filter((p: { metadata?: { orderId?: string }; description?: string; amount: { value: string } }) => JSON.stringify(p).includes(first.body.number));
    expect(atMollie.map((p: { amount: { value: string } }) => p.amount.value)).toEqual(['65.00']);

    await choose(k, first.body.checkoutUrl, 'paid');
    await until(async () => (await order(k, first.body.orderId)).status === 'paid', 'paid by webhook');
    const paid = await order(k, first.body.orderId);
    expect(paid.payments).toEqual([expect.objectContaining({ kind: 'payment', method: 'online', amount: 6500 })]);
    expect(paid.fees).toEqual(basket.fees);
    expect(paid.tickets.map((t: { price: number; fee: number; vatRate: number }) => [t.price, t.fee, t.vatRate])).toEqual([[3000, 150, 900], [3000, 150, 900], [0, 0, 900]]);
    // 9 % on 60.00 of tickets (2.48 each, rounded per ticket), 21 % on 5.00 of fees (0.26 per ticket fee, 0.35 on the order fee)
    expect(paid.vat).toEqual([
      { rate: 2100, net: 413, vat: 87, gross: 500 },
      { rate: 900, net: 5504, vat: 496, gross: 6000 },
    ]);
    const rows = paid.vat as { net: number; vat: number; gross: number }[];
    expect(rows.reduce((n, r) => n + r.gross, 0)).toBe(paid.total);
    for (const r of rows) expect(r.net + r.vat).toBe(r.gross);
  });

  it('charges no fee at the box office', async () => {
    const b = ok(await k.s.request('POST', '/api/baskets', { token: k.token, body: { channel: 'boxoffice' } }), 'basket').body;
    const added = ok(await k.s.request('POST', `/api/baskets/${b.id}/lines`, { token: k.token, body: { performanceId: k.c.performanceId, seatIds: ['r2s1'] } }), 'lines').body;
    expect(added.fees).toEqual([]);
    const sold = ok(await k.s.request('POST', `/api/baskets/${b.id}/checkout`, { token: k.token, body: { payment: { method: 'pin' } } }), 'checkout').body;
    expect(sold).toMatchObject({ total: 3000, fees: [], vat: [{ rate: 900, net: 2752, vat: 248, gross: 3000 }] });
    expect(sold.payments[0].amount).toBe(3000);
  });

  it('an online basket of free tickets carries no fee and is paid at once', async () => {
    const basketId = await onlineBasket(k, ['r2s5']);
    const basket = await withType(basketId, 0, k.c.ticketTypes.free);
    expect(basket.fees).toEqual([]);
    const res = await payOnline(k, basketId);
    expect(res.body.status).toBe('paid');
    expect((await order(k, res.body.orderId)).total).toBe(0);
  });

  it('refunds the ticket fee with each cancelled ticket and the order fee with the last one', async () => {
    const basketId = await onlineBasket(k, ['r1s4', 'r1s5']);
    const res = await payOnline(k, basketId);
    await choose(k, res.body.checkoutUrl, 'paid');
    await until(async () => (await order(k, res.body.orderId)).status === 'paid', 'paid by webhook');
    const paid = await order(k, res.body.orderId);
    expect(paid.total).toBe(2 * 3000 + 2 * 150 + 200);

    const one = ok(await k.s.request('POST', `/api/orders/${paid.id}/cancel`, { token: k.token, body: { ticketIds: [paid.tickets[0].id] } }), 'cancel one').body;
    expect(one.payments.at(-1)).toMatchObject({ kind: 'refund', amount: 3150 });
    expect(one.total).toBe(3000 + 150 + 200);
    expect(one.fees).toEqual([{ kind: 'ticket', quantity: 1, amount: 150, vatRate: 2100, vat: 26 }, { kind: 'order', quantity: 1, amount: 200, vatRate: 2100, vat: 35 }]);

    const rest = ok(await k.s.request('POST', `/api/orders/${paid.id}/cancel`, { token: k.token, body: {} }), 'cancel rest').body;
    expect(rest.status).toBe('cancelled');
    expect(rest.payments.at(-1)).toMatchObject({ kind: 'refund', amount: 3350 });
    expect(rest).toMatchObject({ total: 0, fees: [], vat: [] });
    expect(rest.payments.filter((p: { kind: string }) => p.kind === 'refund').reduce((n: number, p: { amount: number }) => n + p.amount, 0)).toBe(paid.total);
  });

  it('gives a performance the theatre rate of its venue\'s country unless told otherwise', async () => {
    const venue = ok(await k.s.request('POST', '/api/venues', {
      token: k.token, body: { name: 'Stadsschouwburg Brugge', address: 'Vlamingstraat 29', postalCode: '8000', city: 'Brugge', country: 'BE', timeZone: 'Europe/Brussels' },
    }), 'venue').body;
    const hall = ok(await k.s.request('POST', `/api/venues/${venue.id}/halls`, {
      token: k.token, body: { name: 'Zaal', seatMap: { sections: [{ name: 'Zaal', rows: [{ label: '1', seats: [{ id: 'a1', label: '1', rank: 1, x: 0, y: 0 }] }] }], zones: [] } },
    }), 'hall').body;
    const perf = (body: Record<string, unknown>) => k.s.request('POST', '/api/performances', { token: k.token, body: { productionId: k.c.productionId, hallId: hall.id, startsAt: '2055-02-01T20:00', ...body } });
    expect(ok(await perf({}), 'performance').body.vatRate).toBe(600);
    expect(ok(await perf({ vatRate: 2100 }), 'performance').body.vatRate).toBe(2100);
    const nl = ok(await k.s.request('GET', `/api/performances/${k.c.performanceId}`, { token: k.token }), 'nl performance').body;
    expect(nl.vatRate).toBe(900);
  });
});

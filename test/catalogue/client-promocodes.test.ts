// Utick's client's promo code calls over Foyer's gift vouchers, as the client makes them: a buyer's
// code looked up (getPromoCodesForLabelAndOrder, testPromoCodeLabelForStock), applied to the order
// (attachPromoCodeToOrder), and spent when the order is paid, by the vouchers' one conditional write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { ok } from './fixtures.js';
import { ApiException, failure, Sapiti, sapiti } from './sapiti.js';

describe.each(DIALECTS)("Utick's client: promo codes as gift vouchers on %s", (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  let client: Sapiti;
  let perf: string;
  let contactId: string;

  /** Sells a gift voucher of `amount` at the box office; answers its code as printed ("K7QM-2XPA-…"). */
  const voucher = async (amount: number): Promise<string> => {
    const b = ok(await s.request('POST', '/api/baskets', { token, body: { channel: 'boxoffice' } }), 'basket').body;
    ok(await s.request('POST', `/api/baskets/${b.id}/vouchers`, { token, body: { amount } }), 'voucher line');
    const order = ok(await s.request('POST', `/api/baskets/${b.id}/checkout`, { token, body: { payments: [{ method: 'cash', amount }] } }), 'checkout').body;
    return ok(await s.request('GET', `/api/orders/${order.id}/vouchers`, { token }), 'vouchers').body.items[0].code as string;
  };
  const balanceOf = async (code: string) => ok(await s.request('GET', `/api/vouchers/${code}`, { token }), 'voucher').body as { balance: number; uses: unknown[] };
  /** An order of the website with `n` places of rank 1 at the normal price (30 euros each). */
  const orderOf = async (n: number) => {
    const [stock] = await client.getStocks({ eventid: perf });
    const rank1 = stock!.categories.find((x) => x.label === 'Rang 1')!;
    const products = await client.requestStock([{ quantity: n, stockId: perf, categoryId: rank1.id, priceId: c.ticketTypes.normal.toUpperCase() }]);
    return { orderId: products[0]!.orderId, products };
  };

  beforeAll(async () => {
    s = await startServer(dialect);
    ({ token } = await orgWithUser(s));
    c = await buildCatalogue(s, token, { rows: 4, perRow: 10 });
    ({ client } = await sapiti(s, token));
    perf = c.performanceId.toUpperCase();
    contactId = (await client.createContact({ firstName: 'Bo', lastName: 'Claes', email: 'bo@example.test' }))!.id;
  });
  afterAll(async () => { await s?.close(); });

  it('getPromoCodesForLabelAndOrder, getPromoCode, testPromoCodeLabelForStock: the voucher the buyer typed, or nothing; getPromoCodes needs a label', async () => {
    const code = await voucher(5000);
    const { orderId } = await orderOf(1);
    // Typed as a buyer types it: lower case, without dashes.
    const [promo, ...more] = await client.getPromoCodesForLabelAndOrder(code.replace(/-/g, '').toLowerCase(), orderId);
    expect(more).toEqual([]);
    expect(client.last?.sent.url).toMatch(/\/v1\/shop\/promocodes\/\/$/);
    expect(promo).toMatchObject({ label: code, typeId: 100, description: 'Chèque-cadeau: solde € 50,00', discount: { value: 5000 } });
    expect(promo!.endTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await client.getPromoCode(promo!.id)).toEqual(promo);
    expect(await client.testPromoCodeLabelForStock(code, perf)).toMatchObject({ id: promo!.id });
    expect(await client.testPromoCodeLabelForStock('NOT-A-CODE', perf)).toBeNull();
    expect(await client.getPromoCodesForLabelAndOrder('AAAA-BBBB-CCCC-DDDD-EEEE', orderId)).toEqual([]);
    client.language = 'en';
    const listed = await failure(client.getPromoCodes());
    expect([listed.code, listed.message]).toEqual([400, 'Api error code : 400 : label is required: the gift voucher code the buyer typed (Foyer lists no codes)']);
    client.language = 'fr';
    expect((await failure(client.getPromoCode('00000000-0000-4000-8000-000000000000'))).code).toBe(404);
    // Another application's order is not this one's to look codes up for.
    const { client: other } = await sapiti(s, token);
    expect((await failure(other.getPromoCodesForLabelAndOrder(code, orderId))).code).toBe(404);
  });

  it('attachPromoCodeToOrder, confirmOrder: the voucher pays the order, keeps the rest; getPayments, getPayment and updatePayment show it with its couponcode', async () => {
    const code = await voucher(8000);
    const { orderId, products } = await orderOf(2);
    const [promo] = await client.getPromoCodesForLabelAndOrder(code, orderId);
    const lines = await client.attachPromoCodeToOrder(promo!.id, orderId);
    expect(client.last?.sent).toMatchObject({ method: 'POST' });
    expect(lines.map((p) => p!.price!.value.amount)).toEqual([3000, 3000, -6000]);
    expect(lines[2]).toMatchObject({ label: `Chèque-cadeau ${code}`, typeId: '100', orderId, price: { id: promo!.id } });
    // Applied again (a lost answer): once.
    expect(await client.attachPromoCodeToOrder(promo!.id, orderId)).toHaveLength(3);
    expect((await balanceOf(code)).balance).toBe(8000);

    const paid = await client.confirmOrder(orderId, contactId);
    expect(paid).toMatchObject({ id: orderId, status: { id: 15 } });
    expect(await balanceOf(code)).toMatchObject({ balance: 2000, uses: [{ kind: 'redeem', amount: 6000 }] });
    const tickets = await client.getProducts({ orderid: orderId });
    expect(tickets.map((t) => t!.positionId).sort()).toEqual(products.map((p) => p!.positionId).sort());
    expect(tickets.every((t) => t!.ticket!.qrcode)).toBe(true);
    const order = ok(await s.request('GET', `/api/orders/${orderId.toLowerCase()}`, { token }), 'order').body;
    expect(order).toMatchObject({ status: 'paid', channel: 'online', total: 6000 });

    const [payment, ...others] = await client.getPayments({ orderid: orderId });
    expect(others).toEqual([]);
    expect(payment).toMatchObject({ orderId, paymentMethodId: 'voucher', couponCode: code, amount: 6000, expectedAmount: 6000, status: { id: 15, label: 'Payé' } });
    expect(payment!.paymentDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await client.getPayment(payment!.id)).toEqual(payment);
    // The client sends the payment's fields back: Foyer changes nothing of a payment taken, and answers it.
    expect(await client.updatePayment({ ...payment!, id: payment!.id, amount: 1 })).toEqual(payment);
    expect((await failure(client.deletePayment({ id: payment!.id }))).code).toBe(409);
    // Paid: no voucher is applied to it any more.
    expect((await failure(client.attachPromoCodeToOrder(promo!.id, orderId))).code).toBe(409);
  });

  it('a voucher short of the order is refused at payment with what it covers, nothing spent; removeProductFromOrder takes it off again', async () => {
    const code = await voucher(1000);
    const { orderId } = await orderOf(1);
    const [promo] = await client.getPromoCodesForLabelAndOrder(code, orderId);
    const lines = await client.attachPromoCodeToOrder(promo!.id, orderId);
    expect(lines.map((p) => p!.price!.value.amount)).toEqual([3000, -1000]);
    client.language = 'nl';
    const short = await failure(client.confirmOrder(orderId, contactId));
    expect(short.code).toBe(409);
    expect(short.message).toContain('de cadeaubonnen dekken € 10,00 van € 30,00');
    client.language = 'fr';
    expect(await client.getOrder(orderId)).toMatchObject({ status: { id: 0 } });
    expect((await balanceOf(code)).balance).toBe(1000);
    expect(await client.removeProductFromOrder(lines[1]!.id)).toBe(true);
    expect((await client.getProducts({ orderid: orderId })).map((p) => p!.price!.value.amount)).toEqual([3000]);
    // A second voucher makes up the rest: both pay.
    const more = await voucher(2500);
    const [p1] = await client.getPromoCodesForLabelAndOrder(code, orderId);
    const [p2] = await client.getPromoCodesForLabelAndOrder(more, orderId);
    await client.attachPromoCodeToOrder(p1!.id, orderId);
    expect((await client.attachPromoCodeToOrder(p2!.id, orderId)).map((p) => p!.price!.value.amount)).toEqual([3000, -1000, -2000]);
    expect((await client.createPayment({ orderId, paymentMethodId: 'ideal' }))).toMatchObject({ paymentMethodId: 'voucher', status: { id: 15 } });
    const byVoucher = (await client.getPayments({ orderid: orderId })).map((p) => [p!.couponCode, p!.amount]).sort();
    expect(byVoucher).toEqual([[code, 1000], [more, 2000]].sort());
    expect(await client.getOrder(orderId)).toMatchObject({ status: { id: 15 } });
    expect([(await balanceOf(code)).balance, (await balanceOf(more)).balance]).toEqual([0, 500]);
    // Spent, the first is no promo code any more, and is not applied to another order.
    expect(await client.testPromoCodeLabelForStock(code, perf)).toBeNull();
    const next = await orderOf(1);
    const spent = await failure(client.attachPromoCodeToOrder(p1!.id, next.orderId));
    expect([spent.code, spent.message]).toEqual([409, `Api error code : 409 : Le chèque-cadeau ${code} est épuisé.`]);
    await client.clearOrder(next.orderId);
  });

  it("requestStock with the client's promocodeids applies the vouchers with the places; a spent one takes nothing in", async () => {
    const code = await voucher(3000);
    const [promo] = await client.getPromoCodesForLabelAndOrder(code, (await client.createOrder({}))!.id);
    const rank1 = (await client.getStock(perf))!.categories[0]!.id;
    const ask = { quantity: 1, stockId: perf, priceId: c.ticketTypes.normal.toUpperCase(), categoryId: rank1, promoCodeIds: [promo!.id] };
    const lines = await client.requestStock([ask]);
    expect(lines.map((p) => [p!.typeId, p!.price!.value.amount])).toEqual([['1', 3000], ['100', -3000]]);
    expect(await client.confirmOrder(lines[0]!.orderId, contactId)).toMatchObject({ status: { id: 15 } });
    expect((await balanceOf(code)).balance).toBe(0);
    const held = async () => (ok(await s.request('GET', `/api/performances/${c.performanceId}/seats`, { token }), 'seats').body as { seats: { status: string }[] })
      .seats.filter((x) => x.status === 'held').length;
    const before = await held();
    const spent = await failure(client.requestStock([ask]));
    expect([spent.code, spent.message]).toEqual([409, `Api error code : 409 : Le chèque-cadeau ${code} est épuisé.`]);
    expect(await held()).toBe(before);
  });

  it('two orders paying with the same voucher at once: one is paid, the other refused and still being filled', async () => {
    const code = await voucher(3000);
    const a = await orderOf(1);
    const b = await orderOf(1);
    const [promo] = await client.getPromoCodesForLabelAndOrder(code, a.orderId);
    await client.attachPromoCodeToOrder(promo!.id, a.orderId);
    await client.attachPromoCodeToOrder(promo!.id, b.orderId);
    const results = await Promise.all([a, b].map((o) => client.confirmOrder(o.orderId, contactId).catch((e: unknown) => e)));
    const paid = results.filter((r) => !(r instanceof ApiException));
    const refused = results.filter((r): r is ApiException => r instanceof ApiException);
    expect(paid).toHaveLength(1);
    // Refused by the voucher's conditional write, or, read after the other's payment, as covering nothing.
    expect(refused.map((e) => e.code)).toEqual([409]);
    expect(refused[0]!.message).toMatch(new RegExp(`Il reste € 0,00 sur le chèque-cadeau ${code}\\.|couvrent € 0,00 sur € 30,00`));
    expect(await balanceOf(code)).toMatchObject({ balance: 0, uses: [{ kind: 'redeem', amount: 3000 }] });
    const loser = [a, b].find((o) => o.orderId !== (paid[0] as { id: string }).id)!;
    expect(await client.getOrder(loser.orderId)).toMatchObject({ status: { id: 0 } });
    // Its place is still held for it: the website can take the voucher off and have it paid otherwise.
    const seats = ok(await s.request('GET', `/api/performances/${c.performanceId}/seats`, { token }), 'seats').body as { seats: { seatId: string; status: string }[] };
    expect(seats.seats.find((x) => x.seatId === loser.products[0]!.positionId)?.status).toBe('held');
    await client.clearOrder(loser.orderId);
  });
});

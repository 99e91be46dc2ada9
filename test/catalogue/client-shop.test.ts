// Utick's PHP client against Foyer: the Shop repository's sale, made as the client's order example
// makes it (stocks, requestStock into a new order, a contact, confirmOrder, a payment at the Mollie
// sandbox, the tickets and their PDF), and every other Shop method the client has.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { choose, ok, sandboxControl, seatStates, startPaymentKit, until, type PaymentKit } from '../payments/kit.js';
import { failure, Sapiti, sapiti } from './sapiti.js';

describe.each(DIALECTS)("Utick's client: Shop on %s", (dialect) => {
  let k: PaymentKit;
  let client: Sapiti;
  let perf: string;
  const contactFor = async (name: string) => (await client.createContact({ firstName: 'Lena', lastName: name, email: `${name.toLowerCase()}@example.test` }))!;

  beforeAll(async () => {
    k = await startPaymentKit(dialect);
    ({ client } = await sapiti(k.s, k.token));
    perf = k.c.performanceId.toUpperCase();
  }, 60_000);
  afterAll(async () => k?.close());
  beforeEach(async () => { await sandboxControl(k, 'DELETE', '/_sandbox/faults'); });

  it('the sale, as the client example makes it: stocks, requestStock, contact, confirmOrder, payment at Mollie, tickets and PDF', async () => {
    const [stock] = await client.getStocks({ eventid: perf });
    const category = stock!.categories.find((x) => x.label === 'Rang 1')!;
    const price = category.prices.find((x) => x.label === 'Normaal')!;
    const products = await client.requestStock([{ quantity: 2, stockId: stock!.id, categoryId: category.id, priceId: price.id }]);
    expect(client.last?.sent).toMatchObject({ method: 'POST' });
    expect(client.last?.sent.url).toMatch(/\/v1\/shop\/products\/\/$/);
    expect(products).toHaveLength(2);
    const orderId = products[0]!.orderId;
    expect(products.map((p) => p!.orderId)).toEqual([orderId, orderId]);
    expect(products[0]).toMatchObject({ stockId: perf, category: { label: 'Rang 1' }, price: { label: 'Normaal', value: { amount: 3000, currency: 'EUR' } } });
    expect(products[0]!.ticket!.positionLabel).toMatch(/^Zaal \d+ \d+$/);
    const seats = products.map((p) => p!.positionId);
    const held = await seatStates(k);
    expect(seats.map((x) => held.get(x))).toEqual(['held', 'held']);

    const creating = await client.getOrder(orderId);
    expect(creating).toMatchObject({ id: orderId, status: { id: 0 } });
    const contact = await contactFor('Jansen');
    const confirmed = await client.confirmOrder(orderId, contact.id);
    expect(confirmed).toMatchObject({ id: orderId, contactId: contact.id, status: { id: 10, label: 'À payer' } });
    expect(confirmed!.label).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const reserved = await seatStates(k);
    expect(seats.map((x) => reserved.get(x))).toEqual(['reserved', 'reserved']);

    const methods = await client.getPaymentMethods({ orderid: orderId });
    expect(methods.map((m) => m!.id)).toContain('ideal');
    expect(methods[0]).toMatchObject({ typeId: 3 });
    expect(await client.getPaymentMethod('ideal')).toMatchObject({ id: 'ideal', typeId: 3 });

    // Confirmed, the order's Mollie payment was made (the buyer picks the method on Mollie's page).
    const payment = await client.createPayment({ orderId, paymentMethodId: 'ideal' });
    expect(payment).toMatchObject({ orderId, paymentMethodId: '', expectedAmount: 6000, amount: 0, status: { id: 10, label: 'En attente de paiement' } });
    expect(payment!.externalId).toMatch(/^tr_/);
    // The page to send the buyer to is the payment's label while it is open.
    expect(payment!.label).toMatch(new RegExp(`^${k.sandbox.baseUrl}/checkout/tr_`));
    // Asked again (a lost answer): the same payment.
    expect((await client.createPayment({ orderId, paymentMethodId: 'ideal' }))!.id).toBe(payment!.id);
    expect((await client.getPayments({ orderid: orderId })).map((p) => p!.id)).toEqual([payment!.id]);

    await choose(k, payment!.label, 'paid');
    // The website tells Foyer the Mollie payment it came back from: Foyer asks Mollie and settles (the webhook may be later).
    const settled = await client.createOrUpdateMolliePaymentFromId(orderId, payment!.externalId);
    expect(settled).toMatchObject({ id: payment!.id, amount: 6000, status: { id: 15, label: 'Payé' } });
    expect(settled!.paymentDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await until(async () => (await client.getOrder(orderId))!.status!.id === 15, 'order paid');
    expect((await client.getPayment(payment!.id))!.status).toMatchObject({ id: 15 });
    // updatePayment sends the payment's fields back: Foyer asks Mollie again and changes nothing the website sent.
    const updated = await client.updatePayment({ ...payment!, id: payment!.id, amount: 1, notes: 'changed' });
    expect(client.last?.sent).toMatchObject({ method: 'PATCH' });
    expect(updated).toMatchObject({ id: payment!.id, amount: 6000, notes: '', status: { id: 15 } });
    expect((await failure(client.deletePayment({ ...payment!, id: payment!.id }))).code).toBe(409);
    const sold = await seatStates(k);
    expect(seats.map((x) => sold.get(x))).toEqual(['sold', 'sold']);

    const [set] = await client.getTicketSets({ orderid: orderId });
    expect(set!.tickets).toHaveLength(2);
    const bought = await client.getProducts({ orderid: orderId });
    expect(bought.map((p) => p!.ticket!.qrcode).sort()).toEqual(set!.tickets.map((t) => t!.qrcode).sort());
    expect(bought.map((p) => p!.positionId).sort()).toEqual([...seats].sort());
    expect(await client.getProduct(bought[0]!.id)).toEqual(bought[0]);
    const pdf = await client.getPDFTicket({ orderid: orderId });
    expect(pdf).toMatchObject({ contenttype: 'application/pdf', filename: `e-tickets-${confirmed!.label}.pdf` });
    expect(Buffer.from(pdf.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const order = ok(await k.s.request('GET', `/api/orders/${orderId.toLowerCase()}`, { token: k.token }), 'order').body;
    expect(order).toMatchObject({ status: 'paid', channel: 'online', total: 6000, customer: { id: contact.id.toLowerCase() } });

    // A paid order is the venue's to cancel; a sold ticket is not removed.
    expect((await failure(client.clearOrder(orderId))).code).toBe(409);
    expect((await failure(client.removeProductFromOrder(bought[0]!.id))).code).toBe(409);
  });

  it('createOrder, updateOrder, setNotesToOrder, setMetadataToOrder, setLanguageToOrder; a foreign Mollie payment is refused', async () => {
    const contact = await contactFor('Peeters');
    const made = await client.createOrder({ name: 'Website order', language: 'nl', country: 'BE', postalCode: '2000', contactId: contact.id, notes: 'rolstoel' });
    expect(made).toMatchObject({ name: 'Website order', language: 'nl', contactId: contact.id, notes: 'rolstoel', status: { id: 0, label: 'Bezig' } });
    expect(made!.expires).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await client.setNotesToOrder(made!.id, 'eerste rij')).toMatchObject({ notes: 'eerste rij' });
    client.language = 'en';
    expect(await client.setMetadataToOrder(made!.id, { campaign: 'winter' })).toMatchObject({ name: 'Website order' });
    expect(client.last!.answer.response.metadata).toEqual({ campaign: 'winter' });
    expect(await client.setLanguageToOrder(made!.id, 'fr')).toMatchObject({ language: 'fr', status: { label: 'En cours' } });
    const updated = await client.updateOrder({ ...made!, id: made!.id, name: 'Renamed', metaData: { a: 1 } });
    expect(updated).toMatchObject({ name: 'Renamed', notes: 'rolstoel' });
    const bad = await failure(client.setMetadataToOrder(made!.id, 'x'.repeat(20_000) as unknown as Record<string, unknown>));
    expect(bad.code).toBe(400);
    client.language = 'fr';
    expect((await failure(client.changeOrderStatus(made!.id, 15))).message).toContain('statusid ne peut valoir que 1, -10');

    // Confirming an empty order is refused in the request's language (the checkout's own words).
    client.language = 'nl';
    const empty = await failure(client.changeOrderStatus(made!.id, 1));
    expect(empty.code).toBe(409);
    expect(empty.message).toContain('Er is niets af te rekenen.');
    client.language = 'fr';

    await client.requestStock([{ quantity: 1, stockId: perf, orderId: made!.id }]);
    await client.confirmOrder(made!.id, contact.id);
    const foreign = await failure(client.createOrUpdateMolliePaymentFromId(made!.id, 'tr_notours'));
    expect([foreign.code, foreign.message]).toEqual([409, "Api error code : 409 : Foyer crée lui-même le paiement Mollie d’une commande (createPayment) ; tr_notours n’est pas le paiement de cette commande"]);
    // changeOrderStatus -10 cancels the unpaid order: its place goes back on sale.
    const [product] = await client.getProducts({ orderid: made!.id });
    expect(await client.changeOrderStatus(made!.id, -10)).toMatchObject({ status: { id: -10 } });
    expect((await seatStates(k)).get(product!.positionId)).toBe('free');
  });

  it('createPayment on an order not confirmed yet confirms it, with the method asked; clearOrder then cancels it', async () => {
    const contact = await contactFor('Maes');
    const made = await client.createOrder({ contactId: contact.id });
    const [p] = await client.requestStock([{ quantity: 1, stockId: perf, orderId: made!.id }]);
    const payment = await client.createPayment({ orderId: made!.id, paymentMethodId: 'ideal', amount: 3000 });
    expect(payment).toMatchObject({ paymentMethodId: 'ideal', expectedAmount: 3000, status: { id: 10 } });
    expect(await client.getOrder(made!.id)).toMatchObject({ status: { id: 10 }, contactId: contact.id });
    expect((await seatStates(k)).get(p!.positionId)).toBe('reserved');
    expect(await client.clearOrder(made!.id)).toMatchObject({ status: { id: -10 } });
    expect((await seatStates(k)).get(p!.positionId)).toBe('free');
    const noContact = await client.createOrder({});
    await client.requestStock([{ quantity: 1, stockId: perf, orderId: noContact!.id }]);
    client.language = 'en';
    expect((await failure(client.createPayment({ orderId: noContact!.id, paymentMethodId: 'ideal' }))).message)
      .toBe('Api error code : 409 : the order needs a contact (contactid) before it is confirmed');
    client.language = 'fr';
  });

  it('getStock, getSuggestedStocks, getStockPlanCategories and setStockPlanSeatIdForOrder: a seat taken is refused, in the language', async () => {
    const st = await client.getStock(perf);
    expect(st).toMatchObject({ id: perf, eventId: perf });
    expect(st!.categories.map((x) => x.label)).toEqual(['Rang 1', 'Rang 2']);
    expect((await failure(client.getStock('00000000-0000-4000-8000-000000000000'))).code).toBe(404);

    const suggested = await client.getSuggestedStocks(perf, { quantity: 4 });
    expect(suggested).toHaveLength(1);
    expect(suggested[0]!.categories.every((x) => x.capacityFree >= 4)).toBe(true);
    expect(await client.getSuggestedStocks(perf, { quantity: 4, categoryid: '00000000-0000-4000-8000-000000000000' })).toEqual([]);

    const plan = await client.getStockPlanCategories(perf);
    expect(plan.map((x) => x!.label)).toEqual(['Rang 1', 'Rang 2']);
    const seat = plan[1]!.seatIds.at(-1)!;
    const a = await client.createOrder({});
    const picked = await client.setStockPlanSeatIdForOrder(perf, a!.id, seat);
    expect(picked!.id).toBe(plan[1]!.id);
    expect(picked!.seatIds).not.toContain(seat);
    const [line] = await client.getProducts({ orderid: a!.id });
    expect(line).toMatchObject({ positionId: seat, category: { id: plan[1]!.id } });

    const b = await client.createOrder({});
    client.language = 'nl';
    const taken = await failure(client.setStockPlanSeatIdForOrder(perf, b!.id, seat));
    expect(taken.code).toBe(409);
    expect(taken.message).toMatch(/niet meer beschikbaar|bezet/i);
    client.language = 'fr';
    expect(await client.getProducts({ orderid: b!.id })).toEqual([]);
  });

  it('updateProduct (another price), removeProductFromOrder, removeAllProductsFromOrder, clearOrder: the places go back on sale', async () => {
    const [stock] = await client.getStocks({ eventid: perf });
    const rank2 = stock!.categories.find((x) => x.label === 'Rang 2')!;
    const discount = rank2.prices.find((x) => x.label === 'Korting')!;
    const products = await client.requestStock([{ quantity: 3, stockId: perf, categoryId: rank2.id }]);
    expect(products.map((p) => p!.price!.value.amount)).toEqual([2000, 2000, 2000]);
    const orderId = products[0]!.orderId;
    const changed = await client.updateProduct(products[0]!.id, { priceid: discount.id });
    expect(changed).toMatchObject({ id: products[0]!.id, price: { label: 'Korting', value: { amount: 1500 } } });

    expect(await client.removeProductFromOrder(products[1]!.id)).toBe(true);
    expect((await seatStates(k)).get(products[1]!.positionId)).toBe('free');
    expect((await client.getProducts({ orderid: orderId })).map((p) => p!.id)).toEqual([products[0]!.id, products[2]!.id]);
    expect(await client.removeAllProductsFromOrder(orderId)).toBe(true);
    expect(await client.getProducts({ orderid: orderId })).toEqual([]);

    const again = await client.requestStock([{ quantity: 2, stockId: perf, orderId }]);
    const cleared = await client.clearOrder(orderId);
    expect(cleared!.status).toMatchObject({ id: -20 });
    const states = await seatStates(k);
    expect(again.map((p) => states.get(p!.positionId))).toEqual(['free', 'free']);
    expect((await failure(client.requestStock([{ quantity: 1, stockId: perf, orderId }]))).code).toBe(409);
  });

  it('requestStock is all or nothing, within the shop limit and the online ticket types', async () => {
    const before = new Map(await seatStates(k));
    const tooMany = await failure(client.requestStock([{ quantity: 5, stockId: perf }, { quantity: 6, stockId: perf }]));
    expect(tooMany.code).toBe(409);
    expect(new Map(await seatStates(k))).toEqual(before);
    const priceNotOnline = await failure(client.requestStock([{ quantity: 1, stockId: perf, priceId: '00000000-0000-4000-8000-000000000000' }]));
    expect(priceNotOnline.code).toBe(400);
    const forced = await failure(client.call('shop/products/', { requests: [{ quantity: 1, stockid: perf, forcedpricevalue: 1 }] }, 'POST'));
    expect([forced.code, forced.message]).toEqual([400, 'Api error code : 400 : Foyer vend au tarif : forcedpricevalue ne peut pas être fixé']);
  });

  it("an order is only its application's while it is being filled; counters, adaptStock and attach are not supported", async () => {
    const mine = await client.createOrder({});
    const { client: other } = await sapiti(k.s, k.token);
    expect((await failure(other.getOrder(mine!.id))).code).toBe(404);
    expect((await failure(other.requestStock([{ quantity: 1, stockId: perf, orderId: mine!.id }]))).code).toBe(404);
    for (const call of [
      () => client.getCounters(), () => client.getCounter(perf), () => client.getCounterSessions(perf), () => client.startCounterSession(perf, 1000),
      () => client.stopCounterSession(perf), () => client.adaptStock(perf, { capacity: 10 }), () => client.attachProductToMainProduct(perf, perf),
    ]) {
      expect((await failure(call())).code).toBe(501);
    }
    expect((await failure(client.deletePayment({ id: perf }))).code).toBe(404);
  });
});

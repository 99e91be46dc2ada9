// Paying online over real HTTP against the Mollie sandbox: the order waits for its payment with its
// places held for it, and the payment's outcome (from the checkout page, by webhook) settles it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import {
  RETURN_URL, choose, expectProblem, ok, onlineBasket, onlinePayment, order, payOnline, sandboxControl, seatStates, startPaymentKit, until,
  type PaymentKit,
} from './kit.js';

describe.each(DIALECTS)('online checkout on %s', (dialect) => {
  let k: PaymentKit;
  let seat = 0;
  const seats = (n: number) => Array.from({ length: n }, () => `r${1 + Math.floor(seat / 10)}s${1 + (seat++ % 10)}`);
  beforeAll(async () => { k = await startPaymentKit(dialect); }, 60_000);
  afterAll(async () => k?.close());
  beforeEach(async () => { await sandboxControl(k, 'DELETE', '/_sandbox/faults'); });

  it('holds the places for the order while it awaits payment, and sells them once Mollie says paid', async () => {
    const mine = seats(2);
    const basket = await onlineBasket(k, mine);
    const res = await payOnline(k, basket);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'awaiting_payment', number: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
    expect(res.body.checkoutUrl).toMatch(new RegExp(`^${k.sandbox.baseUrl}/checkout/tr_`));
    const { orderId } = res.body;

    const waiting = await order(k, orderId);
    expect(waiting).toMatchObject({ status: 'awaiting_payment', paid: 0 });
    const states = await seatStates(k);
    expect(mine.map((x) => states.get(x))).toEqual(['reserved', 'reserved']);
    // Another buyer cannot take them, even after the basket's own hold time.
    k.clock.advance(16 * 60_000);
    const other = ok(await k.s.request('POST', '/api/baskets', { token: k.token, body: { channel: 'online' } }), 'basket').body;
    expect((await k.s.request('POST', `/api/baskets/${other.id}/lines`, { token: k.token, body: { performanceId: k.c.performanceId, seatIds: mine } })).status).toBe(409);
    const figures = ok(await k.s.request('GET', `/api/performances/${k.c.performanceId}/figures`, { token: k.token }), 'figures').body;
    expect(figures.reservations.tickets).toBe(0);
    expect(figures.sold.normal.tickets).toBe(0);
    expect(figures.held).toBeGreaterThanOrEqual(2);
    expect((await k.s.request('POST', `/api/orders/${orderId}/print`, { token: k.token })).status).toBe(409);

    const payment = await onlinePayment(k, orderId);
    expect(payment).toMatchObject({ status: 'open', provider: 'mollie', amount: waiting.total, providerPaymentId: expect.stringMatching(/^tr_/) });
    const atMollie = (await sandboxControl(k, 'GET', '/_sandbox/payments')).body.payments.find((p: { id: string }) => p.id === payment.providerPaymentId);
    expect(atMollie).toMatchObject({ amount: { currency: 'EUR', value: (waiting.total / 100).toFixed(2) }, webhookUrl: `${k.s.baseUrl}/api/webhooks/mollie/${k.orgId}` });

    expect(await choose(k, res.body.checkoutUrl, 'paid')).toBe(RETURN_URL);
    await until(async () => (await order(k, orderId)).status === 'paid', 'order paid by webhook');
    const paid = await order(k, orderId);
    expect(paid.payments).toEqual([expect.objectContaining({ kind: 'payment', method: 'online', amount: waiting.total, reference: payment.providerPaymentId, status: 'paid' })]);
    expect(paid.tickets.map((t: { status: string }) => t.status)).toEqual(['valid', 'valid']);
    expect(paid.balance).toBe(0);
    const after = await seatStates(k);
    expect(mine.map((x) => after.get(x))).toEqual(['sold', 'sold']);
    const sold = ok(await k.s.request('GET', `/api/performances/${k.c.performanceId}/figures`, { token: k.token }), 'figures').body;
    expect(sold.sold.normal.tickets).toBe(2);
    const status = ok(await k.s.request('GET', `/api/orders/${orderId}/online-status`, { token: k.token }), 'status').body;
    expect(status).toMatchObject({ status: 'paid', payment: { status: 'paid', method: 'ideal', checkoutUrl: null } });
  });

  for (const outcome of ['failed', 'canceled', 'expired'] as const) {
    it(`releases the places at once when the payment is ${outcome}, and tells the buyer`, async () => {
      const mine = seats(1);
      const res = await payOnline(k, await onlineBasket(k, mine));
      const { orderId, checkoutUrl } = res.body;
      if (outcome === 'expired') {
        const { providerPaymentId } = await onlinePayment(k, orderId);
        await sandboxControl(k, 'POST', `/_sandbox/payments/${providerPaymentId}/expire`);
      } else {
        await choose(k, checkoutUrl, outcome);
      }
      await until(async () => (await order(k, orderId)).status === 'cancelled', 'order released');
      expect((await seatStates(k)).get(mine[0])).toBe('free');
      const status = ok(await k.s.request('GET', `/api/orders/${orderId}/online-status`, { token: k.token }), 'status').body;
      expect(status).toMatchObject({ status: 'released', payment: { status: outcome, checkoutUrl: null } });
      // The seat sells to the next buyer.
      const next = await payOnline(k, await onlineBasket(k, mine));
      expect(next.status).toBe(201);
      // The first buyer's basket is over: asking again says so.
      const again = await k.s.request('GET', `/api/orders/${orderId}`, { token: k.token });
      expect(again.body.tickets[0].status).toBe('cancelled');
    });
  }

  it('asks Mollie when the buyer comes back before the webhook, and a late webhook then changes nothing', async () => {
    const res = await payOnline(k, await onlineBasket(k, seats(1)));
    await sandboxControl(k, 'POST', '/_sandbox/webhooks/faults', { mode: 'late', delayMs: 1500 });
    await choose(k, res.body.checkoutUrl, 'paid');
    const back = ok(await k.s.request('GET', `/api/orders/${res.body.orderId}/online-status?refresh=true`, { token: k.token }), 'status').body;
    expect(back.status).toBe('paid');
    const { providerPaymentId } = await onlinePayment(k, res.body.orderId);
    await until(async () => ((await sandboxControl(k, 'GET', '/_sandbox/webhooks')).body.deliveries as { paymentId: string; outcome: number }[])
      .some((d) => d.paymentId === providerPaymentId && d.outcome === 200), 'late webhook answered');
    const o = await order(k, res.body.orderId);
    expect(o.status).toBe('paid');
    expect(o.payments.filter((p: { kind: string }) => p.kind === 'payment')).toHaveLength(1);
  });

  it('acts once on the same webhook twice', async () => {
    const res = await payOnline(k, await onlineBasket(k, seats(2)));
    await sandboxControl(k, 'POST', '/_sandbox/webhooks/faults', { mode: 'twice' });
    await choose(k, res.body.checkoutUrl, 'paid');
    const { providerPaymentId } = await onlinePayment(k, res.body.orderId);
    await until(async () => ((await sandboxControl(k, 'GET', '/_sandbox/webhooks')).body.deliveries as { paymentId: string; outcome: number }[])
      .filter((d) => d.paymentId === providerPaymentId && d.outcome === 200).length === 2, 'two webhooks answered');
    const o = await order(k, res.body.orderId);
    expect(o.status).toBe('paid');
    expect(o.payments).toHaveLength(1);
    expect(o.paid).toBe(o.total);
  });

  it('answers an unknown payment id, or another organisation\'s path, with 200 and does nothing', async () => {
    const res = await payOnline(k, await onlineBasket(k, seats(1)));
    const { providerPaymentId } = await onlinePayment(k, res.body.orderId);
    await sandboxControl(k, 'POST', '/_sandbox/webhooks/faults', { mode: 'never' });
    await choose(k, res.body.checkoutUrl, 'paid');
    const post = (path: string, body: string) => fetch(k.s.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    for (const [path, body] of [
      [`/api/webhooks/mollie/${k.orgId}`, 'id=tr_unknown0000'],
      [`/api/webhooks/mollie/${k.orgId}`, 'nothing=here'],
      ['/api/webhooks/mollie/00000000-0000-4000-8000-000000000000', `id=${providerPaymentId}`],
      ['/api/webhooks/mollie/not-an-organisation', `id=${providerPaymentId}`],
    ]) {
      const r = await post(path, body);
      expect(r.status).toBe(200);
      expect(await r.text()).toBe('');
    }
    expect((await order(k, res.body.orderId)).status).toBe('awaiting_payment');
    // The real webhook (sent by hand now) settles it.
    expect((await post(`/api/webhooks/mollie/${k.orgId}`, `id=${providerPaymentId}`)).status).toBe(200);
    expect((await order(k, res.body.orderId)).status).toBe('paid');
  });

  it('answers the same order and checkout page when the shop asks again for the same basket', async () => {
    const basket = await onlineBasket(k, seats(1));
    const first = await payOnline(k, basket);
    const second = await payOnline(k, basket);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const atMollie = (await sandboxControl(k, 'GET', '/_sandbox/payments')).body.payments
      .filter((p: { metadata: { orderId: string } }) => p.metadata.orderId === first.body.orderId);
    expect(atMollie).toHaveLength(1);
  });

  it('pays an order that owes nothing at once, without Mollie', async () => {
    const b = ok(await k.s.request('POST', '/api/baskets', { token: k.token, body: { channel: 'online' } }), 'basket').body;
    const line = ok(await k.s.request('POST', `/api/baskets/${b.id}/lines`, { token: k.token, body: { performanceId: k.c.performanceId, seatIds: seats(1) } }), 'lines').body;
    ok(await k.s.request('PATCH', `/api/baskets/${b.id}/lines/${line.lines[0].id}`, { token: k.token, body: { ticketTypeId: k.c.ticketTypes.free } }), 'free');
    const res = await payOnline(k, b.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'paid', checkoutUrl: null });
    expect((await order(k, res.body.orderId)).status).toBe('paid');
  });

  it('refuses a method Mollie does not offer for the amount before it holds anything, and box office baskets', async () => {
    const basket = await onlineBasket(k, seats(1));
    const res = await payOnline(k, basket, { method: 'paypal' });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors[0].field).toBe('method');
    const ok2 = await payOnline(k, basket, { method: 'bancontact' });
    expect(ok2.status).toBe(201);
    expect((await onlinePayment(k, ok2.body.orderId)).method).toBe('bancontact');
    const desk = ok(await k.s.request('POST', '/api/baskets', { token: k.token, body: { channel: 'boxoffice' } }), 'basket').body;
    ok(await k.s.request('POST', `/api/baskets/${desk.id}/lines`, { token: k.token, body: { performanceId: k.c.performanceId, seatIds: seats(1) } }), 'lines');
    expectProblem(await payOnline(k, desk.id), 409, 'online-payment-channel');
  });
});

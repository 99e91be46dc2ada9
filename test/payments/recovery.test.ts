// When webhooks do not come and Mollie does not answer: Foyer asks itself, after a short delay and at
// the deadline; a create that failed or timed out is recorded and reconciled; money that comes in
// after the places were let go goes back by itself and is shown to staff; a cancelled online order
// is refunded through Mollie and followed until refunded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import {
  choose, drainJobs, expectProblem, ok, onlineBasket, onlinePayment, order, payOnline, pollAfter, sandboxControl, seatStates,
  startPaymentKit, until, type PaymentKit,
} from './kit.js';

const MIN = 60_000;

describe.each(DIALECTS)('online payments recover on %s', (dialect) => {
  let k: PaymentKit;
  let seat = 0;
  const seats = (n: number) => Array.from({ length: n }, () => `r${1 + Math.floor(seat / 10)}s${1 + (seat++ % 10)}`);
  const atMollie = async (orderId: string) => ((await sandboxControl(k, 'GET', '/_sandbox/payments')).body.payments as { id: string; status: string; metadata: { orderId: string } }[])
    .filter((p) => p.metadata?.orderId === orderId);
  beforeAll(async () => { k = await startPaymentKit(dialect); }, 60_000);
  afterAll(async () => k?.close());
  beforeEach(async () => { await sandboxControl(k, 'DELETE', '/_sandbox/faults'); });

  it('finds a payment whose webhook never came by asking Mollie a short while later', async () => {
    const res = await payOnline(k, await onlineBasket(k, seats(1)));
    await sandboxControl(k, 'POST', '/_sandbox/webhooks/faults', { mode: 'never' });
    await choose(k, res.body.checkoutUrl, 'paid');
    await pollAfter(k, 30_000);
    expect((await order(k, res.body.orderId)).status).toBe('awaiting_payment');
    await pollAfter(k, 2 * MIN);
    expect((await order(k, res.body.orderId)).status).toBe('paid');
    expect((await onlinePayment(k, res.body.orderId)).status).toBe('paid');
  });

  it('at the deadline stops a payment nobody finished and lets the places go', async () => {
    const mine = seats(2);
    const res = await payOnline(k, await onlineBasket(k, mine));
    for (let t = 0; t < 4; t++) await pollAfter(k, 4 * MIN);
    expect((await order(k, res.body.orderId)).status).toBe('awaiting_payment');
    await pollAfter(k, 6 * MIN);
    expect((await order(k, res.body.orderId)).status).toBe('cancelled');
    expect((await atMollie(res.body.orderId)).map((p) => p.status)).toEqual(['canceled']);
    const states = await seatStates(k);
    expect(mine.map((x) => states.get(x))).toEqual(['free', 'free']);
  });

  it('records the intent when Mollie answers 503 at create, holds the places, and the shop\'s retry gets the payment', async () => {
    const mine = seats(1);
    const basket = await onlineBasket(k, mine);
    await sandboxControl(k, 'POST', '/_sandbox/faults', { kind: 'status', status: 503, method: 'POST', path: '/v2/payments' });
    const res = await payOnline(k, basket);
    expectProblem(res, 503, 'payment-unavailable');
    const { orderId } = res.body;
    expect((await order(k, orderId)).status).toBe('awaiting_payment');
    expect((await onlinePayment(k, orderId)).status).toBe('creating');
    expect((await seatStates(k)).get(mine[0])).toBe('reserved');
    expect(await atMollie(orderId)).toHaveLength(0);
    const again = await payOnline(k, basket);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.orderId).toBe(orderId);
    expect((await atMollie(orderId))).toHaveLength(1);
  });

  it('reconciles a create whose answer was lost: the poller asks again with the same key and finds the one payment', async () => {
    await sandboxControl(k, 'POST', '/_sandbox/faults', { kind: 'done-then-timeout', method: 'POST', path: '/v2/payments', hangMs: 5000 });
    const res = await payOnline(k, await onlineBasket(k, seats(1)));
    expectProblem(res, 503, 'payment-unavailable');
    const { orderId } = res.body;
    expect(await atMollie(orderId)).toHaveLength(1);
    await pollAfter(k, 61_000);
    const p = await onlinePayment(k, orderId);
    expect(p.status).toBe('open');
    expect(p.providerPaymentId).toBe((await atMollie(orderId))[0].id);
    expect(await atMollie(orderId)).toHaveLength(1);
    const log = (await sandboxControl(k, 'GET', '/_sandbox/requests')).body.requests as { method: string; url: string; idempotencyKey?: string }[];
    const creates = log.filter((r) => r.method === 'POST' && r.url === '/v2/payments' && r.idempotencyKey === p.id);
    expect(creates).toHaveLength(2);
    // And the buyer can still pay it.
    const status = ok(await k.s.request('GET', `/api/orders/${orderId}/online-status`, { token: k.token }), 'status').body;
    await choose(k, status.payment.checkoutUrl, 'paid');
    await until(async () => (await order(k, orderId)).status === 'paid', 'paid');
  });

  it('refunds money that comes in after the order let its places go, and shows it to staff', async () => {
    const mine = seats(1);
    const res = await payOnline(k, await onlineBasket(k, mine));
    const { orderId } = res.body;
    for (let t = 0; t < 6; t++) await pollAfter(k, 5 * MIN);
    expect((await order(k, orderId)).status).toBe('cancelled');
    // The seat goes to someone else meanwhile.
    const other = await payOnline(k, await onlineBasket(k, mine));
    expect(other.status).toBe(201);
    const [late] = await atMollie(orderId);
    await sandboxControl(k, 'POST', `/_sandbox/payments/${late.id}/status`, { status: 'paid', method: 'ideal' });
    await until(async () => (await onlinePayment(k, orderId)).status === 'paid', 'late payment noticed');
    const attention = ok(await k.s.request('GET', '/api/payments/attention', { token: k.token }), 'attention').body.items;
    const mineAttention = attention.find((a: { orderId: string }) => a.orderId === orderId);
    expect(mineAttention).toMatchObject({ attention: 'paid_after_release', refunds: [{ reason: 'paid_after_release', status: 'requested' }] });
    expect((await order(k, orderId)).status).toBe('cancelled');
    await drainJobs(k);
    const refunds = (await fetch(`${k.sandbox.apiEndpoint}payments/${late.id}/refunds`, { headers: { authorization: 'Bearer test_FoyerDemoSandboxKey00000000001' } }).then((r) => r.json())) as { _embedded: { refunds: { amount: { value: string } }[] } };
    expect(refunds._embedded.refunds.map((r) => r.amount.value)).toEqual([(mineAttention.amount / 100).toFixed(2)]);
    await new Promise((r) => setTimeout(r, 250));
    await pollAfter(k, 61_000);
    expect((await onlinePayment(k, orderId)).refunds[0].status).toBe('refunded');
    // The other buyer keeps the seat.
    expect((await seatStates(k)).get(mine[0])).toBe('reserved');
    const cleared = ok(await k.s.request('DELETE', `/api/online-payments/${mineAttention.id}/attention`, { token: k.token }), 'clear').body;
    expect(cleared.attention).toBeNull();
  });

  it('refunds a cancelled online-paid order through Mollie and follows the refund to refunded', async () => {
    const res = await payOnline(k, await onlineBasket(k, seats(2)));
    await choose(k, res.body.checkoutUrl, 'paid');
    await until(async () => (await order(k, res.body.orderId)).status === 'paid', 'paid');
    const paid = await order(k, res.body.orderId);
    // One ticket first, then the rest.
    const one = ok(await k.s.request('POST', `/api/orders/${res.body.orderId}/cancel`, { token: k.token, body: { ticketIds: [paid.tickets[0].id] } }), 'cancel one').body;
    const firstRefund = one.payments.find((p: { kind: string }) => p.kind === 'refund');
    expect(firstRefund).toMatchObject({ method: 'online', amount: paid.tickets[0].price, status: 'requested' });
    await drainJobs(k);
    expect((await order(k, res.body.orderId)).payments.find((p: { kind: string }) => p.kind === 'refund').status).toBe('pending');
    ok(await k.s.request('POST', `/api/orders/${res.body.orderId}/cancel`, { token: k.token }), 'cancel rest');
    await drainJobs(k);
    await new Promise((r) => setTimeout(r, 250));
    await pollAfter(k, 61_000);
    const done = await order(k, res.body.orderId);
    expect(done.status).toBe('cancelled');
    expect(done.payments.filter((p: { kind: string }) => p.kind === 'refund').map((p: { status: string }) => p.status)).toEqual(['refunded', 'refunded']);
    const { providerPaymentId, refunds } = await onlinePayment(k, res.body.orderId);
    expect(refunds.map((r: { reason: string; status: string }) => [r.reason, r.status])).toEqual([['cancellation', 'refunded'], ['cancellation', 'refunded']]);
    const atM = await fetch(`${k.sandbox.apiEndpoint}payments/${providerPaymentId}`, { headers: { authorization: 'Bearer test_FoyerDemoSandboxKey00000000001' } }).then((r) => r.json()) as { amountRemaining: { value: string } };
    expect(atM.amountRemaining.value).toBe('0.00');
  });

  it('keeps asking while Mollie is down, and sends a refund again until Mollie takes it (once)', async () => {
    const res = await payOnline(k, await onlineBasket(k, seats(1)));
    await choose(k, res.body.checkoutUrl, 'paid');
    await until(async () => (await order(k, res.body.orderId)).status === 'paid', 'paid');
    ok(await k.s.request('POST', `/api/orders/${res.body.orderId}/cancel`, { token: k.token }), 'cancel');
    await sandboxControl(k, 'POST', '/_sandbox/faults', { kind: 'done-then-timeout', method: 'POST', path: '/v2/payments/', hangMs: 5000 });
    await drainJobs(k);
    expect((await onlinePayment(k, res.body.orderId)).refunds[0].status).toBe('requested');
    k.clock.advance(30_000);
    await drainJobs(k);
    const { refunds, providerPaymentId } = await onlinePayment(k, res.body.orderId);
    // Found (the first try reached Mollie) or made now: pending, or refunded already.
    expect(['pending', 'refunded']).toContain(refunds[0].status);
    const atM = await fetch(`${k.sandbox.apiEndpoint}payments/${providerPaymentId}/refunds`, { headers: { authorization: 'Bearer test_FoyerDemoSandboxKey00000000001' } }).then((r) => r.json()) as { count: number };
    expect(atM.count).toBe(1);
  });
});

// The buyer cancels their own paid online order from its page, where the venue allows it: not by
// default, then up to the shop's buyerCancelHours before the first performance; the whole order is
// cancelled, its seats go back on sale and the money (service fees too) is refunded through Mollie
// and followed to refunded; too late is said in the buyer's language with the deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { choose, drainJobs, order, pollAfter, seatStates, startPaymentKit, until, type PaymentKit } from '../payments/kit.js';
import { userIn } from '../helpers/server.js';
import { buyer, expectProblem, ok } from '../shop/kit.js';

describe.each(DIALECTS)('the buyer cancels an online order on %s', (dialect) => {
  let k: PaymentKit;
  let slug: string;
  let n = 0;
  const seats = (count: number) => Array.from({ length: count }, () => { const i = n++; return `r${1 + Math.floor(i / 10)}s${1 + (i % 10)}`; });

  beforeAll(async () => {
    k = await startPaymentKit(dialect);
    // 14 January 2055, 10:00 in Amsterdam: Hamlet is the next evening at 20:15
    await at('2055-01-14T09:00:00Z');
    slug = ok(await k.s.request('PUT', '/api/shop-settings', { token: k.token, body: { enabled: true } })).slug;
    ok(await k.s.request('PUT', '/api/fees', { token: k.token, body: { online: { perTicket: 100, perOrder: 150, vatRate: 2100 } } }));
  }, 60_000);
  afterAll(async () => k?.close());
  /** Sets the clock and logs staff in again (a jump of the clock ends sessions). */
  const at = async (iso: string) => { k.clock.set(new Date(iso)); k.token = await userIn(k.s, k.orgId, 'admin'); };

  /** A paid online order of `count` seats: its id and the token of its page. */
  const paidOrder = async (count: number) => {
    const u = buyer(k.s, slug);
    await u.open();
    const mine = seats(count);
    ok(await u.add({ performanceId: k.c.performanceId, seatIds: mine }));
    ok(await u.details('eva@example.be'));
    const paying = ok(await u.call('POST', '/basket/checkout', { method: 'ideal' }));
    await choose(k, paying.checkoutUrl, 'paid');
    await until(async () => ok(await u.call('GET', '/basket/payment')).status === 'paid', 'paid');
    const url = ok(await u.call('GET', '/basket/payment')).myOrderUrl as string;
    return { orderId: paying.orderId as string, token: url.split('/order/')[1], seats: mine };
  };
  const page = (token: string, lang = 'nl') => k.s.request('GET', `/api/my-order/${token}`, { lang });
  const cancel = (token: string, lang = 'nl') => k.s.request('POST', `/api/my-order/${token}/cancel`, { lang, body: {} });

  it('is not offered, and refused, unless the venue allows it', async () => {
    const o = await paidOrder(1);
    expect(ok(await page(o.token)).cancelUntil).toBeNull();
    const refused = await cancel(o.token);
    expectProblem(refused, 409, 'buyer-cancel-off');
    expect(refused.body.detail).toBe('Deze bestelling kan niet online worden geannuleerd. Neem contact op met de kassa.');
    expect((await order(k, o.orderId)).status).toBe('paid');
  });

  it('cancels the whole order up to the set hours before the performance, frees the seats and refunds everything through Mollie', async () => {
    ok(await k.s.request('PUT', '/api/shop-settings', { token: k.token, body: { enabled: true, buyerCancelHours: 6 } }));
    const o = await paidOrder(2);
    const before = ok(await page(o.token));
    expect(before.cancelUntil).toBe('2055-01-15T14:15:00+01:00');
    expect(before.totals.total).toBe(2 * 3000 + 2 * 100 + 150);

    const after = ok(await cancel(o.token));
    expect(after).toMatchObject({ status: 'cancelled', cancelUntil: null, downloadable: false });
    expect(after.performances[0].tickets.map((t: { status: string; barcode: string | null }) => [t.status, t.barcode])).toEqual([['cancelled', null], ['cancelled', null]]);
    const states = await seatStates(k);
    expect(o.seats.map((x) => states.get(x))).toEqual(['free', 'free']);
    // twice is the same as once: nothing left to cancel, nothing refunded again
    expectProblem(await cancel(o.token), 409, 'buyer-cancel-off');

    await drainJobs(k);
    await new Promise((r) => setTimeout(r, 250));
    await pollAfter(k, 61_000);
    const staff = await order(k, o.orderId);
    const refunds = staff.payments.filter((p: { kind: string }) => p.kind === 'refund');
    expect(refunds.reduce((sum: number, p: { amount: number }) => sum + p.amount, 0)).toBe(6350);
    expect(refunds.every((p: { method: string; status: string }) => p.method === 'online' && p.status === 'refunded')).toBe(true);
  });

  it('too late is said with the deadline, in the buyer’s language', async () => {
    const o = await paidOrder(1);
    await at('2055-01-15T13:30:00Z'); // 14:30 in Amsterdam, a quarter of an hour past the deadline
    expect(ok(await page(o.token)).cancelUntil).toBeNull();
    const fr = await cancel(o.token, 'fr');
    expectProblem(fr, 409, 'buyer-cancel-too-late');
    expect(fr.body.detail).toMatch(/jusqu'au .*15.*2055 14:15/);
    expect((await order(k, o.orderId)).status).toBe('paid');
    await at('2055-01-14T09:00:00Z');
  });
});

// Paying in the shop, over real HTTP against the Mollie sandbox: the buyer's basket goes to Mollie's
// checkout page, and whatever the buyer chooses there decides the order; a paid order's confirmation
// e-mail is queued with its my-order link, whether the webhook or the returning buyer told Foyer first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { choose, drainJobs, pollAfter, sandboxControl, seatStates, startPaymentKit, until, type PaymentKit } from '../payments/kit.js';
import { buyer, expectProblem, ok } from './kit.js';

describe.each(DIALECTS)('paying in the shop on %s', (dialect) => {
  let k: PaymentKit;
  let slug: string;
  let n = 0;
  const seats = (count: number) => Array.from({ length: count }, () => { const i = n++; return `r${1 + Math.floor(i / 10)}s${1 + (i % 10)}`; });
  const mails = (orderId: string) => k.s.deps.db.selectFrom('mail_outbox').select(['template', 'recipient', 'body_text', 'amount']).where('order_id', '=', orderId).execute();

  beforeAll(async () => {
    k = await startPaymentKit(dialect);
    slug = ok(await k.s.request('PUT', '/api/shop-settings', { token: k.token, body: { enabled: true } })).slug;
  }, 60_000);
  afterAll(async () => k?.close());

  const shopper = async (seatIds: string[], email = 'anna@example.nl') => {
    const u = buyer(k.s, slug);
    await u.open();
    ok(await u.add({ performanceId: k.c.performanceId, seatIds }));
    ok(await u.details(email));
    return u;
  };

  it('pays with iDEAL: the order is paid, the seats sold, the confirmation queued with the my-order link', async () => {
    const mine = seats(2);
    const u = await shopper(mine);
    expectProblem(await u.call('GET', '/basket/payment'), 409, 'basket-not-checked-out');
    const paying = ok(await u.call('POST', '/basket/checkout', { method: 'ideal' }));
    expect(paying).toMatchObject({ status: 'awaiting_payment', checkoutUrl: expect.stringMatching(/\/checkout\/tr_/) });
    // A double tap answers the same order and the same payment page.
    expect(ok(await u.call('POST', '/basket/checkout', { method: 'ideal' }))).toEqual(paying);
    expect(ok(await u.call('GET', '/basket/payment'))).toMatchObject({ status: 'awaiting_payment', myOrderUrl: null });

    const back = await choose(k, paying.checkoutUrl, 'paid');
    expect(back).toContain(`/shop/${slug}/return?basket=`);
    await until(async () => ok(await u.call('GET', '/basket/payment')).status === 'paid', 'paid');
    const status = ok(await u.call('GET', '/basket/payment'));
    expect(status.myOrderUrl).toMatch(new RegExp(`/shop/${slug}/order/[A-Za-z0-9_-]{43}$`));
    const states = await seatStates(k);
    expect(mine.map((x) => states.get(x))).toEqual(['sold', 'sold']);
    const queued = await mails(paying.orderId);
    expect(queued.map((m) => m.template)).toEqual(['order-confirmation']);
    expect(queued[0].recipient).toBe('anna@example.nl');
    expect(queued[0].body_text).toContain(status.myOrderUrl);
  });

  it('the returning buyer learns of the payment before any webhook, and the e-mail is queued once', async () => {
    await sandboxControl(k, 'POST', '/_sandbox/webhooks/faults', { mode: 'never' });
    try {
      const u = await shopper(seats(1), 'bram@example.be');
      const paying = ok(await u.call('POST', '/basket/checkout', {}));
      await choose(k, paying.checkoutUrl, 'paid');
      expect(ok(await u.call('GET', '/basket/payment')).status).toBe('paid');
      expect(ok(await u.call('GET', '/basket/payment')).status).toBe('paid');
      expect((await mails(paying.orderId)).map((m) => m.template)).toEqual(['order-confirmation']);
    } finally {
      await sandboxControl(k, 'DELETE', '/_sandbox/faults');
    }
  });

  it('a failed payment puts the places back on sale at once; no e-mail', async () => {
    const mine = seats(2);
    const u = await shopper(mine);
    const paying = ok(await u.call('POST', '/basket/checkout', {}));
    await choose(k, paying.checkoutUrl, 'failed');
    await until(async () => ok(await u.call('GET', '/basket/payment')).status === 'released', 'released');
    const states = await seatStates(k);
    expect(mine.map((x) => states.get(x))).toEqual(['free', 'free']);
    expect(await mails(paying.orderId)).toEqual([]);
  });

  it('a basket that owes nothing is paid at once, without Mollie, and gets its e-mail', async () => {
    const free = k.c.ticketTypes.free;
    const u = buyer(k.s, slug);
    await u.open();
    ok(await u.add({ performanceId: k.c.performanceId, seatIds: seats(1), ticketTypeId: free }));
    ok(await u.details('cas@example.nl'));
    const done = ok(await u.call('POST', '/basket/checkout', {}));
    expect(done.status).toBe('paid');
    expect(done.checkoutUrl).toContain(`/shop/${slug}/return?basket=`);
    expect((await mails(done.orderId)).map((m) => m.template)).toEqual(['order-confirmation']);
  });
  it('a cancelled paid order is refunded through Mollie, and the buyer gets one refund e-mail once the money is on its way', async () => {
    const u = await shopper(seats(2), 'dirk@example.nl');
    const paying = ok(await u.call('POST', '/basket/checkout', {}));
    await choose(k, paying.checkoutUrl, 'paid');
    await until(async () => ok(await u.call('GET', '/basket/payment')).status === 'paid', 'paid');
    const cancelled = ok(await k.s.request('POST', `/api/orders/${paying.orderId}/cancel`, { token: k.token }));
    const refund = cancelled.payments.find((p: { kind: string }) => p.kind === 'refund');
    await drainJobs(k);
    expect((await mails(paying.orderId)).map((m) => m.template)).toEqual(['order-confirmation']);
    await new Promise((r) => setTimeout(r, 250));
    await pollAfter(k, 61_000);
    await pollAfter(k, 61_000);
    const sent = (await mails(paying.orderId)).filter((m) => m.template === 'refund-confirmation');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ recipient: 'dirk@example.nl', amount: refund.amount });
  });
});

// The sandbox is as strict as Mollie where Foyer could go wrong: keys, amounts, fields, idempotency,
// who sees which payment. Driven with the official client over real HTTP.
import { beforeEach, describe, expect, it } from 'vitest';
import { MollieApiError, type MollieClient } from '@mollie/api-client';
import { DEMO_API_KEY } from './index.js';
import { OTHER_KEY, sandboxPerFile, type TestSandbox } from './test-support.js';

const sandbox = sandboxPerFile();
let sb: TestSandbox;
let mollie: MollieClient;
beforeEach(() => {
  sb = sandbox();
  mollie = sb.client();
});

const create = (over: Record<string, unknown> = {}) => mollie.payments.create({
  amount: { currency: 'EUR', value: '25.00' }, description: 'Foyer order F7K2-9QXM', redirectUrl: 'https://shop.example/return',
  ...over,
} as Parameters<MollieClient['payments']['create']>[0]);

async function refusal(p: Promise<unknown>): Promise<MollieApiError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(MollieApiError);
  return e as MollieApiError;
}

describe('authentication', () => {
  it('answers 401 Unauthorized Request as hal+json without a key, with a malformed key, and with a live key', async () => {
    for (const auth of [undefined, 'Bearer test_short', `Bearer live_${'a'.repeat(30)}`, `Basic ${DEMO_API_KEY}`]) {
      const a = await sb.raw('GET', '/v2/methods', { headers: auth ? { authorization: auth } : {} });
      expect(a.status).toBe(401);
      expect(a.contentType).toContain('application/hal+json');
      expect(a.body).toMatchObject({ status: 401, title: 'Unauthorized Request', _links: { documentation: { type: 'text/html' } } });
      expect(a.body.detail).toMatch(/authenticat/);
    }
    const live = await refusal(sb.client(`live_${'b'.repeat(30)}`).payments.get('tr_x'));
    expect(live.statusCode).toBe(401);
    expect(live.message).toMatch(/only accepts test API keys/);
  });
});

describe('creating a payment', () => {
  it('answers 201 with Mollie\'s fields, an open status and a checkout link', async () => {
    const res = await sb.raw('POST', '/v2/payments', {
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: { currency: 'EUR', value: '25.00' }, description: 'Order', redirectUrl: 'https://shop.example/r', webhookUrl: 'https://foyer.example/api/webhooks/mollie/x', metadata: { orderId: 'o1' }, locale: 'nl_NL' }),
    });
    expect(res.status).toBe(201);
    expect(res.contentType).toContain('application/hal+json');
    const p = res.body;
    expect(p).toMatchObject({
      resource: 'payment', mode: 'test', status: 'open', isCancelable: true, method: null, sequenceType: 'oneoff',
      amount: { currency: 'EUR', value: '25.00' }, metadata: { orderId: 'o1' }, locale: 'nl_NL',
      webhookUrl: 'https://foyer.example/api/webhooks/mollie/x',
      _links: { checkout: { type: 'text/html' }, self: { type: 'application/hal+json' } },
    });
    expect(p.id).toMatch(/^tr_[A-Za-z0-9]{10}$/);
    expect(p.profileId).toMatch(/^pfl_/);
    expect(p.createdAt).toBe('2026-12-02T10:00:00+00:00');
    expect(p.expiresAt).toBe('2026-12-02T10:15:00+00:00');
    expect(p.paidAt).toBeUndefined();
  });

  it('refuses amounts without exactly two decimals, and other currencies, naming the field (422)', async () => {
    for (const value of ['25', '25.0', '25.000', '25,00', '-1.00', '']) {
      const e = await refusal(create({ amount: { currency: 'EUR', value } }));
      expect([e.statusCode, e.field]).toEqual([422, 'amount.value']);
    }
    const number = await refusal(create({ amount: { currency: 'EUR', value: 25 } }));
    expect(number.field).toBe('amount.value');
    expect((await refusal(create({ amount: { currency: 'USD', value: '25.00' } }))).field).toBe('amount.currency');
    expect((await refusal(create({ amount: undefined }))).field).toBe('amount');
    expect((await refusal(create({ amount: { currency: 'EUR', value: '0.00' } }))).field).toBe('amount');
    expect(await sb.control('GET', '/_sandbox/payments')).toMatchObject({ body: { payments: [] } });
  });

  it('refuses a missing description or redirectUrl, bad URLs, unknown locales and unknown fields', async () => {
    expect((await refusal(create({ description: undefined }))).field).toBe('description');
    expect((await refusal(create({ description: 'x'.repeat(256) }))).field).toBe('description');
    expect((await refusal(create({ redirectUrl: undefined }))).field).toBe('redirectUrl');
    expect((await refusal(create({ redirectUrl: 'not a url' }))).field).toBe('redirectUrl');
    expect((await refusal(create({ webhookUrl: 'ftp://x' }))).field).toBe('webhookUrl');
    expect((await refusal(create({ locale: 'nl' }))).field).toBe('locale');
    expect((await refusal(create({ redirectURL: 'https://x' }))).field).toBe('redirectURL');
  });

  it('takes a method only when the profile has it enabled and the amount fits it', async () => {
    expect((await create({ method: 'ideal' })).method).toBe('ideal');
    expect((await refusal(create({ method: 'paypal' }))).field).toBe('method');
    expect((await refusal(create({ method: 'bitcoin' }))).field).toBe('method');
    expect((await refusal(create({ method: 'creditcard', amount: { currency: 'EUR', value: '20000.00' } }))).field).toBe('amount');
  });

  it('answers a retry with the same Idempotency-Key with the same payment; without one, a second payment', async () => {
    const a = await create({ idempotencyKey: 'intent-1' });
    const b = await create({ idempotencyKey: 'intent-1' });
    const c = await create();
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    const stored = (await sb.control('GET', '/_sandbox/payments')).body.payments;
    expect(stored).toHaveLength(2);
    // The key belongs to the API key: another profile's same key is its own.
    const other = await sb.client(OTHER_KEY).payments.create({ amount: { currency: 'EUR', value: '1.00' }, description: 'x', redirectUrl: 'https://x.example', idempotencyKey: 'intent-1' });
    expect(other.id).not.toBe(a.id);
  });
});

describe('reading, listing and cancelling', () => {
  it('answers 404 for an unknown id and for another profile\'s payment', async () => {
    const p = await create();
    expect((await mollie.payments.get(p.id)).id).toBe(p.id);
    for (const e of [await refusal(mollie.payments.get('tr_unknown00')), await refusal(sb.client(OTHER_KEY).payments.get(p.id))]) {
      expect(e.statusCode).toBe(404);
      expect(e.message).toMatch(/No payment exists/);
    }
  });

  it('lists a profile\'s payments newest first, paged', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await create()).id);
    await sb.client(OTHER_KEY).payments.create({ amount: { currency: 'EUR', value: '1.00' }, description: 'x', redirectUrl: 'https://x.example' });
    const first = await mollie.payments.page({ limit: 2 });
    expect(first.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    const next = await first.nextPage!();
    expect(next.map((p) => p.id)).toEqual([ids[0]]);
  });

  it('cancels an open payment once; a final or non-cancelable one answers 422', async () => {
    const p = await create();
    const c = await mollie.payments.cancel(p.id);
    expect(c.status).toBe('canceled');
    expect(c.canceledAt).toBe('2026-12-02T10:00:00+00:00');
    expect(c.isCancelable).toBeUndefined();
    expect((await refusal(mollie.payments.cancel(p.id))).statusCode).toBe(422);
    const q = await create();
    await sb.control('POST', `/_sandbox/payments/${q.id}/cancelable`, { cancelable: false });
    expect((await mollie.payments.get(q.id)).isCancelable).toBe(false);
    expect((await refusal(mollie.payments.cancel(q.id))).statusCode).toBe(422);
  });

  it('expires an open payment at its expiresAt', async () => {
    const p = await create();
    sb.clock.advance(15 * 60_000);
    const e = await mollie.payments.get(p.id);
    expect(e.status).toBe('expired');
    expect(e.expiredAt).toBe('2026-12-02T10:15:00+00:00');
    expect(e.getCheckoutUrl()).toBeNull();
  });
});

describe('methods', () => {
  it('lists the profile\'s enabled methods for the amount, described in the locale', async () => {
    const nl = await mollie.methods.list({ amount: { value: '25.00', currency: 'EUR' }, locale: 'nl_NL' as never });
    expect(nl.map((m) => [m.id, m.description])).toEqual([['ideal', 'iDEAL'], ['bancontact', 'Bancontact'], ['creditcard', 'Creditcard']]);
    expect(nl[0]).toMatchObject({ resource: 'method', minimumAmount: { value: '0.01', currency: 'EUR' }, status: 'activated' });
    expect(nl[0].image.svg).toMatch(/^http/);
    const big = await mollie.methods.list({ amount: { value: '20000.00', currency: 'EUR' } });
    expect(big.map((m) => m.id)).toEqual(['ideal', 'bancontact']);
    const e = await refusal(mollie.methods.list({ amount: { value: '20000', currency: 'EUR' } }));
    expect([e.statusCode, e.field]).toEqual([422, 'amount.value']);
  });

  it('follows what the sandbox control says a profile has enabled', async () => {
    await mollie.methods.list();
    await sb.control('PUT', '/_sandbox/profiles/methods', { apiKey: DEMO_API_KEY, methods: ['bancontact', 'paypal'] });
    expect((await mollie.methods.list()).map((m) => m.id)).toEqual(['bancontact', 'paypal']);
    expect((await sb.client(OTHER_KEY).methods.list()).map((m) => m.id)).toEqual(['ideal', 'bancontact', 'creditcard']);
  });
});

describe('refunds', () => {
  const paid = async (value = '25.00') => {
    const p = await create({ amount: { currency: 'EUR', value } });
    await sb.control('POST', `/_sandbox/payments/${p.id}/status`, { status: 'paid', method: 'ideal' });
    return mollie.payments.get(p.id);
  };

  it('refunds a paid payment in parts up to what remains, and the payment shows the amounts', async () => {
    const p = await paid();
    expect(p).toMatchObject({ status: 'paid', method: 'ideal', amountRefunded: { value: '0.00' }, amountRemaining: { value: '25.00' } });
    const r = await mollie.paymentRefunds.create({ paymentId: p.id, amount: { currency: 'EUR', value: '10.00' }, description: 'Ticket cancelled' });
    expect(r).toMatchObject({ resource: 'refund', status: 'pending', paymentId: p.id, amount: { value: '10.00', currency: 'EUR' } });
    expect(r.id).toMatch(/^re_/);
    const over = await refusal(mollie.paymentRefunds.create({ paymentId: p.id, amount: { currency: 'EUR', value: '15.01' } }));
    expect([over.statusCode, over.field]).toEqual([422, 'amount']);
    expect((await mollie.payments.get(p.id))).toMatchObject({ amountRefunded: { value: '10.00' }, amountRemaining: { value: '15.00' } });
    expect((await mollie.paymentRefunds.page({ paymentId: p.id })).map((x) => x.id)).toEqual([r.id]);
  });

  it('settles a pending refund as refunded after a while, or failed when told to', async () => {
    const p = await paid();
    const r = await mollie.paymentRefunds.create({ paymentId: p.id, amount: { currency: 'EUR', value: '5.00' } });
    await sb.control('POST', '/_sandbox/refunds/next', { outcome: 'failed' });
    const f = await mollie.paymentRefunds.create({ paymentId: p.id, amount: { currency: 'EUR', value: '5.00' } });
    sb.clock.advance(60_000);
    expect((await mollie.paymentRefunds.get(r.id, { paymentId: p.id })).status).toBe('refunded');
    expect((await mollie.paymentRefunds.get(f.id, { paymentId: p.id })).status).toBe('failed');
    expect((await mollie.payments.get(p.id)).amountRemaining).toEqual({ currency: 'EUR', value: '20.00' });
  });

  it('refuses to refund an unpaid payment, and answers 404 for another payment\'s refund', async () => {
    const open = await create();
    expect((await refusal(mollie.paymentRefunds.create({ paymentId: open.id, amount: { currency: 'EUR', value: '1.00' } }))).statusCode).toBe(422);
    const p = await paid();
    const r = await mollie.paymentRefunds.create({ paymentId: p.id, amount: { currency: 'EUR', value: '1.00' } });
    expect((await refusal(mollie.paymentRefunds.get(r.id, { paymentId: open.id }))).statusCode).toBe(404);
  });

  it('makes a refund with an Idempotency-Key once', async () => {
    const p = await paid();
    const a = await mollie.paymentRefunds.create({ paymentId: p.id, amount: { currency: 'EUR', value: '25.00' }, idempotencyKey: 'refund-1' });
    const b = await mollie.paymentRefunds.create({ paymentId: p.id, amount: { currency: 'EUR', value: '25.00' }, idempotencyKey: 'refund-1' });
    expect(b.id).toBe(a.id);
    expect((await mollie.paymentRefunds.page({ paymentId: p.id }))).toHaveLength(1);
  });
});

// The hosted checkout page and the webhook calls that follow a status change: retried while the
// receiver fails, and late, doubled or never sent when a fault says so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MollieClient } from '@mollie/api-client';
import { sandboxPerFile, until, webhookReceiver, type TestSandbox, type WebhookReceiver } from './test-support.js';

const sandbox = sandboxPerFile();
let sb: TestSandbox;
let mollie: MollieClient;
let hooks: WebhookReceiver;
beforeEach(async () => {
  sb = sandbox();
  mollie = sb.client();
  hooks = await webhookReceiver();
});
afterEach(async () => hooks.close());

const create = (over: Record<string, unknown> = {}) => mollie.payments.create({
  amount: { currency: 'EUR', value: '42.50' }, description: 'Foyer order AB12-CD34', redirectUrl: 'https://shop.example/orders/o1/return',
  webhookUrl: hooks.url, locale: 'nl_NL', ...over,
} as Parameters<MollieClient['payments']['create']>[0]);

const choose = (id: string, outcome: string, method = 'ideal') => sb.raw('POST', `/checkout/${id}`, {
  headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ outcome, method }).toString(),
});

describe('the checkout page', () => {
  it('shows the amount, the methods and the five test outcomes, in the payment\'s language', async () => {
    const p = await create();
    const page = await sb.raw('GET', new URL(p.getCheckoutUrl()!).pathname);
    expect(page.status).toBe(200);
    expect(page.contentType).toContain('text/html');
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain('EUR 42.50');
    for (const o of ['paid', 'failed', 'canceled', 'expired', 'open']) expect(page.text).toContain(`value="${o}"`);
    for (const m of ['ideal', 'bancontact', 'creditcard']) expect(page.text).toContain(`value="${m}"`);
  });

  it('pays with the chosen method and sends the buyer back to the redirectUrl', async () => {
    const p = await create();
    const back = await choose(p.id, 'paid', 'bancontact');
    expect(back.status).toBe(303);
    const location = (await fetch(`${sb.baseUrl}/checkout/${p.id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=paid', redirect: 'manual' })).headers.get('location');
    expect(location).toBe('https://shop.example/orders/o1/return');
    const paid = await mollie.payments.get(p.id);
    expect(paid).toMatchObject({ status: 'paid', method: 'bancontact', paidAt: '2026-12-02T10:00:00+00:00' });
    const again = await sb.raw('GET', `/checkout/${p.id}`);
    expect(again.text).toContain('al afgerond');
  });

  it('sends a cancelled buyer to the cancelUrl when there is one', async () => {
    const p = await create({ cancelUrl: 'https://shop.example/basket' });
    const res = await fetch(`${sb.baseUrl}/checkout/${p.id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=canceled', redirect: 'manual' });
    expect(res.headers.get('location')).toBe('https://shop.example/basket');
    expect((await mollie.payments.get(p.id)).status).toBe('canceled');
  });

  it('leaves the payment open when the tester says so (no webhook)', async () => {
    const p = await create();
    await choose(p.id, 'open');
    expect((await mollie.payments.get(p.id)).status).toBe('open');
    await new Promise((r) => setTimeout(r, 200));
    expect(hooks.calls).toHaveLength(0);
  });
});

describe('webhooks', () => {
  it('POSTs id=tr_... form-encoded to the webhookUrl on each status change', async () => {
    const p = await create();
    await choose(p.id, 'failed');
    await until(() => hooks.calls.length === 1);
    expect(hooks.calls[0]).toMatchObject({ body: `id=${p.id}`, contentType: 'application/x-www-form-urlencoded' });
    const q = await create();
    sb.clock.advance(16 * 60_000);
    await sb.control('POST', '/_sandbox/tick');
    await until(() => hooks.calls.length === 2);
    expect(hooks.calls[1].body).toBe(`id=${q.id}`);
  });

  it('retries while the receiver does not answer 2xx, and stops once it does', async () => {
    hooks.failFirst = 3;
    hooks.answer = 204;
    const p = await create();
    await choose(p.id, 'paid');
    await until(() => hooks.calls.length >= 4);
    await new Promise((r) => setTimeout(r, 700));
    expect(hooks.calls).toHaveLength(4);
    const log = (await sb.control('GET', '/_sandbox/webhooks')).body.deliveries;
    expect(log.map((d: { attempt: number; outcome: number }) => [d.attempt, d.outcome])).toEqual([[1, 500], [2, 500], [3, 500], [4, 204]]);
  });

  it('can be sent twice, late, or never', async () => {
    await sb.control('POST', '/_sandbox/webhooks/faults', { mode: 'twice' });
    const a = await create();
    await choose(a.id, 'paid');
    await until(() => hooks.calls.length >= 2);
    expect(hooks.calls.map((c) => c.body)).toEqual([`id=${a.id}`, `id=${a.id}`]);

    await sb.control('POST', '/_sandbox/webhooks/faults', { mode: 'never' });
    const b = await create();
    await choose(b.id, 'paid');
    await new Promise((r) => setTimeout(r, 300));
    expect(hooks.calls).toHaveLength(2);
    expect((await mollie.payments.get(b.id)).status).toBe('paid');

    await sb.control('POST', '/_sandbox/webhooks/faults', { mode: 'late', delayMs: 600 });
    const c = await create();
    const started = Date.now();
    await choose(c.id, 'paid');
    await until(() => hooks.calls.length === 3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);

    await sb.control('POST', `/_sandbox/payments/${b.id}/webhook`);
    await until(() => hooks.calls.length === 4);
    expect(hooks.calls[3].body).toBe(`id=${b.id}`);
  });

  it('calls the webhook when a payment is expired through the control API', async () => {
    const p = await create();
    expect((await sb.control('POST', `/_sandbox/payments/${p.id}/expire`)).body.status).toBe('expired');
    await until(() => hooks.calls.length === 1);
    expect((await mollie.payments.get(p.id)).status).toBe('expired');
  });
});

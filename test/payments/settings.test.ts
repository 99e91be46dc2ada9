// Mollie settings per organisation: the API key is stored sealed and never answered; methods come
// from Mollie for the amount, not from a list in Foyer; without settings there is no online payment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../sandboxes/mollie/index.js';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser, userIn } from '../helpers/server.js';
import { expectProblem, ok, onlineBasket, payOnline, sandboxControl, startPaymentKit, type PaymentKit } from './kit.js';

describe.each(DIALECTS)('Mollie settings on %s', (dialect) => {
  let k: PaymentKit;
  beforeAll(async () => { k = await startPaymentKit(dialect); }, 60_000);
  afterAll(async () => k?.close());

  it('never answers the key, stores it sealed, and keeps it when a PUT leaves it out', async () => {
    const view = ok(await k.s.request('GET', '/api/mollie/settings', { token: k.token }), 'settings').body;
    expect(view).toMatchObject({ configured: true, enabled: true, hasApiKey: true, apiKeyMode: 'test', endpoint: k.sandbox.apiEndpoint,
      webhookUrl: `${k.s.baseUrl}/api/webhooks/mollie/${k.orgId}` });
    expect(JSON.stringify(view)).not.toContain(DEMO_API_KEY);
    const row = await k.s.deps.db.selectFrom('mollie_settings').select('api_key').where('organisation_id', '=', k.orgId).executeTakeFirstOrThrow();
    expect(row.api_key).not.toContain(DEMO_API_KEY.slice(5));
    const kept = ok(await k.s.request('PUT', '/api/mollie/settings', { token: k.token, body: { enabled: true, endpoint: k.sandbox.apiEndpoint } }), 'put').body;
    expect(kept.hasApiKey).toBe(true);
    expect(ok(await k.s.request('POST', '/api/mollie/check', { token: k.token }), 'check').body.methods).toEqual(['ideal', 'bancontact', 'creditcard']);
  });

  it('refuses a key that is not a Mollie key, naming the field, in the request\'s language', async () => {
    const res = await k.s.request('PUT', '/api/mollie/settings', { token: k.token, lang: 'fr', body: { apiKey: 'sk_live_123', enabled: true } });
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors[0]).toMatchObject({ field: 'apiKey', message: expect.stringContaining('clé API Mollie') });
  });

  it('answers the methods Mollie offers for the amount, as the profile has them', async () => {
    const methods = async (amount: number) => ok(await k.s.request('GET', `/api/payments/methods?amount=${amount}&locale=nl`, { token: k.token }), 'methods').body.items.map((m: { id: string }) => m.id);
    expect(await methods(2500)).toEqual(['ideal', 'bancontact', 'creditcard']);
    expect(await methods(2_000_000)).toEqual(['ideal', 'bancontact']);
    await sandboxControl(k, 'PUT', '/_sandbox/profiles/methods', { apiKey: DEMO_API_KEY, methods: ['bancontact', 'paypal'] });
    expect(await methods(2500)).toEqual(['bancontact', 'paypal']);
    await sandboxControl(k, 'PUT', '/_sandbox/profiles/methods', { apiKey: DEMO_API_KEY, methods: ['ideal', 'bancontact', 'creditcard'] });
  });

  it('is admin-only, per organisation, and without it an online basket cannot be paid online', async () => {
    const desk = await userIn(k.s, k.orgId, 'boxoffice');
    expect((await k.s.request('GET', '/api/mollie/settings', { token: desk })).status).toBe(403);
    const other = await orgWithUser(k.s, 'admin', 'Other Theatre');
    expect(ok(await k.s.request('GET', '/api/mollie/settings', { token: other.token }), 'other').body).toMatchObject({ configured: false, hasApiKey: false });
    expectProblem(await k.s.request('GET', '/api/payments/methods?amount=1000', { token: other.token }), 409, 'online-payments-off');
    // Switched off: checkout online refuses, and the basket stays open with its places.
    ok(await k.s.request('PUT', '/api/mollie/settings', { token: k.token, body: { enabled: false } }), 'off');
    const basket = await onlineBasket(k, ['r4s10']);
    expectProblem(await payOnline(k, basket), 409, 'online-payments-off');
    expect(ok(await k.s.request('GET', `/api/baskets/${basket}`, { token: k.token }), 'basket').body.status).toBe('open');
    ok(await k.s.request('PUT', '/api/mollie/settings', { token: k.token, body: { enabled: true } }), 'on');
    expect((await payOnline(k, basket)).status).toBe(201);
    // Another organisation's order: 404.
    const o = (await k.s.deps.db.selectFrom('online_payments').select('order_id').where('organisation_id', '=', k.orgId).executeTakeFirstOrThrow()).order_id;
    expect((await k.s.request('GET', `/api/orders/${o}/online-payments`, { token: other.token })).status).toBe(404);
    expect((await k.s.request('GET', `/api/orders/${o}/online-status`, { token: other.token })).status).toBe(404);
  });
  it('checks the stored key whether online payment is on or off, and answers a refused key in words instead of failing', async () => {
    const put = (body: Record<string, unknown>) => k.s.request('PUT', '/api/mollie/settings', { token: k.token, body });
    ok(await put({ enabled: false }), 'off');
    expect(ok(await k.s.request('POST', '/api/mollie/check', { token: k.token }), 'check off').body)
      .toMatchObject({ ok: true, credentialsAccepted: true, mode: 'test', enabled: false, methods: ['ideal', 'bancontact', 'creditcard'], message: null });
    // The sandbox, like Mollie's test mode, refuses a live key: 401.
    ok(await put({ enabled: true, apiKey: `live_${'a'.repeat(30)}` }), 'live key');
    const refused = ok(await k.s.request('POST', '/api/mollie/check', { token: k.token }), 'check live').body;
    expect(refused).toMatchObject({ ok: false, credentialsAccepted: false, mode: 'live', methods: [] });
    expect(refused.message).toContain('authenticate');
    ok(await put({ enabled: true, apiKey: DEMO_API_KEY }), 'back');
  });
});

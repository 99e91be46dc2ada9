// Fault injection over /_sandbox: statuses, hangs, "registered but the answer never came", delays,
// token expiry, reset and the request log.
import { beforeEach, describe, expect, it } from 'vitest';
import { EVENT_100_PER_WEEK } from './seed.js';
import { sandboxPerFile, type TestSandbox } from './test-support.js';

const sandbox = sandboxPerFile();
let sb: TestSandbox;
beforeEach(() => { sb = sandbox(); });

const fault = (body: Record<string, unknown>) => sb.http('POST', '/_sandbox/faults', body);
const sale = (uitpasNumber = '0900000067513') => ({ regularPrice: 12, tariff: { id: 'SOCIALTARIFF' }, eventId: EVENT_100_PER_WEEK, uitpasNumber });
const register = (opts: { signal?: AbortSignal; raw?: boolean } = {}) => sb.call('POST /ticket-sales', { body: [sale()], ...opts });
const passes = () => sb.call('GET /passes', { query: { identifier: '0900000067513' }, raw: true });
const salesCount = async () => (await sb.call('GET /ticket-sales', { query: { eventId: EVENT_100_PER_WEEK } })).body.totalItems as number;

describe('status faults', () => {
  it('answers the status to the next N matching calls only, and leaves other paths alone', async () => {
    expect((await fault({ kind: 'status', status: 503, count: 2, method: 'POST', path: '/ticket-sales' })).status).toBe(201);
    expect((await passes()).status).toBe(200);
    const first = await register({ raw: true });
    expect(first.status).toBe(503);
    expect(first.contentType).toContain('application/problem+json');
    expect((await register({ raw: true })).status).toBe(503);
    expect(await salesCount()).toBe(0);
    expect((await register()).status).toBe(200);
  });

  it('429 comes as rate-limited with Retry-After', async () => {
    await fault({ kind: 'status', status: 429 });
    const res = await fetch(`${sb.baseUrl}/passes?identifier=0900000067513`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as { type: string }).type).toBe('https://api.publiq.be/probs/uitpas/rate-limited');
  });

  it('can hit the token endpoint too', async () => {
    await fault({ kind: 'status', status: 500, path: '/realms/' });
    await expect(sb.token()).rejects.toThrow(/500/);
    await expect(sb.token()).resolves.toEqual(expect.any(String));
  });
});

describe('timeouts', () => {
  it('hangs until the client gives up, registers nothing, and the next call is normal', async () => {
    await fault({ kind: 'timeout', method: 'POST', path: '/ticket-sales' });
    const started = Date.now();
    await expect(register({ signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await salesCount()).toBe(0);
    expect((await register()).status).toBe(200);
  });

  it('answers 504 after hangMs when the client waits that long', async () => {
    await fault({ kind: 'timeout', hangMs: 200 });
    const started = Date.now();
    const a = await passes();
    expect(a.status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('register-then-timeout stores the sale although the answer never comes, so Foyer must reconcile', async () => {
    await fault({ kind: 'register-then-timeout', method: 'POST', path: '/ticket-sales' });
    await expect(register({ signal: AbortSignal.timeout(300) })).rejects.toThrow();
    const found = await sb.call('GET /ticket-sales', { query: { eventId: EVENT_100_PER_WEEK } });
    expect(found.body.member).toEqual([expect.objectContaining({ uitpasNumber: '0900000067513', tariff: expect.objectContaining({ id: 'SOCIALTARIFF' }) })]);
  });
});

describe('delays', () => {
  it('slows every matching call until the faults are cleared', async () => {
    await fault({ kind: 'delay', delayMs: 150, path: '/passes' });
    for (let i = 0; i < 2; i++) {
      const started = Date.now();
      expect((await passes()).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    }
    expect((await sb.http('GET', '/_sandbox/faults')).body.faults).toHaveLength(1);
    expect((await sb.http('DELETE', '/_sandbox/faults')).status).toBe(204);
    const started = Date.now();
    await passes();
    expect(Date.now() - started).toBeLessThan(140);
  });

  it('rejects a fault it does not understand', async () => {
    expect((await fault({ kind: 'explode' })).status).toBe(400);
    expect((await fault({ kind: 'status', path: 'ticket-sales' })).status).toBe(400);
  });
});

describe('tokens, reset and the request log', () => {
  it('expires every token now; a new one works', async () => {
    const token = await sb.token();
    expect((await sb.http('POST', '/_sandbox/tokens/expire')).body.expired).toBeGreaterThan(0);
    expect((await sb.call('GET /permissions', { token })).status).toBe(401);
    expect((await sb.call('GET /permissions', { token: await sb.token() })).status).toBe(200);
  });

  it('reset clears sales and faults but keeps the seed', async () => {
    const token = await sb.token();
    await sb.call('POST /ticket-sales', { body: [sale()], token });
    await fault({ kind: 'status', status: 503, count: 5, path: '/passes' });
    expect((await sb.http('POST', '/_sandbox/reset')).status).toBe(204);
    expect((await sb.call('GET /ticket-sales', { query: { eventId: EVENT_100_PER_WEEK }, token })).body.totalItems).toBe(0);
    expect((await sb.call('GET /passes', { query: { identifier: '0900000067513' }, token })).status).toBe(200);
    expect((await sb.http('GET', '/_sandbox/seed')).body.passes).toHaveLength(16);
  });

  it('logs each call with its status, client, fault and body', async () => {
    const token = await sb.token();
    await fault({ kind: 'status', status: 502 });
    await sb.call('POST /ticket-sales', { body: [sale()], token, raw: true });
    await sb.call('POST /ticket-sales', { body: [sale()], token });
    const log = (await sb.http('GET', '/_sandbox/requests')).body.requests;
    const posts = log.filter((r: { method: string; url: string }) => r.method === 'POST' && r.url === '/ticket-sales');
    expect(posts).toEqual([
      expect.objectContaining({ status: 502, fault: 'status' }),
      expect.objectContaining({ status: 200, clientId: 'foyer-demo', body: [sale()] }),
    ]);
    expect(log.some((r: { url: string }) => r.url.startsWith('/_sandbox'))).toBe(false);
    const tokenCall = log.find((r: { url: string }) => r.url.startsWith('/realms/'));
    expect(tokenCall.body).toContain('client_secret=***');
    expect(JSON.stringify(log)).not.toContain('foyer-demo-secret');
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from './faults.js';
import type { LoggedRequest } from './request-log.js';
import { OTHER_CLIENT } from './seed.js';
import { startHarness, ticketsFor, type Harness } from './test-support.js';

describe('DIP sandbox: fault injection and the request log', () => {
  let h: Harness;
  let token: string;
  const list = () => h.call('GET', '/theaters/performances', { token });

  beforeAll(async () => { h = await startHarness({ timeoutHoldMs: 400 }); token = await h.token(); });
  afterEach(async () => { await h.call('POST', '/_sandbox/reset'); });
  afterAll(async () => { await h?.close(); });

  it('answers the next N calls with the injected status, then recovers', async () => {
    expect((await h.call('POST', '/_sandbox/faults', { body: { status: 503, count: 2 } })).status).toBe(201);
    const first = await list();
    expect(first.status).toBe(503);
    expect(first.body).toEqual({ error: 'sandbox_fault', error_description: expect.stringContaining('503') });
    expect((await list()).status).toBe(503);
    expect((await list()).status).toBe(200);
  });

  it('limits a fault to a path and can send Retry-After', async () => {
    await h.call('POST', '/_sandbox/faults', { body: { status: 429, path: '/tickets/cumulative', retryAfter: 7 } });
    expect((await list()).status).toBe(200);
    const put = await h.call('PUT', '/tickets/cumulative', { token, body: ticketsFor(11001, { normal: [1, 4250] }) });
    expect(put.status).toBe(429);
    expect(put.headers.get('retry-after')).toBe('7');
    expect((await h.call<{ historyCount: number }>('GET', '/_sandbox/performances/11001')).body.historyCount).toBe(0);
  });

  it("refuses every call of one account with a 400 that names no item, until cleared; other accounts and the token call are untouched", async () => {
    const fault = await h.call<Fault>('POST', '/_sandbox/faults', { body: { status: 400, description: 'Not an agency', clientId: 'foyer-demo', count: null } });
    expect(fault.status).toBe(201);
    expect(fault.body).toMatchObject({ kind: 'status', clientId: 'foyer-demo', remaining: null });
    const fresh = await h.token(); // the token call itself is answered
    for (let i = 0; i < 3; i++) {
      const res = await h.call('GET', '/theaters/performances', { token: fresh });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'sandbox_fault', error_description: 'Not an agency' });
    }
    expect((await h.call('PUT', '/tickets/cumulative', { token: fresh, body: ticketsFor(11001, { normal: [1, 4250] }) })).status).toBe(400);
    expect((await h.call('GET', '/theaters/performances', { token: await h.token(OTHER_CLIENT) })).status).toBe(200);
    await h.call('DELETE', '/_sandbox/faults');
    expect((await list()).status).toBe(200);
  });

  it('limits a fault to a method', async () => {
    await h.call('POST', '/_sandbox/faults', { body: { status: 400, description: 'Not an agency', method: 'GET', path: '/productions/', count: null } });
    expect((await h.call('GET', '/productions/NL-26-101-0004711/sales', { token })).body).toMatchObject({ error_description: 'Not an agency' });
    const capacity = await h.call('PUT', '/productions/NL-26-101-0004711/performances/11001/capacity', { token, body: { capacity: 10 } });
    expect(capacity.status).toBe(204);
  });

  it('holds a timed-out call until the client gives up, and logs it as aborted', async () => {
    const holding = await startHarness({ timeoutHoldMs: 30_000 });
    try {
      const t = await holding.token();
      await holding.call('POST', '/_sandbox/faults', { body: { timeout: true } });
      const started = Date.now();
      await expect(holding.call('GET', '/theaters/performances', { token: t, signal: AbortSignal.timeout(300) })).rejects.toThrow();
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      await new Promise((r) => setTimeout(r, 100));
      const log = (await holding.call<LoggedRequest[]>('GET', '/_sandbox/requests?path=/theaters/performances')).body;
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ fault: 'timeout', aborted: true, status: null });
      expect((await holding.call('GET', '/theaters/performances', { token: t })).status).toBe(200);
      // A call still hanging does not keep the sandbox from closing.
      await holding.call('POST', '/_sandbox/faults', { body: { timeout: true } });
      const hanging = holding.call('GET', '/theaters/performances', { token: t }).catch(() => null);
      await new Promise((r) => setTimeout(r, 100));
      const closing = Date.now();
      await holding.close();
      expect(Date.now() - closing).toBeLessThan(5_000);
      await hanging;
    } finally {
      await holding.close().catch(() => undefined);
    }
  });

  it('answers 504 when the client waits longer than the hold', async () => {
    await h.call('POST', '/_sandbox/faults', { body: { timeout: true, count: 1 } });
    const res = await list();
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ error: 'sandbox_timeout' });
  });

  it('delays every call while a delay is set', async () => {
    await h.call('POST', '/_sandbox/faults', { body: { delayMs: 250 } });
    for (let i = 0; i < 2; i++) {
      const started = Date.now();
      expect((await list()).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    }
    expect((await h.call<Fault[]>('GET', '/_sandbox/faults')).body).toMatchObject([{ kind: 'delay', delayMs: 250, remaining: null }]);
    await h.call('DELETE', '/_sandbox/faults');
    const started = Date.now();
    await list();
    expect(Date.now() - started).toBeLessThan(240);
  });

  it('refuses a fault it cannot understand', async () => {
    for (const body of [
      { status: 200 }, { status: 503, timeout: true }, { statusCode: 503 }, { delayMs: -5 }, { timeout: true, count: 0 },
      { timeout: true, description: 'x' }, { status: 400, method: 'DELETE' }, { status: 400, clientId: '' },
    ]) {
      const res = await h.call('POST', '/_sandbox/faults', { body });
      expect(res.status).toBe(400);
    }
    expect((await h.call<Fault[]>('GET', '/_sandbox/faults')).body).toEqual([]);
  });

  it('logs DIP calls (method, path, status, body size) but not /_sandbox calls, and reset clears faults and log', async () => {
    const body = JSON.stringify(ticketsFor(11001, { normal: [2, 8500] }));
    await h.call('PUT', '/tickets/cumulative', { token, body });
    await h.call('PUT', '/tickets/cumulative', { token, body: '[]' });
    await h.call('GET', '/theaters/performances?x=1', { token });
    const log = (await h.call<LoggedRequest[]>('GET', '/_sandbox/requests')).body;
    expect(log.map((e) => [e.method, e.path, e.status, e.bodySize])).toEqual([
      ['PUT', '/tickets/cumulative', 204, Buffer.byteLength(body)],
      ['PUT', '/tickets/cumulative', 400, 2],
      ['GET', '/theaters/performances', 200, 0],
    ]);
    expect(log[1].error).toMatch(/empty array/);
    expect((await h.call<LoggedRequest[]>('GET', '/_sandbox/requests?method=put')).body).toHaveLength(2);

    await h.call('POST', '/_sandbox/faults', { body: { status: 500, count: 5 } });
    await h.call('POST', '/_sandbox/reset');
    expect((await h.call('GET', '/_sandbox/requests')).body).toEqual([]);
    expect((await list()).status).toBe(200);
  });
});

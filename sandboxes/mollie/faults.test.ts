// API faults: 5xx answers, hangs, calls carried out whose answer is lost, and slow answers.
import { beforeEach, describe, expect, it } from 'vitest';
import { MollieApiError, type MollieClient } from '@mollie/api-client';
import { MollieUnreachable } from '../../src/connectors/mollie/client.js';
import { sandboxPerFile, type TestSandbox } from './test-support.js';

const sandbox = sandboxPerFile();
let sb: TestSandbox;
let mollie: MollieClient;
beforeEach(() => {
  sb = sandbox();
  mollie = sb.client(undefined, 500);
});

const fault = (body: Record<string, unknown>) => sb.control('POST', '/_sandbox/faults', body);
const create = (idempotencyKey?: string) => mollie.payments.create({
  amount: { currency: 'EUR', value: '10.00' }, description: 'x', redirectUrl: 'https://shop.example/r', ...(idempotencyKey ? { idempotencyKey } : {}),
});
const stored = async () => (await sb.control('GET', '/_sandbox/payments')).body.payments as { id: string }[];

describe('faults', () => {
  it('answers the status to the next matching calls only, as a Mollie error body, doing nothing', async () => {
    expect((await fault({ kind: 'status', status: 503, count: 2, method: 'POST', path: '/v2/payments' })).status).toBe(201);
    await mollie.methods.list();
    for (let i = 0; i < 2; i++) {
      const e = await create().then(() => undefined, (err: unknown) => err);
      expect(e).toBeInstanceOf(MollieApiError);
      expect((e as MollieApiError).statusCode).toBe(503);
    }
    expect(await stored()).toHaveLength(0);
    await create();
    expect(await stored()).toHaveLength(1);
  });

  it('hangs until the client gives up, creating nothing', async () => {
    await fault({ kind: 'timeout', method: 'POST' });
    const e = await create('k').then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(MollieUnreachable);
    expect((e as MollieUnreachable).timedOut).toBe(true);
    expect(await stored()).toHaveLength(0);
  });

  it('can carry a create out and lose its answer; a retry with the same Idempotency-Key finds that payment', async () => {
    await fault({ kind: 'done-then-timeout', method: 'POST', path: '/v2/payments' });
    const e = await create('intent-7').then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(MollieUnreachable);
    const made = await stored();
    expect(made).toHaveLength(1);
    const retry = await create('intent-7');
    expect(retry.id).toBe(made[0].id);
    expect(await stored()).toHaveLength(1);
    const log = (await sb.control('GET', '/_sandbox/requests')).body.requests;
    expect(log.filter((r: { method: string }) => r.method === 'POST').map((r: { idempotencyKey: string; fault?: string }) => [r.idempotencyKey, r.fault ?? null]))
      .toEqual([['intent-7', 'done-then-timeout'], ['intent-7', null]]);
  });

  it('slows matching calls down until the faults are cleared', async () => {
    await fault({ kind: 'delay', delayMs: 300, method: 'GET' });
    let t = Date.now();
    await mollie.methods.list();
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    await sb.control('DELETE', '/_sandbox/faults');
    t = Date.now();
    await mollie.methods.list();
    expect(Date.now() - t).toBeLessThan(280);
  });
});

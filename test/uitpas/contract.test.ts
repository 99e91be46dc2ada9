// Every request Foyer's UiTPAS connector sends fits the contract in sandboxes/uitpas/contract.json,
// so the connector and the sandbox are held to the same document. The requests do not depend on the
// database, so this runs on the first database only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { uitpasContract } from '../../sandboxes/uitpas/contract.js';
import { TOKEN_PATH } from '../../sandboxes/uitpas/auth.js';
import { addPass, basketWith, checkout, drainJobs, startUitpasKit, type UitpasKit } from './kit.js';

describe(`the UiTPAS connector's requests on ${DIALECTS[0]}`, () => {
  let k: UitpasKit;
  beforeAll(async () => { k = await startUitpasKit(DIALECTS[0]); });
  afterAll(async () => { await k?.close(); });

  it('check, pass, tariffs, registration, cancellation and reconciliation all fit the contract', async () => {
    const { s, token } = k;
    expect((await s.request('GET', '/api/uitpas/check', { token })).body).toMatchObject({ ok: true });
    const basket = await basketWith(k, k.perfWeekly, ['r1s1']);
    expect((await addPass(k, basket.id, { uitpasNumber: '0900000067513' })).status).toBe(200);
    const order = await checkout(k, basket.id);
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect((await s.request('POST', `/api/orders/${order.body.id}/cancel`, { token, body: {} })).status).toBe(200);
    await drainJobs(k);
    expect((await s.request('GET', `/api/uitpas/reconciliation?performance=${k.perfWeekly}`, { token })).status).toBe(200);

    const sent = k.sandbox.app.uitpas.faults.log.filter((r) => !r.url.startsWith(TOKEN_PATH));
    const problems = sent.flatMap((r) => {
      const body = typeof r.body === 'string' ? JSON.parse(r.body) as unknown : r.body;
      return uitpasContract().checkRequest(r.method, r.url, body).map((p) => `${r.method} ${r.url}: ${p}`);
    });
    expect(problems).toEqual([]);
    const calls = new Set(sent.map((r) => `${r.method} ${r.url.split('?')[0].replace(/^\/ticket-sales\/.+/, '/ticket-sales/{id}')}`));
    expect([...calls].sort()).toEqual([
      'DELETE /ticket-sales/{id}', 'GET /passes', 'GET /permissions', 'GET /tariffs', 'GET /ticket-sales', 'POST /ticket-sales',
    ]);
  });
});

// The UiTPAS HTTP client: one cached token per credential set, renewed once on 401, and unknown outcomes named.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CLIENT, startUitpasSandbox, type RunningSandbox } from '../../sandboxes/uitpas/index.js';
import { clearTokenCache, UitpasAuthFailed, UitpasClient, UitpasUnavailable } from '../../src/connectors/uitpas/client.js';

describe('UiTPAS client', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => { sandbox = await startUitpasSandbox(); });
  afterAll(async () => { await sandbox?.close(); });
  beforeEach(() => { clearTokenCache(); sandbox.app.uitpas.faults.clear(); sandbox.app.uitpas.faults.clearLog(); });

  const client = (secret = DEMO_CLIENT.clientSecret, timeoutMs?: number) => new UitpasClient({
    accountUrl: sandbox.baseUrl, apiUrl: sandbox.baseUrl, clientId: DEMO_CLIENT.clientId, clientSecret: secret,
  }, { timeoutMs });
  const tokenCalls = () => sandbox.app.uitpas.faults.log.filter((r) => r.url.startsWith('/realms/')).length;

  it('asks one token for many calls, also when they start at once', async () => {
    const c = client();
    await Promise.all([1, 2, 3, 4].map(() => c.call('GET', '/permissions')));
    await client().call('GET', '/permissions');
    expect(tokenCalls()).toBe(1);
  });

  it('takes a new token once when UiTPAS says the old one is no longer valid', async () => {
    const c = client();
    await c.call('GET', '/permissions');
    await sandbox.app.inject({ method: 'POST', url: '/_sandbox/tokens/expire' });
    const again = await c.call('GET', '/permissions');
    expect(again.ok).toBe(true);
    expect(tokenCalls()).toBe(2);
  });

  it('refused credentials are an auth failure, not an outage', async () => {
    await expect(client('nope').call('GET', '/permissions')).rejects.toBeInstanceOf(UitpasAuthFailed);
  });

  it('a POST without an answer may have been carried out; a 503 was not', async () => {
    const c = client(DEMO_CLIENT.clientSecret, 300);
    await c.call('GET', '/permissions');
    sandbox.app.uitpas.faults.add({ kind: 'timeout', hangMs: 5000, method: 'POST' });
    const hung = await c.call('POST', '/ticket-sales', { body: [] }).catch((e: unknown) => e);
    expect(hung).toBeInstanceOf(UitpasUnavailable);
    expect((hung as UitpasUnavailable).outcomeUnknown).toBe(true);
    sandbox.app.uitpas.faults.add({ kind: 'status', status: 503, method: 'POST' });
    const down = await c.call('POST', '/ticket-sales', { body: [] }).catch((e: unknown) => e);
    expect((down as UitpasUnavailable).outcomeUnknown).toBe(false);
  });

  it('answers UiTPAS problems as they are, with their type', async () => {
    const res = await client().call('GET', '/passes', { query: { identifier: '0900000002312' } });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problem.type).toBe('https://api.publiq.be/probs/uitpas/invalid-card-status');
  });
});

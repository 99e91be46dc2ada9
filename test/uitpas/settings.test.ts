// UiTPAS settings per organisation: the secret stays sealed and hidden; the check names missing permissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser, userIn } from '../helpers/server.js';
import { LIMITED_CLIENT } from '../../sandboxes/uitpas/index.js';
import { expectProblem, startUitpasKit, TEST_ORGANIZER_ID, type UitpasKit } from './kit.js';

describe.each(DIALECTS)('UiTPAS settings on %s', (dialect) => {
  let k: UitpasKit;
  beforeAll(async () => { k = await startUitpasKit(dialect); });
  afterAll(async () => { await k?.close(); });

  const put = (body: Record<string, unknown>, token = k.token) => k.s.request('PUT', '/api/uitpas/settings', {
    token, body: {
      accountUrl: k.sandbox.baseUrl, apiUrl: k.sandbox.baseUrl, organizerId: TEST_ORGANIZER_ID,
      channels: { boxoffice: true, online: true }, ...body,
    },
  });

  it('never shows the client secret, stores it sealed, and keeps it when a change leaves it out', async () => {
    const got = await k.s.request('GET', '/api/uitpas/settings', { token: k.token });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ configured: true, clientId: 'foyer-demo', hasClientSecret: true, apiUrl: k.sandbox.baseUrl });
    expect(JSON.stringify(got.body)).not.toContain('foyer-demo-secret');
    const row = await k.s.deps.db.selectFrom('uitpas_settings').select('client_secret').executeTakeFirstOrThrow();
    expect(row.client_secret).not.toContain('foyer-demo-secret');

    expect((await put({ clientId: 'foyer-demo' })).status).toBe(200);
    const check = await k.s.request('GET', '/api/uitpas/check', { token: k.token });
    expect(check.body).toMatchObject({ ok: true, credentialsAccepted: true, missing: [] });
  });

  it('the check names the permissions the client lacks, and says when the credentials are refused', async () => {
    expect((await put({ clientId: LIMITED_CLIENT.clientId, clientSecret: LIMITED_CLIENT.clientSecret })).status).toBe(200);
    const limited = await k.s.request('GET', '/api/uitpas/check', { token: k.token });
    expect(limited.status).toBe(200);
    expect(limited.body).toMatchObject({ ok: false, credentialsAccepted: true, organizerId: TEST_ORGANIZER_ID, missing: ['TICKETSALES_REGISTER'] });

    expect((await put({ clientId: 'foyer-demo', clientSecret: 'wrong' })).status).toBe(200);
    const wrong = await k.s.request('GET', '/api/uitpas/check', { token: k.token });
    expect(wrong.body).toMatchObject({ ok: false, credentialsAccepted: false });

    expect((await put({ clientId: 'foyer-demo', clientSecret: 'foyer-demo-secret' })).status).toBe(200);
    expect((await k.s.request('GET', '/api/uitpas/check', { token: k.token })).body.ok).toBe(true);
  });

  it('a connection test that cannot reach UiTPAS says so in words of its own, nothing about a sale', async () => {
    expect((await put({ clientId: 'foyer-demo', apiUrl: 'http://127.0.0.1:9', accountUrl: 'http://127.0.0.1:9' })).status).toBe(200);
    const nl = await k.s.request('GET', '/api/uitpas/check', { token: k.token, lang: 'nl' });
    expectProblem(nl, 503, 'uitpas-check-unreachable');
    expect(nl.body.detail).toBe('UiTPAS antwoordt niet op http://127.0.0.1:9. Kijk het adres in de instellingen na, of probeer het zo opnieuw.');
    const fr = await k.s.request('GET', '/api/uitpas/check', { token: k.token, lang: 'fr' });
    expect(fr.body.detail).toMatch(/^UiTPAS ne répond pas à l’adresse http:\/\/127\.0\.0\.1:9\./);
    for (const answer of [nl, fr]) expect(answer.body.detail).not.toMatch(/verkocht|vendu|sold|could not be reached/i);
    expect((await put({ clientId: 'foyer-demo' })).status).toBe(200);
    expect((await k.s.request('GET', '/api/uitpas/check', { token: k.token })).body.ok).toBe(true);
  });

  it('only an administrator sees or changes them; another organisation has its own', async () => {
    const kassa = await userIn(k.s, (await k.s.deps.db.selectFrom('uitpas_settings').select('organisation_id').executeTakeFirstOrThrow()).organisation_id, 'boxoffice');
    expectProblem(await k.s.request('GET', '/api/uitpas/settings', { token: kassa }), 403, 'forbidden');
    expectProblem(await put({ clientId: 'x', clientSecret: 'y' }, kassa), 403, 'forbidden');
    const other = await k.s.request('GET', '/api/uitpas/settings', { token: (await orgWithUser(k.s, 'admin', 'Ander Theater')).token });
    expect(other.body).toMatchObject({ configured: false, clientId: null });
  });
});

// "Test connection" of the DIP settings against the DIP sandbox: the right credentials list the
// theatre's performances; a wrong secret and an address where nothing answers say what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { userIn } from '../helpers/server.js';
import { expectOk, startWorld, worldSettings, type DipWorld } from './support.js';

describe.each(DIALECTS)('DIP test connection on %s', (dialect) => {
  let w: DipWorld;
  beforeAll(async () => { w = await startWorld(dialect); });
  afterAll(async () => { await w?.close(); });
  const check = () => w.s.request('POST', '/api/dip/check', { token: w.token, lang: 'nl' });

  it('answers ok with the number of performances DIP lists for the theatre', async () => {
    const r = await check();
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, credentialsAccepted: true, message: null });
    const listed = (await w.s.request('GET', '/api/dip/performances', { token: w.token })).body.items.length;
    expect(r.body.performances).toBe(listed);
    expect(listed).toBeGreaterThan(0);
  });

  it('says the credentials are refused for a wrong secret, and that DIP does not answer on a dead address', async () => {
    expectOk(await w.s.request('PUT', '/api/dip/settings', { token: w.token, body: worldSettings(w, { clientSecret: 'not-the-secret' }) }));
    const refused = await check();
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: false, credentialsAccepted: false, performances: null });
    expect(refused.body.message).toContain('refused the credentials');

    expectOk(await w.s.request('PUT', '/api/dip/settings', { token: w.token, body: worldSettings(w, { baseUrl: 'http://127.0.0.1:9', clientSecret: 'foyer-demo-secret' }) }));
    const dead = await check();
    expect(dead.status).toBe(200);
    expect(dead.body).toMatchObject({ ok: false, credentialsAccepted: null });
    expect(dead.body.message).toMatch(/fetch failed|ECONNREFUSED/);
    expectOk(await w.s.request('PUT', '/api/dip/settings', { token: w.token, body: worldSettings(w, { clientSecret: 'foyer-demo-secret' }) }));
    expect((await check()).body.ok).toBe(true);
  });

  it('is for admins only', async () => {
    const clerk = await userIn(w.s, w.orgId, 'boxoffice');
    expect((await w.s.request('POST', '/api/dip/check', { token: clerk })).status).toBe(403);
  });
});

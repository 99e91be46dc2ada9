// DIP settings and linking: the secret stays write-only, the schedule must be at least daily,
// DIP's list comes with suggestions, a number links to one performance only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { userIn } from '../helpers/server.js';
import { expectOk, extraPerformance, HAMLET, startWorld, type DipWorld } from './support.js';

describe.each(DIALECTS)('DIP settings and linking on %s', (dialect) => {
  let w: DipWorld;
  beforeAll(async () => { w = await startWorld(dialect); });
  afterAll(async () => { await w?.close(); });

  const settings = (body?: unknown) => w.s.request(body ? 'PUT' : 'GET', '/api/dip/settings', { token: w.token, body });

  it('keeps the secret write-only, validates the schedule, and is for admins only', async () => {
    const got = await settings();
    expect(got.status).toBe(200);
    expect(got.body).toEqual({
      baseUrl: w.dip.baseUrl, clientId: 'foyer-demo', clientSecretSet: true, enabled: true, cron: '0 * * * *',
      blockedSeatsPath: '/blockedseats/cumulative', pushDaysAfter: 14, timeoutSeconds: 60, paceMs: 0, checkEveryHours: 24,
    });
    expect(JSON.stringify(got.body)).not.toContain('foyer-demo-secret');
    // At rest the secret is sealed, not stored as typed.
    const stored = await w.s.deps.db.selectFrom('dip_settings').select('client_secret').executeTakeFirstOrThrow();
    expect(stored.client_secret).not.toContain('foyer-demo-secret');
    expect(stored.client_secret).toMatch(/^v1:/);

    // Omitting the secret keeps it; the other fields change.
    const changed = await settings({ baseUrl: w.dip.baseUrl, clientId: 'foyer-demo', enabled: true, cron: '*/30 6-23 * * *', blockedSeatsPath: '/blocked-seats/cumulative', pushDaysAfter: 7 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ clientSecretSet: true, cron: '*/30 6-23 * * *', blockedSeatsPath: '/blocked-seats/cumulative', pushDaysAfter: 7 });

    const weekly = await settings({ baseUrl: w.dip.baseUrl, clientId: 'foyer-demo', enabled: true, cron: '0 3 * * 1' });
    expect(weekly.status).toBe(400);
    expect(weekly.body.errors[0]).toMatchObject({ field: 'cron' });
    expect(weekly.body.errors[0].message).toContain('once a day');
    const nonsense = await settings({ baseUrl: w.dip.baseUrl, clientId: 'foyer-demo', enabled: true, cron: 'every hour please' });
    expect(nonsense.status).toBe(400);
    const noSecret = await w.s.request('PUT', '/api/dip/settings', { token: w.token, body: { baseUrl: 'https://x.example', clientId: '', enabled: true } });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.errors.map((e: { field: string }) => e.field)).toContain('clientId');

    const clerk = await userIn(w.s, w.orgId, 'boxoffice');
    expect((await w.s.request('GET', '/api/dip/settings', { token: clerk })).status).toBe(403);
    expectOk(await settings({ baseUrl: w.dip.baseUrl, clientId: 'foyer-demo', enabled: true, cron: '0 * * * *', blockedSeatsPath: '/blockedseats/cumulative', pushDaysAfter: 14 }));
  });

  it("lists the theatre's DIP performances with suggestions, links one number to one performance, and lists the unlinked", async () => {
    const { s, token, c } = w;
    const second = await extraPerformance(w, '2054-11-26T20:15');
    const unlinked = (await s.request('GET', '/api/dip/unlinked', { token })).body.items.map((p: { performanceId: string }) => p.performanceId);
    expect(unlinked.sort()).toEqual([c.performanceId, second].sort());

    const list = await s.request('GET', '/api/dip/performances', { token });
    expect(list.status).toBe(200);
    const numbers = list.body.items.map((p: { dipNumber: string }) => p.dipNumber);
    expect(numbers).toContain(`${HAMLET}|11001`);
    expect(numbers).not.toContain(`${HAMLET}|11051`); // another theatre's tour date
    const first = list.body.items.find((p: { dipNumber: string }) => p.dipNumber === `${HAMLET}|11001`);
    expect(first).toMatchObject({ title: 'Hamlet', date: '2054-11-25T20:15:00', linkedPerformanceId: null });
    expect(first.suggestions).toEqual([{ performanceId: c.performanceId, title: 'Hamlet', startsAt: '2054-11-25T20:15:00+01:00', match: 'production' }]);

    const link = await s.request('PUT', `/api/performances/${c.performanceId}/dip-link`, { token, body: { dipNumber: `${HAMLET}|11001` } });
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ performanceId: c.performanceId, dipNumber: `${HAMLET}|11001`, state: 'new' });
    const taken = await s.request('PUT', `/api/performances/${second}/dip-link`, { token, body: { dipNumber: `${HAMLET}|11001` } });
    expect(taken.status).toBe(409);
    const malformed = await s.request('PUT', `/api/performances/${second}/dip-link`, { token, body: { dipNumber: '11002' } });
    expect(malformed.status).toBe(400);
    const otherProduction = await s.request('PUT', `/api/performances/${second}/dip-link`, { token, body: { dipNumber: 'NL-26-102-0004712|11101' } });
    expect(otherProduction.status).toBe(400);

    const after = (await s.request('GET', '/api/dip/performances', { token })).body.items;
    expect(after.find((p: { dipNumber: string }) => p.dipNumber === `${HAMLET}|11001`)).toMatchObject({ linkedPerformanceId: c.performanceId, linkState: 'new', suggestions: [] });
    expect((await s.request('GET', '/api/dip/unlinked', { token })).body.items.map((p: { performanceId: string }) => p.performanceId)).toEqual([second]);

    expect((await s.request('DELETE', `/api/performances/${c.performanceId}/dip-link`, { token })).status).toBe(204);
    expect((await s.request('GET', `/api/performances/${c.performanceId}/dip`, { token })).body).toMatchObject({ dipNumber: null, state: null });
    expect((await s.request('DELETE', `/api/performances/${c.performanceId}/dip-link`, { token })).status).toBe(404);
  });

  it('deleting a linked draft performance works, and frees its DIP number', async () => {
    const { s, token, c } = w;
    const draft = await s.request('POST', '/api/performances', { token, body: { productionId: c.productionId, hallId: c.hallId, startsAt: '2054-11-27T14:30', status: 'draft' } });
    expectOk(draft);
    expectOk(await s.request('PUT', `/api/performances/${draft.body.id}/dip-link`, { token, body: { dipNumber: `${HAMLET}|11003` } }));
    expect((await s.request('DELETE', `/api/performances/${draft.body.id}`, { token })).status).toBe(204);
    const relinked = await s.request('PUT', `/api/performances/${c.performanceId}/dip-link`, { token, body: { dipNumber: `${HAMLET}|11003` } });
    expect(relinked.status).toBe(200);
    expect(relinked.body).toMatchObject({ performanceId: c.performanceId, dipNumber: `${HAMLET}|11003` });
  });

  it('says DIP cannot be asked when the credentials are wrong', async () => {
    expectOk(await settings({ baseUrl: w.dip.baseUrl, clientId: 'foyer-demo', clientSecret: 'wrong', enabled: true }));
    const res = await w.s.request('GET', '/api/dip/performances', { token: w.token });
    expect(res.status).toBe(502);
    expect(res.body.detail).toContain('refused the credentials');
  });
});

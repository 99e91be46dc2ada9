import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser } from '../helpers/server.js';
import { buildScenario, type Scenario } from './scenario.js';

interface Point { at: string; tickets: number; byChannel: { boxoffice: number; online: number }; cumulativeTickets: number }

describe.each(DIALECTS)('on-sale pace on %s', (dialect) => {
  let sc: Scenario;
  beforeAll(async () => { sc = await buildScenario(dialect); });
  afterAll(async () => { await sc?.s.close(); });
  const get = (path: string, token = sc.token) => sc.s.request('GET', path, { token });
  const pace = (id: string, q = '') => get(`/api/reports/performances/${id}/on-sale-pace${q}`);

  it('without an on-sale moment starts at the first sale: per minute and channel, with the running total', async () => {
    const r = await pace(sc.a.performanceId, '?minutes=3');
    expect(r.status).toBe(200);
    expect(r.body.source).toBe('first-sale');
    expect(r.body.start).toBe('2054-11-23T13:00:00+01:00');
    expect(r.body.points.map((p: Point) => `${p.at.slice(11, 16)} ${p.byChannel.boxoffice}+${p.byChannel.online}=${p.tickets} ${p.cumulativeTickets}`))
      .toEqual(['13:00 3+2=5 5', '13:01 0+0=0 5', '13:02 0+0=0 5']);
    expect((await pace(sc.a.performanceId)).body.points).toHaveLength(60);
  });

  it('from a given moment, and from the online sales window when there is one', async () => {
    const late = await pace(sc.a.performanceId, '?from=2054-11-23T23:29:00Z&minutes=3');
    expect(late.body.points.map((p: Point) => p.tickets)).toEqual([0, 1, 0]);
    expect(late.body.source).toBe('from');
    const patch = await sc.s.request('PATCH', `/api/performances/${sc.b.performanceId}`, {
      token: sc.token, body: { salesWindows: [{ channel: 'online', opensAt: '2054-11-26T10:59' }] },
    });
    expect(patch.status).toBe(200);
    const b = await pace(sc.b.performanceId, '?minutes=2');
    expect(b.body).toMatchObject({ source: 'online-window', start: '2054-11-26T10:59:00+01:00' });
    expect(b.body.points.map((p: Point) => p.byChannel.boxoffice)).toEqual([0, 1]);
  });

  it('refuses bad input on its field, answers 404 for another organisation, and needs the reporting role', async () => {
    for (const [q, field] of [['?minutes=0', 'querystring/minutes'], ['?minutes=1441', 'querystring/minutes'], ['?from=gisteren', 'querystring/from'], ['?x=1', 'querystring']]) {
      const r = await pace(sc.a.performanceId, q);
      expect(r.status, q).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(r.body.errors), q).toContain(field);
    }
    const other = await orgWithUser(sc.s, 'admin', 'Ander Theater');
    expect((await get(`/api/reports/performances/${sc.a.performanceId}/on-sale-pace`, other.token)).status).toBe(404);
    expect((await get(`/api/reports/performances/${sc.a.performanceId}/on-sale-pace`, sc.boxofficeToken)).status).toBe(403);
  });
});

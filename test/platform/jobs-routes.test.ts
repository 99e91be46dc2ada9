import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue, JobRunner } from '../../src/platform/jobs.js';
import { DIALECTS } from '../helpers/databases.js';
import { fixedClock, orgWithUser, startServer, userIn, type TestServer } from '../helpers/server.js';

describe.each(DIALECTS)('job routes on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => { s = await startServer(dialect, { clock: fixedClock() }); });
  afterAll(async () => { await s?.close(); });

  it('an admin sees the dead job with its error and tries it again; other roles and organisations may not', async () => {
    const { orgId, token } = await orgWithUser(s, 'admin');
    const other = await orgWithUser(s, 'admin', 'Other Theater');
    const now = s.clock.now();
    const id = (await enqueue(s.deps.db, { kind: 'dip.push', payload: { performanceId: 'p1' }, organisationId: orgId, maxAttempts: 1 }, now))!;
    await enqueue(s.deps.db, { kind: 'mail', payload: {}, organisationId: orgId }, now);
    await new JobRunner({ deps: s.deps }).register('dip.push', async () => { throw new Error('DIP answered 502'); }).runDue();

    const dead = await s.request('GET', '/api/jobs?status=dead', { token });
    expect(dead.status).toBe(200);
    expect(dead.body.counts).toEqual({ pending: 1, running: 0, done: 0, dead: 1 });
    expect(dead.body.items).toMatchObject([{ id, kind: 'dip.push', status: 'dead', lastError: 'Error: DIP answered 502', payload: { performanceId: 'p1' } }]);
    expect((await s.request('GET', '/api/jobs?kind=mail', { token })).body.items).toHaveLength(1);
    expect((await s.request('GET', '/api/jobs?status=exploded', { token })).status).toBe(400);

    const boxoffice = await userIn(s, orgId, 'boxoffice');
    expect((await s.request('GET', '/api/jobs', { token: boxoffice })).status).toBe(403);
    expect((await s.request('POST', `/api/jobs/${id}/retry`, { token: boxoffice })).status).toBe(403);
    expect((await s.request('POST', `/api/jobs/${id}/retry`, { token: other.token })).status).toBe(404);
    expect((await s.request('GET', '/api/jobs', { token: other.token })).body.items).toEqual([]);

    const retried = await s.request('POST', `/api/jobs/${id}/retry`, { token });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id, status: 'pending', attempts: 0, runAt: now.toISOString() });
    const again = await s.request('POST', `/api/jobs/${id}/retry`, { token });
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');

    // The retry is in the audit trail: who, when, which job; the refused ones are not.
    const trail = await s.request('GET', '/api/audit?subject=job', { token });
    expect(trail.body.items).toEqual([expect.objectContaining({
      subject: 'job', subjectId: id, action: 'retried', label: 'dip.push', at: now.toISOString(),
      actor: expect.objectContaining({ kind: 'user', name: 'admin user' }), changes: { status: ['dead', 'pending'] },
    })]);
    expect((await s.request('GET', '/api/audit?subject=job', { token: other.token })).body.items).toEqual([]);
  });
});

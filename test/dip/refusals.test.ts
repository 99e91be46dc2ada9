// DIP says no as the real platform does: a 400 that names no performance ("Not an agency") stops the
// run with DIP's message and blames no link; a performance DIP refused is pushed again every run
// until DIP takes it; a performance its producer cancelled in DIP is no longer pushed; a blocked-seats
// path DIP does not have stops the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extraPerformance as dipPerformance } from '../../sandboxes/dip/index.js';
import { DIALECTS } from '../helpers/databases.js';
import { userIn } from '../helpers/server.js';
import {
  expectOk, extraPerformance, HAMLET, sandboxCalls, sell, startWorld, syncNow, worldSettings, type DipWorld,
} from './support.js';

const HOUR = 3_600_000;
/** 16 more Hamlet dates in DIP, numbered as DIP numbers them (the performance id). */
const MORE = Array.from({ length: 16 }, (_, i) => ({ number: 3_776_001 + i, day: String(i + 1).padStart(2, '0') }));

describe.each(DIALECTS)('DIP refusals on %s', (dialect) => {
  let w: DipWorld;
  let perfs: string[];
  beforeAll(async () => {
    w = await startWorld(dialect, {
      extraPerformances: MORE.map((m) => dipPerformance({ number: m.number, date: `2054-12-${m.day}T20:15:00`, productionId: HAMLET, title: 'Hamlet', seats: 40 })),
    });
    perfs = [w.c.performanceId];
    expectOk(await w.s.request('PUT', `/api/performances/${w.c.performanceId}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11001` } }));
    for (const m of MORE) {
      const id = await extraPerformance(w, `2054-12-${m.day}T20:15`);
      expectOk(await w.s.request('PUT', `/api/performances/${id}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|${m.number}` } }));
      perfs.push(id);
    }
    await sell(w, perfs[3], [{ seatIds: ['r1s1', 'r1s2'], ticketTypeId: w.c.ticketTypes.normal }]);
  }, 120_000);
  afterAll(async () => { await w?.close(); });

  const links = async () => Promise.all(perfs.map(async (id) => (await w.s.request('GET', `/api/performances/${id}/dip`, { token: w.token })).body));
  const status = async () => (await w.s.request('GET', '/api/dip/status', { token: w.token })).body;
  const fault = async (body: unknown) => expect((await w.dipCall('POST', '/_sandbox/faults', body)).status).toBe(201);
  const clearFaults = () => w.dipCall('DELETE', '/_sandbox/faults');
  const callsSince = async (n: number) => (await sandboxCalls(w)).slice(n).filter((c) => c.path !== '/token');

  it('a 400 without an item on every call of the account stops the run with DIP\'s message and touches none of the 17 links', async () => {
    await fault({ status: 400, description: 'Not an agency', clientId: 'foyer-demo', count: null });
    const before = (await sandboxCalls(w)).length;
    const run = await syncNow(w);
    expect(run.status).toBe('dead');
    expect(run.lastError).toContain('Not an agency');
    // One call, not one per performance.
    expect((await callsSince(before)).map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(['GET /theaters/performances 400']);
    const all = await links();
    expect(all).toHaveLength(17);
    expect(all.every((l) => l.state === 'new' && l.lastError === null)).toBe(true);
    expect(await status()).toMatchObject({ lastRun: { outcome: 'stopped', message: 'Not an agency' } });
    // Box office staff see it too.
    const clerk = await w.s.request('GET', '/api/dip/status', { token: await userIn(w.s, w.orgId, 'boxoffice') });
    expect(clerk.body).toMatchObject({ lastRun: { outcome: 'stopped', message: 'Not an agency' } });
    await clearFaults();
  });

  it('a 400 without an item on a PUT stops the run the same way: one rejected call in the audit, no link failing, no figure counted as accepted', async () => {
    await fault({ status: 400, description: 'Not an agency', path: '/tickets/cumulative' });
    const before = (await sandboxCalls(w)).length;
    const run = await syncNow(w);
    expect(run).toMatchObject({ status: 'dead', requests: 1 });
    expect((await callsSince(before)).map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(['GET /theaters/performances 200', 'PUT /tickets/cumulative 400']);
    expect((await links()).every((l) => l.state === 'new' && l.lastError === null)).toBe(true);
    const audit = (await w.s.request('GET', '/api/dip/pushes', { token: w.token })).body.items;
    expect(audit.map((p: { status: string; performances: number }) => [p.status, p.performances])).toEqual([['rejected', 17]]);
    expect(await status()).toMatchObject({ lastRun: { outcome: 'stopped', message: 'Not an agency' } });

    // With the refusal gone, the next run pushes all 17.
    const next = await syncNow(w);
    expect(next.status).toBe('done');
    expect((await links()).every((l) => l.state === 'ok')).toBe(true);
    expect(await status()).toMatchObject({ lastRun: { outcome: 'done', message: null } });
    expect((await w.dipCall('GET', `/_sandbox/performances/${MORE[2].number}`)).body.tickets.normal).toMatchObject({ tickets: 2 });
  });

  it('a link DIP refused is pushed again on every run, figures unchanged, until DIP accepts it', async () => {
    // A forced push of unchanged figures; DIP refuses the first performance of the batch, this run and the next.
    const refuseFirst = () => fault({ status: 400, description: 'item 0: performance is being edited by its producer', path: '/tickets/cumulative' });
    await refuseFirst();
    const forced = await syncNow(w, true);
    expect(forced.status).toBe('done');
    let first = (await links())[0];
    expect(first).toMatchObject({ state: 'failing', lastError: 'item 0: performance is being edited by its producer' });
    expect((await links()).slice(1).every((l) => l.state === 'ok')).toBe(true);

    const puts = async (n: number) => (await callsSince(n)).filter((c) => c.method === 'PUT').map((c) => `${c.path} ${c.status}`);
    let before = (await sandboxCalls(w)).length;
    await refuseFirst();
    w.clock.advance(HOUR);
    expect((await syncNow(w)).status).toBe('done');
    expect(await puts(before)).toEqual(['/tickets/cumulative 400']);
    expect((await links())[0].state).toBe('failing');

    before = (await sandboxCalls(w)).length;
    w.clock.advance(HOUR);
    expect((await syncNow(w)).status).toBe('done');
    expect(await puts(before)).toEqual([
      '/tickets/cumulative 204', '/reservations/cumulative 204', '/blockedseats/cumulative 204',
      `/productions/${HAMLET}/performances/11001/capacity 204`,
    ]);
    first = (await links())[0];
    expect(first).toMatchObject({ state: 'ok', lastError: null });

    // Accepted: nothing more to send.
    before = (await sandboxCalls(w)).length;
    expect((await syncNow(w)).requests).toBe(0);
    expect(await puts(before)).toEqual([]);
  });

  it("stops pushing a performance DIP lists as cancelled, tells staff, and resumes when DIP agrees it again", async () => {
    expect((await w.dipCall('POST', `/_sandbox/performances/${MORE[0].number}/status`, { status: 'cancellation' })).status).toBe(204);
    await sell(w, perfs[1], [{ seatIds: ['r1s1'], ticketTypeId: w.c.ticketTypes.normal }]);
    await sell(w, perfs[2], [{ seatIds: ['r1s1'], ticketTypeId: w.c.ticketTypes.normal }]);
    const historyBefore = (await w.dipCall('GET', `/_sandbox/performances/${MORE[0].number}`)).body.historyCount;
    expect((await syncNow(w)).status).toBe('done');
    expect((await w.dipCall('GET', `/_sandbox/performances/${MORE[0].number}`)).body.historyCount).toBe(historyBefore);
    expect((await w.dipCall('GET', `/_sandbox/performances/${MORE[1].number}`)).body.tickets.normal).toMatchObject({ tickets: 1 });
    const cancelled = (await links())[1];
    expect(cancelled).toMatchObject({ dipStatus: 'cancellation', state: 'ok' });
    const listed = (await w.s.request('GET', '/api/dip/performances', { token: w.token })).body.items
      .find((p: { performanceNumber: number }) => p.performanceNumber === MORE[0].number);
    expect(listed).toMatchObject({ status: 'cancellation', linkedPerformanceId: perfs[1] });

    // Still cancelled an hour later: still not pushed, even forced.
    w.clock.advance(HOUR);
    await syncNow(w, true);
    expect((await w.dipCall('GET', `/_sandbox/performances/${MORE[0].number}`)).body.historyCount).toBe(historyBefore);

    expect((await w.dipCall('POST', `/_sandbox/performances/${MORE[0].number}/status`, { status: 'agreed' })).status).toBe(204);
    w.clock.advance(HOUR);
    expect((await syncNow(w)).status).toBe('done');
    expect((await w.dipCall('GET', `/_sandbox/performances/${MORE[0].number}`)).body.tickets.normal).toMatchObject({ tickets: 1 });
    expect((await links())[1]).toMatchObject({ dipStatus: 'agreed' });
  });

  it('a blocked-seats path DIP does not have stops the run with the reason, and no link is taken as accepted', async () => {
    expectOk(await w.s.request('PUT', '/api/dip/settings', { token: w.token, body: worldSettings(w, { blockedSeatsPath: '/blocked-seats/cumulative' }) }));
    await sell(w, perfs[4], [{ seatIds: ['r1s1'], ticketTypeId: w.c.ticketTypes.normal }]);
    const run = await syncNow(w);
    expect(run.status).toBe('dead');
    expect(run.lastError).toContain('404');
    expect((await status()).lastRun).toMatchObject({ outcome: 'stopped' });
    expect((await status()).lastRun.message).toContain('/blocked-seats/cumulative');
    // Not accepted: the same change goes again once the path is right.
    expectOk(await w.s.request('PUT', '/api/dip/settings', { token: w.token, body: worldSettings(w, { blockedSeatsPath: '/blockedseats/cumulative' }) }));
    const before = (await sandboxCalls(w)).length;
    expect((await syncNow(w)).status).toBe('done');
    expect((await callsSince(before)).filter((c) => c.method === 'PUT').map((c) => c.path)).toEqual(['/tickets/cumulative', '/reservations/cumulative', '/blockedseats/cumulative']);
  });
});

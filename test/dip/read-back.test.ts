// Reading back what DIP holds: the producers' read side per production, compared with what Foyer
// last pushed, per performance "in sync" or "differs" (pushed again, then read once more), DIP's
// 400 "No sales history" read as zeros, and a read DIP refuses for the theatre's credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { expectOk, extraPerformance, HAMLET, sandboxCalls, sell, startWorld, syncNow, type DipWorld } from './support.js';

const HOUR = 3_600_000;
const UPDATED = '2054-11-23T12:30:00+01:00';

describe.each(DIALECTS)('DIP read-back on %s', (dialect) => {
  let w: DipWorld;
  let first: string;
  let second: string;
  beforeAll(async () => {
    w = await startWorld(dialect);
    first = w.c.performanceId;
    second = await extraPerformance(w, '2054-11-26T20:15');
    expectOk(await w.s.request('PUT', `/api/performances/${first}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11001` } }));
    expectOk(await w.s.request('PUT', `/api/performances/${second}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11002` } }));
    await sell(w, first, [{ seatIds: ['r1s1', 'r1s2'], ticketTypeId: w.c.ticketTypes.normal }, { seatIds: ['r1s3'], ticketTypeId: w.c.ticketTypes.discount }]);
    await sell(w, second, [{ seatIds: ['r2s1'], ticketTypeId: w.c.ticketTypes.normal }]);
    await sell(w, second, [{ seatIds: ['r2s2', 'r2s3'], ticketTypeId: w.c.ticketTypes.normal }], true);
    expect((await syncNow(w)).status).toBe('done');
  });
  afterAll(async () => { await w?.close(); });

  const link = async (id: string) => (await w.s.request('GET', `/api/performances/${id}/dip`, { token: w.token })).body;
  const held = async (n: number) => (await w.dipCall('GET', `/_sandbox/performances/${n}`)).body;
  const demoToken = async () => (await (await fetch(`${w.dip.baseUrl}/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_id=foyer-demo&client_secret=foyer-demo-secret',
  })).json() as { access_token: string }).access_token;

  it('finds DIP in sync with what Foyer pushed, per performance, with DIP\'s updated', async () => {
    const before = (await sandboxCalls(w)).length;
    const run = await syncNow(w, false, true);
    expect(run).toMatchObject({ status: 'done', requests: 0 }); // nothing pushed
    const reads = (await sandboxCalls(w)).slice(before).filter((c) => c.method === 'GET').map((c) => `${c.path} ${c.status}`);
    expect(reads).toEqual([
      '/theaters/performances 200', `/productions/${HAMLET}/sales 200`, `/productions/${HAMLET}/reservations 200`, `/productions/${HAMLET}/blockedseats 200`,
    ]);
    const one = await link(first);
    expect(one.check).toMatchObject({
      state: 'in_sync', differs: [], refused: null,
      foyer: { sales: { count: 3, money: 8500 }, reservations: { count: 0, money: 0 }, blockedseats: { count: 0, money: 0 } },
      dip: { sales: { count: 3, money: 8500, updated: '2054-11-23T13:00:00+01:00' } },
    });
    expect((await link(second)).check).toMatchObject({ state: 'in_sync', foyer: { sales: { count: 1 }, reservations: { count: 2, money: 6000 } } });
    const listed = (await w.s.request('GET', '/api/dip/performances', { token: w.token })).body.items;
    expect(listed.find((p: { performanceNumber: number }) => p.performanceNumber === 11001)).toMatchObject({ checkState: 'in_sync' });
    expect((await w.s.request('GET', '/api/dip/status', { token: w.token })).body.lastCheckAt).toBe('2054-11-23T12:00:00.000Z');
  });

  it('finds a difference DIP was made to hold, shows it, pushes Foyer\'s figures again and reads them back in sync', async () => {
    // Someone else pushed other figures for 11002 (Foyer: 1 normal ticket, 30,00).
    const token = await demoToken();
    const other = ['normal', 'discount', 'free', 'other'].map((ticketType) => ({
      productionNumber: HAMLET, performanceNumber: 11002, ticketType, tickets: ticketType === 'normal' ? 9 : 0, recette: ticketType === 'normal' ? 27000 : 0, updated: UPDATED,
    }));
    const put = await fetch(`${w.dip.baseUrl}/tickets/cumulative`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(other) });
    expect(put.status).toBe(204);

    const firstHistory = (await held(11001)).historyCount;
    // The push of the correction fails once: the difference stays visible until DIP takes it.
    expect((await w.dipCall('POST', '/_sandbox/faults', { status: 503, path: '/tickets/cumulative' })).status).toBe(201);
    const failed = await syncNow(w, false, true);
    expect(failed.status).toBe('pending');
    const differing = await link(second);
    expect(differing.check).toMatchObject({
      state: 'differs', differs: ['sales'],
      foyer: { sales: { count: 1, money: 3000 } }, dip: { sales: { count: 9, money: 27000, updated: UPDATED } },
    });
    expect((await link(first)).check.state).toBe('in_sync');
    expect((await held(11002)).tickets.normal).toMatchObject({ tickets: 9 });

    w.clock.advance(HOUR);
    const retried = await syncNow(w, false, true);
    expect(retried).toMatchObject({ status: 'done', jobId: failed.jobId });
    expect((await held(11002)).tickets.normal).toMatchObject({ tickets: 1, recette: 3000 });
    expect((await held(11001)).historyCount).toBe(firstHistory); // 11001, in sync, was not sent again
    const fixed = await link(second);
    expect(fixed.check).toMatchObject({ state: 'in_sync', dip: { sales: { count: 1, money: 3000 } } });
    const audit = (await w.s.request('GET', `/api/dip/pushes?performance=${first}&limit=50`, { token: w.token })).body.items;
    expect(audit.some((p: { jobId: string }) => p.jobId === failed.jobId)).toBe(false);
  });

  it('a difference whose correction DIP refused is pushed on the next plain run and read back then', async () => {
    const token = await demoToken();
    const other = ['normal', 'discount', 'free', 'other'].map((ticketType) => ({
      productionNumber: HAMLET, performanceNumber: 11001, ticketType, tickets: ticketType === 'free' ? 4 : 0, recette: 0, updated: UPDATED,
    }));
    expect((await fetch(`${w.dip.baseUrl}/tickets/cumulative`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(other) })).status).toBe(204);
    expect((await w.dipCall('POST', '/_sandbox/faults', { status: 400, description: 'item 0: performance is locked', path: '/tickets/cumulative' })).status).toBe(201);
    w.clock.advance(HOUR);
    expect((await syncNow(w, false, true)).status).toBe('done');
    expect(await link(first)).toMatchObject({ state: 'failing', check: { state: 'differs', differs: ['sales'] } });

    w.clock.advance(HOUR);
    const before = (await sandboxCalls(w)).length;
    expect((await syncNow(w)).status).toBe('done');
    const calls = (await sandboxCalls(w)).slice(before).map((c) => `${c.method} ${c.path}`);
    expect(calls).toContain('PUT /tickets/cumulative');
    expect(calls).toContain(`GET /productions/${HAMLET}/sales`);
    expect(await link(first)).toMatchObject({ state: 'ok', check: { state: 'in_sync' } });
    expect((await held(11001)).tickets.normal).toMatchObject({ tickets: 2, recette: 6000 });
  });

  it('reads DIP\'s 400 "No sales history" as DIP holding nothing, pushes again, and does not stop the run', async () => {
    expect((await w.dipCall('POST', '/_sandbox/reset')).status).toBe(204);
    w.clock.advance(HOUR);
    const run = await syncNow(w, false, true);
    expect(run.status).toBe('done');
    expect((await held(11001)).tickets.normal).toMatchObject({ tickets: 2, recette: 6000 });
    expect((await held(11002)).reservations).toMatchObject({ reservations: 2, recette: 6000 });
    const log = (await sandboxCalls(w)).filter((c) => c.path === `/productions/${HAMLET}/sales`).map((c) => c.status);
    expect(log).toEqual([400, 200]); // read, pushed again, read back
    expect((await link(first)).check.state).toBe('in_sync');
    expect((await link(second)).check.state).toBe('in_sync');
  });

  it('says so when DIP refuses the read for the theatre\'s credentials, and keeps pushing', async () => {
    expect((await w.dipCall('POST', '/_sandbox/faults', { status: 400, description: 'Not an agency', method: 'GET', path: '/productions/', count: null })).status).toBe(201);
    await sell(w, first, [{ seatIds: ['r3s1'], ticketTypeId: w.c.ticketTypes.normal }]);
    w.clock.advance(HOUR);
    const run = await syncNow(w, false, true);
    expect(run.status).toBe('done');
    expect((await held(11001)).tickets.normal).toMatchObject({ tickets: 3 });
    expect((await link(first)).check).toMatchObject({ state: 'refused', refused: 'Not an agency', dip: null });
    expect((await link(second)).check).toMatchObject({ state: 'refused', refused: 'Not an agency' });
    expect((await w.s.request('GET', '/api/dip/status', { token: w.token })).body.lastRun).toMatchObject({ outcome: 'done' });
    await w.dipCall('DELETE', '/_sandbox/faults');
  });

  it('reads back on its own once the last read-back is older than checkEveryHours, not on every run', async () => {
    const reads = async () => (await sandboxCalls(w)).filter((c) => c.path.startsWith('/productions/') && c.method === 'GET').length;
    let before = await reads();
    w.clock.advance(HOUR);
    await w.relogin();
    expect((await syncNow(w)).requests).toBe(0);
    expect(await reads()).toBe(before);
    w.clock.advance(24 * HOUR);
    await w.relogin();
    before = await reads();
    expect((await syncNow(w)).status).toBe('done');
    expect(await reads()).toBe(before + 3);
    expect((await link(first)).check.state).toBe('in_sync');
  });
});

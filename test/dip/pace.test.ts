// The call timeout and the pace between calls are settings (DIP's large answers take over 15 s;
// integrators keep ~0.5 s between calls), and DIP numbers are taken as DIP makes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extraPerformance as dipPerformance } from '../../sandboxes/dip/index.js';
import { DIALECTS } from '../helpers/databases.js';
import { expectOk, extraPerformance, HAMLET, sandboxCalls, sell, startWorld, syncNow, worldSettings, type DipWorld } from './support.js';

const HOUR = 3_600_000;
// As seen live: a producer group of four digits, a short last group, a performance number equal to its 8-digit id.
const LIVE_PRODUCTION = 'NL-26-1234-00279';
const LIVE_NUMBER = 11_484_906;

describe.each(DIALECTS)('DIP timeout, pace and numbers on %s', (dialect) => {
  let w: DipWorld;
  beforeAll(async () => {
    w = await startWorld(dialect, {
      extraPerformances: [dipPerformance({ number: LIVE_NUMBER, date: '2054-11-28T20:15:00', productionId: LIVE_PRODUCTION, title: 'Het Pauperparadijs', seats: 40 })],
    });
    expectOk(await w.s.request('PUT', `/api/performances/${w.c.performanceId}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11001` } }));
  });
  afterAll(async () => { await w?.close(); });

  const settings = (more: Record<string, unknown>) => w.s.request('PUT', '/api/dip/settings', { token: w.token, body: worldSettings(w, more) });

  it('waits as long as the timeout setting says, and gives up after it', async () => {
    expect((await settings({ timeoutSeconds: 0 })).status).toBe(400);
    expectOk(await settings({ timeoutSeconds: 1 }));
    await sell(w, w.c.performanceId, [{ seatIds: ['r1s1'], ticketTypeId: w.c.ticketTypes.normal }]);
    expect((await w.dipCall('POST', '/_sandbox/faults', { delayMs: 1600, count: 1, path: '/tickets/cumulative' })).status).toBe(201);
    const gaveUp = await syncNow(w);
    expect(gaveUp.status).toBe('pending');
    expect(gaveUp.lastError).toContain('no answer within 1 s');
    expect((await sandboxCalls(w)).filter((c) => c.path === '/tickets/cumulative').at(-1)).toMatchObject({ aborted: true });

    // A slow answer within the timeout is waited for.
    expectOk(await settings({ timeoutSeconds: 5 }));
    expect((await w.dipCall('POST', '/_sandbox/faults', { delayMs: 1600, count: 1, path: '/tickets/cumulative' })).status).toBe(201);
    w.clock.advance(HOUR);
    const waited = await syncNow(w);
    expect(waited).toMatchObject({ status: 'done', jobId: gaveUp.jobId });
    expect((await w.dipCall('GET', '/_sandbox/performances/11001')).body.tickets.normal).toMatchObject({ tickets: 1 });
  });

  it('keeps the pace between calls, capacity calls in flight together included', async () => {
    const second = await extraPerformance(w, '2054-11-26T20:15');
    const third = await extraPerformance(w, '2054-11-27T14:30');
    expectOk(await w.s.request('PUT', `/api/performances/${second}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11002` } }));
    expectOk(await w.s.request('PUT', `/api/performances/${third}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11003` } }));
    expectOk(await settings({ paceMs: 300 }));
    const before = (await sandboxCalls(w)).length;
    const started = performance.now();
    w.clock.advance(HOUR);
    await w.relogin();
    expect((await syncNow(w, true)).status).toBe('done');
    const took = performance.now() - started;
    const calls = (await sandboxCalls(w)).slice(before).filter((c) => c.path !== '/token');
    // The list, three batch PUTs, three capacity calls (four may run at once, but start 300 ms apart).
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT', 'PUT', 'PUT', 'PUT', 'PUT', 'PUT']);
    // Arrival times carry the network's jitter of a busy machine; the start times Foyer keeps do not.
    const gaps = calls.slice(1).map((c, i) => c.wallMs - calls[i].wallMs);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(200); // a pace of 300 ms; without one the gaps are a few ms
    expect(calls.at(-1)!.wallMs - calls[0].wallMs).toBeGreaterThanOrEqual(6 * 300 - 60);
    expect(took).toBeGreaterThanOrEqual(6 * 300);

    expectOk(await settings({ paceMs: 0 }));
    const unpaced = (await sandboxCalls(w)).length;
    await syncNow(w, true);
    const quick = (await sandboxCalls(w)).slice(unpaced).filter((c) => c.path.endsWith('/capacity'));
    expect(quick).toHaveLength(3);
    expect(quick[2].wallMs - quick[0].wallMs).toBeLessThan(2 * 300); // no longer 300 ms apart
  });

  it('takes DIP numbers as DIP makes them and refuses what DIP cannot make', async () => {
    const production = await w.s.request('POST', '/api/productions', {
      token: w.token, body: { title: 'Het Pauperparadijs', producer: 'Ruud de Graaf', genre: 'toneel', description: '', dipProductionId: LIVE_PRODUCTION },
    });
    expectOk(production);
    const perf = await w.s.request('POST', '/api/performances', {
      token: w.token, body: { productionId: production.body.id, hallId: w.c.hallId, startsAt: '2054-11-28T20:15', standardTicketTypeId: w.c.ticketTypes.normal },
    });
    expectOk(perf);
    const linkTo = (dipNumber: string) => w.s.request('PUT', `/api/performances/${perf.body.id}/dip-link`, { token: w.token, body: { dipNumber } });
    for (const bad of [`${LIVE_PRODUCTION}|0`, `${LIVE_PRODUCTION}|2147483648`, `${LIVE_PRODUCTION}|12a`, 'NL-2026-1234-00279|5', 'NL-26-1234-|5', `${LIVE_PRODUCTION.toLowerCase()}|5`]) {
      const res = await linkTo(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body.errors[0].field, bad).toBe('dipNumber');
    }
    // Padded with a zero as the help pages write it: the same performance.
    const linked = await linkTo(`${LIVE_PRODUCTION}|0${LIVE_NUMBER}`);
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ dipNumber: `${LIVE_PRODUCTION}|${LIVE_NUMBER}`, state: 'new' });
    const listed = (await w.s.request('GET', '/api/dip/performances', { token: w.token })).body.items;
    expect(listed.find((p: { performanceNumber: number }) => p.performanceNumber === LIVE_NUMBER)).toMatchObject({
      dipNumber: `${LIVE_PRODUCTION}|${LIVE_NUMBER}`, linkedPerformanceId: perf.body.id,
    });

    expect((await syncNow(w)).status).toBe('done');
    expect((await w.s.request('GET', `/api/performances/${perf.body.id}/dip`, { token: w.token })).body.state).toBe('ok');
    expect((await w.dipCall('GET', `/_sandbox/performances/${LIVE_NUMBER}`)).body.capacity).toMatchObject({ capacity: 40 });
  });
});

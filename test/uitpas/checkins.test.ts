// UiTPAS check-ins at the door: a UiTPAS holder's ticket admitted (online scan or offline upload) on a
// performance with check-ins on earns the holder a point at UiTPAS, once, through the job queue.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { userIn } from '../helpers/server.js';
import { ManualClock } from '../../src/platform/clock.js';
import { uitpasContract } from '../../sandboxes/uitpas/contract.js';
import { addPass, basketWith, checkout, drainJobs, EVENT_100_PER_WEEK, expectProblem, startUitpasKit, type UitpasKit } from './kit.js';

const NOW = new Date('2055-01-15T18:30:00Z');

describe.each(DIALECTS)('UiTPAS check-ins at the door on %s', (dialect) => {
  let k: UitpasKit;
  let doorToken: string;
  let doorId: string;
  const clock = new ManualClock(NOW);
  beforeAll(async () => {
    k = await startUitpasKit(dialect, {}, { clock });
    const { organisation_id } = await k.s.deps.db.selectFrom('performances').select('organisation_id').where('id', '=', k.perfWeekly).executeTakeFirstOrThrow();
    doorToken = await userIn(k.s, organisation_id, 'door');
    doorId = (await k.s.request('POST', '/api/checkin/doors', { token: k.token, body: { name: 'Hoofdingang' } })).body.id;
    const on = await k.s.request('PUT', `/api/uitpas/performances/${k.perfWeekly}/checkins`, { token: k.token, body: { enabled: true } });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
  });
  afterAll(async () => { await k?.close(); });
  beforeEach(() => { k.sandbox.app.uitpas.faults.clear(); k.sandbox.app.uitpas.faults.clearLog(); });

  const view = (lang = 'nl') => k.s.request('GET', `/api/uitpas/performances/${k.perfWeekly}/checkins`, { token: doorToken, lang });
  const checkinsAtUitpas = (uitpasNumber: string) =>
    k.sandbox.app.uitpas.store.allCheckins().filter((c) => c.uitpasNumber === uitpasNumber && c.eventId === EVENT_100_PER_WEEK);
  const calls = () => k.sandbox.app.uitpas.faults.log.filter((r) => /checkin/.test(r.url)).map((r) => `${r.method} ${r.url.split('?')[0]}`);
  const pendingCheckinJobs = () => k.s.deps.db.selectFrom('jobs').select(['id', 'status', 'run_at', 'attempts'])
    .where('kind', '=', 'uitpas.checkin').where('status', '=', 'pending').execute();

  /** Sells a seat with a pass (or without: regular) and answers its barcode. */
  async function ticket(seat: string, uitpasNumber?: string): Promise<string> {
    const b = await basketWith(k, k.perfWeekly, [seat]);
    if (uitpasNumber) expect((await addPass(k, b.id, { uitpasNumber })).status).toBe(200);
    const order = await checkout(k, b.id);
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    return order.body.tickets[0].barcode;
  }
  const scan = (barcode: string) =>
    k.s.request('POST', '/api/checkin/scans', { token: doorToken, body: { barcode, performanceIds: [k.perfWeekly], doorId } });

  it('the setting: on only for a UiTPAS performance with its UiTdatabank event id, by administrators, in the audit trail', async () => {
    expectProblem(await k.s.request('PUT', `/api/uitpas/performances/${k.c.performanceId}/checkins`, { token: doorToken, body: { enabled: true } }), 403, 'forbidden');
    const perf = await k.s.request('POST', '/api/performances', {
      token: k.token, body: { productionId: k.c.productionId, hallId: k.c.hallId, startsAt: '2055-02-01T20:15', standardTicketTypeId: k.c.ticketTypes.normal },
    });
    const refused = await k.s.request('PUT', `/api/uitpas/performances/${perf.body.id}/checkins`, { token: k.token, body: { enabled: true }, lang: 'en' });
    expectProblem(refused, 409, 'uitpas-not-enabled');
    expect(refused.body.detail).toContain('UiTdatabank event id');
    expect((await view()).body).toMatchObject({ enabled: true, uitpasEnabled: true, eventId: EVENT_100_PER_WEEK });
    const audit = await k.s.request('GET', `/api/audit?subjectId=${k.perfWeekly}`, { token: k.token });
    expect(audit.body.items.find((e: { label: string }) => e.label === 'UiTPAS check-ins')?.changes).toEqual({ uitpasCheckins: [false, true] });
  });

  it('an admitted UiTPAS ticket queues its check-in with the admission; the job asks the status, then checks the holder in, once', async () => {
    const barcode = await ticket('r1s1', '0900000067513');
    const regular = await ticket('r1s2');
    const before = (await view()).body.counts.checkedIn;
    expect((await scan(barcode)).body).toMatchObject({ ok: true, reason: 'admitted' });
    expect((await scan(regular)).body).toMatchObject({ ok: true, reason: 'admitted' });
    // Queued by the admission itself: nothing has talked to UiTPAS yet.
    expect((await view()).body.counts.queued).toBe(1);
    expect(await pendingCheckinJobs()).toHaveLength(1);
    expect(checkinsAtUitpas('0900000067513')).toHaveLength(0);

    await drainJobs(k);
    expect(calls()).toEqual(['GET /checkin-status', 'POST /checkins']);
    const sent = k.sandbox.app.uitpas.faults.log.filter((r) => /checkin/.test(r.url));
    expect(sent.flatMap((r) => uitpasContract().checkRequest(r.method, r.url, typeof r.body === 'string' ? JSON.parse(r.body) : r.body))).toEqual([]);
    expect(checkinsAtUitpas('0900000067513')).toHaveLength(1);
    const v = (await view()).body;
    expect(v.counts).toMatchObject({ queued: 0, checkedIn: before + 1 });
    expect(v.checkins.find((c: { barcode: string }) => c.barcode === barcode)).toMatchObject({ uitpasNumber: '0900000067513', status: 'checked-in', points: 1 });

    // Scanned again (refused at the door) and drained again: still one check-in.
    expect((await scan(barcode)).body.reason).toBe('already-scanned');
    await drainJobs(k);
    expect(checkinsAtUitpas('0900000067513')).toHaveLength(1);
  });

  it('a 5xx from UiTPAS is retried after the back-off; a lost answer to the check-in is not made twice', async () => {
    const barcode = await ticket('r2s1', '0900011902815');
    k.sandbox.app.uitpas.faults.add({ kind: 'status', status: 500, method: 'GET', path: '/checkin-status' });
    expect((await scan(barcode)).body.reason).toBe('admitted');
    expect((await k.runner.runDue(10)).retried).toBe(1);
    expect((await view()).body.counts.queued).toBe(1);
    // Not again before the back-off has passed.
    expect((await k.runner.runDue(10)).claimed).toBe(0);
    clock.advance(11_000);
    // This time UiTPAS checks the holder in but the answer is lost (504).
    k.sandbox.app.uitpas.faults.add({ kind: 'register-then-timeout', method: 'POST', path: '/checkins', hangMs: 50 });
    expect((await k.runner.runDue(10)).retried).toBe(1);
    expect(checkinsAtUitpas('0900011902815')).toHaveLength(1);
    clock.advance(30_000);
    await drainJobs(k);
    // The retry asked the status, heard the point was saved already, and did not post again.
    expect(calls()).toEqual(['GET /checkin-status', 'GET /checkin-status', 'POST /checkins', 'GET /checkin-status']);
    expect(checkinsAtUitpas('0900011902815')).toHaveLength(1);
    const row = (await view('nl')).body.checkins.find((c: { barcode: string }) => c.barcode === barcode);
    expect(row).toMatchObject({ status: 'refused', message: expect.stringContaining('al een punt') });
  });

  it('a holder who already checked in today: UiTPAS says so, Foyer shows its words and posts nothing', async () => {
    const barcode = await ticket('r2s2', '0900010959113');
    // Checked in earlier today by another UiTPAS counter.
    const earlier = await fetch(`${k.sandbox.baseUrl}/checkins`, {
      method: 'POST', headers: { authorization: `Bearer ${await sandboxToken(k)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: EVENT_100_PER_WEEK, uitpasNumber: '0900010959113' }),
    });
    expect(earlier.status).toBe(201);
    k.sandbox.app.uitpas.faults.clearLog();
    await scan(barcode);
    await drainJobs(k);
    expect(calls()).toEqual(['GET /checkin-status']);
    expect(checkinsAtUitpas('0900010959113')).toHaveLength(1);
    const v = (await view('en')).body;
    expect(v.checkins.find((c: { barcode: string }) => c.barcode === barcode)).toMatchObject({ status: 'refused', message: expect.any(String) });
    expect(v.counts.refused).toBeGreaterThanOrEqual(1);
  });

  it('an offline upload that admits a UiTPAS ticket queues its check-in too', async () => {
    const barcode = await ticket('r3s1', '0900011903417');
    const id = '5d7f3c52-7a43-4c8e-9a42-0b7d3f0c1e11';
    const up = await k.s.request('POST', '/api/checkin/uploads', {
      token: doorToken, body: { doorId, sentAt: clock.now().toISOString(), scans: [{ id, barcode, performanceId: k.perfWeekly, scannedAt: clock.now().toISOString() }] },
    });
    expect(up.body.results[0], JSON.stringify(up.body)).toMatchObject({ outcome: 'applied' });
    const row = (await view()).body.checkins.find((c: { barcode: string }) => c.barcode === barcode);
    expect(row).toMatchObject({ status: 'queued', uitpasNumber: '0900011903417' });
    await drainJobs(k);
    expect(calls()).toContain('GET /checkin-status');
  });

  it('a check-in UiTPAS stays away for is marked failed when the queue gives up', async () => {
    const barcode = await ticket('r3s2', '0900000067513');
    k.sandbox.app.uitpas.faults.add({ kind: 'status', status: 503, path: '/checkin-status', count: 5 });
    await scan(barcode);
    await k.s.deps.db.updateTable('jobs').set({ max_attempts: 1 }).where('kind', '=', 'uitpas.checkin').where('status', '=', 'pending').execute();
    expect((await k.runner.runDue(10)).dead).toBe(1);
    const row = (await view('fr')).body.checkins.find((c: { barcode: string }) => c.barcode === barcode);
    expect(row).toMatchObject({ status: 'failed', message: expect.stringContaining('injoignable') });
  });
});

async function sandboxToken(k: UitpasKit): Promise<string> {
  const { DEMO_CLIENT } = await import('../../sandboxes/uitpas/index.js');
  const res = await fetch(`${k.sandbox.baseUrl}/realms/uitid/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

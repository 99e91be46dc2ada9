// Scans made without a network, uploaded later: applied in the order they were made, and every
// admission the server cannot agree with is a conflict the door and the manager see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser, startServer, type OrgFixture, type TestServer } from '../helpers/server.js';
import { ManualClock } from '../../src/platform/clock.js';
import { expectProblem, expectRejected } from '../foundation/expect-problem.js';
import { checkinKit, type Evening, type Ticket } from './kit.js';

const T0 = Date.parse('2055-01-15T18:30:00Z'); // 19:30 in Amsterdam, doors open for the 20:15 performance
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
let n = 0;
const scanId = () => `scan-${++n}-${Math.random().toString(36).slice(2, 10)}`;

describe.each(DIALECTS)('offline scans on %s', (dialect) => {
  let s: TestServer;
  let admin: OrgFixture;
  let ev: Evening;
  const clock = new ManualClock(new Date(T0));
  const k = checkinKit(() => s, () => admin.token);
  const perf = () => ev.cat.performanceId;
  let seat = 0;
  const sell = async (): Promise<Ticket> => {
    seat++;
    return (await k.tickets(perf(), [`r${Math.ceil(seat / 10)}s${((seat - 1) % 10) + 1}`]))[0];
  };
  const offline = (t: Ticket, minutes: number, direction: 'in' | 'out' = 'in') =>
    ({ id: scanId(), barcode: t.barcode, performanceId: perf(), direction, scannedAt: at(minutes) });
  const upload = (body: unknown, lang = 'nl') => k.req('POST', '/api/checkin/uploads', body, ev.doorToken, lang);

  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    admin = await orgWithUser(s, 'admin', 'Schouwburg A');
    ev = await k.evening(admin.orgId);
  });
  afterAll(async () => { await s?.close(); });

  it('applies offline admissions at the time they were made', async () => {
    const t = await sell();
    clock.set(new Date(T0 + 30 * 60_000));
    const scan = offline(t, 5);
    const r = k.ok(await upload({ doorId: ev.doors.side, sentAt: at(30), scans: [scan] }));
    expect(r).toEqual({ results: [{ id: scan.id, outcome: 'applied', reason: 'admitted', conflict: null }], conflicts: [] });
    const row = await s.handle.db.selectFrom('checkin_scans').selectAll().where('ticket_id', '=', t.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ offline: 1, scanned_at: at(5), recorded_at: at(30), door_id: ev.doors.side, client_scan_id: scan.id, outcome: 'applied' });
    // Online, the ticket is now in.
    const again = k.ok(await k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [perf()], doorId: ev.doors.main }));
    expect(again).toMatchObject({ reason: 'already-scanned', previous: { door: 'Zij-ingang', at: '2055-01-15T19:35:00+01:00' } });
  });

  it('reports a ticket admitted offline at two doors as a conflict, to the second door and to the manager', async () => {
    const t = await sell();
    clock.set(new Date(T0 + 40 * 60_000));
    const a = offline(t, 10);
    const b = offline(t, 12);
    expect(k.ok(await upload({ doorId: ev.doors.main, scans: [a] })).results[0].outcome).toBe('applied');
    const second = k.ok(await upload({ doorId: ev.doors.side, scans: [b] }));
    expect(second.results[0]).toMatchObject({ id: b.id, outcome: 'conflict', reason: 'already-scanned' });
    const c = second.results[0].conflict;
    expect(second.conflicts).toEqual([c]);
    expect(c).toMatchObject({
      kind: 'double-admission',
      message: 'Twee keer binnengelaten: bij Zij-ingang om 19:42 (offline) en bij Hoofdingang om 19:40',
      ticket: { id: t.id, place: 'Zaal, rij 1, stoel 2', ticketType: 'Normaal' },
      scan: { door: 'Zij-ingang', staff: 'door user', at: '2055-01-15T19:42:00+01:00', offline: true },
      other: { door: 'Hoofdingang', at: '2055-01-15T19:40:00+01:00', offline: true },
      acknowledgedAt: null,
    });
    expect(c.ticket.orderNumber).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // The manager's list, and the door's; only the manager acknowledges.
    const list = k.ok(await k.req('GET', `/api/checkin/conflicts?performanceId=${perf()}&open=true`, undefined, admin.token, 'en'));
    expect(list.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect(list.items.find((x: { id: string }) => x.id === c.id).message).toBe('Admitted twice: at Zij-ingang at 19:42 (offline) and at Hoofdingang at 19:40');
    expect(k.ok(await k.req('GET', `/api/checkin/conflicts?performanceId=${perf()}`, undefined, ev.doorToken)).items.length).toBeGreaterThan(0);
    expectProblem(await k.req('POST', `/api/checkin/conflicts/${c.id}/acknowledge`, undefined, ev.doorToken, 'en'), 403, 'forbidden');
    const counts = k.ok(await k.req('GET', `/api/checkin/performances/${perf()}/counts`));
    expect(counts.conflicts.open).toBeGreaterThanOrEqual(1);
    const ack = k.ok(await k.req('POST', `/api/checkin/conflicts/${c.id}/acknowledge`));
    expect(ack.acknowledgedAt).toBe('2055-01-15T20:10:00+01:00');
    const open = k.ok(await k.req('GET', `/api/checkin/conflicts?performanceId=${perf()}&open=true`));
    expect(open.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect(k.ok(await k.req('GET', `/api/checkin/performances/${perf()}/counts`)).conflicts.open).toBe(counts.conflicts.open - 1);
    // The ticket was admitted once; both doors count the person they let in.
    const rows = await s.handle.db.selectFrom('checkin_tickets').selectAll().where('ticket_id', '=', t.id).execute();
    expect(rows).toMatchObject([{ entries: 1, inside: 1, last_door_id: ev.doors.main }]);
  });

  it('reports an offline admission of a ticket admitted online, before or after it', async () => {
    const early = await sell();
    const late = await sell();
    clock.set(new Date(T0 + 20 * 60_000));
    expect(k.ok(await k.scan(ev.doorToken, { barcode: early.barcode, performanceIds: [perf()], doorId: ev.doors.main })).reason).toBe('admitted');
    expect(k.ok(await k.scan(ev.doorToken, { barcode: late.barcode, performanceIds: [perf()], doorId: ev.doors.main })).reason).toBe('admitted');
    clock.set(new Date(T0 + 60 * 60_000));
    // The side door lost its network at 19:45 and scanned one of them at 19:48 (before the online
    // admission at 19:50), the other at 19:55 (after it).
    const r = k.ok(await upload({ doorId: ev.doors.side, scans: [offline(early, 18), offline(late, 25)] }, 'fr'));
    expect(r.results.map((x: { outcome: string }) => x.outcome)).toEqual(['conflict', 'conflict']);
    expect(r.conflicts.map((c: { kind: string; other: { door: string; offline: boolean } }) => [c.kind, c.other.door, c.other.offline]))
      .toEqual([['double-admission', 'Hoofdingang', false], ['double-admission', 'Hoofdingang', false]]);
    expect(r.conflicts[0].message).toBe('Admis deux fois : à Zij-ingang à 19:48 (hors ligne) et à Hoofdingang à 19:50');
  });

  it('answers a resent upload with the same results and records nothing twice', async () => {
    const t = await sell();
    const u = await sell();
    k.ok(await k.scan(ev.doorToken, { barcode: u.barcode, performanceIds: [perf()], doorId: ev.doors.main }));
    const body = { doorId: ev.doors.side, scans: [offline(t, 20), offline(u, 21)] };
    const first = k.ok(await upload(body));
    const [again, alsoAgain] = await Promise.all([upload(body), upload(body)]);
    for (const x of [k.ok(again), k.ok(alsoAgain)]) {
      expect(x.results.map((r: { id: string; outcome: string; conflict: { id: string } | null }) => [r.id, r.outcome, r.conflict?.id ?? null]))
        .toEqual(first.results.map((r: { id: string; outcome: string; conflict: { id: string } | null }) => [r.id, r.outcome, r.conflict?.id ?? null]));
    }
    for (const ticketId of [t.id, u.id]) {
      const scans = await s.handle.db.selectFrom('checkin_scans').select('id').where('ticket_id', '=', ticketId).where('offline', '=', 1).execute();
      expect(scans).toHaveLength(1);
    }
    const conflicts = await s.handle.db.selectFrom('checkin_conflicts').select('id').where('ticket_id', '=', u.id).execute();
    expect(conflicts).toHaveLength(1);
  });

  it('counts a scan once when its online answer was lost and the scanner uploads it later', async () => {
    const t = await sell();
    clock.set(new Date(T0 + 20 * 60_000));
    const scan = offline(t, 20);
    expect(k.ok(await k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [perf()], doorId: ev.doors.side, id: scan.id })).reason).toBe('admitted');
    const r = k.ok(await upload({ doorId: ev.doors.side, scans: [scan] }));
    expect(r).toEqual({ results: [{ id: scan.id, outcome: 'applied', reason: 'admitted', conflict: null }], conflicts: [] });
    expect(await s.handle.db.selectFrom('checkin_scans').select('id').where('ticket_id', '=', t.id).execute()).toHaveLength(1);
  });

  it('reports an offline admission of a ticket cancelled or unpaid meanwhile, and ignores unknown codes', async () => {
    clock.set(new Date(T0 + 35 * 60_000));
    const c = await sell();
    k.ok(await k.req('POST', `/api/orders/${c.orderId}/cancel`, {}));
    seat++;
    const [r] = await k.tickets(perf(), [`r${Math.ceil(seat / 10)}s${((seat - 1) % 10) + 1}`], { unpaid: true });
    const res = k.ok(await upload({ doorId: ev.doors.side, scans: [offline(c, 30), offline(r, 31), { ...offline(c, 32), barcode: 'NOPE' }] }, 'en'));
    expect(res.results.map((x: { outcome: string; reason: string }) => [x.outcome, x.reason])).toEqual([
      ['conflict', 'cancelled'], ['conflict', 'not-paid'], ['ignored', 'unknown'],
    ]);
    expect(res.conflicts.map((x: { kind: string; other: unknown }) => [x.kind, x.other])).toEqual([['cancelled', null], ['not-paid', null]]);
    expect(res.conflicts[0].message).toBe('Admitted offline at Zij-ingang at 20:00, but the ticket is cancelled');
  });

  it('merges exits and re-entries in time order with what happened online', async () => {
    k.ok(await k.req('PUT', `/api/checkin/performances/${perf()}/settings`, { reentry: true }));
    const t = await sell();
    const u = await sell();
    // Offline: in 19:40, out 20:00 (sent in the wrong order), in again 20:10.
    clock.set(new Date(T0 + 90 * 60_000));
    const r = k.ok(await upload({ doorId: ev.doors.side, scans: [offline(t, 30, 'out'), offline(t, 10), offline(t, 40)] }));
    expect(r.results.map((x: { outcome: string; reason: string }) => [x.outcome, x.reason])).toEqual([['applied', 'exited'], ['applied', 'admitted'], ['applied', 'admitted']]);
    expect(await s.handle.db.selectFrom('checkin_tickets').select(['inside', 'entries']).where('ticket_id', '=', t.id).executeTakeFirst())
      .toEqual({ inside: 1, entries: 2 });

    // Online: u in at 20:00 and out at 20:20. Offline: u in at 20:10 (while it was in: a conflict),
    // then u in at 20:25 (after the exit: fits, and u is in again), out at 20:26, and out at 20:27 (ignored: not in).
    clock.set(new Date(T0 + 30 * 60_000));
    k.ok(await k.scan(ev.doorToken, { barcode: u.barcode, performanceIds: [perf()], doorId: ev.doors.main }));
    clock.set(new Date(T0 + 50 * 60_000));
    expect(k.ok(await k.scan(ev.doorToken, { barcode: u.barcode, performanceIds: [perf()], doorId: ev.doors.main, direction: 'out' })).reason).toBe('exited');
    clock.set(new Date(T0 + 90 * 60_000));
    const m = k.ok(await upload({ doorId: ev.doors.side, scans: [offline(u, 40), offline(u, 55), offline(u, 56, 'out'), offline(u, 57, 'out')] }));
    expect(m.results.map((x: { outcome: string }) => x.outcome)).toEqual(['conflict', 'applied', 'applied', 'ignored']);
    expect(m.results[3].reason).toBe('not-inside');
    expect(await s.handle.db.selectFrom('checkin_tickets').select(['inside', 'entries']).where('ticket_id', '=', u.id).executeTakeFirst())
      .toEqual({ inside: 0, entries: 2 });
    k.ok(await k.req('PUT', `/api/checkin/performances/${perf()}/settings`, { reentry: null }));
  });

  it("puts a device's scans on the server's clock, and never in the future", async () => {
    const t = await sell();
    const u = await sell();
    clock.set(new Date(T0 + 100 * 60_000));
    // The device's clock is 10 minutes behind: it says it is 20:00 when it is 20:10.
    const r = k.ok(await upload({ doorId: ev.doors.side, sentAt: at(90), scans: [offline(t, 85), offline(u, 200)] }));
    expect(r.results.map((x: { outcome: string }) => x.outcome)).toEqual(['applied', 'applied']);
    const times = await s.handle.db.selectFrom('checkin_scans').select(['ticket_id', 'scanned_at']).where('ticket_id', 'in', [t.id, u.id]).execute();
    expect(Object.fromEntries(times.map((x) => [x.ticket_id, x.scanned_at]))).toEqual({ [t.id]: at(95), [u.id]: at(100) });
  });

  it('checks an upload in the caller\'s language', async () => {
    await expectRejected((lang) => upload({ doorId: ev.doors.side, scans: [{ id: 'x', barcode: '', performanceId: perf(), scannedAt: 'yesterday' }] }, lang),
      400, 'validation-failed', ['scans/0/id', 'scans/0/barcode', 'scans/0/scannedAt']);
    const t = await sell();
    const twice = offline(t, 1);
    await expectRejected((lang) => upload({ doorId: ev.doors.side, scans: [twice, twice] }, lang), 400, 'validation-failed', ['scans/1/id']);
  });
});

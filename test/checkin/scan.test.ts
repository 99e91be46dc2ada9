// Scanning at the door over HTTP: every answer a steward can get, who may scan, devices and their
// codes, re-entry, live counts and the offline ticket list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser, startServer, type OrgFixture, type TestServer } from '../helpers/server.js';
import { expectProblem, expectRejected } from '../foundation/expect-problem.js';
import { barcodeHash } from '../../src/checkin/rules.js';
import { checkinKit, type Evening } from './kit.js';

describe.each(DIALECTS)('scanning at the door on %s', (dialect) => {
  let s: TestServer;
  let admin: OrgFixture;
  let other: OrgFixture;
  let ev: Evening;
  const k = checkinKit(() => s, () => admin.token);
  const perf = () => ev.cat.performanceId;

  beforeAll(async () => {
    s = await startServer(dialect);
    admin = await orgWithUser(s, 'admin', 'Schouwburg A');
    other = await orgWithUser(s, 'admin', 'Theater B');
    ev = await k.evening(admin.orgId);
  });
  afterAll(async () => { await s?.close(); });

  it('admits a paid ticket once, with its seat and type, and tells the next scan when and where it was scanned', async () => {
    const [t] = await k.tickets(perf(), ['r1s1']);
    const first = k.ok(await k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [perf()], doorId: ev.doors.main }));
    expect(first).toMatchObject({
      ok: true, reason: 'admitted', message: 'Welkom', again: false,
      ticket: { id: t.id, ticketType: 'Normaal', place: 'Zaal, rij 1, stoel 1', zone: false, row: '1', seat: '1' },
    });
    expect(first.scanId).toBeTruthy();
    const again = k.ok(await k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [perf()], doorId: ev.doors.side }, 'en'));
    expect(again).toMatchObject({ ok: false, reason: 'already-scanned', previous: { door: 'Hoofdingang' } });
    const hhmm = String(again.previous.at).slice(11, 16);
    expect(again.message).toBe(`Already scanned at Hoofdingang at ${hhmm}`);
    const fr = k.ok(await k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [perf()], doorId: ev.doors.side }, 'fr'));
    expect(fr.message).toBe(`Déjà scanné à Hoofdingang à ${hhmm}`);
    // The admission row: when, which door, which staff member.
    const rows = await s.handle.db.selectFrom('checkin_scans').selectAll().where('ticket_id', '=', t.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ direction: 'in', door_id: ev.doors.main, staff_name: 'door user', outcome: 'applied', offline: 0, device_id: null });
    expect(rows[0].user_id).toBeTruthy();
  });

  it('reads what a hardware scanner typed: blanks and lower case do not matter', async () => {
    const [t] = await k.tickets(perf(), ['r1s2']);
    const a = k.ok(await k.scan(ev.doorToken, { barcode: `  ${t.barcode.toLowerCase()}\r`, performanceIds: [perf()], doorId: ev.doors.main }));
    expect(a.reason).toBe('admitted');
  });

  it('says which performance a ticket of another evening is for', async () => {
    const [t] = await k.tickets(ev.otherPerformanceId, ['r2s1']);
    const a = k.ok(await k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [perf()], doorId: ev.doors.main }));
    expect(a).toMatchObject({ ok: false, reason: 'other-performance', performance: { id: ev.otherPerformanceId, title: 'Hamlet', startsAt: '2055-01-16T20:15:00+01:00' } });
    expect(a.message).toBe('Kaart voor een andere voorstelling: Hamlet, zaterdag 16 januari om 20:15');
    // A door admitting to both performances lets it in.
    const both = k.ok(await k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [perf(), ev.otherPerformanceId], doorId: ev.doors.main }));
    expect(both.reason).toBe('admitted');
  });

  it('refuses a cancelled ticket and an unpaid reservation, and admits a general-admission place by its zone', async () => {
    const [c] = await k.tickets(perf(), ['r2s2']);
    k.ok(await k.req('POST', `/api/orders/${c.orderId}/cancel`, {}));
    const cancelled = k.ok(await k.scan(ev.doorToken, { barcode: c.barcode, performanceIds: [perf()], doorId: ev.doors.main }, 'en'));
    expect(cancelled).toMatchObject({ ok: false, reason: 'cancelled', message: 'This ticket is cancelled' });

    const [r] = await k.tickets(perf(), ['r2s3'], { unpaid: true });
    const unpaid = k.ok(await k.scan(ev.doorToken, { barcode: r.barcode, performanceIds: [perf()], doorId: ev.doors.main }));
    expect(unpaid).toMatchObject({ ok: false, reason: 'not-paid', message: 'Niet betaald: een reservering, graag naar de kassa' });
    k.ok(await k.req('POST', `/api/orders/${r.orderId}/payments`, { method: 'pin' }));
    expect(k.ok(await k.scan(ev.doorToken, { barcode: r.barcode, performanceIds: [perf()], doorId: ev.doors.main })).reason).toBe('admitted');

    const [ga] = await k.sellZone(perf(), 'sta', 1);
    const zone = k.ok(await k.scan(ev.doorToken, { barcode: ga.barcode, performanceIds: [perf()], doorId: ev.doors.main }, 'fr'));
    expect(zone).toMatchObject({ ok: true, reason: 'admitted', message: 'Bienvenue', ticket: { zone: true, place: 'Staanplaatsen, placement libre' } });
  });

  it("answers unknown for a made-up code and for another organisation's ticket, revealing nothing of it", async () => {
    const unknown = k.ok(await k.scan(ev.doorToken, { barcode: 'NOT-A-TICKET', performanceIds: [perf()], doorId: ev.doors.main }));
    expect(unknown).toMatchObject({ ok: false, reason: 'unknown', message: 'Onbekende kaart', ticket: null, performance: null });
    const b = checkinKit(() => s, () => other.token);
    const theirs = await b.evening(other.orgId);
    const [t] = await b.tickets(theirs.cat.performanceId, ['r1s1']);
    const a = k.ok(await k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [perf()], doorId: ev.doors.main }));
    expect(a).toMatchObject({ reason: 'unknown', ticket: null, performance: null });
    // Their performance and door are not ours to scan at: 404, as for ids that do not exist.
    expectProblem(await k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [theirs.cat.performanceId], doorId: ev.doors.main }, 'en'), 404, 'not-found');
    expectProblem(await k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [perf()], doorId: theirs.doors.main }, 'en'), 404, 'not-found');
    // Their ticket is still unscanned for them.
    expect(k.ok(await b.scan(theirs.doorToken, { barcode: t.barcode, performanceIds: [theirs.cat.performanceId], doorId: theirs.doors.main })).reason).toBe('admitted');
  });

  it('needs a door for a staff scan, refuses an archived door, and checks its input in the caller\'s language', async () => {
    await expectRejected((lang) => k.scan(ev.doorToken, { barcode: 'X', performanceIds: [perf()] }, lang), 400, 'validation-failed', ['doorId']);
    await expectRejected((lang) => k.req('POST', '/api/checkin/scans', { barcode: '', performanceIds: [] }, ev.doorToken, lang), 400, 'validation-failed', ['barcode', 'performanceIds']);
    const closed = k.ok(await k.req('POST', '/api/checkin/doors', { name: 'Nooduitgang' }), 201) as { id: string };
    k.ok(await k.req('PATCH', `/api/checkin/doors/${closed.id}`, { archived: true }));
    expectProblem(await k.scan(ev.doorToken, { barcode: 'X', performanceIds: [perf()], doorId: closed.id }, 'fr'), 409, 'door-archived', 'fr');
  });

  it('limits the door role to check-in: no selling, no orders, no setting up doors', async () => {
    expectProblem(await k.req('GET', '/api/orders', undefined, ev.doorToken, 'en'), 403, 'forbidden');
    expectProblem(await k.req('POST', '/api/baskets', { channel: 'boxoffice' }, ev.doorToken), 403, 'forbidden');
    expectProblem(await k.req('GET', `/api/performances/${perf()}/seats`, undefined, ev.doorToken), 403, 'forbidden');
    expectProblem(await k.req('POST', '/api/checkin/doors', { name: 'X' }, ev.doorToken), 403, 'forbidden');
    expectProblem(await k.req('GET', '/api/checkin/devices', undefined, ev.doorToken), 403, 'forbidden');
    expectProblem(await k.req('PUT', '/api/checkin/settings', { reentry: true }, ev.doorToken), 403, 'forbidden');
    // A box office user cannot scan.
    const kassa = await (await import('../helpers/server.js')).userIn(s, admin.orgId, 'boxoffice');
    expectProblem(await k.scan(kassa, { barcode: 'X', performanceIds: [perf()], doorId: ev.doors.main }), 403, 'forbidden', 'nl');
    const who = k.ok(await k.req('GET', '/api/checkin/session', undefined, ev.doorToken));
    expect(who).toMatchObject({ kind: 'user', role: 'door', name: 'door user', device: null, organisation: { id: admin.orgId } });
    const doors = k.ok(await k.req('GET', '/api/checkin/doors', undefined, ev.doorToken)) as { items: { name: string }[] };
    expect(doors.items.map((d) => d.name)).toEqual(expect.arrayContaining(['Hoofdingang', 'Zij-ingang']));
  });

  it('registers a device with a short code; door staff sign in with it and scan at its door; revoking signs it out', async () => {
    const dev = k.ok(await k.req('POST', '/api/checkin/devices', { name: 'Telefoon 1', doorId: ev.doors.side }), 201) as { id: string; code: string };
    expect(dev.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const listed = k.ok(await k.req('GET', '/api/checkin/devices')) as { items: Record<string, unknown>[] };
    expect(listed.items.find((d) => d.id === dev.id)).toMatchObject({ name: 'Telefoon 1', doorName: 'Zij-ingang' });
    expect(JSON.stringify(listed)).not.toContain(dev.code);

    const typed = dev.code.toLowerCase().replace('-', ' ');
    const signIn = await s.request('POST', '/api/checkin/device-sessions', { body: { code: typed, stewardName: 'Anouk' } });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(201);
    expect(signIn.body).toMatchObject({ device: { id: dev.id, doorId: ev.doors.side, doorName: 'Zij-ingang' }, organisation: { id: admin.orgId } });
    const token = signIn.body.token as string;
    const who = k.ok(await k.req('GET', '/api/checkin/session', undefined, token));
    expect(who).toMatchObject({ kind: 'device', role: 'door', name: 'Anouk', device: { id: dev.id, doorName: 'Zij-ingang' } });

    const [t] = await k.tickets(perf(), ['r3s1']);
    const a = k.ok(await k.scan(token, { barcode: t.barcode, performanceIds: [perf()] }));
    expect(a.reason).toBe('admitted');
    const row = await s.handle.db.selectFrom('checkin_scans').selectAll().where('ticket_id', '=', t.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ door_id: ev.doors.side, device_id: dev.id, staff_name: 'Anouk', user_id: null });
    expectProblem(await k.req('GET', '/api/orders', undefined, token), 403, 'forbidden');

    k.ok(await k.req('DELETE', `/api/checkin/devices/${dev.id}`), 204);
    expectProblem(await k.scan(token, { barcode: t.barcode, performanceIds: [perf()] }), 401, 'unauthenticated', 'nl');
    expectProblem(await s.request('POST', '/api/checkin/device-sessions', { body: { code: dev.code }, lang: 'nl' }), 401, 'device-code-invalid', 'nl');
    // A new code brings it back; the old code stays dead.
    const renewed = k.ok(await k.req('POST', `/api/checkin/devices/${dev.id}/code`)) as { code: string; revokedAt: string | null };
    expect(renewed.revokedAt).toBeNull();
    expect((await s.request('POST', '/api/checkin/device-sessions', { body: { code: renewed.code } })).status).toBe(201);
    expect((await s.request('POST', '/api/checkin/device-sessions', { body: { code: dev.code } })).status).toBe(401);
  });

  it('signs a device out, and stops guessing codes after 10 wrong ones from one address', async () => {
    const dev = k.ok(await k.req('POST', '/api/checkin/devices', { name: 'Telefoon 2', doorId: ev.doors.main }), 201) as { code: string };
    const token = (await s.request('POST', '/api/checkin/device-sessions', { body: { code: dev.code } })).body.token as string;
    expect((await k.req('DELETE', '/api/checkin/session', undefined, token)).status).toBe(204);
    expectProblem(await k.req('GET', '/api/checkin/session', undefined, token), 401, 'unauthenticated');
    // One of the failures above came from this address too; fill up to the limit.
    const failures = await s.handle.db.selectFrom('checkin_code_attempts').select((eb) => eb.fn.countAll<number>().as('n')).where('succeeded', '=', 0).executeTakeFirstOrThrow();
    for (let i = Number(failures.n); i < 10; i++) {
      expect((await s.request('POST', '/api/checkin/device-sessions', { body: { code: 'ZZZZ-ZZZZ' } })).status).toBe(401);
    }
    const blocked = await s.request('POST', '/api/checkin/device-sessions', { body: { code: dev.code }, lang: 'nl' });
    expectProblem(blocked, 429, 'too-many-attempts', 'nl');
    expect(blocked.headers.get('retry-after')).toBe('900');
    await s.handle.db.deleteFrom('checkin_code_attempts').execute();
  });

  it('lets tickets out and back in only where re-entry is on (per organisation, or per performance)', async () => {
    const [t] = await k.tickets(perf(), ['r3s5']);
    const scan = (direction: 'in' | 'out', lang = 'nl') => k.scan(ev.doorToken, { barcode: t.barcode, performanceIds: [perf()], doorId: ev.doors.main, direction }, lang);
    expect(k.ok(await scan('in')).reason).toBe('admitted');
    expect(k.ok(await scan('out'))).toMatchObject({ ok: false, reason: 'reentry-off', message: 'Geen herintreding bij deze voorstelling' });
    expect(k.ok(await k.req('PUT', '/api/checkin/settings', { reentry: true }))).toEqual({ reentry: true });
    expect(k.ok(await scan('out'))).toMatchObject({ ok: true, reason: 'exited', message: 'Tot straks' });
    expect(k.ok(await scan('out'))).toMatchObject({ ok: false, reason: 'not-inside' });
    expect(k.ok(await scan('in', 'en'))).toMatchObject({ ok: true, reason: 'admitted', again: true, message: 'Welcome back' });
    expect(k.ok(await scan('in'))).toMatchObject({ ok: false, reason: 'already-scanned' });
    // This performance says no, whatever the organisation says.
    expect(k.ok(await k.req('PUT', `/api/checkin/performances/${perf()}/settings`, { reentry: false }))).toEqual({ reentry: false, own: false });
    expect(k.ok(await scan('out')).reason).toBe('reentry-off');
    expect(k.ok(await k.req('PUT', `/api/checkin/performances/${perf()}/settings`, { reentry: null }))).toEqual({ reentry: true, own: null });
    k.ok(await k.req('PUT', '/api/checkin/settings', { reentry: false }));
    expect(k.ok(await k.req('GET', `/api/checkin/performances/${perf()}/settings`))).toEqual({ reentry: false, own: null });
  });

  it('counts admitted of expected, inside, and per door, live', async () => {
    const fresh = k.ok(await k.req('POST', '/api/performances', {
      productionId: ev.cat.productionId, hallId: ev.cat.hallId, startsAt: '2055-01-20T20:15', standardTicketTypeId: ev.cat.ticketTypes.normal, status: 'on_sale',
    }), 201) as { id: string };
    k.ok(await k.req('PUT', `/api/performances/${fresh.id}/prices`, { prices: [1, 2].map((rank) => ({ ticketTypeId: ev.cat.ticketTypes.normal, rank, amount: 2000 })) }));
    const sold = await k.tickets(fresh.id, ['r1s1', 'r1s2', 'r1s3', 'r1s4']);
    await k.tickets(fresh.id, ['r2s1'], { unpaid: true });
    const scan = (i: number, doorId: string) => k.scan(ev.doorToken, { barcode: sold[i].barcode, performanceIds: [fresh.id], doorId });
    expect(k.ok(await scan(0, ev.doors.main)).reason).toBe('admitted');
    expect(k.ok(await scan(1, ev.doors.main)).reason).toBe('admitted');
    expect(k.ok(await scan(2, ev.doors.side)).reason).toBe('admitted');
    expect(k.ok(await scan(2, ev.doors.main)).reason).toBe('already-scanned');
    const c = k.ok(await k.req('GET', `/api/checkin/performances/${fresh.id}/counts`, undefined, ev.doorToken));
    expect(c).toMatchObject({ performanceId: fresh.id, expected: 4, unpaid: 1, admitted: 3, inside: 3, conflicts: { total: 0, open: 0 } });
    const byName = Object.fromEntries(c.doors.map((d: { name: string; admitted: number }) => [d.name, d.admitted]));
    expect(byName).toMatchObject({ Hoofdingang: 2, 'Zij-ingang': 1 });
    const day = k.ok(await k.req('GET', '/api/checkin/performances?day=2055-01-20', undefined, ev.doorToken));
    expect(day.items).toEqual([expect.objectContaining({ id: fresh.id, title: 'Hamlet', expected: 4, admitted: 3, startsAt: '2055-01-20T20:15:00+01:00' })]);
    expectProblem(await k.req('GET', `/api/checkin/performances/${fresh.id}/counts`, undefined, other.token), 404, 'not-found');
  });

  it('gives a door the ticket list for offline scanning with hashes, never barcodes', async () => {
    const [t] = await k.tickets(perf(), ['r4s1']);
    const [r] = await k.tickets(perf(), ['r4s2'], { unpaid: true });
    const list = k.ok(await k.req('GET', `/api/checkin/performances/${perf()}/tickets`, undefined, ev.doorToken));
    const text = JSON.stringify(list);
    const barcodes = (await s.handle.db.selectFrom('tickets').select('barcode').where('performance_id', '=', perf()).execute()).map((x) => x.barcode);
    for (const b of barcodes) expect(text).not.toContain(b);
    const byHash = new Map(list.tickets.map((x: { h: string }) => [x.h, x]));
    expect(byHash.get(barcodeHash(perf(), t.barcode))).toMatchObject({ status: 'valid', section: 'Zaal', row: '4', seat: '1', ticketType: 'Normaal', zone: false });
    expect(byHash.get(barcodeHash(perf(), r.barcode))).toMatchObject({ status: 'unpaid' });
    expect(list.tickets.some((x: { status: string; lastDoor: string | null }) => x.status === 'inside' && x.lastDoor === 'Hoofdingang')).toBe(true);
    expect(list.tickets.some((x: { status: string }) => x.status === 'cancelled')).toBe(true);
    expectProblem(await k.req('GET', `/api/checkin/performances/${perf()}/tickets`, undefined, other.token), 404, 'not-found');
  });
});

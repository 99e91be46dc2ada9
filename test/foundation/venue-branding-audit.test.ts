// A venue's colour and logo, the audit trail of venue and hall changes, and a seat map change that
// would drop a sold seat: refused, naming the seat by its place so the editor can show it there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, gridSeatMap } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { buildShop } from '../shop/kit.js';
import { expectProblem, expectRejected } from './expect-problem.js';

const VENUE = { name: 'De Vorst', address: 'Vorstplein 1', postalCode: '1000', city: 'Brussel', country: 'BE', timeZone: 'Europe/Brussels' };
// A 1x1 PNG and the first bytes of a JPEG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const JPEG = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString('base64')}`;

describe.each(DIALECTS)('venue branding and the audit of venues and halls on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
  });
  afterAll(async () => { await s?.close(); });

  const trail = async (subjectId: string) =>
    (await s.request('GET', `/api/audit?subjectId=${subjectId}`, { token })).body.items as { subject: string; action: string; label: string; changes: Record<string, [unknown, unknown]>; actor: { name: string } }[];

  it('keeps a colour and a PNG or JPEG logo, removes them with null, and refuses anything else', async () => {
    const created = await s.request('POST', '/api/venues', { token, body: { ...VENUE, colour: '#8E1537', logo: PNG } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ colour: '#8e1537', logo: PNG });
    const id = created.body.id;
    expect((await s.request('GET', `/api/venues/${id}`, { token })).body).toMatchObject({ colour: '#8e1537', logo: PNG });
    expect((await s.request('PATCH', `/api/venues/${id}`, { token, body: { logo: JPEG } })).body.logo).toBe(JPEG);
    const bad: [Record<string, unknown>, string][] = [
      [{ colour: 'red' }, 'colour'],
      [{ colour: '#12345' }, 'colour'],
      [{ logo: 'https://example.org/logo.png' }, 'logo'],
      [{ logo: 'data:image/svg+xml;base64,PHN2Zz4=' }, 'logo'],
      // says PNG, is not one
      [{ logo: `data:image/png;base64,${Buffer.from('GIF89a-not-a-png').toString('base64')}` }, 'logo'],
      [{ logo: `data:image/png;base64,${'A'.repeat(210_000)}` }, 'logo'],
    ];
    for (const [body, field] of bad) {
      await expectRejected((lang) => s.request('PATCH', `/api/venues/${id}`, { token, body, lang }), 400, 'validation-failed', [field]);
    }
    await expectRejected((lang) => s.request('POST', '/api/venues', { token, body: { ...VENUE, logo: 'data:image/png;base64,AAAA' }, lang }), 400, 'validation-failed', ['logo']);
    expect((await s.request('GET', `/api/venues/${id}`, { token })).body).toMatchObject({ colour: '#8e1537', logo: JPEG });
    const cleared = await s.request('PATCH', `/api/venues/${id}`, { token, body: { colour: null, logo: null } });
    expect(cleared.body).toMatchObject({ colour: null, logo: null });
  });

  it("prints the venue's logo on its tickets, on each ticket page", async () => {
    const c = await buildCatalogue(s, token, { rows: 1, perRow: 3 });
    const basket = (await s.request('POST', '/api/baskets', { token, body: { channel: 'boxoffice' } })).body;
    await s.request('POST', `/api/baskets/${basket.id}/lines`, { token, body: { performanceId: c.performanceId, seatIds: ['r1s1', 'r1s2'] } });
    const order = (await s.request('POST', `/api/baskets/${basket.id}/checkout`, { token, body: { payment: { method: 'cash' } } })).body;
    const print = async () => {
      const res = await fetch(`${s.baseUrl}/api/orders/${order.id}/print`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer()).toString('latin1');
    };
    const images = (pdf: string) => (pdf.match(/\/Subtype\s*\/Image/g) ?? []).length;
    expect(images(await print())).toBe(0);
    expect((await s.request('PATCH', `/api/venues/${c.venueId}`, { token, body: { logo: PNG } })).status).toBe(200);
    expect(images(await print())).toBeGreaterThanOrEqual(2);
  });

  it("gives the shop's performance page the venue's colour and logo", async () => {
    const shop = await buildShop(s, token);
    const page = async () => (await s.request('GET', `/api/shops/${shop.slug}/performances/${shop.performanceId}`)).body;
    expect(await page()).toMatchObject({ venueColour: null, venueLogo: null });
    await s.request('PATCH', `/api/venues/${shop.venueId}`, { token, body: { colour: '#00695C', logo: PNG } });
    expect(await page()).toMatchObject({ venueColour: '#00695c', venueLogo: PNG });
  });

  it('records who created and changed a venue, with the logo as its kind and size, not its bytes', async () => {
    const v = (await s.request('POST', '/api/venues', { token, body: { ...VENUE, name: 'Bozar' } })).body;
    await s.request('PATCH', `/api/venues/${v.id}`, { token, body: { city: 'Bruxelles', logo: PNG } });
    // Saving what is already there records nothing.
    await s.request('PATCH', `/api/venues/${v.id}`, { token, body: { city: 'Bruxelles' } });
    const entries = await trail(v.id);
    expect(entries).toHaveLength(2);
    const [created, changed] = ['created', 'changed'].map((a) => entries.find((e) => e.action === a)!);
    expect(created).toMatchObject({ subject: 'venue', action: 'created', label: 'Bozar', actor: { name: expect.any(String) } });
    expect(created.changes).toMatchObject({ name: [null, 'Bozar'], timeZone: [null, 'Europe/Brussels'] });
    expect(changed).toMatchObject({ subject: 'venue', action: 'changed', changes: { city: ['Brussel', 'Bruxelles'], logo: [null, 'image/png, 0 KB'] } });
    expect(Object.keys(changed.changes).sort()).toEqual(['city', 'logo']);
  });

  it('records a hall: created with its seats, renamed, its map changed with seats added, removed and changed', async () => {
    const v = (await s.request('POST', '/api/venues', { token, body: VENUE })).body;
    const hall = (await s.request('POST', `/api/venues/${v.id}/halls`, { token, body: { name: 'Zaal 1', seatMap: gridSeatMap(2, 5) } })).body;
    const map = gridSeatMap(2, 5, [{ id: 'staan', name: 'Staan', capacity: 40 }]);
    map.sections[0].rows[0].seats.pop(); // r1s5 gone
    map.sections[0].rows[1].seats[0].rank = 3; // r2s1 changed
    map.sections[0].rows[1].seats.push({ id: 'r2s6', label: '6', rank: 2, x: 150, y: 30 });
    map.sections[0].rows[1].seats.push({ id: 'r2s7', label: '7', rank: 2, x: 180, y: 30 });
    const saved = await s.request('PATCH', `/api/halls/${hall.id}`, { token, body: { name: 'Zaal Eén', seatMap: map } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await s.request('PATCH', `/api/halls/${hall.id}`, { token, body: { seatMap: map } }); // the same again: nothing
    const entries = await trail(hall.id);
    expect(entries).toHaveLength(2);
    const [created, changed] = ['created', 'changed'].map((a) => entries.find((e) => e.action === a)!);
    expect(created).toMatchObject({ subject: 'hall', action: 'created', label: 'Zaal 1', changes: { name: [null, 'Zaal 1'], seatCount: [0, 10], venueId: [null, v.id] } });
    expect(changed).toMatchObject({ subject: 'hall', action: 'changed', label: 'Zaal Eén' });
    expect(changed.changes).toEqual({
      name: ['Zaal 1', 'Zaal Eén'], seatCount: [10, 11], seatsAdded: [null, 2], seatsRemoved: [null, 1], seatsChanged: [null, 1], zones: [null, 'Staan 40'],
    });
  });

  it('refuses a map that drops a sold seat or a zone in use, naming each by its place, and records nothing', async () => {
    const c = await buildCatalogue(s, token, { rows: 2, perRow: 4, zones: [{ id: 'staan', name: 'Staanplaatsen', capacity: 20 }] });
    const basket = (await s.request('POST', '/api/baskets', { token, body: { channel: 'boxoffice' } })).body;
    expect((await s.request('POST', `/api/baskets/${basket.id}/lines`, { token, body: { performanceId: c.performanceId, seatIds: ['r2s3'] } })).status).toBe(200);
    expect((await s.request('POST', `/api/baskets/${basket.id}/lines`, { token, body: { performanceId: c.performanceId, zoneId: 'staan', quantity: 1 } })).status).toBe(200);
    expect((await s.request('POST', `/api/baskets/${basket.id}/checkout`, { token, body: { payment: { method: 'cash' } } })).status).toBe(201);
    const before = await trail(c.hallId);

    const map = gridSeatMap(2, 4);
    map.sections[0].rows[1].seats.splice(2, 1);
    const refused = await s.request('PATCH', `/api/halls/${c.hallId}`, { token, body: { name: 'Weg', seatMap: map }, lang: 'nl' });
    expectProblem(refused, 400, 'seat-map-drops-sold-seats', 'nl');
    expect(refused.body.seatIds.sort()).toEqual(['r2s3', 'staan']);
    expect(refused.body.places).toEqual(expect.arrayContaining([
      { id: 'r2s3', kind: 'seat', section: 'Zaal', row: '2', seat: '3' },
      { id: 'staan', kind: 'zone', section: 'Staanplaatsen', row: null, seat: null },
    ]));
    expect(refused.body.detail).toContain('Zaal 2-3');
    expect(refused.body.detail).toContain('Staanplaatsen');
    const hall = (await s.request('GET', `/api/halls/${c.hallId}`, { token })).body;
    expect(hall).toMatchObject({ name: 'Grote Zaal', seatCount: 8, zoneCapacity: 20 });
    expect(await trail(c.hallId)).toEqual(before);

    // Moving the sold seat and adding seats is fine.
    const kept = gridSeatMap(2, 4, [{ id: 'staan', name: 'Staanplaatsen', capacity: 20 }]);
    kept.sections[0].rows[1].seats[2].x += 10;
    expect((await s.request('PATCH', `/api/halls/${c.hallId}`, { token, body: { seatMap: kept } })).status).toBe(200);
    expect((await trail(c.hallId)).filter((e) => e.action === 'changed').map((e) => e.changes)).toEqual([{ seatsChanged: [null, 1] }]);
  });
});

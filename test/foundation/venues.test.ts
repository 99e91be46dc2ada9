// Venues, halls and seat maps: what is kept, and what is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { gridSeatMap } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { expectProblem, expectRejected } from './expect-problem.js';

const VENUE = { name: 'De Vorst', address: 'Vorstplein 1', postalCode: '1000', city: 'Brussel', country: 'BE', timeZone: 'Europe/Brussels' };

const seat = (id: string, label: string, rank = 1, extra: Record<string, unknown> = {}) => ({ id, label, rank, x: 10, y: 20, ...extra });

describe.each(DIALECTS)('venues and halls on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let venueId: string;
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    const res = await s.request('POST', '/api/venues', { token, body: VENUE });
    expect(res.status).toBe(201);
    venueId = res.body.id;
  });
  afterAll(async () => { await s?.close(); });

  it('creates, reads, lists and changes a venue', async () => {
    expect((await s.request('GET', `/api/venues/${venueId}`, { token })).body).toEqual({ id: venueId, ...VENUE, colour: null, logo: null });
    const patched = await s.request('PATCH', `/api/venues/${venueId}`, { token, body: { city: 'Bruxelles' } });
    expect(patched.body).toEqual({ id: venueId, ...VENUE, colour: null, logo: null, city: 'Bruxelles' });
    await s.request('PATCH', `/api/venues/${venueId}`, { token, body: { city: VENUE.city } });
    const list = await s.request('GET', '/api/venues', { token });
    expect(list.body.items).toEqual([{ id: venueId, ...VENUE, colour: null, logo: null }]);
  });

  it('refuses bad venues, in the request language, and keeps the data as it was', async () => {
    const creates: [Record<string, unknown>, string[]][] = [
      [{ ...VENUE, name: '' }, ['name']],
      [{ ...VENUE, timeZone: 'Europe/London' }, ['timeZone']],
      [{ ...VENUE, country: 'nl' }, ['country']],
      [{ ...VENUE, postalCode: 'x'.repeat(21) }, ['postalCode']],
      [{ ...VENUE, capacity: 500 }, ['capacity']],
      [{ name: 'Only a name' }, ['address', 'postalCode', 'city', 'country', 'timeZone']],
    ];
    for (const [body, fields] of creates) {
      await expectRejected((lang) => s.request('POST', '/api/venues', { token, body, lang }), 400, 'validation-failed', fields);
    }
    const patches: [Record<string, unknown>, string[]][] = [
      [{ timeZone: 'UTC' }, ['timeZone']],
      [{ name: '' }, ['name']],
      [{ name: 'New name', colour: 'red' }, ['colour']],
    ];
    for (const [body, fields] of patches) {
      await expectRejected((lang) => s.request('PATCH', `/api/venues/${venueId}`, { token, body, lang }), 400, 'validation-failed', fields);
    }
    expect((await s.request('GET', '/api/venues', { token })).body.items).toEqual([{ id: venueId, ...VENUE, colour: null, logo: null }]);
    expectProblem(await s.request('PATCH', '/api/venues/no-such-venue', { token, body: { name: 'X' }, lang: 'fr' }), 404, 'not-found', 'fr');
  });

  it('keeps a seat map as given: stable ids, labels, ranks, positions, flags and zones', async () => {
    const seatMap = {
      sections: [
        { name: 'Parterre', rows: [
          { label: 'A', seats: [seat('P-A-1', '1', 1, { x: 0, y: 0 }), seat('P-A-2', '2', 10, { wheelchair: true }), seat('P-A-3', '3', 1, { companion: true })] },
          { label: 'B', seats: [seat('P-B-1', '1', 5, { restrictedView: true, x: 99_999, y: 100_000 })] },
        ] },
        { name: 'Balkon', rows: [{ label: 'A', seats: [{ label: '1', rank: 3, x: 1, y: 2 }] }] },
      ],
      zones: [{ id: 'staan', name: 'Staanplaatsen', capacity: 150 }, { name: 'Terras', capacity: 20, rank: 2 }],
    };
    const created = await s.request('POST', `/api/venues/${venueId}/halls`, { token, body: { name: 'Grote Zaal', seatMap } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ venueId, name: 'Grote Zaal', seatCount: 5, zoneCapacity: 170, capacity: 175 });
    const read = await s.request('GET', `/api/halls/${created.body.id}`, { token });
    expect(read.body).toEqual(created.body);
    const [parterre, balkon] = read.body.seatMap.sections;
    expect(parterre.rows.map((r: { label: string }) => r.label)).toEqual(['A', 'B']);
    expect(parterre.rows[0].seats[1]).toEqual({ id: 'P-A-2', label: '2', rank: 10, x: 10, y: 20, wheelchair: true, companion: false, restrictedView: false });
    expect(parterre.rows[0].seats[2]).toMatchObject({ companion: true, wheelchair: false });
    expect(parterre.rows[1].seats[0]).toEqual({ id: 'P-B-1', label: '1', rank: 5, x: 99_999, y: 100_000, wheelchair: false, companion: false, restrictedView: true });
    // A seat without an id gets one from its labels, which stays when the map is saved again.
    const generated = balkon.rows[0].seats[0].id;
    expect(generated).toBe('balkon-a-1');
    expect(read.body.seatMap.zones).toEqual([
      { id: 'staan', name: 'Staanplaatsen', capacity: 150, rank: 1 },
      { id: 'terras', name: 'Terras', capacity: 20, rank: 2 },
    ]);
    const again = await s.request('PATCH', `/api/halls/${created.body.id}`, { token, body: { seatMap } });
    expect(again.body.seatMap).toEqual(read.body.seatMap);

    const halls = await s.request('GET', `/api/venues/${venueId}/halls`, { token });
    expect(halls.body.items).toContainEqual({ id: created.body.id, venueId, name: 'Grote Zaal', seatCount: 5, zoneCapacity: 170, capacity: 175 });
  });

  it('refuses bad seat maps naming the offending element, and keeps the hall as it was', async () => {
    const hall = await s.request('POST', `/api/venues/${venueId}/halls`, { token, body: { name: 'Kleine Zaal', seatMap: gridSeatMap(2, 3) } });
    expect(hall.status).toBe(201);
    const map = (rows: unknown[], zones: unknown[] = []) => ({ sections: [{ name: 'Zaal', rows }], zones });
    const bad: [string, unknown, string[]][] = [
      ['duplicate seat id', map([{ label: '1', seats: [seat('a', '1'), seat('b', '2')] }, { label: '2', seats: [seat('c', '1'), seat('a', '2')] }]), ['seatMap/sections/0/rows/1/seats/1/id']],
      ['duplicate seat label in a row', map([{ label: '1', seats: [{ label: '7', rank: 1, x: 0, y: 0 }, { label: '7', rank: 1, x: 9, y: 0 }] }]), ['seatMap/sections/0/rows/0/seats/1/label']],
      ['empty row', map([{ label: '1', seats: [seat('a', '1')] }, { label: '2', seats: [] }]), ['seatMap/sections/0/rows/1/seats']],
      ['duplicate row', map([{ label: '1', seats: [seat('a', '1')] }, { label: '1', seats: [seat('b', '2')] }]), ['seatMap/sections/0/rows/1/label']],
      ['rank 0', map([{ label: '1', seats: [seat('a', '1', 0)] }]), ['seatMap/sections/0/rows/0/seats/0/rank']],
      ['rank 11', map([{ label: '1', seats: [seat('a', '1'), seat('b', '2', 11)] }]), ['seatMap/sections/0/rows/0/seats/1/rank']],
      ['rank 2.5', map([{ label: '1', seats: [seat('a', '1', 2.5)] }]), ['seatMap/sections/0/rows/0/seats/0/rank']],
      ['negative position', map([{ label: '1', seats: [seat('a', '1', 1, { x: -1 })] }]), ['seatMap/sections/0/rows/0/seats/0/x']],
      ['seat id with spaces', map([{ label: '1', seats: [seat('a b', '1')] }]), ['seatMap/sections/0/rows/0/seats/0/id']],
      ['unknown seat field', map([{ label: '1', seats: [seat('a', '1', 1, { vip: true })] }]), ['seatMap/sections/0/rows/0/seats/0/vip']],
      ['zone without capacity', map([{ label: '1', seats: [seat('a', '1')] }], [{ name: 'Staan', capacity: 0 }]), ['seatMap/zones/0/capacity']],
      ['zone id equal to a seat id', map([{ label: '1', seats: [seat('a', '1')] }], [{ id: 'a', name: 'Staan', capacity: 10 }]), ['seatMap/zones/0/id']],
      ['nothing to sell', { sections: [] }, ['seatMap/sections']],
      ['no sections', { zones: [] }, ['seatMap/sections']],
    ];
    for (const [what, seatMap, fields] of bad) {
      const created = await expectRejected((lang) => s.request('POST', `/api/venues/${venueId}/halls`, { token, body: { name: `Zaal ${what}`, seatMap }, lang }), 400, 'validation-failed', fields);
      expect(created.body.errors.length, what).toBeGreaterThan(0);
      await expectRejected((lang) => s.request('PATCH', `/api/halls/${hall.body.id}`, { token, body: { name: 'Renamed', seatMap }, lang }), 400, 'validation-failed', fields);
    }
    expect((await s.request('GET', `/api/halls/${hall.body.id}`, { token })).body).toEqual(hall.body);
    const names = (await s.request('GET', `/api/venues/${venueId}/halls`, { token })).body.items.map((h: { name: string }) => h.name);
    expect(names.filter((n: string) => n.startsWith('Zaal '))).toEqual([]);
  });

  it('answers 404 for a hall in a venue that does not exist', async () => {
    await expectRejected((lang) => s.request('POST', '/api/venues/nope/halls', { token, body: { name: 'X', seatMap: gridSeatMap(1, 1) }, lang }), 404, 'not-found', []);
    expectProblem(await s.request('GET', '/api/halls/nope', { token }), 404, 'not-found');
  });

  it('takes a large hall in one request', async () => {
    const big = await s.request('POST', `/api/venues/${venueId}/halls`, { token, body: { name: 'Arena', seatMap: gridSeatMap(40, 50) } });
    expect(big.status).toBe(201);
    expect(big.body.seatCount).toBe(2000);
  });
});

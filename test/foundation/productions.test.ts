// Productions and performances: local times in the venue's zone, filters, and refused input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, gridSeatMap, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { expectProblem, expectRejected, fieldsOf } from './expect-problem.js';

describe.each(DIALECTS)('productions and performances on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let cat: Catalogue;
  /** A hall in a Brussels venue. */
  let gentHallId: string;
  let gentVenueId: string;

  const perf = (body: Record<string, unknown>, lang?: string) =>
    s.request('POST', '/api/performances', { token, lang, body: { productionId: cat.productionId, hallId: cat.hallId, ...body } });
  const getPerf = async (id: string) => (await s.request('GET', `/api/performances/${id}`, { token })).body;

  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    cat = await buildCatalogue(s, token, { rows: 2, perRow: 4 });
    const gent = await s.request('POST', '/api/venues', {
      token, body: { name: 'Gent', address: 'Sint-Baafsplein 17', postalCode: '9000', city: 'Gent', country: 'BE', timeZone: 'Europe/Brussels' },
    });
    gentVenueId = gent.body.id;
    gentHallId = (await s.request('POST', `/api/venues/${gentVenueId}/halls`, { token, body: { name: 'Theaterzaal', seatMap: gridSeatMap(2, 2) } })).body.id;
  });
  afterAll(async () => { await s?.close(); });

  describe('productions', () => {
    it('creates, reads, changes and deletes a production', async () => {
      const body = {
        title: 'Wachten op Godot', subtitle: 'een tragikomedie in twee bedrijven', producer: 'Het Zuidelijk Toneel', genre: 'toneel',
        description: 'Twee mannen wachten.', imageUrl: 'https://example.test/godot.jpg', dipProductionId: 'NL-26-101-000123',
        durationMinutes: 135, ageAdvice: '12+', uitdatabankEventId: '8b4e7f7a-3f0e-4a55-9a4c-6f3d8c1b2a11', uitpasEnabled: true,
        languages: ['nl', 'fr'],
      };
      const created = await s.request('POST', '/api/productions', { token, body });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: created.body.id, ...body });
      const bare = await s.request('POST', '/api/productions', { token, body: { title: 'Zonder meer' } });
      expect(bare.body).toMatchObject({
        subtitle: '', producer: '', genre: '', description: '', imageUrl: null, dipProductionId: null, durationMinutes: null, ageAdvice: '',
        uitdatabankEventId: null, uitpasEnabled: false, languages: ['nl'],
      });
      const patched = await s.request('PATCH', `/api/productions/${created.body.id}`, { token, body: { genre: 'tragikomedie', imageUrl: null } });
      expect(patched.body).toEqual({ ...created.body, genre: 'tragikomedie', imageUrl: null });
      expect((await s.request('GET', `/api/productions/${created.body.id}`, { token })).body).toEqual(patched.body);
      expect((await s.request('GET', '/api/productions?q=Godot', { token })).body.items.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
      // A new performance takes the production's duration, UiTPAS and UiTdatabank event unless given its own.
      const performance = await s.request('POST', '/api/performances', { token, body: { productionId: created.body.id, hallId: cat.hallId, startsAt: '2058-03-01T20:00' } });
      expect(performance.body).toMatchObject({ durationMinutes: 135, uitpasEnabled: true, uitdatabankEventId: body.uitdatabankEventId });
      const own = await s.request('POST', '/api/performances', { token, body: { productionId: created.body.id, hallId: cat.hallId, startsAt: '2058-03-02T20:00', durationMinutes: 90, uitpasEnabled: false, uitdatabankEventId: null } });
      expect(own.body).toMatchObject({ durationMinutes: 90, uitpasEnabled: false, uitdatabankEventId: null });
      for (const id of [performance.body.id, own.body.id]) expect((await s.request('DELETE', `/api/performances/${id}`, { token })).status).toBe(204);
      // The audit trail keeps who created and changed it, and what changed.
      const trail = (await s.request('GET', `/api/audit?subjectId=${created.body.id}`, { token })).body.items as { action: string; changes: Record<string, unknown> }[];
      expect(trail.map((e) => e.action)).toEqual(['changed', 'created']);
      expect(trail[0].changes).toEqual({ genre: ['toneel', 'tragikomedie'], imageUrl: [body.imageUrl, null] });
      expect((await s.request('DELETE', `/api/productions/${bare.body.id}`, { token })).status).toBe(204);
      expect((await s.request('GET', `/api/audit?subjectId=${bare.body.id}`, { token })).body.items.map((e: { action: string }) => e.action)).toEqual(['deleted', 'created']);
      expectProblem(await s.request('GET', `/api/productions/${bare.body.id}`, { token }), 404, 'not-found');
    });

    it('refuses bad productions with field errors and changes nothing', async () => {
      const before = await s.request('GET', `/api/productions/${cat.productionId}`, { token });
      const bad: [Record<string, unknown>, string][] = [
        [{ title: '' }, 'title'],
        [{ title: 'x'.repeat(201) }, 'title'],
        [{ title: 'X', imageUrl: 'not a url' }, 'imageUrl'],
        [{ title: 'X', dipProductionId: 'DIP-1' }, 'dipProductionId'],
        [{ title: 'X', rating: 5 }, 'rating'],
        [{ producer: 'Geen titel' }, 'title'],
      ];
      for (const [body, field] of bad) {
        await expectRejected((lang) => s.request('POST', '/api/productions', { token, body, lang }), 400, 'validation-failed', [field]);
        const patchable = 'producer' in body || 'title' in body;
        if (patchable && field !== 'title') {
          await expectRejected((lang) => s.request('PATCH', `/api/productions/${cat.productionId}`, { token, body, lang }), 400, 'validation-failed', [field]);
        }
      }
      await expectRejected((lang) => s.request('PATCH', `/api/productions/${cat.productionId}`, { token, body: { title: '' }, lang }), 400, 'validation-failed', ['title']);
      expect((await s.request('GET', `/api/productions/${cat.productionId}`, { token })).body).toEqual(before.body);
      expect((await s.request('GET', '/api/productions', { token })).body.items.map((p: { title: string }) => p.title)).not.toContain('X');
    });

    it('lists productions a page at a time, with the number that match', async () => {
      for (const t of ['Zeemeeuw A', 'Zeemeeuw B', 'Zeemeeuw C']) await s.request('POST', '/api/productions', { token, body: { title: t } });
      const first = await s.request('GET', '/api/productions?q=zeemeeuw&limit=2', { token });
      expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
      expect(first.body.items.map((p: { title: string }) => p.title)).toEqual(['Zeemeeuw A', 'Zeemeeuw B']);
      const second = await s.request('GET', '/api/productions?q=zeemeeuw&limit=2&offset=2', { token });
      expect(second.body.items.map((p: { title: string }) => p.title)).toEqual(['Zeemeeuw C']);
      await expectRejected((lang) => s.request('POST', '/api/productions', { token, lang, body: { title: 'X', languages: ['de'] } }), 400, 'validation-failed', ['languages/0']);
      await expectRejected((lang) => s.request('POST', '/api/productions', { token, lang, body: { title: 'X', durationMinutes: 0 } }), 400, 'validation-failed', ['durationMinutes']);
    });

    it('will not delete a production that has performances', async () => {
      await expectRejected((lang) => s.request('DELETE', `/api/productions/${cat.productionId}`, { token, lang }), 409, 'in-use', []);
      expect((await s.request('GET', `/api/productions/${cat.productionId}`, { token })).status).toBe(200);
    });
  });

  describe('performances and time zones', () => {
    it.each([
      ['Amsterdam in winter', 'amsterdam', '2055-01-15T20:15', '2055-01-15T19:15:00.000Z', '2055-01-15T20:15:00+01:00'],
      ['Amsterdam in summer', 'amsterdam', '2055-07-15T20:15', '2055-07-15T18:15:00.000Z', '2055-07-15T20:15:00+02:00'],
      ['Brussels in winter', 'gent', '2055-01-15T20:15', '2055-01-15T19:15:00.000Z', '2055-01-15T20:15:00+01:00'],
      ['Brussels in summer', 'gent', '2055-07-15T20:15', '2055-07-15T18:15:00.000Z', '2055-07-15T20:15:00+02:00'],
      ['the last night of winter time', 'amsterdam', '2055-03-27T20:15', '2055-03-27T19:15:00.000Z', '2055-03-27T20:15:00+01:00'],
      ['the first night of summer time', 'gent', '2055-03-28T20:15', '2055-03-28T18:15:00.000Z', '2055-03-28T20:15:00+02:00'],
    ])('a performance at 20:15 local time: %s', async (_what, where, local, utc, answered) => {
      const created = await perf({ hallId: where === 'gent' ? gentHallId : cat.hallId, startsAt: local, durationMinutes: 150, doorsOpenMinutes: 45 });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ startsAt: answered, startsAtUtc: utc, timeZone: where === 'gent' ? 'Europe/Brussels' : 'Europe/Amsterdam' });
      const row = await s.deps.db.selectFrom('performances').select('starts_at').where('id', '=', created.body.id).executeTakeFirstOrThrow();
      expect(row.starts_at).toBe(utc);
      expect(new Date(created.body.doorsOpenAt).getTime()).toBe(new Date(utc).getTime() - 45 * 60_000);
      expect(new Date(created.body.endsAt).getTime()).toBe(new Date(utc).getTime() + 150 * 60_000);
      expect(created.body.doorsOpenAt).toMatch(/T19:30:00\+0[12]:00$/);
      expect((await getPerf(created.body.id)).startsAt).toBe(answered);
      await s.request('DELETE', `/api/performances/${created.body.id}`, { token });
    });

    it('creates a draft with sensible defaults and sales windows per channel', async () => {
      const created = await perf({
        startsAt: '2055-02-10T20:00',
        salesWindows: [{ channel: 'online', opensAt: '2054-12-01T10:00', closesAt: '2055-02-10T18:00' }, { channel: 'boxoffice', opensAt: null, closesAt: '2055-02-10T20:30' }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        status: 'draft', durationMinutes: 120, doorsOpenMinutes: 30, extraInfo: '', standardTicketTypeId: null,
        vatRate: 900, uitpasEnabled: false, uitdatabankEventId: null, title: 'Hamlet', hallName: 'Grote Zaal',
      });
      expect(created.body.salesWindows).toEqual([
        { channel: 'boxoffice', opensAt: null, closesAt: '2055-02-10T20:30:00+01:00' },
        { channel: 'online', opensAt: '2054-12-01T10:00:00+01:00', closesAt: '2055-02-10T18:00:00+01:00' },
      ]);
      const patched = await s.request('PATCH', `/api/performances/${created.body.id}`, { token, body: { salesWindows: [{ channel: 'online', opensAt: '2054-12-02T09:00' }] } });
      expect(patched.body.salesWindows).toEqual([{ channel: 'online', opensAt: '2054-12-02T09:00:00+01:00', closesAt: null }]);
      expect((await s.request('DELETE', `/api/performances/${created.body.id}`, { token })).status).toBe(204);
      expectProblem(await s.request('GET', `/api/performances/${created.body.id}`, { token }), 404, 'not-found');
    });

    it('refuses bad performances with field errors, in the request language, and stores nothing', async () => {
      const countBefore = (await s.request('GET', '/api/performances', { token })).body.total;
      const bad: [Record<string, unknown>, string[]][] = [
        [{ startsAt: '2054-02-30T20:00' }, ['startsAt']],
        [{ startsAt: '2054-02-03T24:30' }, ['startsAt']],
        [{ startsAt: '2026-13-01T20:00' }, ['startsAt']],
        [{ startsAt: '15-01-2027 20:15' }, ['startsAt']],
        [{ startsAt: '2055-01-15T20:15:00+01:00' }, ['startsAt']],
        [{ startsAt: '2055-01-15T20:15', salesWindows: [{ channel: 'online', opensAt: '2055-01-10T10:00', closesAt: '2055-01-01T10:00' }] }, ['salesWindows/0/closesAt']],
        [{ startsAt: '2055-01-15T20:15', salesWindows: [{ channel: 'online', opensAt: '2055-01-10T10:00', closesAt: '2055-01-10T10:00' }] }, ['salesWindows/0/closesAt']],
        [{ startsAt: '2055-01-15T20:15', salesWindows: [{ channel: 'online', opensAt: '2055-02-31T10:00' }] }, ['salesWindows/0/opensAt']],
        [{ startsAt: '2055-01-15T20:15', salesWindows: [{ channel: 'online' }, { channel: 'online' }] }, ['salesWindows/1/channel']],
        [{ startsAt: '2055-01-15T20:15', salesWindows: [{ channel: 'telephone' }] }, ['salesWindows/0/channel']],
        [{ startsAt: '2055-01-15T20:15', productionId: 'no-such-production' }, ['productionId']],
        [{ startsAt: '2055-01-15T20:15', hallId: 'no-such-hall' }, ['hallId']],
        [{ startsAt: '2055-01-15T20:15', standardTicketTypeId: 'no-such-type' }, ['standardTicketTypeId']],
        [{ startsAt: '2055-01-15T20:15', status: 'on_sale' }, ['standardTicketTypeId']],
        [{ startsAt: '2055-01-15T20:15', status: 'postponed' }, ['status']],
        [{ startsAt: '2055-01-15T20:15', durationMinutes: 0 }, ['durationMinutes']],
        [{ startsAt: '2055-01-15T20:15', vatRate: -1 }, ['vatRate']],
        [{ startsAt: '2055-01-15T20:15', uitdatabankEventId: 'not-a-uuid' }, ['uitdatabankEventId']],
        [{ startsAt: '2055-01-15T20:15', venue: 'Gent' }, ['venue']],
        [{}, ['startsAt']],
      ];
      for (const [body, fields] of bad) {
        await expectRejected((lang) => perf(body, lang), 400, 'validation-failed', fields);
      }
      expect((await s.request('GET', '/api/performances', { token })).body.total).toBe(countBefore);
    });

    it('refuses bad changes to a performance and keeps it as it was', async () => {
      const before = await getPerf(cat.performanceId);
      const bad: [Record<string, unknown>, string[]][] = [
        [{ startsAt: '2055-02-29T20:00' }, ['startsAt']],
        [{ startsAt: '2055-01-15T25:00' }, ['startsAt']],
        [{ salesWindows: [{ channel: 'boxoffice', opensAt: '2055-01-15T21:00', closesAt: '2055-01-15T20:00' }] }, ['salesWindows/0/closesAt']],
        [{ hallId: 'no-such-hall' }, ['hallId']],
        [{ productionId: 'no-such-production' }, ['productionId']],
        [{ standardTicketTypeId: null }, ['standardTicketTypeId']],
        [{ standardTicketTypeId: 'no-such-type' }, ['standardTicketTypeId']],
        [{ status: 'sold_out', extraInfo: 'x', nonsense: true }, ['nonsense']],
        [{ durationMinutes: 1.5 }, ['durationMinutes']],
      ];
      for (const [body, fields] of bad) {
        await expectRejected((lang) => s.request('PATCH', `/api/performances/${cat.performanceId}`, { token, body, lang }), 400, 'validation-failed', fields);
      }
      expect(await getPerf(cat.performanceId)).toEqual(before);
    });

    it('follows the status rules', async () => {
      const draft = await perf({ startsAt: '2055-04-01T20:00', standardTicketTypeId: cat.ticketTypes.normal });
      const id = draft.body.id;
      const patch = (body: Record<string, unknown>, lang?: string) => s.request('PATCH', `/api/performances/${id}`, { token, body, lang });
      expect((await patch({ status: 'on_sale' })).body.status).toBe('on_sale');
      await expectRejected((lang) => s.request('DELETE', `/api/performances/${id}`, { token, lang }), 409, 'in-use', []);
      expect((await patch({ status: 'sold_out' })).body.status).toBe('sold_out');
      expect((await patch({ status: 'cancelled' })).body.status).toBe('cancelled');
      await expectRejected((lang) => patch({ status: 'on_sale' }, lang), 409, 'invalid-transition', []);
      expect((await getPerf(id)).status).toBe('cancelled');
    });

    it('sets extra info on many performances at once, or on none when one id is unknown', async () => {
      const a = (await perf({ startsAt: '2055-05-01T20:00' })).body.id;
      const b = (await perf({ startsAt: '2055-05-02T20:00' })).body.id;
      const ok = await s.request('POST', '/api/performances/extra-info', { token, body: { performanceIds: [a, b, a], extraInfo: 'Met nagesprek' } });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ updated: 2 });
      expect((await getPerf(a)).extraInfo).toBe('Met nagesprek');
      expect((await getPerf(b)).extraInfo).toBe('Met nagesprek');

      const res = await expectRejected((lang) => s.request('POST', '/api/performances/extra-info', {
        token, body: { performanceIds: [a, 'no-such-performance', b], extraInfo: 'Geannuleerd' }, lang,
      }), 400, 'validation-failed', ['performanceIds/1']);
      expect(fieldsOf(res)).toEqual(['performanceIds/1']);
      expect((await getPerf(a)).extraInfo).toBe('Met nagesprek');
      expect((await getPerf(b)).extraInfo).toBe('Met nagesprek');
      await expectRejected((lang) => s.request('POST', '/api/performances/extra-info', { token, body: { performanceIds: [], extraInfo: 'x' }, lang }), 400, 'validation-failed', ['performanceIds']);
      for (const id of [a, b]) await s.request('DELETE', `/api/performances/${id}`, { token });
    });
  });

  describe('listing performances', () => {
    let ids: Record<string, string>;
    let otherProductionId: string;
    beforeAll(async () => {
      otherProductionId = (await s.request('POST', '/api/productions', { token, body: { title: 'Koning Lear' } })).body.id;
      const make = async (hallId: string, startsAt: string, status = 'draft', productionId = cat.productionId) => {
        const res = await perf({ hallId, startsAt, productionId, standardTicketTypeId: cat.ticketTypes.normal, status });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body.id as string;
      };
      ids = {
        // Half past midnight local time is still the previous day in UTC.
        latenight: await make(cat.hallId, '2056-03-02T00:30', 'on_sale'),
        ams: await make(cat.hallId, '2056-03-01T20:15', 'on_sale'),
        gent: await make(gentHallId, '2056-03-03T20:00', 'draft', otherProductionId),
        summer: await make(gentHallId, '2056-07-01T23:30', 'on_sale', otherProductionId),
      };
    });
    const list = async (query: string) => {
      const res = await s.request('GET', `/api/performances?${query}`, { token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((p: { id: string }) => p.id);
    };

    it('filters by local calendar days, venue, status and production, in start order', async () => {
      expect(await list('from=2056-03-01&to=2056-03-01')).toEqual([ids.ams]);
      expect(await list('from=2056-03-02&to=2056-03-02')).toEqual([ids.latenight]);
      expect(await list('from=2056-03-01&to=2056-03-03')).toEqual([ids.ams, ids.latenight, ids.gent]);
      expect(await list('from=2056-07-01&to=2056-07-01')).toEqual([ids.summer]);
      expect(await list('from=2056-07-02')).toEqual([]);
      expect(await list(`from=2056-01-01&venueId=${gentVenueId}`)).toEqual([ids.gent, ids.summer]);
      expect(await list(`from=2056-01-01&venueId=${cat.venueId}&status=on_sale`)).toEqual([ids.ams, ids.latenight]);
      expect(await list('from=2056-01-01&status=draft')).toEqual([ids.gent]);
      expect(await list(`from=2056-01-01&productionId=${otherProductionId}`)).toEqual([ids.gent, ids.summer]);
      expect(await list('from=2056-01-01&status=cancelled')).toEqual([]);
      const page = await s.request('GET', '/api/performances?from=2056-01-01&limit=2&offset=1', { token });
      expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
      expect(page.body.items.map((p: { id: string }) => p.id)).toEqual([ids.latenight, ids.gent]);
    });

    it('searches titles ignoring case, taking % and _ literally, the same on both databases', async () => {
      const odd = (await s.request('POST', '/api/productions', { token, body: { title: 'Oorlog & Vrede: 100% Tolstoj_live \\ deel 2' } })).body.id;
      const titles = async (q: string) => (await s.request('GET', `/api/productions?q=${encodeURIComponent(q)}`, { token })).body.items.map((p: { id: string }) => p.id);
      expect(await titles('koning')).toEqual([otherProductionId]);
      expect(await titles('LEAR')).toEqual([otherProductionId]);
      expect(await titles('100%')).toEqual([odd]);
      expect(await titles('%')).toEqual([odd]);
      expect(await titles('k_n')).toEqual([]);
      expect(await titles('_live \\')).toEqual([odd]);
      expect(await list('from=2056-01-01&q=lear')).toEqual([ids.gent, ids.summer]);
      await s.request('DELETE', `/api/productions/${odd}`, { token });
    });

    it('refuses bad filters with field errors', async () => {
      const bad: [string, string][] = [
        ['from=2056-02-30', 'querystring/from'],
        ['to=yesterday', 'querystring/to'],
        ['status=open', 'querystring/status'],
        ['limit=0', 'querystring/limit'],
        ['limit=many', 'querystring/limit'],
        ['offset=-1', 'querystring/offset'],
        ['offset=99999999999999999999', 'querystring/offset'],
        ['colour=red', 'querystring/colour'],
      ];
      for (const [query, field] of bad) {
        await expectRejected((lang) => s.request('GET', `/api/performances?${query}`, { token, lang }), 400, 'validation-failed', [field]);
      }
    });
  });
});

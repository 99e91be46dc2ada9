// Ticket types and price lists per performance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { expectProblem, expectRejected } from './expect-problem.js';

const NAMES = { nl: 'Jongerentarief', fr: 'Tarif jeunes', en: 'Youth' };

describe.each(DIALECTS)('ticket types and prices on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let cat: Catalogue;
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    cat = await buildCatalogue(s, token, { rows: 2, perRow: 2 });
  });
  afterAll(async () => { await s?.close(); });

  describe('ticket types', () => {
    it('keeps names in three languages and answers the one asked for', async () => {
      const created = await s.request('POST', '/api/ticket-types', { token, body: { names: NAMES, dipCategory: 'discount', channels: ['online'] } });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: created.body.id, name: 'Youth', names: NAMES, dipCategory: 'discount', channels: ['online'],
        uitpas: false, uitpasGroup: false, archived: false,
      });
      for (const [lang, name] of [['nl', 'Jongerentarief'], ['fr-BE', 'Tarif jeunes'], ['de', 'Youth']]) {
        expect((await s.request('GET', `/api/ticket-types/${created.body.id}`, { token, lang })).body.name).toBe(name);
      }
      const patched = await s.request('PATCH', `/api/ticket-types/${created.body.id}`, { token, body: { channels: ['boxoffice', 'online'], dipCategory: 'other' } });
      expect(patched.body).toMatchObject({ channels: ['boxoffice', 'online'], dipCategory: 'other', names: NAMES });
    });

    it('archives a ticket type out of the default list', async () => {
      const created = await s.request('POST', '/api/ticket-types', { token, body: { names: { nl: 'Oud', fr: 'Vieux', en: 'Old' }, dipCategory: 'normal', channels: [] } });
      await s.request('PATCH', `/api/ticket-types/${created.body.id}`, { token, body: { archived: true } });
      const ids = async (q: string) => (await s.request('GET', `/api/ticket-types${q}`, { token })).body.items.map((t: { id: string }) => t.id);
      expect(await ids('')).not.toContain(created.body.id);
      expect(await ids('?includeArchived=true')).toContain(created.body.id);
    });

    it('allows one active UiTPAS type and one UiTPAS group type', async () => {
      const make = (body: Record<string, unknown>, lang?: string) =>
        s.request('POST', '/api/ticket-types', { token, lang, body: { names: NAMES, dipCategory: 'discount', channels: ['boxoffice'], ...body } });
      const uitpas = await make({ uitpas: true });
      const group = await make({ uitpasGroup: true });
      expect(uitpas.body.uitpas).toBe(true);
      expect(group.body.uitpasGroup).toBe(true);
      await expectRejected((lang) => make({ uitpas: true }, lang), 400, 'validation-failed', ['uitpas']);
      await expectRejected((lang) => make({ uitpasGroup: true }, lang), 400, 'validation-failed', ['uitpasGroup']);
      await expectRejected((lang) => s.request('PATCH', `/api/ticket-types/${cat.ticketTypes.other}`, { token, body: { uitpas: true }, lang }), 400, 'validation-failed', ['uitpas']);
      // Archiving the UiTPAS type frees the flag.
      await s.request('PATCH', `/api/ticket-types/${uitpas.body.id}`, { token, body: { archived: true } });
      expect((await make({ uitpas: true })).status).toBe(201);
    });

    it('refuses bad ticket types with field errors and changes nothing', async () => {
      const before = await s.request('GET', '/api/ticket-types?includeArchived=true', { token });
      const bad: [Record<string, unknown>, string[]][] = [
        [{ names: { nl: 'Alleen nl' }, dipCategory: 'normal', channels: [] }, ['names/fr', 'names/en']],
        [{ names: { ...NAMES, de: 'Jugend' }, dipCategory: 'normal', channels: [] }, ['names/de']],
        [{ names: { ...NAMES, nl: '' }, dipCategory: 'normal', channels: [] }, ['names/nl']],
        [{ names: NAMES, dipCategory: 'student', channels: [] }, ['dipCategory']],
        [{ names: NAMES, dipCategory: 'normal', channels: ['online', 'online'] }, ['channels']],
        [{ names: NAMES, dipCategory: 'normal', channels: ['phone'] }, ['channels/0']],
        [{ names: NAMES, dipCategory: 'normal', channels: [], uitpas: 'maybe' }, ['uitpas']],
        [{ names: NAMES, dipCategory: 'normal', channels: [], price: 1000 }, ['price']],
      ];
      for (const [body, fields] of bad) {
        await expectRejected((lang) => s.request('POST', '/api/ticket-types', { token, body, lang }), 400, 'validation-failed', fields);
        const { names: _n, ...patch } = body;
        if (fields.every((f) => !f.startsWith('names'))) {
          await expectRejected((lang) => s.request('PATCH', `/api/ticket-types/${cat.ticketTypes.normal}`, { token, body: patch, lang }), 400, 'validation-failed', fields);
        }
      }
      expect((await s.request('GET', '/api/ticket-types?includeArchived=true', { token })).body).toEqual(before.body);
    });
  });

  describe('price lists', () => {
    it('keeps a price per rank per ticket type, the VAT rate and the standard ticket type', async () => {
      const prices = [
        { ticketTypeId: cat.ticketTypes.normal, rank: 1, amount: 4250 },
        { ticketTypeId: cat.ticketTypes.normal, rank: 2, amount: 3500 },
        { ticketTypeId: cat.ticketTypes.free, rank: 1, amount: 0 },
      ];
      const put = await s.request('PUT', `/api/performances/${cat.performanceId}/prices`, { token, body: { vatRate: 2100, prices } });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      const got = await s.request('GET', `/api/performances/${cat.performanceId}/prices`, { token });
      expect(got.body).toEqual(put.body);
      expect(got.body).toMatchObject({ performanceId: cat.performanceId, vatRate: 2100, standardTicketTypeId: cat.ticketTypes.normal });
      const key = (p: { ticketTypeId: string; rank: number }) => `${p.ticketTypeId}/${p.rank}`;
      expect([...got.body.prices].sort((x, y) => key(x).localeCompare(key(y)))).toEqual([...prices].sort((x, y) => key(x).localeCompare(key(y))));
      expect((await s.request('GET', `/api/performances/${cat.performanceId}`, { token })).body.vatRate).toBe(2100);
      // The performance names its standard ticket type; the price list shows it.
      await s.request('PATCH', `/api/performances/${cat.performanceId}`, { token, body: { standardTicketTypeId: cat.ticketTypes.discount } });
      expect((await s.request('GET', `/api/performances/${cat.performanceId}/prices`, { token })).body.standardTicketTypeId).toBe(cat.ticketTypes.discount);
      // A PUT replaces the list; without vatRate the rate stays.
      const replaced = await s.request('PUT', `/api/performances/${cat.performanceId}/prices`, { token, body: { prices: prices.slice(0, 1) } });
      expect(replaced.body).toMatchObject({ vatRate: 2100, prices: prices.slice(0, 1) });
    });

    it('refuses bad price lists naming the offending price, and keeps the old list', async () => {
      const before = await s.request('GET', `/api/performances/${cat.performanceId}/prices`, { token });
      const ok = { ticketTypeId: cat.ticketTypes.normal, rank: 1, amount: 1000 };
      const bad: [Record<string, unknown>, string[]][] = [
        [{ prices: [ok, { ...ok, rank: 0 }] }, ['prices/1/rank']],
        [{ prices: [{ ...ok, rank: 11 }] }, ['prices/0/rank']],
        [{ prices: [{ ...ok, amount: -1 }] }, ['prices/0/amount']],
        [{ prices: [{ ...ok, amount: 12.5 }] }, ['prices/0/amount']],
        [{ prices: [ok, { ...ok, ticketTypeId: 'no-such-type' }] }, ['prices/1/ticketTypeId']],
        [{ prices: [ok, { ...ok }] }, ['prices/1']],
        [{ prices: [{ ...ok, currency: 'EUR' }] }, ['prices/0/currency']],
        [{ prices: [ok], vatRate: 10_001 }, ['vatRate']],
        [{ vatRate: 900 }, ['prices']],
      ];
      for (const [body, fields] of bad) {
        await expectRejected((lang) => s.request('PUT', `/api/performances/${cat.performanceId}/prices`, { token, body, lang }), 400, 'validation-failed', fields);
      }
      expect((await s.request('GET', `/api/performances/${cat.performanceId}/prices`, { token })).body).toEqual(before.body);
      expectProblem(await s.request('PUT', '/api/performances/no-such-performance/prices', { token, body: { prices: [ok] }, lang: 'nl' }), 404, 'not-found', 'nl');
      expectProblem(await s.request('GET', '/api/performances/no-such-performance/prices', { token }), 404, 'not-found');
    });
  });
});

// The field messages a back-office form shows under a field read as a person would: they name the
// other field they compare with in words ("de begindatum"), never by its API name ("from"), in nl/fr/en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';

describe.each(DIALECTS)('field messages on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let cat: Catalogue;

  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    cat = await buildCatalogue(s, token, { rows: 1, perRow: 2 });
  });
  afterAll(async () => { await s?.close(); });

  /** The field and message of a refused request, in each language. */
  const refusal = async (method: string, path: string, body: unknown) => Object.fromEntries(await Promise.all(['nl', 'fr', 'en'].map(async (lang) => {
    const r = await s.request(method, path, { token, lang, body });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    return [lang, `${r.body.errors[0].field}: ${r.body.errors[0].message}`];
  })));
  const pack = (extra: Record<string, unknown>) => ({
    label: 'Pas', typeId: 20, price: 1000, ticketTypeId: cat.ticketTypes.free,
    sets: [{ label: 'Set 1', itemnbMin: 0, itemnbMax: 2, stocks: [{ performanceId: cat.performanceId }] }], ...extra,
  });

  it('a series ending before it begins', async () => {
    expect(await refusal('POST', '/api/performances/series', {
      productionId: cat.productionId, hallId: cat.hallId, from: '2055-02-10', to: '2055-02-01', weekdays: [4], times: ['20:15'],
    })).toEqual({
      nl: 'to: mag niet vóór de begindatum liggen', fr: 'to: ne doit pas précéder la date de début', en: 'to: must not be before the first day',
    });
  });

  it('sales closing before they open', async () => {
    expect(await refusal('PATCH', `/api/performances/${cat.performanceId}`, {
      salesWindows: [{ channel: 'online', opensAt: '2055-01-10T10:00', closesAt: '2055-01-09T10:00' }],
    })).toEqual({
      nl: 'salesWindows/0/closesAt: moet na het openen van de verkoop liggen',
      fr: 'salesWindows/0/closesAt: doit être après l’ouverture de la vente',
      en: 'salesWindows/0/closesAt: must be after sales open',
    });
  });

  it('a pack valid until before it is valid, a set whose minimum exceeds its maximum, a stock of nothing', async () => {
    expect(await refusal('POST', '/api/packs', pack({ validFrom: '2055-03-01T00:00:00Z', validUntil: '2055-02-01T00:00:00Z' }))).toEqual({
      nl: 'validUntil: moet na de begindatum van de geldigheid liggen',
      fr: 'validUntil: doit être après le début de la validité',
      en: 'validUntil: must be after the start of validity',
    });
    expect(await refusal('POST', '/api/packs', pack({ sets: [{ label: 'Set 1', itemnbMin: 3, itemnbMax: 2, stocks: [] }] }))).toEqual({
      nl: 'sets/0/itemnbMin: mag niet groter zijn dan het maximum', fr: 'sets/0/itemnbMin: ne doit pas dépasser le maximum', en: 'sets/0/itemnbMin: must not exceed the maximum',
    });
    expect(await refusal('POST', '/api/packs', pack({ sets: [{ label: 'Set 1', itemnbMin: 0, itemnbMax: 2, stocks: [{}] }] }))).toEqual({
      nl: 'sets/0/stocks/0: kies een voorstelling of een stream',
      fr: 'sets/0/stocks/0: choisissez une représentation ou un stream',
      en: 'sets/0/stocks/0: choose a performance or a stream',
    });
  });
});

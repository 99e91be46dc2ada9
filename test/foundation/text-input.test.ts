// Names must be visible, and text is stored in Unicode NFC so a decomposed "Zoë" is the same name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as normaliseText } from '../../src/migrations/2026-12-02T2300_text_nfc.js';
import { newId } from '../../src/platform/ids.js';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';

const COMPOSED = 'Zo\u00EB';
const DECOMPOSED = 'Zoe\u0308';

describe.each(DIALECTS)('names and Unicode on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let orgId: string;
  const post = (path: string, body: unknown, lang = 'en') => s.request('POST', path, { token, body, lang });
  beforeAll(async () => {
    s = await startServer(dialect);
    ({ token, orgId } = await orgWithUser(s));
  });
  afterAll(async () => { await s?.close(); });

  it('a name of only spaces or invisible characters is a field error, in nl, fr and en', async () => {
    const blanks = ['   ', '\u200B\u200B', '\u00A0\u200D', '\uFEFF', '\u2060 \u3000', '\u180E\t'];
    const ticketType = (name: string) => ({ names: { nl: name, fr: 'Normal', en: 'Normal' }, dipCategory: 'normal', channels: ['boxoffice'] });
    const cases: [string, (name: string) => unknown, string][] = [
      ['/api/customers', (name) => ({ name }), 'name'],
      ['/api/productions', (title) => ({ title, producer: 'X', genre: 'theatre', description: '' }), 'title'],
      ['/api/venues', (name) => ({ name, address: 'Plein 1', postalCode: '1000', city: 'Brussel', country: 'BE', timeZone: 'Europe/Brussels' }), 'name'],
      ['/api/ticket-types', ticketType, 'names/nl'],
      ['/api/users', (name) => ({ email: `u${newId().slice(0, 6)}@example.test`, name, role: 'boxoffice', password: 'correct horse battery' }), 'name'],
    ];
    for (const [path, body, field] of cases) {
      for (const blank of blanks) {
        const res = await post(path, body(blank));
        expect(res.status, `${path} ${JSON.stringify(blank)}: ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
    const said = await Promise.all(['nl', 'fr', 'en'].map(async (lang) => (await post('/api/customers', { name: '\u200B' }, lang)).body.errors[0].message));
    expect(said).toEqual([
      'moet letters of andere zichtbare tekens bevatten, niet alleen spaties of onzichtbare tekens',
      "doit contenir des lettres ou d'autres caractères visibles, pas seulement des espaces ou des caractères invisibles",
      'must contain letters or other visible characters, not only spaces or invisible characters',
    ]);
    // A name with something to see around the invisible characters is fine, and nothing blank was stored.
    expect((await post('/api/customers', { name: '\u200BAn\u00A0Peeters' })).status).toBe(201);
    const names = (await s.deps.db.selectFrom('customers').select('name').where('organisation_id', '=', orgId).execute()).map((c) => c.name);
    expect(names).toEqual(['\u200BAn\u00A0Peeters']);
  });

  it('a decomposed "Zoë" is stored composed and finds the composed one in customer and production search', async () => {
    const composed = await post('/api/customers', { name: `${COMPOSED} Janssens` });
    const decomposed = await post('/api/customers', { name: `${DECOMPOSED} Maes` });
    expect(decomposed.body.name).toBe(`${COMPOSED} Maes`);
    for (const q of [COMPOSED, DECOMPOSED]) {
      const found = await s.request('GET', `/api/customers?q=${encodeURIComponent(q.toLowerCase())}`, { token });
      expect(found.body.items.map((c: { id: string }) => c.id).sort()).toEqual([composed.body.id, decomposed.body.id].sort());
    }
    const show = await post('/api/productions', { title: `${DECOMPOSED} en de zee`, producer: 'Gez\u0065\u0301llig', genre: 'theatre', description: '' });
    expect(show.body.title).toBe(`${COMPOSED} en de zee`);
    const found = await s.request('GET', `/api/productions?q=${encodeURIComponent(COMPOSED)}`, { token });
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([show.body.id]);
  });

  it('the migration normalises names stored decomposed before', async () => {
    const id = newId();
    await s.deps.db.insertInto('customers').values({
      id, organisation_id: orgId, name: `${DECOMPOSED} Oud`, email: null, phone: null, phone_digits: null, postal_code: null, city: `Li\u0065\u0300ge`,
      birth_date: null, language: null, newsletter_opt_in_at: null, erased_at: null, search: `${DECOMPOSED.toLowerCase()} oud`, created_at: new Date().toISOString(),
    }).execute();
    const before = await s.request('GET', `/api/customers?q=${encodeURIComponent(`${COMPOSED} oud`)}`, { token });
    expect(before.body.items).toEqual([]);
    await normaliseText(s.deps.db);
    const row = await s.deps.db.selectFrom('customers').select(['name', 'city']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: `${COMPOSED} Oud`, city: 'Li\u00E8ge' });
    const after = await s.request('GET', `/api/customers?q=${encodeURIComponent(`${COMPOSED} oud`)}`, { token });
    expect(after.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });
});

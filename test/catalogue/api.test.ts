import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { buy, ok, utickClient, UtickClient } from './fixtures.js';

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe.each(DIALECTS)('Utick catalogue API on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  let client: UtickClient;
  let key: { id: string; publicKey: string; secret: string };
  let packId: string;
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { rows: 2, perRow: 5 });
    ({ client, key } = await utickClient(s, token));
    packId = ok(await s.request('POST', '/api/packs', {
      token,
      body: {
        label: 'Pass de 10 places', description: 'Voici la description', typeId: 20, price: 12000, ticketTypeId: c.ticketTypes.free,
        shopUrl: 'https://shop.example/pass', sets: [{ label: 'Saison', itemnbMin: 0, itemnbMax: 10, stocks: [{ performanceId: c.performanceId, ranks: [1] }] }],
      },
    }), 'pack').body.id;
  });
  afterAll(async () => { await s?.close(); });

  it('answers ping without a key, in the envelope, with doubled slashes', async () => {
    const r = await client.call('ping', {}, { auth: false });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ success: true, response: { message: 'pong' }, api_version: 1, cached: false, status_code: 200, language: 'fr' });
    expect(r.body.datetime).toMatch(DATE);
    expect('error' in r.body).toBe(false);
  });

  it('keys: the secret is shown once, listed never; a revoked key is refused', async () => {
    expect(key.secret.length).toBeGreaterThan(20);
    expect(key.publicKey).toMatch(UUID);
    const list = ok(await s.request('GET', '/api/catalogue/keys', { token }), 'keys').body.items;
    expect(list.find((k: { id: string }) => k.id === key.id)).toEqual(expect.not.objectContaining({ secret: expect.anything() }));
    expect(JSON.stringify(list)).not.toContain(key.secret);
    const other = await utickClient(s, token);
    expect((await other.client.call('agenda/venues')).status).toBe(200);
    ok(await s.request('DELETE', `/api/catalogue/keys/${other.key.id}`, { token }), 'revoke');
    const refused = await other.client.call('agenda/venues');
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ success: false, response: null, error: { code: 401 } });
  });

  it('refuses stale timestamps, bad signatures and missing credentials with the error envelope', async () => {
    const stale = new UtickClient(s.baseUrl, key.publicKey, key.secret, () => new Date(s.clock.now().getTime() - 10 * 60_000));
    const r1 = await stale.call('catalogue/packs', { language: 'en' });
    expect(r1.status).toBe(401);
    expect(r1.body.error?.message).toContain('stale');
    expect((await stale.call('catalogue/packs')).body.error?.message).toBe('timestamp est périmé');
    const wrong = new UtickClient(s.baseUrl, key.publicKey, 'not-the-secret', () => s.clock.now());
    const r2 = await wrong.call('catalogue/packs', { language: 'en' });
    expect(r2.body).toMatchObject({ success: false, response: null, status_code: 401, error: { code: 401, message: 'bad signature' } });
    const r3 = await client.call('catalogue/packs', {}, { auth: false });
    expect(r3.status).toBe(401);
  });

  it('lists packs and their details in Utick fields, with the stockid filter', async () => {
    const list = await client.call('catalogue/packs', { limit: 200 });
    expect(list.body.success).toBe(true);
    expect(list.body.response).toEqual([{
      id: packId.toUpperCase(), label: 'Pass de 10 places', typeid: '20', description: 'Voici la description', itemnb_min: 0, itemnb_max: 10,
      mainpackid: '', shop_url: 'https://shop.example/pass', image_url: '',
    }]);
    const one = await client.call(`catalogue/packs/${packId.toUpperCase()}`);
    expect(one.body.response.id).toBe(packId.toUpperCase());
    const details = await client.call(`catalogue/packs/details/${packId.toUpperCase()}`);
    const set = details.body.response.sets[0];
    expect(set).toMatchObject({ label: 'Saison', itemnb_min: 0, itemnb_max: 10 });
    expect(set.id).toMatch(UUID);
    expect(set.stocks).toHaveLength(1);
    expect(set.stocks[0]).toMatchObject({ eventid: c.performanceId.toUpperCase(), packid: packId.toUpperCase(), capacity_total: 5 });
    expect(set.stocks[0].categories.map((k: { label: string }) => k.label)).toEqual(['Rang 1']);
    const filtered = await client.call(`catalogue/packs/details/${packId}`, { stockid: '00000000-0000-0000-0000-000000000000' });
    expect(filtered.body.response.sets).toEqual([]);
    const missing = await client.call('catalogue/packs/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ success: false, response: null, error: { code: 404 } });
  });

  it('agenda: venues, attractions and events with upper-case ids and local dates with offset', async () => {
    const venues = await client.call('agenda/venues');
    expect(venues.body.response[0]).toMatchObject({ id: c.venueId.toUpperCase(), label: 'Stadsschouwburg', addressl1: 'Plein 1', postalcode: '1000 AA', city: 'Utrecht', country: 'NL' });
    const attractions = await client.call('agenda/attractions', { language: 'nl' });
    expect(attractions.body.language).toBe('nl');
    expect(attractions.body.response[0]).toMatchObject({ id: c.productionId.toUpperCase(), label: 'Hamlet', typeid: '1', nb_events: 1 });
    expect(attractions.body.response[0].firstevent_date).toBe('2055-01-15T20:15:00+01:00');
    const events = await client.call('agenda/events', { attractionid: c.productionId.toUpperCase() });
    expect(events.body.response).toHaveLength(1);
    const e = events.body.response[0];
    expect(e).toMatchObject({ id: c.performanceId.toUpperCase(), label: 'Hamlet', starttime: '2055-01-15T20:15:00+01:00', status: { id: 10 } });
    expect(e.endtime).toMatch(DATE);
    expect(e.venue.id).toBe(c.venueId.toUpperCase());
    expect(e.attraction.id).toBe(c.productionId.toUpperCase());
  });

  it('stocks: capacity per rank with live availability and online prices', async () => {
    const before = (await client.call('shop/products/stocks', { eventid: c.performanceId.toUpperCase() })).body.response[0];
    expect(before).toMatchObject({ id: c.performanceId.toUpperCase(), eventid: c.performanceId.toUpperCase(), capacity_total: 10, capacity_free: 10 });
    const rank1 = before.categories[0];
    expect(rank1).toMatchObject({ capacity_total: 5, capacity_free: 5 });
    expect(rank1.prices.find((p: { id: string }) => p.id === c.ticketTypes.normal.toUpperCase()).value).toEqual({ amount: 3000, currency: 'EUR' });
    await buy(s, token, null, (b) => s.request('POST', `/api/baskets/${b}/lines`, { token, body: { performanceId: c.performanceId, seatIds: ['r1s1', 'r1s2'] } }));
    const after = (await client.call('shop/products/stocks', { eventid: c.performanceId })).body.response[0];
    expect(after.capacity_free).toBe(8);
    expect(after.categories[0].capacity_free).toBe(3);
  });

  it('paging: limit at most 200, offset and entry_count/entry_start; bad parameters are 400 envelopes', async () => {
    const v2 = ok(await s.request('POST', '/api/venues', {
      token, body: { name: 'Zuiderzaal', address: 'Kade 2', postalCode: '2000', city: 'Antwerpen', country: 'BE', timeZone: 'Europe/Brussels' },
    }), 'venue');
    const all = (await client.call('agenda/venues', { limit: 200 })).body.response;
    expect(all).toHaveLength(2);
    const second = (await client.call('agenda/venues', { limit: 1, offset: 1 })).body.response;
    expect(second.map((v: { id: string }) => v.id)).toEqual([all[1].id]);
    const legacy = (await client.call('agenda/venues', { entry_count: 1, entry_start: 0 })).body.response;
    expect(legacy.map((v: { id: string }) => v.id)).toEqual([all[0].id]);
    expect(all.map((v: { id: string }) => v.id)).toContain(v2.body.id.toUpperCase());

    const tooMany = await client.call('catalogue/packs', { limit: 201 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ success: false, response: null, status_code: 400, error: { code: 400 } });
    expect(tooMany.body.error?.message).toContain('200');
    for (const bad of [{ offset: -1 }, { limit: 'ten' }, { eventid: 'not-a-uuid' }, { language: 'es' }]) {
      const r = await client.call('shop/products/stocks', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.success).toBe(false);
    }
    const unreadable = await client.call('agenda/venues', {}, { body: '{"publickey": ' });
    expect(unreadable.status).toBe(400);
    const unreadableNl = await client.call('/v1/agenda/venues/?language=nl', {}, { raw: true, body: '{"publickey": ' });
    expect(unreadableNl.body).toMatchObject({ language: 'nl', error: { code: 400, message: 'de body van het verzoek is geen geldige JSON' } });
    expect(unreadable.body).toMatchObject({ success: false, response: null, error: { code: 400 } });
    const unreadablePost = await client.call('agenda/venues', {}, { method: 'POST', body: '{"publickey": ' });
    expect(unreadablePost.body).toMatchObject({ success: false, response: null, error: { code: 400 } });
    const unknown = await client.call('agenda/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe(404);
  });

  it("a key sees its own organisation's catalogue only", async () => {
    const other = await orgWithUser(s, 'admin', 'Ander Theater');
    const { client: theirs } = await utickClient(s, other.token);
    expect((await theirs.call('catalogue/packs')).body.response).toEqual([]);
    expect((await theirs.call(`catalogue/packs/details/${packId}`)).status).toBe(404);
    expect((await theirs.call('agenda/events')).body.response).toEqual([]);
    expect((await theirs.call('shop/products/stocks', { eventid: c.performanceId })).body.response).toEqual([]);
  });

  it('takes parameters from the query string and POST bodies too', async () => {
    const q = new URLSearchParams({ ...client.auth(), limit: '1' }).toString();
    const viaQuery = await s.request('GET', `/v1/agenda/venues/?${q}`);
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body.response).toHaveLength(1);
    const viaPost = await client.call('contacts', { firstname: 'Post', lastname: 'Body' }, { method: 'POST' });
    expect(viaPost.body.response).toMatchObject({ firstname: 'Post', lastname: 'Body' });
    const tripleSlash = await client.call('/v1///agenda///venues///', {}, { raw: true });
    expect(tripleSlash.body.success).toBe(true);
  });
});

// Utick's PHP client against Foyer: System (ping, pingParams, authenticate, a door device as the second
// access kind) and the transport it relies on (methods, languages, "not supported", paging).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { ok } from './fixtures.js';
import { failure, Sapiti, sapiti } from './sapiti.js';

describe.each(DIALECTS)("Utick's client: System and transport on %s", (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  let client: Sapiti;
  let key: { id: string; label: string };
  let orgId: string;
  beforeAll(async () => {
    s = await startServer(dialect);
    ({ token, orgId } = await orgWithUser(s, 'admin', 'Théâtre Royal'));
    c = await buildCatalogue(s, token, { rows: 1, perRow: 4 });
    ({ client, key } = await sapiti(s, token));
  });
  afterAll(async () => { await s?.close(); });

  it('ping: pong, without a key', async () => {
    expect(await client.ping()).toBe('pong');
    expect(client.last?.sent.url).toMatch(/\/v1\/ping\/\/$/);
  });

  it('pingParams: the parameters answered back; ping takes GET only', async () => {
    const sent = { a: 'één', n: 3, nested: { list: [1, 2] } };
    expect(await client.pingParams(sent)).toEqual(sent);
    expect(await client.pingParams({})).toEqual({});
    const post = await client.callAPI('ping/', 'POST', { a: 1 });
    expect(post.status).toBe(405);
    expect(post.answer).toMatchObject({ success: false, response: null, error: { code: 405 } });
  });

  it('authenticate: the application and its organisation; a wrong secret throws', async () => {
    const app = await client.authenticate();
    expect(app).toEqual({ id: key.id.toUpperCase(), label: 'Website', client: { id: orgId.toUpperCase(), label: 'Théâtre Royal' } });
    expect(client.last?.sent.url).toMatch(/\/v1\/system\/authenticate\/\/$/);
    const wrong = new Sapiti(s.baseUrl, (await sapiti(s, token)).key.publicKey, 'wrong', () => s.clock.now());
    wrong.language = 'nl';
    const e = await failure(wrong.authenticate());
    expect(e.code).toBe(401);
    expect(e.message).toContain('onjuiste signature');
  });

  it('a door device registered by a manager is the second access kind; revoked or unknown devices are refused', async () => {
    const door = ok(await s.request('POST', '/api/checkin/doors', { token, body: { name: 'Hoofdingang' } }), 'door').body;
    const device = ok(await s.request('POST', '/api/checkin/devices', { token, body: { name: 'Scanner 1', doorId: door.id } }), 'device').body;
    const { answer } = await client.callAPI('system/authenticate/', 'GET', { ...client.authParams(), deviceid: device.id.toUpperCase() });
    expect(answer.response.device).toEqual({ id: device.id.toUpperCase(), label: 'Scanner 1', client: { id: orgId.toUpperCase(), label: 'Théâtre Royal' } });
    // The device id names the device; it proves nothing without the application's signature.
    const unsigned = await client.callAPI('system/authenticate/', 'GET', { deviceid: device.id });
    expect(unsigned.status).toBe(401);
    ok(await s.request('DELETE', `/api/checkin/devices/${device.id}`, { token }), 'revoke');
    client.language = 'en';
    const revoked = await failure(client.authenticate({ deviceid: device.id }));
    expect([revoked.code, revoked.message]).toEqual([401, 'Api error code : 401 : unknown or revoked deviceid']);
    const unknown = await failure(client.authenticate({ deviceid: '00000000-0000-4000-8000-000000000000' }));
    expect([unknown.code, unknown.message]).toEqual([401, 'Api error code : 401 : unknown or revoked deviceid']);
    client.language = 'fr';
  });

  it('method strictness: a call answers only its own methods, 405 with Allow otherwise; a bodied GET still works', async () => {
    for (const method of ['DELETE', 'POST', 'PUT', 'PATCH']) {
      const r = await client.callAPI('agenda/events/', method, client.authParams());
      expect(r.status, method).toBe(405);
      expect(r.answer).toMatchObject({ success: false, response: null, status_code: 405, error: { code: 405 } });
    }
    const put = await client.callAPI('contacts/', 'PUT', client.authParams());
    expect(put.answer.error.message).toContain('GET, POST');
    expect((await client.callAPI('agenda/events/', 'GET', client.authParams())).answer.success).toBe(true);
  });

  it('language: fr, nl, de and en change the labels the API writes and its error messages', async () => {
    const labels: Record<string, string[]> = {};
    for (const lang of ['fr', 'nl', 'de', 'en']) {
      client.language = lang;
      const [e] = await client.getEvents();
      expect(client.last?.answer.language).toBe(lang);
      const missing = await failure(client.getEvent('00000000-0000-4000-8000-000000000000'));
      const bad = await failure(client.getEvents({ limit: 500 }));
      labels[lang] = [e!.status!.label, missing.message, bad.message];
    }
    client.language = 'fr';
    expect(labels).toEqual({
      fr: ['Publié', 'Api error code : 404 : événement introuvable', 'Api error code : 400 : limit doit être compris entre 1 et 200'],
      nl: ['Gepubliceerd', 'Api error code : 404 : voorstelling niet gevonden', 'Api error code : 400 : limit moet tussen 1 en 200 liggen'],
      de: ['Veröffentlicht', 'Api error code : 404 : Veranstaltung nicht gefunden', 'Api error code : 400 : limit muss zwischen 1 und 200 liegen'],
      en: ['Published', 'Api error code : 404 : event not found', 'Api error code : 400 : limit must be between 1 and 200'],
    });
    const stocks = async (lang: string) => {
      client.language = lang;
      const r = await client.call('shop/products/stocks/', { eventid: c.performanceId });
      return r[0].categories[0].label;
    };
    expect([await stocks('nl'), await stocks('de'), await stocks('en')]).toEqual(['Rang 1', 'Rang 1', 'Rank 1']);
    client.language = 'fr';
  });

  it('Foyer has no merchandising, finance items, plans, newsletters or Cineville: 501 "not supported" in the envelope', async () => {
    const id = '11111111-2222-4333-8444-555555555555';
    const calls: [string, () => Promise<unknown>][] = [
      ['getMerchandisings', () => client.getMerchandisings()], ['getMerchandising', () => client.getMerchandising(id)],
      ['getMerchandisingCategories', () => client.getMerchandisingCategories()], ['getMerchandisingCategory', () => client.getMerchandisingCategory(id)],
      ['getFinanceItems', () => client.getFinanceItems()], ['getFinanceItem', () => client.getFinanceItem(id)], ['getFinanceItem details', () => client.getFinanceItem(id, true)],
      ['getPlan', () => client.getPlan(id)],
      ['getNewsletters', () => client.getNewsletters()], ['getNewsletter', () => client.getNewsletter(id)],
      ['subscribeContactToNewsletter', () => client.subscribeContactToNewsletter(id, id)], ['unsubscribeContactToNewsletter', () => client.unsubscribeContactToNewsletter(id, id)],
      ['getPackProductFromCustomerId', () => client.getPackProductFromCustomerId(id)], ['getProductsForPackProduct', () => client.getProductsForPackProduct(id)],
      ['confirmProduct', () => client.confirmProduct(id, id)], ['cancelProduct', () => client.cancelProduct(id)],
      ['attachProductToMainProduct (Cineville)', () => client.attachCinevilleProduct(id, id, id)], ['detachProductFromMainProduct', () => client.detachCinevilleProduct(id)],
      ['duplicateEvent', () => client.duplicateEvent(c.performanceId)], ['updateEventStatus', () => client.updateEventStatus(c.performanceId, 20)],
    ];
    client.language = 'en';
    for (const [name, call] of calls) {
      const e = await failure(call());
      expect([name, e.code, e.status], name).toEqual([name, 501, 501]);
      expect(e.message, name).toContain('not supported by Foyer');
    }
    client.language = 'fr';
    expect((await failure(client.getNewsletters())).message).toContain('non pris en charge par Foyer : les newsletters');
    // Still an event after "updateEventStatus": nothing was changed.
    expect((await client.getEvent(c.performanceId))!.status!.id).toBe(10);
  });

  it('paging: limit 1 to 200 (and the client\'s size/startposition), integers as strings where the documentation shows them', async () => {
    for (const limit of [0, 201]) expect((await failure(client.getVenues({ limit }))).code).toBe(400);
    expect(await client.getVenues({ limit: 200 })).toHaveLength(1);
    expect(await client.getVenues({ size: 1, startposition: 1 })).toEqual([]);
    expect(client.last?.sent.body).toMatchObject({ entry_count: 1, entry_start: 1 });
    const [a] = await client.getAttractions();
    expect(a!).toMatchObject({ id: c.productionId.toUpperCase() });
    expect(client.last?.answer.response[0].typeid).toBe('1');
    const unknown = await client.callAPI('agenda/nothing/', 'GET', client.authParams());
    expect(unknown.answer).toMatchObject({ success: false, response: null, error: { code: 404 } });
  });
});

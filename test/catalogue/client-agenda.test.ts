// Utick's PHP client against Foyer: every Agenda and Catalogue method it has that Foyer supports, made
// as the client makes them, and the fields its objects (and its own examples) read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { buy, customer, ok } from './fixtures.js';
import { ApiException, Sapiti, sapiti } from './sapiti.js';

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const MISSING = '00000000-0000-4000-8000-000000000000';
const UITDATABANK_ID = '7c3c4b2e-96a4-4f1c-9c8e-2f0d5a1b3c4d';

async function code(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiException) return e.code;
    throw e;
  }
  return 200;
}

describe.each(DIALECTS)("Utick's client: Agenda and Catalogue on %s", (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  let client: Sapiti;
  let second: string;
  let streamId: string;
  let packId: string;
  beforeAll(async () => {
    s = await startServer(dialect);
    ({ token } = await orgWithUser(s, 'admin', 'Stadsschouwburg Utrecht'));
    c = await buildCatalogue(s, token, { rows: 1, perRow: 4 });
    ({ client } = await sapiti(s, token));
    ok(await s.request('PATCH', `/api/productions/${c.productionId}`, {
      token, body: { dipProductionId: 'NL-26-101-0004711', imageUrl: 'https://img.example/hamlet.jpg', description: 'Een klassieker' },
    }), 'production');
    ok(await s.request('PATCH', `/api/performances/${c.performanceId}`, { token, body: { extraInfo: 'Inleiding om 19:30' } }), 'notes');
    // A second production, no DIP number, sold through UiTdatabank, of another genre.
    const other = ok(await s.request('POST', '/api/productions', { token, body: { title: 'Carmen', producer: '', genre: 'opera' } }), 'production').body;
    second = other.id;
    const perf = ok(await s.request('POST', '/api/performances', {
      token, body: { productionId: other.id, hallId: c.hallId, startsAt: '2055-03-01T20:00', standardTicketTypeId: c.ticketTypes.normal, uitdatabankEventId: UITDATABANK_ID },
    }), 'performance').body;
    ok(await s.request('PATCH', `/api/performances/${perf.id}`, { token, body: { status: 'on_sale' } }), 'on sale');
    // A stream of no venue and no production.
    streamId = ok(await s.request('POST', '/api/streams', { token, body: { label: 'Seizoenstrailer', url: 'https://video.example/t', price: 0 } }), 'stream').body.id;
    packId = ok(await s.request('POST', '/api/packs', {
      token, body: { label: 'Pass de 10 places', typeId: 20, price: 9000, ticketTypeId: c.ticketTypes.free, sets: [{ label: 'Saison', itemnbMin: 0, itemnbMax: 10, stocks: [{ performanceId: c.performanceId }] }] },
    }), 'pack').body.id;
  });
  afterAll(async () => { await s?.close(); });

  it('getEvents: what the client\'s agenda example reads works, serie and venue never null', async () => {
    const events = await client.getEvents({ limit: 100 });
    expect(client.last?.sent.url).toMatch(/\/v1\/agenda\/events\/\/$/);
    expect(events).toHaveLength(2);
    const e = events.find((x) => x!.id === c.performanceId.toUpperCase())!;
    expect(e).toMatchObject({
      label: 'Hamlet', startTime: '2055-01-15T20:15:00+01:00', hasTimeSlots: false, notes: 'Inleiding om 19:30', metaData: {},
      status: { id: 10, label: 'Publié' }, serie: { id: c.productionId.toUpperCase(), label: 'Hamlet' },
    });
    expect(e.endTime).toMatch(DATE);
    expect(e.venue).toMatchObject({ label: 'Stadsschouwburg', addressL1: 'Plein 1', postalCode: '1000 AA', city: 'Utrecht' });
    expect(e.attraction).toMatchObject({ label: 'Hamlet', imageUrl: 'https://img.example/hamlet.jpg', description: 'Een klassieker' });
    for (const x of events) {
      expect(x!.serie, 'getSerie()->getShopUrl()').not.toBeNull();
      expect(typeof x!.serie!.shopUrl).toBe('string');
      expect(x!.venue, 'getVenue()->getLabel()').not.toBeNull();
      expect(x!.status).not.toBeNull();
    }
    expect((await client.getEvents({ attractionid: second })).map((x) => x!.label)).toEqual(['Carmen']);
  });

  it('getEvent: the same event by its id, 404 for an unknown one', async () => {
    const [e] = await client.getEvents({ eventid: c.performanceId });
    const one = await client.getEvent(e!.id);
    expect(client.last?.sent.url).toMatch(new RegExp(`/v1/agenda/events/${e!.id}/$`));
    expect(one).toEqual(e);
    expect(await code(client.getEvent(MISSING))).toBe(404);
  });

  it('getTimeSlots: Foyer has none, so an empty list (the event has no time slots either)', async () => {
    expect(await client.getTimeSlots({ eventid: c.performanceId, limit: 10 })).toEqual([]);
    expect(await code(client.getTimeSlots({ eventid: 'not-an-id' }))).toBe(400);
  });

  it('getTimeSlot: not found, whatever the id', async () => {
    expect(await code(client.getTimeSlot(MISSING))).toBe(404);
    expect(await code(client.getTimeSlot(c.performanceId))).toBe(404);
  });

  it('getVenues', async () => {
    const [v] = await client.getVenues();
    expect(v).toMatchObject({ id: c.venueId.toUpperCase(), label: 'Stadsschouwburg', addressL1: 'Plein 1', city: 'Utrecht', country: 'NL' });
    expect(v!.mapUrl).toMatch(/^https:\/\//);
  });

  it('getVenue', async () => {
    const [v] = await client.getVenues();
    expect(await client.getVenue(c.venueId.toUpperCase())).toEqual(v);
    expect(await code(client.getVenue(MISSING))).toBe(404);
  });

  it('getAttractions: the fields the client reads, organizer and distributor', async () => {
    const list = await client.getAttractions();
    expect(list.map((a) => a!.label)).toEqual(['Carmen', 'Hamlet']);
    const hamlet = list[1]!;
    expect(hamlet).toMatchObject({
      id: c.productionId.toUpperCase(), imageUrl: 'https://img.example/hamlet.jpg', smallImageUrl: 'https://img.example/hamlet.jpg',
      externalId: 'NL-26-101-0004711', nbEvents: 1, firstEventDate: '2055-01-15T20:15:00+01:00', metaData: {},
      organizer: { label: 'Stadsschouwburg Utrecht' }, distributor: { label: 'ITA' },
    });
    expect(hamlet.organizer!.id).toMatch(UUID);
    expect(hamlet.categories.map((k) => k!.label)).toEqual(['toneel']);
    expect(list[0]!.distributor).toBeNull();
  });

  it('getAttraction', async () => {
    const hamlet = (await client.getAttractions()).find((a) => a!.label === 'Hamlet');
    expect(await client.getAttraction(hamlet!.id)).toEqual(hamlet);
    expect(await code(client.getAttraction(MISSING))).toBe(404);
  });

  it('getAttractionFromExternalId: the production with that DIP number or UiTdatabank id, and null for an unknown one', async () => {
    expect((await client.getAttractionFromExternalId('NL-26-101-0004711'))!.id).toBe(c.productionId.toUpperCase());
    expect(client.last?.sent.body).toMatchObject({ externalid: 'NL-26-101-0004711' });
    expect((await client.getAttractionFromExternalId(UITDATABANK_ID.toUpperCase()))!.label).toBe('Carmen');
    expect(await client.getAttractionFromExternalId('NL-26-101-9999999')).toBeNull();
  });

  it('getCategories: the genres, with their attractions by categoryid', async () => {
    const cats = await client.getCategories();
    expect(cats.map((k) => k!.label)).toEqual(['opera', 'toneel']);
    expect(client.last?.answer.response[0]).toEqual({ id: cats[0]!.id, label: 'opera', description: '', image_url: '', color: '' });
    expect((await client.getAttractions({ categoryid: cats[0]!.id })).map((a) => a!.label)).toEqual(['Carmen']);
  });

  it('getCategory', async () => {
    const cats = await client.getCategories();
    expect(await client.getCategory(cats[1]!.id)).toEqual(cats[1]);
    expect(await code(client.getCategory(MISSING))).toBe(404);
  });

  it('getStreams: a stream of no venue still has a venue and an attraction to read', async () => {
    const st = (await client.getStreams()).find((x) => x!.id === streamId.toUpperCase())!;
    expect(st.venue).toMatchObject({ label: 'En ligne', addressL1: '', city: '' });
    expect(st.attraction).toMatchObject({ label: 'Seizoenstrailer', imageUrl: '' });
    expect(st.status).toEqual({ id: 10, label: 'Publié' });
  });

  it('getStream', async () => {
    const st = (await client.getStreams()).find((x) => x!.id === streamId.toUpperCase())!;
    expect(await client.getStream(st.id)).toEqual(st);
    expect(await code(client.getStream(MISSING))).toBe(404);
  });

  it('getControlStreamAccessWithContactId and ...WithAccessCode: the bare codes, through "control//"', async () => {
    const buyer = await customer(s, token, 'Kijker');
    expect(await client.getControlStreamAccessWithContactId(streamId, buyer)).toBe(-1);
    expect(client.last?.sent.url).toMatch(/\/control\/\/$/);
    const order = await buy(s, token, buyer, (b) => s.request('POST', `/api/baskets/${b}/streams`, { token, body: { streamId } }));
    const purchases = ok(await s.request('GET', `/api/orders/${order.id}/streams`, { token }), 'purchases').body;
    const accessCode = (purchases.items ?? purchases)[0].accessCode;
    expect(await client.getControlStreamAccessWithContactId(streamId, buyer.toUpperCase())).toBe(10);
    expect(await client.getControlStreamAccessWithAccessCode(streamId, accessCode)).toBe(1);
    expect(await client.getControlStreamAccessWithAccessCode(streamId, 'AAAAAAAAAAAA')).toBe(-1);
  });

  it('getPacks', async () => {
    const [p] = await client.getPacks();
    expect(p).toMatchObject({ id: packId.toUpperCase(), label: 'Pass de 10 places', typeId: '20', itemNbMin: 0, itemNbMax: 10 });
  });

  it('getPack, with and without content', async () => {
    expect((await client.getPack(packId))!.sets).toEqual([]);
    const full = await client.getPack(packId, true);
    expect(client.last?.sent.url).toMatch(/\/catalogue\/packs\/details\//);
    expect(full!.sets.map((x) => x!.label)).toEqual(['Saison']);
    expect(await code(client.getPack(MISSING))).toBe(404);
  });

  it('getStocks: the stock of an event, its ranks and prices', async () => {
    const [stock] = await client.getStocks({ eventid: c.performanceId.toUpperCase() });
    expect(stock).toMatchObject({ id: c.performanceId.toUpperCase(), eventId: c.performanceId.toUpperCase(), capacityTotal: 4 });
    expect(stock!.categories[0]).toMatchObject({ label: 'Rang 1', capacityTotal: 4, color: '' });
    expect(stock!.categories[0]!.prices.find((p) => p.id === c.ticketTypes.normal.toUpperCase())!.value).toEqual({ amount: 3000, currency: 'EUR' });
  });
});

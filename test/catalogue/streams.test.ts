import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, userIn, type TestServer } from '../helpers/server.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { buy, customer, ok, utickClient, type UtickClient } from './fixtures.js';

const HOUR = 3600_000;

describe.each(DIALECTS)('streams and access control on %s', (dialect) => {
  let s: TestServer;
  let clock: ManualClock;
  let token: string;
  let orgId: string;
  let c: Catalogue;
  let client: UtickClient;
  beforeAll(async () => {
    clock = fixedClock('2054-12-01T10:00:00Z');
    s = await startServer(dialect, { clock });
    ({ token, orgId } = await orgWithUser(s));
    c = await buildCatalogue(s, token, { rows: 2, perRow: 5 });
    ({ client } = await utickClient(s, token));
  });
  afterAll(async () => { await s?.close(); });

  const newStream = async (extra: Record<string, unknown> = {}) => ok(await s.request('POST', '/api/streams', {
    token,
    body: {
      label: 'Fullshow on Video', description: 'Hamlet, gefilmd', url: 'https://vod.example/hamlet', price: 900,
      accessDurationHours: 48, venueId: c.venueId, productionId: c.productionId, freeaccessSeats: true, freeaccessPacks: true, ...extra,
    },
  }), 'stream').body;
  const control = async (streamId: string, params: Record<string, unknown>) =>
    (await client.call(`catalogue/streams/${streamId.toUpperCase()}/control`, params)).body.response;
  const buyStream = async (customerId: string | null, streamId: string) => {
    const order = await buy(s, token, customerId, (b) => s.request('POST', `/api/baskets/${b}/streams`, { token, body: { streamId } }));
    return ok(await s.request('GET', `/api/orders/${order.id}/streams`, { token }), 'streams').body.items[0];
  };

  it('admin CRUD and the Utick stream objects', async () => {
    const st = await newStream({ startsAt: '2055-01-20T20:00:00+01:00', accessEndsAt: '2055-03-01T00:00:00+01:00', shopUrl: 'https://shop.example/vod' });
    expect(st).toMatchObject({ status: 10, accessDurationHours: 48, freeaccessSeats: true });
    const patched = ok(await s.request('PATCH', `/api/streams/${st.id}`, { token, body: { label: 'Hamlet on video' } }), 'patch').body;
    expect(patched.label).toBe('Hamlet on video');
    expect((await s.request('POST', '/api/streams', { token, body: { label: 'x', url: 'https://x', price: 0, status: 12 } })).status).toBe(400);

    const one = (await client.call(`catalogue/streams/${st.id.toUpperCase()}`, { language: 'en' })).body.response;
    expect(one).toMatchObject({
      id: st.id.toUpperCase(), label: 'Hamlet on video', starttime: '2055-01-20T20:00:00+01:00', endtime: null,
      accessendtime: '2055-03-01T00:00:00+01:00', url: 'https://vod.example/hamlet', shop_url: 'https://shop.example/vod',
      access_duration: '48', freeaccess_packs: true, freeaccess_seats: true, status: { id: 10, label: 'Published' },
    });
    expect(one.venue.id).toBe(c.venueId.toUpperCase());
    expect(one.attraction.id).toBe(c.productionId.toUpperCase());
    const list = (await client.call('catalogue/streams', { limit: 200 })).body.response;
    expect(list.map((x: { id: string }) => x.id)).toContain(st.id.toUpperCase());

    const gone = await newStream();
    expect((await s.request('DELETE', `/api/streams/${gone.id}`, { token })).status).toBe(204);
    expect((await client.call(`catalogue/streams/${gone.id}`)).status).toBe(404);
  });

  it('control: 10 bought, 1 access code, 20 seat for the production, 30 pack, -1 otherwise', async () => {
    const st = await newStream();
    const buyer = await customer(s, token, 'Koper');
    const purchase = await buyStream(buyer, st.id);
    expect(purchase.accessCode).toMatch(/^[A-Z2-9]{12}$/);
    expect(await control(st.id, { contactid: buyer.toUpperCase() })).toBe(10);
    expect(await control(st.id, { accesscode: purchase.accessCode })).toBe(1);
    expect(await control(st.id, { accesscode: 'AAAAAAAAAAAA' })).toBe(-1);

    const seatHolder = await customer(s, token, 'Zaalbezoeker');
    await buy(s, token, seatHolder, (b) => s.request('POST', `/api/baskets/${b}/lines`, { token, body: { performanceId: c.performanceId, quantity: 1 } }));
    expect(await control(st.id, { contactid: seatHolder })).toBe(20);

    const packHolder = await customer(s, token, 'Kaarthouder');
    const card = ok(await s.request('POST', '/api/packs', {
      token, body: { label: 'Kaart', typeId: 100, price: 2500, ticketTypeId: c.ticketTypes.free, sets: [{ label: 'Video', itemnbMin: 0, itemnbMax: 1, stocks: [{ streamId: st.id }] }] },
    }), 'card').body;
    await buy(s, token, packHolder, (b) => s.request('POST', `/api/baskets/${b}/packs`, { token, body: { packId: card.id } }));
    expect(await control(st.id, { contactid: packHolder })).toBe(30);

    const stock = (await client.call('shop/products/stocks', { streamid: st.id.toUpperCase() })).body.response[0];
    expect(stock).toMatchObject({ streamid: st.id.toUpperCase(), eventid: '', capacity_total: -1, capacity_free: -1 });
    expect(stock.categories[0].prices[0].value).toEqual({ amount: 900, currency: 'EUR' });

    // A cancelled purchase's code and contact no longer get in; its price is refunded.
    const refunded = ok(await s.request('POST', `/api/stream-purchases/${purchase.id}/cancel`, { token, body: {} }), 'cancel purchase').body;
    expect(refunded.status).toBe('cancelled');
    expect(await control(st.id, { contactid: buyer })).toBe(-1);
    expect(await control(st.id, { accesscode: purchase.accessCode })).toBe(-1);

    const nobody = await customer(s, token, 'Niemand');
    expect(await control(st.id, { contactid: nobody })).toBe(-1);

    // Without free access for seats and packs only buyers get in.
    const strict = await newStream({ freeaccessSeats: false, freeaccessPacks: false });
    expect(await control(strict.id, { contactid: seatHolder })).toBe(-1);
    expect(await control(strict.id, { contactid: packHolder })).toBe(-1);

    const missing = await client.call('catalogue/streams/00000000-0000-0000-0000-000000000000/control', { contactid: buyer });
    expect(missing.body).toMatchObject({ success: false, error: { code: 404 } });
    const noViewer = await client.call(`catalogue/streams/${st.id}/control`);
    expect(noViewer.status).toBe(400);
  });

  it('control: -1 after the access duration since the first granted access, after the access end time, and when cancelled', async () => {
    const st = await newStream({ accessDurationHours: 48 });
    const a = await customer(s, token, 'Eerste kijker');
    const b = await customer(s, token, 'Late kijker');
    await buyStream(a, st.id);
    const code = (await buyStream(b, st.id)).accessCode;
    expect(await control(st.id, { contactid: a })).toBe(10); // starts a's clock
    clock.advance(47 * HOUR);
    expect(await control(st.id, { contactid: a })).toBe(10);
    expect(await control(st.id, { accesscode: code })).toBe(1); // starts the code's clock now
    clock.advance(2 * HOUR);
    expect(await control(st.id, { contactid: a })).toBe(-1);
    expect(await control(st.id, { accesscode: code })).toBe(1);
    expect(await control(st.id, { contactid: b })).toBe(10);

    token = await userIn(s, orgId, 'admin'); // the staff session ran out while the clock moved
    const ends = new Date(clock.now().getTime() + HOUR).toISOString();
    ok(await s.request('PATCH', `/api/streams/${st.id}`, { token, body: { accessEndsAt: ends } }), 'end');
    expect(await control(st.id, { contactid: b })).toBe(10);
    clock.advance(2 * HOUR);
    expect(await control(st.id, { contactid: b })).toBe(-1);
    expect(await control(st.id, { accesscode: code })).toBe(-1);

    token = await userIn(s, orgId, 'admin');
    const other = await newStream({ accessDurationHours: null });
    const c2 = await customer(s, token, 'Geannuleerd');
    await buyStream(c2, other.id);
    expect(await control(other.id, { contactid: c2 })).toBe(10);
    ok(await s.request('PATCH', `/api/streams/${other.id}`, { token, body: { status: 20 } }), 'cancel');
    expect(await control(other.id, { contactid: c2 })).toBe(-1);
    const refused = await s.request('POST', `/api/baskets/${(await s.request('POST', '/api/baskets', { token, body: { channel: 'online' } })).body.id}/streams`, { token, body: { streamId: other.id } });
    expect(refused.status).toBe(409);
  });
});

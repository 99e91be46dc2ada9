// The public shop API over HTTP on both databases: settings, programme, performance page, the
// anonymous buyer's basket (and that its token opens nothing else), buyer details, checkout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { utickClient } from '../catalogue/fixtures.js';
import { buildShop, buyer, expectProblem, ok, type ShopFixture } from './kit.js';

describe.each(DIALECTS)('web shop API on %s', (dialect) => {
  let s: TestServer;
  let tokenA: string;
  let tokenB: string;
  let a: ShopFixture;
  let b: ShopFixture;
  const staffA = (method: string, path: string, body?: unknown) => s.request(method, path, { token: tokenA, body });

  beforeAll(async () => {
    s = await startServer(dialect);
    tokenA = (await orgWithUser(s, 'admin', 'Theater Aan Zee')).token;
    tokenB = (await orgWithUser(s, 'admin', 'Schouwburg B')).token;
    a = await buildShop(s, tokenA);
    b = await buildShop(s, tokenB, { slug: 'schouwburg-b', title: 'Alleen bij B' });
  });
  afterAll(async () => { await s?.close(); });

  describe('settings', () => {
    it('the slug comes from the name; an admin turns the shop on with its look, origins and terms', async () => {
      expect(a.slug).toBe('theater-aan-zee');
      const saved = ok(await staffA('PUT', '/api/shop-settings', {
        enabled: true, displayName: 'Theater Aan Zee online', logoUrl: 'https://theater.example/logo.png', colour: '#123456',
        embedOrigins: ['https://www.theater.example', 'http://localhost:8080/'], termsUrl: 'https://theater.example/voorwaarden',
      }));
      expect(saved).toMatchObject({
        enabled: true, slug: 'theater-aan-zee', displayName: 'Theater Aan Zee online', colour: '#123456',
        embedOrigins: ['https://www.theater.example', 'http://localhost:8080'], maxPlaces: 10,
      });
      expect(saved.url).toMatch(/\/shop\/theater-aan-zee\/$/);
      const info = ok(await s.request('GET', `/api/shops/${a.slug}`));
      expect(info).toMatchObject({ name: 'Theater Aan Zee online', colour: '#123456', termsUrl: 'https://theater.example/voorwaarden', holdMinutes: 15 });
      expect(JSON.stringify(info)).not.toContain('localhost:8080'); // the embedding origins are not the public's business
    });

    it('refuses an origin with a path, a bad colour and a slug another organisation has; only admins', async () => {
      const bad = await staffA('PUT', '/api/shop-settings', { enabled: true, embedOrigins: ['https://ok.example', 'https://x.example/shop'] });
      expectProblem(bad, 400, 'validation-failed');
      expect(bad.body.errors[0].field).toBe('embedOrigins/1');
      expectProblem(await staffA('PUT', '/api/shop-settings', { enabled: true, colour: 'red' }), 400, 'validation-failed');
      const taken = await s.request('PUT', '/api/shop-settings', { token: tokenA, body: { enabled: true, slug: 'schouwburg-b' }, lang: 'nl' });
      expectProblem(taken, 409, 'slug-taken');
      expect(taken.body.detail).toContain('schouwburg-b');
      const org = await orgWithUser(s, 'boxoffice', 'Kassa Theater');
      expectProblem(await s.request('PUT', '/api/shop-settings', { token: org.token, body: { enabled: true } }), 403, 'forbidden');
    });

    it('a shop that is off or a slug nobody has answers 404, in the buyer’s language', async () => {
      expectProblem(await s.request('GET', '/api/shops/niemand/programme'), 404, 'shop-not-found');
      const other = await orgWithUser(s, 'admin', 'Dicht Theater');
      const off = await s.request('GET', '/api/shops/dicht-theater/programme', { lang: 'fr' });
      expectProblem(off, 404, 'shop-not-found');
      expect(off.body.title).toBe('Boutique introuvable');
      ok(await s.request('PUT', '/api/shop-settings', { token: other.token, body: { enabled: false } }));
      expectProblem(await s.request('POST', '/api/shops/dicht-theater/baskets'), 404, 'shop-not-found');
    });
  });

  describe('reading the programme', () => {
    it('lists this organisation’s performances to come, with price from and state; never another organisation’s', async () => {
      const p = ok(await s.request('GET', `/api/shops/${a.slug}/programme`));
      expect(p.productions.map((x: { title: string }) => x.title)).toEqual(['Hamlet']);
      expect(p.productions[0].performances[0]).toMatchObject({
        id: a.performanceId, startsAt: '2055-01-15T20:15:00+01:00', date: '2055-01-15', venueName: 'Stadsschouwburg', state: 'on_sale',
        priceFrom: 0, available: 60,
      });
      expect(JSON.stringify(p)).not.toContain('Alleen bij B');
      expect(p.genres).toEqual(['toneel']);
      const pb = ok(await s.request('GET', '/api/shops/schouwburg-b/programme'));
      expect(pb.productions.map((x: { title: string }) => x.title)).toEqual(['Alleen bij B']);
    });

    it('filters by date, venue and genre', async () => {
      const none = ok(await s.request('GET', `/api/shops/${a.slug}/programme?from=2055-01-16`));
      expect(none.productions).toEqual([]);
      const day = ok(await s.request('GET', `/api/shops/${a.slug}/programme?from=2055-01-15&to=2055-01-15&venue=${a.venueId}&genre=toneel`));
      expect(day.productions).toHaveLength(1);
      expect(ok(await s.request('GET', `/api/shops/${a.slug}/programme?genre=dans`)).productions).toEqual([]);
    });

    it('a performance whose online sale opens later shows when it opens; drafts are not shown', async () => {
      const later = ok(await staffA('POST', '/api/performances', {
        productionId: a.productionId, hallId: a.hallId, startsAt: '2055-02-01T20:15', standardTicketTypeId: a.types.normal,
        salesWindows: [{ channel: 'online', opensAt: '2055-01-20T10:00' }],
      }), 201);
      ok(await staffA('PUT', `/api/performances/${later.id}/prices`, { prices: [1, 2].map((rank) => ({ ticketTypeId: a.types.normal, rank, amount: 2000 })) }));
      const draft = ok(await staffA('POST', '/api/performances', {
        productionId: a.productionId, hallId: a.hallId, startsAt: '2055-02-02T20:15', standardTicketTypeId: a.types.normal,
      }), 201);
      ok(await staffA('PATCH', `/api/performances/${later.id}`, { status: 'on_sale' }));
      // the programme is at most a few seconds old
      const listed = async () => ok(await s.request('GET', `/api/shops/${a.slug}/programme?from=2055-02-01`)).productions[0]?.performances ?? [];
      await expect.poll(async () => (await listed()).length, { timeout: 10_000, interval: 250 }).toBe(1);
      const perfs = await listed();
      expect(perfs[0]).toMatchObject({ id: later.id, state: 'not_yet_open', opensAt: '2055-01-20T10:00:00+01:00', priceFrom: 2000 });
      expectProblem(await s.request('GET', `/api/shops/${a.slug}/performances/${draft.id}`), 404, 'not-found');
    });

    it('the performance page: seat map with wheelchair spaces, the GA zone, the ticket types sold online with prices per rank', async () => {
      const page = ok(await s.request('GET', `/api/shops/${a.slug}/performances/${a.performanceId}`, { lang: 'nl' }));
      expect(page).toMatchObject({ title: 'Hamlet', state: 'on_sale', hallName: 'Grote Zaal' });
      const seats = page.seatMap.sections[0].rows.flatMap((r: { seats: unknown[] }) => r.seats);
      expect(seats).toHaveLength(40);
      expect(seats.find((x: { id: string }) => x.id === 'r4s1')).toMatchObject({ wheelchair: true, rank: 2 });
      expect(seats.find((x: { id: string }) => x.id === 'r4s2')).toMatchObject({ companion: true });
      expect(seats.find((x: { id: string }) => x.id === 'r1s1').wheelchair).toBeUndefined();
      expect(page.seatMap.zones).toEqual([{ id: 'staan', name: 'Staanplaatsen', capacity: 20, rank: 2 }]);
      expect(page.ticketTypes.map((t: { name: string }) => t.name)).toEqual(['Normaal', 'Korting', 'Vrijkaart']);
      expect(page.ticketTypes[0].prices).toEqual([{ rank: 1, amount: 3000 }, { rank: 2, amount: 2000 }]);
    });

    it('the catalogue API’s shop_url points at the performance’s page in this shop', async () => {
      const { client } = await utickClient(s, tokenA);
      const events = await client.call('agenda/events', { eventid: a.performanceId });
      expect(events.body.success).toBe(true);
      expect(events.body.response[0].shop_url).toBe(`${s.baseUrl}/shop/${a.slug}/performances/${a.performanceId}`);
      const stocks = await client.call('shop/products/stocks', { eventid: a.performanceId });
      expect(stocks.body.response[0].shop_url).toBe(`${s.baseUrl}/shop/${a.slug}/performances/${a.performanceId}`);
    });

    it('another organisation’s performance is not found through this shop', async () => {
      expectProblem(await s.request('GET', `/api/shops/${a.slug}/performances/${b.performanceId}`), 404, 'not-found');
      expectProblem(await s.request('GET', `/api/shops/${a.slug}/performances/${b.performanceId}/availability`), 404, 'not-found');
      ok(await s.request('GET', `/api/shops/schouwburg-b/performances/${b.performanceId}`));
    });
  });

  describe('a buyer’s basket', () => {
    it('opens an online basket held for 15 minutes, holds chosen seats that then show as taken to everyone', async () => {
      const u = buyer(s, a.slug);
      const opened = await u.open();
      expect(u.token.length).toBeGreaterThan(30);
      expect(opened).toMatchObject({ status: 'open', lines: [], total: 0, buyer: null, order: null });
      expect(Date.parse(opened.expiresAt) - Date.parse(opened.now)).toBeGreaterThan(14 * 60_000);
      const basket = ok(await u.add({ performanceId: a.performanceId, seatIds: ['r1s4', 'r1s5'] }));
      expect(basket.lines.map((l: { seatId: string }) => l.seatId)).toEqual(['r1s4', 'r1s5']);
      expect(basket.lines[0]).toMatchObject({ rank: 1, price: 3000, ticketTypeName: 'Normaal', held: true, wheelchair: false });
      expect(basket.lines[0].choices.map((c: { name: string; price: number }) => `${c.name} ${c.price}`)).toEqual(['Normaal 3000', 'Korting 2500', 'Vrijkaart 0']);
      expect(basket.total).toBe(6000);

      const other = buyer(s, a.slug);
      await other.open();
      const lost = await other.add({ performanceId: a.performanceId, seatIds: ['r1s5', 'r1s6'] });
      expectProblem(lost, 409, 'seats-unavailable');
      expect(lost.body.unavailableSeatIds).toEqual(['r1s5']);
      await new Promise((r) => setTimeout(r, 1100)); // availability is at most a second old
      const av = ok(await s.request('GET', `/api/shops/${a.slug}/performances/${a.performanceId}/availability`));
      expect(av.taken).toEqual(expect.arrayContaining(['r1s4', 'r1s5']));
      expect(av.taken).not.toContain('r1s6');
    });

    it('best available in a rank, GA places as a counter, another type, removing a line', async () => {
      const u = buyer(s, a.slug);
      await u.open();
      let basket = ok(await u.add({ performanceId: a.performanceId, quantity: 2, rank: 2 }));
      expect(basket.lines.every((l: { rank: number }) => l.rank === 2)).toBe(true);
      basket = ok(await u.add({ performanceId: a.performanceId, quantity: 3, zoneId: 'staan' }));
      expect(basket.lines.filter((l: { zoneId: string | null }) => l.zoneId === 'staan')).toHaveLength(3);
      const line = basket.lines[0];
      basket = ok(await u.call('PATCH', `/basket/lines/${line.id}`, { ticketTypeId: a.types.discount }));
      expect(basket.lines[0]).toMatchObject({ ticketTypeName: 'Korting', price: 1500 });
      const counter = await u.call('PATCH', `/basket/lines/${line.id}`, { ticketTypeId: a.types.counter });
      expectProblem(counter, 400, 'validation-failed');
      expect(counter.body.errors[0].field).toBe('ticketTypeId');
      basket = ok(await u.call('DELETE', `/basket/lines/${line.id}`));
      expect(basket.lines).toHaveLength(4);
      expect(basket.lines.some((l: { id: string }) => l.id === line.id)).toBe(false);
    });

    it('a wheelchair space only with a confirmation; never more places than the shop allows', async () => {
      const u = buyer(s, a.slug);
      await u.open();
      const unconfirmed = await u.add({ performanceId: a.performanceId, seatIds: ['r4s1', 'r4s2'] });
      expectProblem(unconfirmed, 409, 'wheelchair-confirm');
      expect(unconfirmed.body.wheelchairSeatIds).toEqual(['r4s1']);
      expect(ok(await u.basket()).lines).toEqual([]);
      const basket = ok(await u.add({ performanceId: a.performanceId, seatIds: ['r4s1', 'r4s2'], wheelchairConfirmed: true }));
      expect(basket.lines.map((l: { wheelchair: boolean }) => l.wheelchair)).toEqual([true, false]);
      const tooMany = await u.add({ performanceId: a.performanceId, quantity: 9, zoneId: 'staan' });
      expectProblem(tooMany, 409, 'too-many-places');
      expect(tooMany.body.detail).toContain('10');
      ok(await u.add({ performanceId: a.performanceId, quantity: 8, zoneId: 'staan' }));
    });

    it('a token opens only its own basket in its own shop: another shop, a made-up token, another basket’s line all answer 404', async () => {
      const mine = buyer(s, a.slug);
      await mine.open();
      ok(await mine.add({ performanceId: a.performanceId, seatIds: ['r2s1'] }));
      const theirs = buyer(s, a.slug);
      await theirs.open();
      const their = ok(await theirs.add({ performanceId: a.performanceId, seatIds: ['r2s2'] })).lines[0];

      const viaB = buyer(s, 'schouwburg-b');
      viaB.token = mine.token;
      expectProblem(await viaB.basket(), 404, 'not-found');
      expectProblem(await viaB.add({ performanceId: b.performanceId, seatIds: ['r1s1'] }), 404, 'not-found');
      const made = buyer(s, a.slug);
      made.token = `${mine.token.slice(0, -2)}xx`;
      expectProblem(await made.basket(), 404, 'not-found');
      const none = buyer(s, a.slug);
      expectProblem(await none.basket(), 404, 'not-found');

      expectProblem(await mine.call('DELETE', `/basket/lines/${their.id}`), 404, 'not-found');
      expectProblem(await mine.call('PATCH', `/basket/lines/${their.id}`, { ticketTypeId: a.types.discount }), 404, 'not-found');
      const still = ok(await theirs.basket());
      expect(still.lines).toEqual([expect.objectContaining({ id: their.id, seatId: 'r2s2', price: 3000, held: true })]);
      // and a basket of this shop cannot take another organisation's seats
      expectProblem(await mine.add({ performanceId: b.performanceId, seatIds: ['r1s1'] }), 400, 'validation-failed');
    });

    it('giving the basket up returns its places at once', async () => {
      const u = buyer(s, a.slug);
      await u.open();
      ok(await u.add({ performanceId: a.performanceId, seatIds: ['r2s5'] }));
      expect(ok(await u.call('DELETE', '/basket'), 204)).toBeFalsy();
      expect(ok(await u.basket()).status).toBe('abandoned');
      const next = buyer(s, a.slug);
      await next.open();
      ok(await next.add({ performanceId: a.performanceId, seatIds: ['r2s5'] }));
    });
  });

  describe('buyer details and checkout', () => {
    it('asks for the e-mail twice and the terms; then one customer per address, whatever its case', async () => {
      const u = buyer(s, a.slug);
      await u.open();
      ok(await u.add({ performanceId: a.performanceId, seatIds: ['r3s1'] }));
      const mismatch = await u.details('anna@example.nl', { emailConfirm: 'ana@example.nl' });
      expectProblem(mismatch, 400, 'validation-failed');
      expect(mismatch.body.errors.map((e: { field: string }) => e.field)).toEqual(['emailConfirm']);
      const noTerms = await u.details('anna@example.nl', { termsAccepted: false });
      expect(noTerms.body.errors.map((e: { field: string }) => e.field)).toEqual(['termsAccepted']);
      const badMail = await u.details('geen-adres');
      expect(badMail.body.errors.map((e: { field: string }) => e.field)).toContain('email');

      const basket = ok(await u.details('Anna@Example.nl', { emailConfirm: 'anna@example.nl ', phone: '06 1234 5678', newsletter: true, language: 'fr' }));
      expect(basket.buyer).toEqual({ name: 'Anna de Vries', email: 'anna@example.nl', phone: '06 1234 5678', language: 'fr', newsletter: true, termsAccepted: true });
      const again = buyer(s, a.slug);
      await again.open();
      ok(await again.details('ANNA@example.nl'));
      const found = ok(await staffA('GET', '/api/customers?q=anna@example.nl'));
      expect(found.items).toHaveLength(1);
      expect(found.items[0]).toMatchObject({ name: 'Anna de Vries', email: 'anna@example.nl', phone: '06 1234 5678' });
    });

    it('an address the box office already knows gets that customer, whose name the buyer cannot change', async () => {
      const known = ok(await staffA('POST', '/api/customers', { name: 'Piet Bekend', email: 'piet@example.nl' }), 201);
      const u = buyer(s, a.slug);
      await u.open();
      const basket = ok(await u.details('piet@example.nl', { name: 'Iemand Anders' }));
      expect(JSON.stringify(basket)).not.toContain('Piet Bekend');
      const found = ok(await staffA('GET', '/api/customers?q=piet@example.nl'));
      expect(found.items).toEqual([expect.objectContaining({ id: known.id, name: 'Piet Bekend' })]);
    });

    it('two first purchases with one new address at the same moment make one customer', async () => {
      const buyers = Array.from({ length: 6 }, () => buyer(s, a.slug));
      for (const u of buyers) await u.open();
      const answers = await Promise.all(buyers.map((u) => u.details('tegelijk@example.nl')));
      for (const r of answers) ok(r);
      const found = ok(await staffA('GET', '/api/customers?q=tegelijk@example.nl'));
      expect(found.items).toHaveLength(1);
    });

    it('checkout needs the buyer’s details; a basket that owes nothing becomes a paid order at once', async () => {
      const u = buyer(s, a.slug);
      await u.open();
      const basket = ok(await u.add({ performanceId: a.performanceId, seatIds: ['r3s5'], ticketTypeId: a.types.free }));
      expect(basket.total).toBe(0);
      expectProblem(await u.call('POST', '/basket/checkout', {}), 409, 'buyer-missing');
      ok(await u.details('gratis@example.nl'));
      const paid = ok(await u.call('POST', '/basket/checkout', {}));
      expect(paid.checkoutUrl).toContain(`/shop/${a.slug}/return?basket=`);
      const after = ok(await u.basket());
      expect(after.status).toBe('checked_out');
      expect(after.order).toMatchObject({ id: paid.orderId, number: paid.number, status: 'paid', total: 0 });
      const order = ok(await staffA('GET', `/api/orders/${paid.orderId}`));
      expect(order).toMatchObject({ channel: 'online', status: 'paid', customer: { email: 'gratis@example.nl' } });
      expectProblem(await u.add({ performanceId: a.performanceId, seatIds: ['r3s6'] }), 409, 'basket-closed');
    });
  });
});

// Registering, cancelling and searching ticket sales, with UiTPAS's limits and all-or-nothing rule.
import { beforeEach, describe, expect, it } from 'vitest';
import { demoPerformances } from '../../src/demo/plan.js';
import { EVENT_100_PER_WEEK, EVENT_1_PER_WEEK, EVENT_OTHER_ORGANIZER, LIMITED_CLIENT } from './seed.js';
import { sandboxPerFile, TEST_NOW, type TestSandbox } from './test-support.js';

const PROBS = 'https://api.publiq.be/probs';
const sandbox = sandboxPerFile();
let sb: TestSandbox;
beforeEach(() => { sb = sandbox(); });

const sale = (uitpasNumber: string, eventId = EVENT_100_PER_WEEK, tariff = 'SOCIALTARIFF', regularPrice = 12) =>
  ({ regularPrice, regularPriceLabel: 'Basis', tariff: { id: tariff }, eventId, uitpasNumber });
const register = (items: unknown, token?: string) => sb.call('POST /ticket-sales', { body: items, token });
const search = (query: Record<string, string | number | string[]>) => sb.call('GET /ticket-sales', { query });

describe('POST /ticket-sales', () => {
  it('registers a social-tariff sale and answers it with id, creationDate and the full tariff', async () => {
    const a = await register([sale('0900000067513')]);
    expect(a.status).toBe(200);
    expect(a.body).toEqual([{
      id: expect.any(String), creationDate: '2026-12-02T10:00:00Z', regularPrice: 12, regularPriceLabel: 'Basis',
      tariff: { id: 'SOCIALTARIFF', name: 'Kansentarief', price: 3, type: 'SOCIALTARIFF' },
      eventId: EVENT_100_PER_WEEK, eventTitle: 'Permanente UiTPAS Test Festiviteit', uitpasNumber: '0900000067513',
    }]);
  });

  it('the limited event refuses a second sale in the same week with maximum-reached, and allows one next week', async () => {
    expect((await register([sale('0900000067513', EVENT_1_PER_WEEK)])).status).toBe(200);
    const second = await register([sale('0900000067513', EVENT_1_PER_WEEK)]);
    expect(second.body).toMatchObject({ status: 400, type: `${PROBS}/uitpas/maximum-reached`, jsonPointer: '/0' });
    expect(second.body.endUserMessage.nl).toMatch(/maximaal 1 ticket per week/);
    const t = await sb.call('GET /tariffs', { query: { eventId: EVENT_1_PER_WEEK, uitpasNumber: '0900000067513', regularPrice: 12 } });
    expect(t.body.available).toEqual([]);
    expect(t.body.endUserMessage.nl).toMatch(/geen recht meer op kansentarief/);
    sb.clock.set(new Date('2026-12-06T22:30:00Z')); // Sunday 23:30 in Brussels: still this week
    const fresh = await sb.token(); // the one from Wednesday lived a day
    expect((await register([sale('0900000067513', EVENT_1_PER_WEEK)], fresh)).body.type).toBe(`${PROBS}/uitpas/maximum-reached`);
    sb.clock.set(new Date('2026-12-06T23:30:00Z')); // Monday 00:30 in Brussels: a new week
    expect((await register([sale('0900000067513', EVENT_1_PER_WEEK)], fresh)).status).toBe(200);
  });

  it('an individual pass gets one ticket per registration even where the event allows 100 a week', async () => {
    const two = await register([sale('0900000067513'), sale('0900000067513')]);
    expect(two.body).toMatchObject({ type: `${PROBS}/uitpas/invalid-number-of-tickets`, jsonPointer: '/1' });
    expect((await register([sale('0900000067513')])).status).toBe(200);
    expect((await register([sale('0900000067513')])).status).toBe(200);
  });

  it('group pass 0900000045410 buys several tickets at once, up to its remaining count (the event\'s 100 a week)', async () => {
    const five = await register(Array.from({ length: 5 }, () => sale('0900000045410')));
    expect(five.status).toBe(200);
    expect(new Set(five.body.map((s: { id: string }) => s.id)).size).toBe(5);
    const t = await sb.call('GET /tariffs', { query: { eventId: EVENT_100_PER_WEEK, uitpasNumber: '0900000045410', regularPrice: 12 } });
    expect(t.body.available[0].remaining).toBe(95);
    const tooMany = await register(Array.from({ length: 96 }, () => sale('0900000045410')));
    expect(tooMany.body).toMatchObject({ type: `${PROBS}/uitpas/invalid-number-of-tickets`, jsonPointer: '/95' });
    expect((await register(Array.from({ length: 95 }, () => sale('0900000045410')))).status).toBe(200);
    const full = await register([sale('0900000045410')]);
    expect(full.body).toMatchObject({ type: `${PROBS}/uitpas/maximum-reached` });
    expect((await search({ eventId: EVENT_100_PER_WEEK })).body.totalItems).toBe(100);
  });

  it('group pass 0900000191800 uses its coupon up to 50 a day, as publiq lists it', async () => {
    expect((await register(Array.from({ length: 50 }, () => sale('0900000191800', EVENT_100_PER_WEEK, 'COUPON_1918')))).status).toBe(200);
    const more = await register([sale('0900000191800', EVENT_100_PER_WEEK, 'COUPON_1918')]);
    expect(more.body).toMatchObject({ type: `${PROBS}/uitpas/maximum-reached` });
    expect(more.body.endUserMessage.nl).toMatch(/50 tickets per dag/);
  });

  it('is all-or-nothing: one bad item and none is registered', async () => {
    const a = await register([sale('0900000067513'), sale('0900000031618'), sale('0900010959113')]);
    expect(a.body).toMatchObject({ status: 400, type: `${PROBS}/uitpas/social-tariff-expired`, jsonPointer: '/1' });
    expect(a.body.endUserMessage.nl).toMatch(/verlopen/);
    expect((await search({ eventId: EVENT_100_PER_WEEK })).body).toEqual({ totalItems: 0, member: [] });
  });

  it('refuses each test pass the way UiTPAS does', async () => {
    const typeOf = async (item: unknown) => (await register([item])).body.type;
    expect(await typeOf(sale('0900000002312'))).toBe(`${PROBS}/uitpas/invalid-card-status`);
    expect(await typeOf(sale('0900000093204'))).toBe(`${PROBS}/uitpas/passholder-no-active-cardsystems`);
    expect(await typeOf(sale('0900000093204', EVENT_100_PER_WEEK, 'COUPON_9321'))).toBe(`${PROBS}/uitpas/invalid-coupon`);
    expect(await typeOf(sale('0900000095902'))).toBe(`${PROBS}/uitpas/social-tariff-not-available`);
    expect(await typeOf(sale('0900000074519'))).toBe(`${PROBS}/uitpas/invalid-card-status`);
    expect(await typeOf(sale('0900000000000'))).toBe(`${PROBS}/uitpas/passholder-not-found`);
    expect(await typeOf(sale('123'))).toBe(`${PROBS}/uitpas/invalid-uitpasnumber`);
    expect(await typeOf(sale('0900000067513', '11111111-2222-3333-4444-555555555555'))).toBe(`${PROBS}/uitpas/event-not-found`);
    expect(await typeOf(sale('0900000067513', EVENT_100_PER_WEEK, 'REWARD1'))).toBe(`${PROBS}/body/invalid-data`);
    const other = await register([sale('0900000067513', EVENT_OTHER_ORGANIZER)]);
    expect(other.body).toMatchObject({ status: 403, type: `${PROBS}/auth/forbidden` });
  });

  it('a coupon of another region is invalid-coupon; a suspended social tariff is social-tariff-suspended', async () => {
    expect((await register([sale('0900000093204', EVENT_100_PER_WEEK, 'COUPON_9322')])).body.type).toBe(`${PROBS}/uitpas/invalid-coupon`);
    await sb.http('POST', '/_sandbox/passes/0900000067513', { socialTariff: 'suspended' });
    const a = await register([sale('0900000067513')]);
    expect(a.body).toMatchObject({ status: 400, type: `${PROBS}/uitpas/social-tariff-suspended`, jsonPointer: '/0' });
    expect(a.body.endUserMessage.nl).toMatch(/opgeschort/);
  });

  it('answers the body problems publiq documents', async () => {
    expect((await register('')).body.type).toBe(`${PROBS}/body/missing`);
    const token = await sb.token();
    const asText = await sb.http('POST', '/ticket-sales', JSON.stringify([sale('0900000067513')]), { authorization: `Bearer ${token}`, 'content-type': 'text/plain' });
    expect(asText.body).toMatchObject({ status: 400, type: `${PROBS}/body/invalid-syntax`, detail: expect.stringContaining('application/json') });
    const asForm = await sb.http('POST', '/ticket-sales', 'regularPrice=12', { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' });
    expect(asForm.body.type).toBe(`${PROBS}/body/invalid-syntax`);
    expect((await search({ eventId: EVENT_100_PER_WEEK })).body.totalItems).toBe(0);
    expect((await register('[{"regularPrice": 12,')).body.type).toBe(`${PROBS}/body/invalid-syntax`);
    const invalid = await register([{ regularPrice: '12', tariff: {}, eventId: EVENT_100_PER_WEEK }]);
    expect(invalid.body.type).toBe(`${PROBS}/body/invalid-data`);
    expect(invalid.body.schemaErrors.map((e: { jsonPointer: string }) => e.jsonPointer).sort())
      .toEqual(['/0/regularPrice', '/0/tariff/id', '/0/uitpasNumber']);
  });

  it('a client without TICKETSALES_REGISTER is forbidden', async () => {
    const a = await register([sale('0900000067513')], await sb.token(LIMITED_CLIENT));
    expect(a.body).toMatchObject({ status: 403, type: `${PROBS}/auth/forbidden`, detail: expect.stringContaining('TICKETSALES_REGISTER') });
  });

  it('sells UiTPAS tickets for every Gent demo performance', async () => {
    const gent = demoPerformances(TEST_NOW).filter((p) => p.uitdatabankEventId);
    expect(gent.length).toBeGreaterThan(0);
    const a = await register(gent.map((p) => sale('0900000067513', p.uitdatabankEventId!, 'SOCIALTARIFF', 35)));
    expect(a.status).toBe(200);
    expect(a.body.map((s: { tariff: { price: number } }) => s.tariff.price)).toEqual(gent.map(() => 9));
    const settings = await sb.call('GET /events/{eventId}/settings', { params: { eventId: gent[0].uitdatabankEventId! } });
    expect(settings.body).toEqual({ id: gent[0].uitdatabankEventId, checkinPoints: 1, passholderTicketLimit: { volume: 100, periodType: 'DAY' } });
  });
});

describe('DELETE /ticket-sales/{id}', () => {
  it('cancels (204), then answers 404 ticket-sale-not-found, and the pass may buy again', async () => {
    const [s] = (await register([sale('0900000067513', EVENT_1_PER_WEEK)])).body;
    const del = await sb.call('DELETE /ticket-sales/{ticketSaleId}', { params: { ticketSaleId: s.id } });
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    const again = await sb.call('DELETE /ticket-sales/{ticketSaleId}', { params: { ticketSaleId: s.id } });
    expect(again.body).toMatchObject({ status: 404, type: `${PROBS}/uitpas/ticket-sale-not-found` });
    expect((await register([sale('0900000067513', EVENT_1_PER_WEEK)])).status).toBe(200);
  });
});

describe('GET /ticket-sales', () => {
  it('pages with start and limit, in registration order', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(...(await register(Array.from({ length: 4 }, () => sale('0900000045410')))).body.map((s: { id: string }) => s.id));
    const p1 = await search({ eventId: EVENT_100_PER_WEEK, start: 0, limit: 5 });
    const p3 = await search({ eventId: EVENT_100_PER_WEEK, start: 10, limit: 5 });
    expect(p1.body.totalItems).toBe(12);
    expect(p1.body.member.map((s: { id: string }) => s.id)).toEqual(ids.slice(0, 5));
    expect(p3.body.member.map((s: { id: string }) => s.id)).toEqual(ids.slice(10));
    expect((await search({ eventId: EVENT_100_PER_WEEK })).body.member).toHaveLength(12);
  });

  it('filters by passholder within organizers, and by title', async () => {
    await register([sale('0900000067513'), sale('0900010959113')]);
    const holder = (await sb.call('GET /passes', { query: { identifier: '0900010959113' } })).body.passholderId;
    const mine = await search({ passholderId: holder, organizerId: ['0ce87cbc-9299-4528-8d35-92225dc9489f'] });
    expect(mine.body.member.map((s: { uitpasNumber: string }) => s.uitpasNumber)).toEqual(['0900010959113']);
    expect((await search({ eventId: EVENT_100_PER_WEEK, eventTitle: 'festiviteit' })).body.totalItems).toBe(2);
    expect((await search({ eventId: EVENT_100_PER_WEEK, eventTitle: 'concert' })).body.totalItems).toBe(0);
  });

  it('refuses a limit over 500 and a search without eventId or passholderId', async () => {
    expect((await search({ eventId: EVENT_100_PER_WEEK, limit: 501 })).body.type).toBe(`${PROBS}/url/query-limit-exceeded`);
    expect((await search({})).body.type).toBe(`${PROBS}/url/query-parameter-missing`);
    expect((await search({ passholderId: 'x' })).body.type).toBe(`${PROBS}/url/query-parameter-missing`);
  });
});

describe('permissions and event information', () => {
  it('GET /permissions lists the organizer with the four permissions the connector needs', async () => {
    const a = await sb.call('GET /permissions');
    expect(a.body).toHaveLength(1);
    expect(a.body[0].organizer).toMatchObject({ id: '0ce87cbc-9299-4528-8d35-92225dc9489f', name: '[TEST] UiTPAS Organisatie (Regio Gent + Paspartoe)' });
    expect(a.body[0].permissions).toEqual(expect.arrayContaining(['TARIFFS_READ', 'TICKETSALES_REGISTER', 'TICKETSALES_SEARCH', 'PASSES_READ']));
    const limited = await sb.call('GET /permissions', { token: await sb.token(LIMITED_CLIENT) });
    expect(limited.body[0].permissions).not.toContain('TICKETSALES_REGISTER');
  });

  it('card systems and settings of an event; unknown event is 404', async () => {
    const cs = await sb.call('GET /events/{eventId}/card-systems', { params: { eventId: EVENT_1_PER_WEEK } });
    expect(cs.body).toEqual(expect.arrayContaining([{ id: 8, name: 'UiTPAS Gent', enabled: true }]));
    const st = await sb.call('GET /events/{eventId}/settings', { params: { eventId: EVENT_1_PER_WEEK } });
    expect(st.body.passholderTicketLimit).toEqual({ volume: 1, periodType: 'WEEK' });
    const none = await sb.call('GET /events/{eventId}/card-systems', { params: { eventId: 'nope' } });
    expect(none.body).toMatchObject({ status: 404, type: `${PROBS}/uitpas/event-not-found` });
    const forbidden = await sb.call('GET /events/{eventId}/settings', { params: { eventId: EVENT_1_PER_WEEK }, token: await sb.token(LIMITED_CLIENT) });
    expect(forbidden.status).toBe(403);
  });
});

// The old XML searchTicketsales (seed 002) shows the same sales as API 4.0.
import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { EVENT_100_PER_WEEK, EVENT_1_PER_WEEK, LIMITED_CLIENT } from './seed.js';
import { sandboxPerFile, startTestSandbox, type TestSandbox } from './test-support.js';
import { LEGACY_SEARCH_PATH, parseW3cDate } from './xml.js';

const sandbox = sandboxPerFile();
let sb: TestSandbox;
let token: string;
beforeEach(async () => { sb = sandbox(); token = await sb.token(); });

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'ticketSale' });
interface XmlAnswer { status: number; contentType: string; response: Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any

async function legacy(query: Record<string, string>, bearer: string | null = token): Promise<XmlAnswer> {
  const a = await sb.http('GET', `${LEGACY_SEARCH_PATH}?${new URLSearchParams(query)}`, undefined, bearer ? { authorization: `Bearer ${bearer}` } : {});
  expect(a.text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
  return { status: a.status, contentType: a.contentType, response: parser.parse(a.text).response };
}

const sale = (uitpasNumber: string, eventId = EVENT_100_PER_WEEK, tariff = 'SOCIALTARIFF') =>
  ({ regularPrice: 12, tariff: { id: tariff }, eventId, uitpasNumber });

describe('GET /uitid/rest/uitpas/cultureevent/searchTicketsales', () => {
  it('lists the sales registered through API 4.0, with the fields of seed 002', async () => {
    const registered = (await sb.call('POST /ticket-sales', { body: [sale('0900000067513'), sale('0900000191800', EVENT_1_PER_WEEK, 'COUPON_1918')] })).body;
    const a = await legacy({});
    expect(a.status).toBe(200);
    expect(a.contentType).toContain('application/xml');
    expect(a.response.total).toBe('2');
    const [first, second] = a.response.ticketSales.ticketSale;
    expect(first).toEqual({
      createdVia: 'Foyer demo', creationDate: '2026-12-02T11:00:00+01:00', id: registered[0].id, nodeId: EVENT_100_PER_WEEK,
      nodeTitle: 'Permanente UiTPAS Test Festiviteit', price: '12.0', tariff: '3.0', firstName: 'Jan', lastName: 'Kansentarief',
      dateOfBirth: '1936-05-13T00:00:00+01:00', status: 'ACTIVE', location: '[TEST] UiTPAS Organisatie (Regio Gent + Paspartoe)',
      userId: expect.any(String), organiser: '[TEST] UiTPAS Organisatie (Regio Gent + Paspartoe)', userHomeCity: 'Melle', groupPass: 'false',
    });
    expect(second.ticketSaleCoupon).toEqual({ id: 'COUPON_1918', name: 'Groepsbon Gent 3 euro' });
    expect(second.tariff).toBe('9.0');
    expect(second.groupPass).toBe('true');
  });

  it('lists a sale cancelled through API 4.0 with its status, next to the active ones', async () => {
    const [s, kept] = (await sb.call('POST /ticket-sales', { body: [sale('0900000067513'), sale('0900010959113')] })).body;
    await sb.call('DELETE /ticket-sales/{ticketSaleId}', { params: { ticketSaleId: s.id } });
    const a = await legacy({});
    expect(a.response.total).toBe('2');
    expect(a.response.ticketSales.ticketSale.map((t: { id: string; status: string }) => [t.id, t.status])).toEqual([[s.id, 'CANCELLED'], [kept.id, 'ACTIVE']]);
    expect((await sb.call('GET /ticket-sales', { query: { eventId: EVENT_100_PER_WEEK } })).body.totalItems).toBe(1);
  });

  it('filters by organizer as publiq\'s PHP library spells it, as well as organiser', async () => {
    await sb.call('POST /ticket-sales', { body: [sale('0900000067513')] });
    for (const name of ['organizer', 'organiser']) {
      expect((await legacy({ [name]: 'paspartoe' })).response.total).toBe('1');
      expect((await legacy({ [name]: '0ce87cbc-9299-4528-8d35-92225dc9489f' })).response.total).toBe('1');
      expect((await legacy({ [name]: 'andere organisatie' })).response.total).toBe('0');
    }
  });

  it('pages with start and max (default 20) and filters by cdbid, uid, city and dates', async () => {
    await sb.call('POST /ticket-sales', { body: Array.from({ length: 25 }, () => sale('0900000191800', EVENT_100_PER_WEEK, 'COUPON_1918')) });
    sb.clock.set(new Date('2026-12-03T10:00:00Z'));
    token = await sb.token(); // a day later: the first token has expired
    await sb.call('POST /ticket-sales', { body: [sale('0900000067513', EVENT_1_PER_WEEK)], token });
    const all = await legacy({});
    expect(all.response.total).toBe('26');
    expect(all.response.ticketSales.ticketSale).toHaveLength(20);
    const last = await legacy({ start: '20', max: '10' });
    expect(last.response.ticketSales.ticketSale).toHaveLength(6);
    expect((await legacy({ cdbid: EVENT_1_PER_WEEK })).response.total).toBe('1');
    expect((await legacy({ city: 'melle' })).response.total).toBe('1');
    const group = all.response.ticketSales.ticketSale[0];
    expect(group.groupPass).toBe('true');
    expect((await legacy({ uid: group.userId, max: '100' })).response.total).toBe('25');
    expect((await legacy({ startDate: '2026-12-03' })).response.total).toBe('1');
    expect((await legacy({ endDate: '2026-12-02' })).response.total).toBe('25');
    expect((await legacy({ startDate: '2026-12-02T11:00:00+01:00', endDate: '2026-12-02T11:00:00+01:00' })).response.total).toBe('25');
    expect((await legacy({ organiser: 'paspartoe' })).response.total).toBe('26');
  });

  it('answers the XML errors of seed 002', async () => {
    const bad = await legacy({ startDate: '02/12/2026' });
    expect(bad.status).toBe(400);
    expect(bad.response.code).toBe('PARSE_INVALID_DATE');
    expect((await legacy({ endDate: '2026-02-30' })).response.code).toBe('PARSE_INVALID_DATE');
    const balie = await legacy({ balieConsumerKey: 'unknown-balie' });
    expect(balie.response).toMatchObject({ code: 'UNKNOWN_BALIE_CONSUMERKEY', message: expect.stringContaining('unknown-balie') });
    expect((await legacy({ max: 'ten' })).response.code).toBe('ACTION_FAILED');
    const noToken = await legacy({}, null);
    expect(noToken.status).toBe(401);
    expect(noToken.response.code).toBe('ACCESS_DENIED');
  });

  it('a balie without the search permission gets ACCESS_DENIED with the required permission', async () => {
    const limitedWithoutSearch = await startTestSandbox({
      clients: [{ ...LIMITED_CLIENT, name: 'Kassa', organizers: [{ organizerId: '0ce87cbc-9299-4528-8d35-92225dc9489f', permissions: ['PASSES_READ'] }] }],
    });
    try {
      const t = await limitedWithoutSearch.token(LIMITED_CLIENT);
      const a = await limitedWithoutSearch.http('GET', LEGACY_SEARCH_PATH, undefined, { authorization: `Bearer ${t}` });
      expect(a.status).toBe(400);
      expect(parser.parse(a.text).response).toMatchObject({ code: 'ACCESS_DENIED', requiredPermission: 'TICKETSALES_SEARCH' });
    } finally {
      await limitedWithoutSearch.close();
    }
  });
});

describe('parseW3cDate', () => {
  it('reads every W3C date profile, date-only forms as whole Brussels periods', () => {
    expect(parseW3cDate('2026-12-02')).toEqual({ from: Date.parse('2026-12-01T23:00:00Z'), to: Date.parse('2026-12-02T23:00:00Z') });
    expect(parseW3cDate('2026-07')).toEqual({ from: Date.parse('2026-06-30T22:00:00Z'), to: Date.parse('2026-07-31T22:00:00Z') });
    expect(parseW3cDate('2026')?.from).toBe(Date.parse('2025-12-31T23:00:00Z'));
    expect(parseW3cDate('2015-06-19T11:31:09+02:00')?.from).toBe(Date.parse('2015-06-19T09:31:09Z'));
    expect(parseW3cDate('2015-06-19T11:31Z')?.from).toBe(Date.parse('2015-06-19T11:31:00Z'));
    for (const bad of ['19-06-2015', '2015-13-01', '2015-06-19T11:31', '2015-06-19 11:31:09', '']) expect(parseW3cDate(bad)).toBeNull();
  });
});

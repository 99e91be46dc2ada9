// Dates, local times and amounts out of range: a 400 naming the field, never a silently changed
// value and never a 500; and money beyond 32 bits adds up on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type Answer, type TestServer } from '../helpers/server.js';
import { expectRejected } from './expect-problem.js';

const fields = (res: Answer): string[] => (res.body.errors ?? []).map((e: { field: string }) => e.field);

describe.each(DIALECTS)('input ranges on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const req = (method: string, path: string, body?: unknown, lang?: string) => s.request(method, path, { token, body, lang });
  const expect400 = (res: Answer, field: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.type).toBe('/problems/validation-failed');
    expect(fields(res)).toEqual([field]);
  };
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { rows: 3, perRow: 10 });
  });
  afterAll(async () => { await s?.close(); });

  const performance = (startsAt: string, extra: Record<string, unknown> = {}) =>
    req('POST', '/api/performances', { productionId: c.productionId, hallId: c.hallId, startsAt, ...extra });

  it('performance filters refuse days outside 2000-01-01..2100-12-31 (not a 500)', async () => {
    for (const q of ['to=9999-12-31', 'from=0000-01-01', 'to=1999-12-31', 'from=2101-01-01', 'to=2055-02-30']) {
      const field = `querystring/${q.split('=')[0]}`;
      expect400(await req('GET', `/api/performances?${q}`), field);
    }
    await expectRejected((lang) => req('GET', '/api/performances?to=9999-12-31', undefined, lang), 400, 'validation-failed', ['querystring/to']);
    expect((await req('GET', '/api/performances?from=2000-01-01&to=2100-12-31')).status).toBe(200);
  });

  it('a performance time that does not exist or is out of range is refused, not changed', async () => {
    for (const startsAt of ['0000-01-01T00:00', '9999-12-31T23:59', '1999-12-31T23:59', '2101-01-01T00:00', '2055-01-15T20:15:60',
      '2055-01-15T24:00', '2055-02-29T20:00', '2055-03-28T02:30']) {
      expect400(await performance(startsAt), 'startsAt');
    }
    await expectRejected((lang) => req('POST', '/api/performances', { productionId: c.productionId, hallId: c.hallId, startsAt: '2055-03-28T02:30' }, lang),
      400, 'validation-failed', ['startsAt']);
    // The edges of the range, a leap day, and seconds are kept as given.
    const last = await performance('2100-12-31T23:59');
    expect(last.status, JSON.stringify(last.body)).toBe(201);
    expect(last.body.startsAt).toBe('2100-12-31T23:59:00+01:00');
    expect(last.body.endsAt.slice(0, 4)).toBe('2101');
    const leap = await performance('2056-02-29T20:15:59');
    expect(leap.body.startsAt).toBe('2056-02-29T20:15:59+01:00');
    // The hour that happens twice in October is the first one.
    expect((await performance('2055-10-31T02:30')).body.startsAt).toBe('2055-10-31T02:30:00+02:00');
    expect400(await req('PATCH', `/api/performances/${last.body.id}`, { startsAt: '9999-12-31T23:59' }), 'startsAt');
    expect((await req('GET', `/api/performances/${last.body.id}`)).body.startsAt).toBe('2100-12-31T23:59:00+01:00');
  });

  it('sales windows are checked the same way', async () => {
    expect400(await performance('2055-05-01T20:00', { salesWindows: [{ channel: 'online', opensAt: '0000-01-01T00:00' }] }), 'salesWindows/0/opensAt');
    expect400(await performance('2055-05-01T20:00', { salesWindows: [{ channel: 'online', closesAt: '2055-03-28T02:00' }] }), 'salesWindows/0/closesAt');
    expect400(await req('PATCH', `/api/performances/${c.performanceId}`, { salesWindows: [{ channel: 'boxoffice', closesAt: '2055-01-15T20:15:60' }] }),
      'salesWindows/0/closesAt');
  });

  it('report periods refuse days outside the range', async () => {
    expect400(await req('GET', '/api/reports/daily-sales?from=2054-01-01&to=9999-12-31'), 'querystring/to');
    expect400(await req('GET', '/api/reports/performances?from=0000-01-01&to=2054-01-01'), 'querystring/from');
    expect400(await req('GET', `/api/reports/performances/${c.performanceId}/sales-over-time?from=1999-12-31`), 'querystring/from');
    expect((await req('GET', '/api/reports/daily-sales?from=2054-01-01&to=2054-01-31')).status).toBe(200);
  });

  it('pack and stream instants and birth dates are checked too', async () => {
    const pack = {
      label: 'Abonnement', typeId: 1, price: 1000, ticketTypeId: c.ticketTypes.normal,
      sets: [{ label: 'Set', itemnbMin: 1, itemnbMax: 1, stocks: [{ performanceId: c.performanceId }] }],
    };
    expect400(await req('POST', '/api/packs', { ...pack, validFrom: '0000-01-01T00:00:00Z' }), 'validFrom');
    expect400(await req('POST', '/api/packs', { ...pack, validUntil: '2055-01-01T12:00:60+01:00' }), 'validUntil');
    expect((await req('POST', '/api/packs', { ...pack, validUntil: '2055-06-30T23:59:59+02:00' })).status).toBe(201);
    const stream = { label: 'Stream', url: 'https://example.test/v', price: 500, status: 10, freeaccessSeats: false, freeaccessPacks: false, venueId: null, productionId: null };
    expect400(await req('POST', '/api/streams', { ...stream, endsAt: '9999-12-31T23:59:59Z' }), 'endsAt');
    expect400(await req('POST', '/api/customers', { name: 'A B', birthDate: '0000-01-01' }), 'birthDate');
    expect400(await req('POST', '/api/customers', { name: 'A B', birthDate: '1980-02-30' }), 'birthDate');
    expect((await req('POST', '/api/customers', { name: 'A B', birthDate: '1931-05-01' })).status).toBe(201);
  });

  it('an amount beyond the maximum (1,000,000 euro) is a 400; a basket over 2^31 cents checks out', async () => {
    const prices = (amount: number, rank2 = amount) => ({ prices: [{ ticketTypeId: c.ticketTypes.normal, rank: 1, amount }, { ticketTypeId: c.ticketTypes.normal, rank: 2, amount: rank2 }] });
    for (const amount of [100_000_001, 2 ** 31, 1e20]) expect400(await req('PUT', `/api/performances/${c.performanceId}/prices`, prices(amount, 100)), 'prices/0/amount');
    await expectRejected((lang) => req('PUT', `/api/performances/${c.performanceId}/prices`, prices(2 ** 31, 100), lang), 400, 'validation-failed', ['prices/0/amount']);
    expect((await req('PUT', `/api/performances/${c.performanceId}/prices`, prices(100_000_000))).status).toBe(200);

    const basket = (await req('POST', '/api/baskets', { channel: 'boxoffice' })).body;
    const seats = c.seatIds.slice(0, 25);
    for (let i = 0; i < seats.length; i += 20) {
      const add = await req('POST', `/api/baskets/${basket.id}/lines`, { performanceId: c.performanceId, seatIds: seats.slice(i, i + 20) });
      expect(add.status, JSON.stringify(add.body)).toBe(200);
    }
    const order = await req('POST', `/api/baskets/${basket.id}/checkout`, { payment: { method: 'card' } });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body.total).toBe(2_500_000_000);
    const read = await req('GET', `/api/orders/${order.body.id}`);
    expect(read.body.total).toBe(2_500_000_000);
    expect(read.body.payments.reduce((n: number, p: { amount: number }) => n + p.amount, 0)).toBe(2_500_000_000);
    const figures = await req('GET', `/api/performances/${c.performanceId}/figures`);
    expect(figures.status).toBe(200);
    expect(JSON.stringify(figures.body)).toContain('2500000000');
    // A refund of the whole order, and the reports over it.
    const cancel = await req('POST', `/api/orders/${order.body.id}/cancel`, {});
    expect(cancel.status, JSON.stringify(cancel.body)).toBeLessThan(300);
    const today = new Date().toISOString().slice(0, 10);
    const daily = await req('GET', `/api/reports/daily-sales?from=${today}&to=${today}`);
    expect(daily.status, JSON.stringify(daily.body)).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser } from '../helpers/server.js';
import { buildScenario, type Scenario } from './scenario.js';

interface Row { date: string; ticketTypeId: string; ticketTypeName: string; dipCategory: string; channel: string; paymentMethod: string; tickets: number; revenue: number }

describe.each(DIALECTS)('reports on %s', (dialect) => {
  let sc: Scenario;
  beforeAll(async () => { sc = await buildScenario(dialect); });
  afterAll(async () => { await sc?.s.close(); });

  const get = (path: string, token = sc.token) => sc.s.request('GET', path, { token });
  const compact = (items: Row[]) => items.map((i) =>
    `${i.date} ${i.ticketTypeId === sc.b.ticketTypes.normal ? 'B:' : ''}${i.ticketTypeName} ${i.dipCategory} ${i.channel} ${i.paymentMethod} ${i.tickets} ${i.revenue}`).sort();

  it('daily sales: per local day, type, channel and method; a cancellation negative on its own day; reservations left out', async () => {
    const r = await get('/api/reports/daily-sales?from=2054-11-23&to=2054-11-26');
    expect(r.status).toBe(200);
    expect(compact(r.body.items)).toEqual([
      '2054-11-23 Korting discount boxoffice cash 1 2500',
      '2054-11-23 Normaal normal boxoffice cash 2 6000',
      '2054-11-23 Normaal normal online online 1 2000',
      '2054-11-23 Overig other online online 1 1000',
      '2054-11-24 Korting discount boxoffice pin 1 1500',
      '2054-11-25 Vrijkaart free boxoffice none 1 0',
      '2054-11-26 B:Normaal normal boxoffice cash 1 3000',
      '2054-11-26 Normaal normal boxoffice card 2 6000',
      '2054-11-26 Normaal normal boxoffice pin -1 -3000',
    ]);
    expect(r.body.totals).toEqual({ tickets: 9, revenue: 19000, fees: 0, total: 19000, feesByChannel: [], vat: [{ rate: 900, net: 17430, vat: 1570, gross: 19000 }] });
    expect(r.body.items.map((i: Row) => i.date)).toEqual([...r.body.items.map((i: Row) => i.date)].sort());
  });

  it('daily sales: from/to are local days, and venue narrows to one venue', async () => {
    const day = await get('/api/reports/daily-sales?from=2054-11-24&to=2054-11-24');
    expect(compact(day.body.items)).toEqual(['2054-11-24 Korting discount boxoffice pin 1 1500']);
    const before = await get('/api/reports/daily-sales?from=2054-11-01&to=2054-11-22');
    expect(before.body).toMatchObject({ items: [], totals: { tickets: 0, revenue: 0 } });
    const venueA = await get(`/api/reports/daily-sales?from=2054-11-23&to=2054-11-26&venue=${sc.a.venueId}`);
    expect(venueA.body.totals).toMatchObject({ tickets: 8, revenue: 16000, total: 16000 });
    const venueB = await get(`/api/reports/daily-sales?from=2054-11-23&to=2054-11-26&venue=${sc.b.venueId}`);
    expect(compact(venueB.body.items)).toEqual(['2054-11-26 B:Normaal normal boxoffice cash 1 3000']);
  });

  it('performances: sold by seed 000 rules per type and category, reservations, blocks, capacity, occupancy', async () => {
    const r = await get('/api/reports/performances?from=2055-01-01&to=2055-02-28');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(2);
    const [a, b] = r.body.items;
    expect(a).toEqual({
      performanceId: sc.a.performanceId, title: 'Hamlet', startsAt: '2055-01-15T20:15:00+01:00', venueName: 'Stadsschouwburg',
      capacity: 38, soldTickets: 8, revenue: 16000, reservations: 1, blocked: { conditional: 1, definitive: 2 }, occupancy: 21.1,
      byTicketType: [
        { ticketTypeId: sc.a.ticketTypes.discount, name: 'Korting', tickets: 2, revenue: 4000 },
        { ticketTypeId: sc.a.ticketTypes.normal, name: 'Normaal', tickets: 4, revenue: 11000 },
        { ticketTypeId: sc.a.ticketTypes.other, name: 'Overig', tickets: 1, revenue: 1000 },
        { ticketTypeId: sc.a.ticketTypes.free, name: 'Vrijkaart', tickets: 1, revenue: 0 },
      ],
      byCategory: { normal: { tickets: 4, revenue: 11000 }, discount: { tickets: 2, revenue: 4000 }, free: { tickets: 1, revenue: 0 }, other: { tickets: 1, revenue: 1000 } },
    });
    expect(b).toMatchObject({ performanceId: sc.b.performanceId, capacity: 40, soldTickets: 1, revenue: 3000, occupancy: 2.5, reservations: 0 });
    // the same numbers as the DIP figures of the performance
    const figures = await get(`/api/performances/${sc.a.performanceId}/figures`);
    expect(figures.body.sold).toEqual(a.byCategory);
    expect(figures.body.reservations.tickets).toBe(a.reservations);
    expect(figures.body.capacity).toBe(a.capacity);
  });

  it('performances: filtered by performance date and venue', async () => {
    const jan = await get('/api/reports/performances?from=2055-01-15&to=2055-01-15');
    expect(jan.body.items.map((i: { performanceId: string }) => i.performanceId)).toEqual([sc.a.performanceId]);
    const venueB = await get(`/api/reports/performances?from=2055-01-01&to=2055-02-28&venue=${sc.b.venueId}`);
    expect(venueB.body.items.map((i: { performanceId: string }) => i.performanceId)).toEqual([sc.b.performanceId]);
    const none = await get('/api/reports/performances?from=2054-11-01&to=2054-12-31');
    expect(none.body.items).toEqual([]);
  });

  it('sales over time: net per day with running totals from the first sale up to today', async () => {
    const r = await get(`/api/reports/performances/${sc.a.performanceId}/sales-over-time`);
    expect(r.status).toBe(200);
    expect(r.body.points).toEqual([
      { date: '2054-11-23', tickets: 5, revenue: 11500, cumulativeTickets: 5, cumulativeRevenue: 11500 },
      { date: '2054-11-24', tickets: 1, revenue: 1500, cumulativeTickets: 6, cumulativeRevenue: 13000 },
      { date: '2054-11-25', tickets: 1, revenue: 0, cumulativeTickets: 7, cumulativeRevenue: 13000 },
      { date: '2054-11-26', tickets: 1, revenue: 3000, cumulativeTickets: 8, cumulativeRevenue: 16000 },
    ]);
    const window = await get(`/api/reports/performances/${sc.a.performanceId}/sales-over-time?from=2054-11-25&to=2054-11-27`);
    expect(window.body.points).toEqual([
      { date: '2054-11-25', tickets: 1, revenue: 0, cumulativeTickets: 7, cumulativeRevenue: 13000 },
      { date: '2054-11-26', tickets: 1, revenue: 3000, cumulativeTickets: 8, cumulativeRevenue: 16000 },
      { date: '2054-11-27', tickets: 0, revenue: 0, cumulativeTickets: 8, cumulativeRevenue: 16000 },
    ]);
    const otherVenue = await get(`/api/reports/performances/${sc.a.performanceId}/sales-over-time?venue=${sc.b.venueId}`);
    expect(otherVenue.status).toBe(404);
  });

  it('customers: orders, tickets and revenue bought in the period, last visit up to its end, best first, paged', async () => {
    const r = await get('/api/reports/customers?from=2054-11-23&to=2055-03-01');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(r.body.items).toEqual([
      { customerId: sc.anna, name: 'Anna de Vries', email: 'anna@example.test', postalCode: '3512 AB', orders: 2, tickets: 4, revenue: 11500, lastVisit: '2055-01-15T20:15:00+01:00' },
      { customerId: sc.bram, name: 'Bram Peeters', email: 'bram@example.test', postalCode: '9000', orders: 2, tickets: 3, revenue: 6000, lastVisit: '2055-02-10T20:00:00+01:00' },
    ]);
    const page = await get('/api/reports/customers?from=2054-11-23&to=2055-03-01&limit=1&offset=1');
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ customerId: sc.bram }] });
    const past = await get('/api/reports/customers?from=2054-11-23&to=2055-03-01&limit=10&offset=5');
    expect(past.body).toMatchObject({ total: 2, offset: 5, items: [] });
    const early = await get('/api/reports/customers?from=2054-11-23&to=2054-11-25');
    expect(early.body.items).toEqual([
      { customerId: sc.anna, name: 'Anna de Vries', email: 'anna@example.test', postalCode: '3512 AB', orders: 1, tickets: 2, revenue: 5500, lastVisit: null },
      { customerId: sc.bram, name: 'Bram Peeters', email: 'bram@example.test', postalCode: '9000', orders: 1, tickets: 2, revenue: 3000, lastVisit: null },
    ]);
    const venueB = await get(`/api/reports/customers?from=2054-11-23&to=2055-03-01&venue=${sc.b.venueId}`);
    expect(venueB.body.items).toEqual([
      { customerId: sc.bram, name: 'Bram Peeters', email: 'bram@example.test', postalCode: '9000', orders: 1, tickets: 1, revenue: 3000, lastVisit: '2055-02-10T20:00:00+01:00' },
    ]);
  });

  it('another organisation sees none of it', async () => {
    const other = await orgWithUser(sc.s, 'admin', 'Ander Theater');
    const daily = await get('/api/reports/daily-sales?from=2054-11-23&to=2054-11-26', other.token);
    expect(daily.body).toMatchObject({ items: [], totals: { tickets: 0, revenue: 0 } });
    expect((await get('/api/reports/performances?from=2055-01-01&to=2055-02-28', other.token)).body.items).toEqual([]);
    expect((await get('/api/reports/customers?from=2054-11-23&to=2055-03-01', other.token)).body).toMatchObject({ items: [], total: 0 });
    expect((await get(`/api/reports/performances/${sc.a.performanceId}/sales-over-time`, other.token)).status).toBe(404);
    const foreignVenue = await get(`/api/reports/daily-sales?from=2054-11-23&to=2054-11-26&venue=${sc.a.venueId}`, other.token);
    expect(foreignVenue.status).toBe(400);
    expect(foreignVenue.body.errors).toEqual([{ field: 'querystring/venue', message: 'is not a venue of yours' }]);
  });

  it('box office may read daily sales only; bad parameters are 400 problems', async () => {
    expect((await get('/api/reports/daily-sales?from=2054-11-23&to=2054-11-26', sc.boxofficeToken)).status).toBe(200);
    expect((await get('/api/reports/performances?from=2055-01-01&to=2055-02-28', sc.boxofficeToken)).status).toBe(403);
    expect((await get('/api/reports/customers?from=2054-11-23&to=2055-03-01', sc.boxofficeToken)).status).toBe(403);
    const cases: [string, string][] = [
      ['/api/reports/daily-sales?to=2054-11-26', 'querystring/from'],
      ['/api/reports/daily-sales?from=2054-02-30&to=2054-03-01', 'querystring/from'],
      ['/api/reports/daily-sales?from=26-11-2026&to=2054-11-30', 'querystring/from'],
      ['/api/reports/performances?from=2054-12-01&to=2054-11-30', 'querystring/to'],
      ['/api/reports/performances?from=2020-01-01&to=2054-11-30', 'querystring/to'],
      ['/api/reports/daily-sales?from=2054-11-01&to=2054-11-30&format=pdf', 'querystring/format'],
      ['/api/reports/customers?from=2054-11-01&to=2054-11-30&limit=0', 'querystring/limit'],
      ['/api/reports/customers?from=2054-11-01&to=2054-11-30&sort=name', 'querystring/sort'],
      [`/api/reports/performances/${sc.a.performanceId}/sales-over-time?from=2026-13-01`, 'querystring/from'],
    ];
    for (const [path, field] of cases) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect(r.contentType, path).toContain('application/problem+json');
      expect(r.body.errors.map((e: { field: string }) => e.field), path).toContain(field);
    }
  });
});

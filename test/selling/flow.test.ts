import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';

describe.each(DIALECTS)('selling on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { zones: [{ id: 'staan', name: 'Staanplaatsen', capacity: 5 }] });
  });
  afterAll(async () => { await s?.close(); });

  const basket = async (channel = 'boxoffice') => (await s.request('POST', '/api/baskets', { token, body: { channel } })).body;

  it('holds chosen seats, refuses them to a second basket, and sells them', async () => {
    const a = await basket();
    const add = await s.request('POST', `/api/baskets/${a.id}/lines`, { token, body: { performanceId: c.performanceId, seatIds: ['r1s1', 'r1s2'] } });
    expect(add.status).toBe(200);
    expect(add.body.lines.map((l: { seatId: string }) => l.seatId)).toEqual(['r1s1', 'r1s2']);
    expect(add.body.total).toBe(6000);

    const b = await basket('online');
    const clash = await s.request('POST', `/api/baskets/${b.id}/lines`, { token, lang: 'nl', body: { performanceId: c.performanceId, seatIds: ['r1s2', 'r1s3'] } });
    expect(clash.status).toBe(409);
    expect(clash.contentType).toContain('application/problem+json');
    expect(clash.body.unavailableSeatIds).toEqual(['r1s2']);
    expect(clash.body.title).toBe('Niet meer beschikbaar');
    // all or nothing: r1s3 was not held
    const states = await s.request('GET', `/api/performances/${c.performanceId}/seats`, { token });
    expect(states.body.seats.find((x: { seatId: string }) => x.seatId === 'r1s3').status).toBe('free');

    const order = await s.request('POST', `/api/baskets/${a.id}/checkout`, { token, body: { payment: { method: 'cash' } } });
    expect(order.status).toBe(201);
    expect(order.body.status).toBe('paid');
    expect(order.body.tickets.map((t: { seatId: string }) => t.seatId)).toEqual(['r1s1', 'r1s2']);
    expect(order.body.tickets[0].barcode).toMatch(/^[0-9A-Z]{20}$/);

    const figures = await s.request('GET', `/api/performances/${c.performanceId}/figures`, { token });
    expect(figures.body.sold.normal).toEqual({ tickets: 2, revenue: 6000 });
    expect(figures.body.capacity).toBe(45);

    const pdf = await s.request('POST', `/api/orders/${order.body.id}/print`, { token, body: {} });
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe('application/pdf');

    const cancel = await s.request('POST', `/api/orders/${order.body.id}/cancel`, { token, body: { ticketIds: [order.body.tickets[0].id] } });
    expect(cancel.status).toBe(200);
    expect(cancel.body.payments.at(-1)).toMatchObject({ kind: 'refund', method: 'cash', amount: 3000 });
    const after = await s.request('GET', `/api/performances/${c.performanceId}/seats`, { token });
    expect(after.body.seats.find((x: { seatId: string }) => x.seatId === 'r1s1').status).toBe('free');
  });

  it('best available picks adjacent seats and GA places', async () => {
    const a = await basket();
    const add = await s.request('POST', `/api/baskets/${a.id}/lines`, { token, body: { performanceId: c.performanceId, quantity: 3, rank: 2 } });
    expect(add.status).toBe(200);
    const seats = add.body.lines.map((l: { row: string; seat: string }) => `${l.row}-${l.seat}`);
    expect(new Set(add.body.lines.map((l: { row: string }) => l.row)).size).toBe(1);
    expect(seats).toHaveLength(3);
    const ga = await s.request('POST', `/api/baskets/${a.id}/lines`, { token, body: { performanceId: c.performanceId, quantity: 5, zoneId: 'staan' } });
    expect(ga.status).toBe(200);
    const more = await s.request('POST', `/api/baskets/${(await basket()).id}/lines`, { token, body: { performanceId: c.performanceId, quantity: 1, zoneId: 'staan' } });
    expect(more.status).toBe(409);
    await s.request('PUT', `/api/baskets/${a.id}/customer`, { token, body: { name: 'Klant Reservering' } });
    const reserve = await s.request('POST', `/api/baskets/${a.id}/checkout`, { token, body: {} });
    expect(reserve.body.status).toBe('reserved');
    const figures = await s.request('GET', `/api/performances/${c.performanceId}/figures`, { token });
    expect(figures.body.reservations).toEqual({ tickets: 8, value: 3 * 2000 + 5 * 3000 });
  });
});

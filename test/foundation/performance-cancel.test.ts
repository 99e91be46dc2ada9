// Cancelling a performance: what will happen is shown first (tickets, refunds, unpaid reservations,
// held places), then done only while that is still true; recorded in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { expectRejected } from './expect-problem.js';

describe.each(DIALECTS)('cancelling a performance on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let cat: Catalogue;
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    cat = await buildCatalogue(s, token, { rows: 2, perRow: 4 });
  });
  afterAll(async () => { await s?.close(); });

  const sell = async (seatIds: string[], payment: Record<string, unknown> | null) => {
    const basket = (await s.request('POST', '/api/baskets', { token, body: { channel: 'boxoffice' } })).body;
    expect((await s.request('POST', `/api/baskets/${basket.id}/lines`, { token, body: { performanceId: cat.performanceId, seatIds } })).status).toBe(200);
    if (!payment) return basket.id as string;
    if (!('payment' in payment)) await s.request('PUT', `/api/baskets/${basket.id}/customer`, { token, body: { name: 'Mevr. Janssens' } });
    const order = await s.request('POST', `/api/baskets/${basket.id}/checkout`, { token, body: payment });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    return order.body.id as string;
  };

  it('shows what happens to the tickets, refuses when they changed since, then cancels and refunds', async () => {
    const paid = await sell(['r1s1', 'r1s2'], { payment: { method: 'cash' } });
    await sell(['r2s1'], {});
    await sell(['r2s4'], null); // held in an open basket

    const preview = await s.request('GET', `/api/performances/${cat.performanceId}/cancellation`, { token });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({
      tickets: 3, orders: 2, refunds: { orders: 1, amount: 6000, online: 0 }, unpaid: { orders: 1, tickets: 1 }, heldPlaces: 1,
      uitpasCancellations: 0, dip: { linked: false, soldTickets: 2, soldRevenue: 6000 },
    });
    // Nothing changed by looking.
    expect((await s.request('GET', `/api/performances/${cat.performanceId}`, { token })).body.status).toBe('on_sale');

    await sell(['r1s3'], { payment: { method: 'pin' } });
    await expectRejected((lang) => s.request('POST', `/api/performances/${cat.performanceId}/cancel`, { token, lang, body: { tickets: 3 } }), 409, 'cancellation-changed', []);
    expect((await s.request('GET', `/api/performances/${cat.performanceId}`, { token })).body.status).toBe('on_sale');

    const done = await s.request('POST', `/api/performances/${cat.performanceId}/cancel`, { token, body: { tickets: 4 } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.performance.status).toBe('cancelled');
    expect(done.body.cancelled.refunds.amount).toBe(9000);
    const order = (await s.request('GET', `/api/orders/${paid}`, { token })).body;
    expect(order.tickets.every((t: { status: string }) => t.status === 'cancelled')).toBe(true);
    const after = await s.request('GET', `/api/performances/${cat.performanceId}/cancellation`, { token });
    expect(after.body).toMatchObject({ tickets: 0, heldPlaces: 0 });
    const trail = (await s.request('GET', `/api/audit?subjectId=${cat.performanceId}`, { token })).body.items;
    expect(trail[0]).toMatchObject({ subject: 'performance', action: 'cancelled', changes: { status: ['on_sale', 'cancelled'] } });
  });
});

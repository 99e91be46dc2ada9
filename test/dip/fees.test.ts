// Service fees never reach DIP: the recette DIP is sent is what the tickets cost, without the fee on
// each ticket or the order's own fee, for sales and for reservations alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { expectOk, HAMLET, sell, startWorld, syncNow, type DipWorld } from './support.js';

describe.each(DIALECTS)('DIP recette without service fees on %s', (dialect) => {
  let w: DipWorld;
  beforeAll(async () => {
    w = await startWorld(dialect);
    expectOk(await w.s.request('PUT', `/api/performances/${w.c.performanceId}/dip-link`, { token: w.token, body: { dipNumber: `${HAMLET}|11001` } }));
    expectOk(await w.s.request('PUT', '/api/fees', { token: w.token, body: { boxoffice: { perTicket: 175, perOrder: 300, vatRate: 2100 } } }));
  });
  afterAll(async () => { await w?.close(); });

  it('sends the ticket prices only, while the buyer paid the fees too', async () => {
    const { normal } = w.c.ticketTypes;
    const paid = await sell(w, w.c.performanceId, [{ seatIds: ['r1s1', 'r1s2'], ticketTypeId: normal }]);
    const order = (await w.s.request('GET', `/api/orders/${paid.id}`, { token: w.token })).body;
    expect(order.total).toBe(2 * 3000 + 2 * 175 + 300);
    expect(order.payments[0].amount).toBe(6650);
    await sell(w, w.c.performanceId, [{ seatIds: ['r3s1'], ticketTypeId: normal }], true);

    expect(await syncNow(w)).toMatchObject({ status: 'done', lastError: null });
    const d = (await w.dipCall('GET', '/_sandbox/performances/11001')).body;
    expect(d.tickets.normal).toMatchObject({ tickets: 2, recette: 6000 });
    expect(d.reservations).toMatchObject({ reservations: 1, recette: 2000 });
    const figures = (await w.s.request('GET', `/api/performances/${w.c.performanceId}/figures`, { token: w.token })).body;
    expect(figures.sold.normal).toEqual({ tickets: 2, revenue: 6000 });
  });
});

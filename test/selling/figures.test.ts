// The figures DIP reads, over a full day of selling (seed 000): sold per category with revenue,
// reservations with value, blocked seats with value, capacity, available and held — exact numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { sellingKit } from './kit.js';

const MIN = 60_000;

describe.each(DIALECTS)('performance figures on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const clock: ManualClock = fixedClock('2054-11-23T12:00:00Z');
  const k = sellingKit(() => s, () => token);
  // Prices (catalogue): rank 1 = rows 1-2 and the standing zone, rank 2 = rows 3-4.
  // normal 30.00 / 20.00, discount 25.00 / 15.00, free 0, other 10.00.
  const sale = async (lines: [string, keyof Catalogue['ticketTypes']][], payment?: string) => {
    const b = await k.basket();
    const view = await k.add(b.id, { performanceId: c.performanceId, seatIds: lines.map(([seat]) => seat) });
    for (const [i, [, type]] of lines.entries()) {
      if (type !== 'normal') k.ok(await k.req('PATCH', `/api/baskets/${b.id}/lines/${view.lines[i].id}`, { ticketTypeId: c.ticketTypes[type] }));
    }
    return k.checkout(b.id, payment ? { method: payment } : undefined);
  };
  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { zones: [{ id: 'staan', name: 'Staanplaatsen', capacity: 5 }] });
  });
  afterAll(async () => { await s?.close(); });

  it('counts every kind of ticket, block and hold by the DIP rules', async () => {
    // A reservation that lapses after an hour (reservationHours 1), made first.
    k.ok(await k.req('PATCH', '/api/organisation', { reservationHours: 1 }));
    const lapsing = await sale([['r2s1', 'normal'], ['r4s1', 'discount']]);
    expect(lapsing.status).toBe('reserved');
    k.ok(await k.req('PATCH', '/api/organisation', { reservationHours: null }));

    // Paid: 2 normal + 1 discount in rank 1; 1 other + 1 normal in rank 2.
    await sale([['r1s1', 'normal'], ['r1s2', 'normal'], ['r1s3', 'discount']], 'cash');
    await sale([['r3s1', 'other'], ['r3s2', 'normal']], 'pin');
    // Free tickets: one printed (sold), one not (a reservation).
    const free = await sale([['r2s5', 'free'], ['r2s6', 'free']]);
    expect(free.status).toBe('paid');
    expect((await k.print(free.id, { ticketIds: [free.tickets[0].id] })).status).toBe(200);
    // Paid, then one of two cancelled; paid, then cancelled entirely.
    const partly = await sale([['r1s9', 'normal'], ['r1s10', 'normal']], 'card');
    k.ok(await k.req('POST', `/api/orders/${partly.id}/cancel`, { ticketIds: [partly.tickets[1].id] }));
    const gone = await sale([['r4s9', 'normal']], 'cash');
    k.ok(await k.req('POST', `/api/orders/${gone.id}/cancel`, {}));
    // Reserved, then paid.
    const later = await sale([['r4s5', 'normal']]);
    k.ok(await k.req('POST', `/api/orders/${later.id}/payments`, { method: 'invoice' }));
    // Two standing places reserved, unpaid.
    const standing = await k.basket();
    await k.add(standing.id, { performanceId: c.performanceId, zoneId: 'staan', quantity: 2 });
    expect((await k.checkout(standing.id)).status).toBe('reserved');

    // Blocks: 2 definitive, 2 conditional (one rank 1, one rank 2), one released.
    k.ok(await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'definitive', reason: 'Camera', seatIds: ['r4s2', 'r4s3'] }), 201);
    k.ok(await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'conditional', reason: 'Rolstoel', seatIds: ['r1s5', 'r3s10'] }), 201);
    const released = k.ok(await k.req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'conditional', reason: 'Balkon', seatIds: ['r4s4'] }), 201);
    k.ok(await k.req('DELETE', `/api/blocks/${released.id}`), 204);

    // A hold that lapsed counts as available; live holds as held, neither sold nor reserved.
    const lapsed = await k.basket('online');
    await k.add(lapsed.id, { performanceId: c.performanceId, seatIds: ['r2s10'] });
    clock.advance(16 * MIN);
    const live = await k.basket('boxoffice');
    await k.add(live.id, { performanceId: c.performanceId, seatIds: ['r4s10'] });
    await k.add(live.id, { performanceId: c.performanceId, zoneId: 'staan', quantity: 1 });

    expect(await k.figures(c.performanceId)).toEqual({
      performanceId: c.performanceId,
      sold: {
        normal: { tickets: 5, revenue: 3000 + 3000 + 2000 + 3000 + 2000 },
        discount: { tickets: 1, revenue: 2500 },
        free: { tickets: 1, revenue: 0 },
        other: { tickets: 1, revenue: 1000 },
      },
      // lapsing (30.00 + 15.00), the unprinted free ticket (0), two standing places (2 x 30.00).
      reservations: { tickets: 5, value: 4500 + 0 + 6000 },
      blocked: { conditional: 2, conditionalValue: 3000 + 2000, definitive: 2 },
      capacity: 45 - 2,
      // 45 places - 13 in valid tickets - 4 blocked - 2 held.
      available: 26,
      held: 2,
    });

    // Two hours on: the sweeper cancels the lapsed reservation and the box-office hold is over.
    clock.advance(104 * MIN);
    const swept = await k.sweep();
    expect(swept.reservations).toBe(1);
    const after = await k.figures(c.performanceId);
    expect(after.reservations).toEqual({ tickets: 3, value: 6000 });
    expect(after.sold.normal).toEqual({ tickets: 5, revenue: 13000 });
    expect(after).toMatchObject({ capacity: 43, available: 30, held: 0 });

    // Printing the other free ticket moves it from reservations to sold.
    expect((await k.print(free.id)).status).toBe(200);
    const printed = await k.figures(c.performanceId);
    expect(printed.sold.free).toEqual({ tickets: 2, revenue: 0 });
    expect(printed.reservations).toEqual({ tickets: 2, value: 6000 });
  });

  it('reporting users may read the figures; other roles may not sell', async () => {
    const { userIn } = await import('../helpers/server.js');
    const orgId = k.ok(await k.req('GET', '/api/organisation')).id;
    const reporting = await userIn(s, orgId, 'reporting');
    expect((await s.request('GET', `/api/performances/${c.performanceId}/figures`, { token: reporting })).status).toBe(200);
    expect((await s.request('POST', '/api/baskets', { token: reporting, body: { channel: 'boxoffice' } })).status).toBe(403);
  });
});

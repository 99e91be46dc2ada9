// What a place costs and whether it may be sold are kept a moment per process (platform/sale-terms-cache.ts):
// a change staff make through this process counts for the very next add; one made by another
// process on the same database within SALE_TERMS_TTL_MS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { SALE_TERMS_TTL_MS } from '../../src/platform/sale-terms-cache.js';
import { sellingKit } from './kit.js';

describe.each(DIALECTS)('the sale terms of an add on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const k = sellingKit(() => s, () => token);
  beforeAll(async () => {
    s = await startServer(dialect, { clock: fixedClock('2054-11-23T12:00:00Z') });
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { rows: 6 });
  });
  afterAll(async () => { await s?.close(); });

  const addOnline = async (body: Record<string, unknown>) => k.req('POST', `/api/baskets/${(await k.basket('online')).id}/lines`, { performanceId: c.performanceId, ...body });
  const prices = (normalRank1: number) => [1, 2].flatMap((rank) => [
    { ticketTypeId: c.ticketTypes.normal, rank, amount: rank === 1 ? normalRank1 : 2000 },
    { ticketTypeId: c.ticketTypes.discount, rank, amount: 1500 },
  ]);

  it('a sales window, a price, a ticket type and a title changed here count for the next add', async () => {
    expect(k.ok(await addOnline({ seatIds: ['r1s1'] })).lines[0]).toMatchObject({ price: 3000, title: 'Hamlet' });

    k.ok(await k.req('PATCH', `/api/performances/${c.performanceId}`, { salesWindows: [{ channel: 'online', closesAt: '2054-11-20T12:00' }] }));
    const closed = await addOnline({ seatIds: ['r1s2'] });
    expect(closed.status).toBe(409);
    expect(closed.body.type).toBe('/problems/not-on-sale');
    k.ok(await k.req('PATCH', `/api/performances/${c.performanceId}`, { salesWindows: [] }));

    k.ok(await k.req('PUT', `/api/performances/${c.performanceId}/prices`, { prices: prices(3300) }));
    k.ok(await k.req('PATCH', `/api/productions/${c.productionId}`, { title: 'Hamlet (reprise)' }));
    expect(k.ok(await addOnline({ seatIds: ['r1s3'] })).lines[0]).toMatchObject({ price: 3300, title: 'Hamlet (reprise)' });

    k.ok(await k.req('PATCH', `/api/ticket-types/${c.ticketTypes.discount}`, { channels: ['boxoffice'] }));
    const notOnline = await addOnline({ seatIds: ['r1s4'], ticketTypeId: c.ticketTypes.discount });
    expect(notOnline.status).toBe(409);
    expect(notOnline.body.type).toBe('/problems/ticket-type-not-allowed');
  });

  it('a price changed by another process counts once the terms kept here are older than SALE_TERMS_TTL_MS', async () => {
    expect(k.ok(await addOnline({ seatIds: ['r2s1'] })).lines[0].price).toBe(3300);
    // as another Foyer process on this database would write it: nothing in this process hears of it
    await s.deps.db.updateTable('prices').set({ amount: 3600 })
      .where('performance_id', '=', c.performanceId).where('ticket_type_id', '=', c.ticketTypes.normal).where('rank', '=', 1).execute();
    await new Promise((r) => setTimeout(r, SALE_TERMS_TTL_MS + 200));
    expect(k.ok(await addOnline({ seatIds: ['r2s2'] })).lines[0].price).toBe(3600);
  });
});

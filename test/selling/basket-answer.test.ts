// Adding places to a basket answers the basket as reading it would show it. A basket that had
// nothing in it is answered from what the claim just wrote, without reading it back: that answer
// must be the very one GET /api/baskets/{id} gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

describe.each(DIALECTS)('the answer of adding places on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const k = sellingKit(() => s, () => token);
  beforeAll(async () => {
    s = await startServer(dialect, { clock: fixedClock('2054-11-23T12:00:00Z') });
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { zones: [{ id: 'staan', name: 'Staanplaatsen', capacity: 6 }] });
    k.ok(await k.req('PUT', '/api/fees', {
      online: { perTicket: 150, perOrder: 200, vatRate: 2100 }, boxoffice: { perTicket: 50, perOrder: 0, vatRate: 2100 },
    }));
  });
  afterAll(async () => { await s?.close(); });

  const addAndRead = async (basketId: string, body: Record<string, unknown>, lang = 'en') => {
    const added = k.ok(await s.request('POST', `/api/baskets/${basketId}/lines`, { token, body, lang }));
    const read = k.ok(await s.request('GET', `/api/baskets/${basketId}`, { token, lang }));
    return { added, read };
  };

  it('the best seats in an empty basket: the answer is the basket as read, fees and all', async () => {
    const b = await k.basket('online');
    const { added, read } = await addAndRead(b.id, { performanceId: c.performanceId, quantity: 3 }, 'fr');
    expect(added).toEqual(read);
    expect(added.lines).toHaveLength(3);
    expect(added.lines.every((l: { held: boolean; price: number }) => l.held && l.price === 3000)).toBe(true);
    expect(added.fees.map((f: { kind: string }) => f.kind).sort()).toEqual(['order', 'ticket']);
    expect(added.total).toBe(3 * 3000 + 3 * 150 + 200);
  });

  it('chosen seats, given out of map order, in another ticket type and language', async () => {
    const b = await k.basket('boxoffice');
    const n = c.seatIds.length;
    const seats = [c.seatIds[n - 1], c.seatIds[n - 9], c.seatIds[n - 5]];
    const { added, read } = await addAndRead(b.id, { performanceId: c.performanceId, seatIds: seats, ticketTypeId: c.ticketTypes.discount }, 'nl');
    expect(added).toEqual(read);
    expect(added.lines.map((l: { seatId: string }) => l.seatId)).toEqual([c.seatIds[n - 9], c.seatIds[n - 5], c.seatIds[n - 1]]);
    expect(added.lines[0].ticketTypeName).toBe('Korting');
  });

  it('standing places for a basket with a customer, then more into the same basket', async () => {
    const b = await k.basket('boxoffice');
    k.ok(await k.req('PUT', `/api/baskets/${b.id}/customer`, { name: 'An Peeters', email: 'an@example.test' }));
    const first = await addAndRead(b.id, { performanceId: c.performanceId, quantity: 2, zoneId: 'staan' });
    expect(first.added).toEqual(first.read);
    expect(first.added.customer).toMatchObject({ name: 'An Peeters', email: 'an@example.test' });
    expect(first.added.lines.map((l: { zoneId: string; seatId: string | null }) => [l.zoneId, l.seatId])).toEqual([['staan', null], ['staan', null]]);
    // a basket that has lines already is read back after the claim
    const second = await addAndRead(b.id, { performanceId: c.performanceId, quantity: 2 });
    expect(second.added).toEqual(second.read);
    expect(second.added.lines).toHaveLength(4);
  });
});

// Baskets hold places until checkout or expiry; expired holds return to sale, lazily when read and
// through the sweeper. Lines can change ticket type, be removed, and the basket gets a customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { sellingKit } from './kit.js';

const MIN = 60_000;

describe.each(DIALECTS)('baskets and holds on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const clock: ManualClock = fixedClock('2054-11-23T12:00:00Z');
  const k = sellingKit(() => s, () => token);
  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { zones: [{ id: 'staan', name: 'Staanplaatsen', capacity: 4 }] });
  });
  afterAll(async () => { await s?.close(); });

  it('holds last 15 minutes online and 60 at the box office, and follow the organisation\'s settings', async () => {
    const now = clock.now().getTime();
    const online = await k.basket('online');
    expect(online).toMatchObject({ lines: [] });
    expect(new Date(online.expiresAt).getTime()).toBe(now + 15 * MIN);
    expect(new Date((await k.basket('boxoffice')).expiresAt).getTime()).toBe(now + 60 * MIN);

    const org = k.ok(await k.req('PATCH', '/api/organisation', { onlineHoldMinutes: 7, boxofficeHoldMinutes: 20 }));
    expect(org).toMatchObject({ onlineHoldMinutes: 7, boxofficeHoldMinutes: 20 });
    expect(new Date((await k.basket('online')).expiresAt).getTime()).toBe(now + 7 * MIN);
    expect(new Date((await k.basket('boxoffice')).expiresAt).getTime()).toBe(now + 20 * MIN);
    k.ok(await k.req('PATCH', '/api/organisation', { onlineHoldMinutes: 15, boxofficeHoldMinutes: 60 }));
  });

  it('a held seat is refused to others until the hold lapses, then it is free again without any sweep', async () => {
    const a = await k.basket('online');
    const added = await k.add(a.id, { performanceId: c.performanceId, seatIds: ['r1s1', 'r1s2'] });
    expect(added.lines.every((l) => l.held)).toBe(true);
    expect((await k.figures(c.performanceId)).held).toBe(2);

    clock.advance(15 * MIN - 1000);
    const b = await k.basket('online');
    const early = await k.req('POST', `/api/baskets/${b.id}/lines`, { performanceId: c.performanceId, seatIds: ['r1s2'] });
    expect(early.status).toBe(409);
    expect(early.body.unavailableSeatIds).toEqual(['r1s2']);
    expect((await k.seatStatus(c.performanceId)).r1s1).toBe('held');

    clock.advance(2000);
    expect((await k.seatStatus(c.performanceId)).r1s1).toBe('free');
    const f = await k.figures(c.performanceId);
    expect(f.held).toBe(0);
    expect(f.available).toBe(44);
    const lapsed = k.ok(await k.req('GET', `/api/baskets/${a.id}`));
    expect(lapsed.status).toBe('expired');

    // Another buyer takes one of the seats; the lapsed basket can no longer check out.
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r1s2'] });
    const stale = k.ok(await k.req('GET', `/api/baskets/${a.id}`));
    expect(stale.lines.find((l: { seatId: string }) => l.seatId === 'r1s2').held).toBe(false);
    const late = await k.req('POST', `/api/baskets/${a.id}/checkout`, {});
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('/problems/basket-closed');
    const more = await k.req('POST', `/api/baskets/${a.id}/lines`, { performanceId: c.performanceId, seatIds: ['r2s1'] });
    expect(more.status).toBe(409);
    expect((await k.seatStatus(c.performanceId)).r2s1).toBe('free');
    k.ok(await k.req('DELETE', `/api/baskets/${b.id}`), 204);
  });

  it('the sweeper returns lapsed holds to sale and closes their baskets', async () => {
    await k.sweep();
    const a = await k.basket('boxoffice');
    await k.add(a.id, { performanceId: c.performanceId, quantity: 3, zoneId: 'staan' });
    clock.advance(30 * MIN);
    expect((await k.sweep()).holds).toBe(0);
    expect((await k.places(c.performanceId)).zones[0].available).toBe(1);
    clock.advance(31 * MIN);
    const swept = await k.sweep();
    expect(swept.holds).toBe(3);
    expect(swept.baskets).toBeGreaterThanOrEqual(1);
    const rows = await s.deps.db.selectFrom('inventory').select('status').where('performance_id', '=', c.performanceId)
      .where('zone_id', '=', 'staan').execute();
    expect(rows.map((r) => r.status)).toEqual(['free', 'free', 'free', 'free']);
    const basket = await s.deps.db.selectFrom('baskets').select('status').where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(basket.status).toBe('expired');
    // Running it again finds nothing to do.
    expect(await k.sweep()).toMatchObject({ holds: 0, baskets: 0 });
  });

  it('lines get the standard ticket type at the price for their rank; the type can change, lines can go', async () => {
    const a = await k.basket();
    let view = await k.add(a.id, { performanceId: c.performanceId, seatIds: ['r2s5', 'r3s5'] });
    expect(view.lines.map((l) => [l.seatId, l.ticketTypeId, l.price])).toEqual([
      ['r2s5', c.ticketTypes.normal, 3000], ['r3s5', c.ticketTypes.normal, 2000],
    ]);
    expect(view.total).toBe(5000);

    const [front, back] = view.lines;
    view = k.ok(await k.req('PATCH', `/api/baskets/${a.id}/lines/${front.id}`, { ticketTypeId: c.ticketTypes.discount }));
    expect(view.lines.find((l) => l.id === front.id)).toMatchObject({ ticketTypeId: c.ticketTypes.discount, price: 2500 });
    view = k.ok(await k.req('PATCH', `/api/baskets/${a.id}/lines/${back.id}`, { ticketTypeId: c.ticketTypes.free }));
    expect(view.lines.find((l) => l.id === back.id)).toMatchObject({ ticketTypeId: c.ticketTypes.free, price: 0 });
    expect(view.total).toBe(2500);

    const unknown = await k.req('PATCH', `/api/baskets/${a.id}/lines/${back.id}`, { ticketTypeId: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['ticketTypeId']);

    view = k.ok(await k.req('DELETE', `/api/baskets/${a.id}/lines/${front.id}`));
    expect(view.lines.map((l) => l.seatId)).toEqual(['r3s5']);
    expect(view.total).toBe(0);
    expect((await k.seatStatus(c.performanceId)).r2s5).toBe('free');
    expect((await k.req('DELETE', `/api/baskets/${a.id}/lines/${front.id}`)).status).toBe(404);

    const order = await k.checkout(a.id);
    // Only a free ticket: paid at zero.
    expect(order).toMatchObject({ status: 'paid', total: 0 });
    expect(order.tickets).toMatchObject([{ seatId: 'r3s5', dipCategory: 'free', price: 0 }]);
  });

  it('a ticket type not sold on the channel is refused', async () => {
    const tt = k.ok(await k.req('POST', '/api/ticket-types', { names: { nl: 'Loket', fr: 'Guichet', en: 'Desk' }, dipCategory: 'other', channels: ['boxoffice'] }), 201);
    const a = await k.basket('online');
    const res = await k.req('POST', `/api/baskets/${a.id}/lines`, { performanceId: c.performanceId, seatIds: ['r4s4'], ticketTypeId: tt.id });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('/problems/ticket-type-not-allowed');
    expect((await k.seatStatus(c.performanceId)).r4s4).toBe('free');
  });

  it('attaches a new customer with every field, an existing one, or none', async () => {
    const a = await k.basket();
    await k.add(a.id, { performanceId: c.performanceId, seatIds: ['r4s8'] });
    const person = { name: 'Anna de Vries', email: 'Anna@Example.NL', phone: '+31 6 1234 5678', postalCode: '3511 AB', city: 'Utrecht', birthDate: '1980-04-02' };
    const view = k.ok(await k.req('PUT', `/api/baskets/${a.id}/customer`, person));
    expect(view.customer).toMatchObject({ name: 'Anna de Vries', email: 'anna@example.nl' });
    const customer = k.ok(await k.req('GET', `/api/customers/${view.customer.id}`));
    expect(customer).toMatchObject({ id: view.customer.id, ...person, email: 'anna@example.nl' });

    const cleared = k.ok(await k.req('PUT', `/api/baskets/${a.id}/customer`, { customerId: null }));
    expect(cleared.customer).toBeNull();
    const again = k.ok(await k.req('PUT', `/api/baskets/${a.id}/customer`, { customerId: customer.id }));
    expect(again.customer.id).toBe(customer.id);
    const order = await k.checkout(a.id);
    expect(order.customer).toMatchObject({ id: customer.id, name: 'Anna de Vries' });
  });

  it('a checked-out basket takes no more lines and no customer, and creates no customer trying', async () => {
    const a = await k.basket();
    await k.add(a.id, { performanceId: c.performanceId, seatIds: ['r4s9'] });
    await k.checkout(a.id, { method: 'pin' });
    const add = await k.req('POST', `/api/baskets/${a.id}/lines`, { performanceId: c.performanceId, seatIds: ['r4s10'] });
    expect(add.status).toBe(409);
    expect(add.body.type).toBe('/problems/basket-closed');
    const cust = await k.req('PUT', `/api/baskets/${a.id}/customer`, { name: 'Laatkomer Jansen' });
    expect(cust.status).toBe(409);
    expect(k.ok(await k.req('GET', '/api/customers?q=laatkomer')).items).toEqual([]);
  });
  it('best available takes seats of lapsed holds when no free seat is left, before any sweep', async () => {
    const free = Object.entries(await k.seatStatus(c.performanceId)).filter(([, st]) => st === 'free').map(([id]) => id);
    const hog = await k.basket('online');
    for (let i = 0; i < free.length; i += 50) await k.add(hog.id, { performanceId: c.performanceId, seatIds: free.slice(i, i + 50) });
    const full = await k.req('POST', `/api/baskets/${(await k.basket('online')).id}/lines`, { performanceId: c.performanceId, quantity: 2 });
    expect(full.status).toBe(409);
    expect(full.body.type).toBe('/problems/not-enough-seats');

    clock.advance(16 * MIN);
    const late = await k.add((await k.basket('online')).id, { performanceId: c.performanceId, quantity: 2 });
    expect(late.lines).toHaveLength(2);
    expect(late.lines.every((l) => l.held && free.includes(l.seatId!))).toBe(true);
  });
});

// Quotas per ticket type: a manager sets "at most N of this type" for a performance and sees how many
// are taken; every channel (box office, the staff API's online baskets, the web shop, /v1, changing a
// line's type) is refused past it with a 409 in the buyer's language, and what a released hold or a
// cancelled ticket gave back can be sold again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type Answer, type TestServer } from '../helpers/server.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { sellingKit } from '../selling/kit.js';
import { buyer } from '../shop/kit.js';
import { ApiException, sapiti, type Sapiti } from '../catalogue/sapiti.js';
import { freshPerformance, setQuotas } from './kit.js';

const MIN = 60_000;

function expectQuotaRefusal(res: Answer, left: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(409);
  expect(res.contentType).toContain('application/problem+json');
  expect(res.body.type).toBe('/problems/quota-exhausted');
  expect(res.body.left).toBe(left);
}

describe.each(DIALECTS)('quotas per ticket type on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  let slug: string;
  let v1: Sapiti;
  const clock: ManualClock = fixedClock('2054-11-23T12:00:00Z');
  const k = sellingKit(() => s, () => token);
  const quotas = async (perf: string) => k.ok(await k.req('GET', `/api/performances/${perf}/quotas`)).quotas as { ticketTypeId: string; name: string; max: number | null; taken: number }[];
  const of = async (perf: string, typeId: string) => (await quotas(perf)).find((q) => q.ticketTypeId === typeId)!;

  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    token = (await orgWithUser(s, 'admin', 'Quotatheater')).token;
    c = await buildCatalogue(s, token);
    slug = k.ok(await k.req('PUT', '/api/shop-settings', { enabled: true })).slug;
    ({ client: v1 } = await sapiti(s, token));
  });
  afterAll(async () => { await s?.close(); });

  it('a manager sets quotas, sees "taken of max" per type, and the change is in the audit trail', async () => {
    const perf = await freshPerformance(s, token, c);
    expect((await quotas(perf)).map((q) => [q.name, q.max, q.taken])).toEqual([['Korting', null, 0], ['Normaal', null, 0], ['Overig', null, 0], ['Vrijkaart', null, 0]]);
    await k.sell(perf, ['r1s1', 'r1s2', 'r1s3'], { ticketTypeId: c.ticketTypes.discount });
    const b = await k.basket();
    await k.add(b.id, { performanceId: perf, seatIds: ['r2s1'], ticketTypeId: c.ticketTypes.discount });
    const set = await setQuotas(s, token, perf, [{ ticketTypeId: c.ticketTypes.discount, max: 50 }, { ticketTypeId: c.ticketTypes.free, max: 2 }]);
    expect(set.quotas.find((q) => q.ticketTypeId === c.ticketTypes.discount)).toMatchObject({ max: 50, taken: 4 });
    expect(set.quotas.find((q) => q.ticketTypeId === c.ticketTypes.free)).toMatchObject({ max: 2, taken: 0 });
    // PUT replaces: the free type's quota is gone once it is not listed.
    await setQuotas(s, token, perf, [{ ticketTypeId: c.ticketTypes.discount, max: 40 }]);
    expect((await of(perf, c.ticketTypes.free)).max).toBeNull();
    const trail = k.ok(await k.req('GET', '/api/audit?subject=quota'));
    expect(trail.items[0]).toMatchObject({ subject: 'quota', subjectId: perf, changes: { Korting: [50, 40], Vrijkaart: [2, null] } });
    expect(trail.items[1]).toMatchObject({ changes: { Korting: [null, 50], Vrijkaart: [null, 2] } });
  });

  it('refuses an unknown type, a negative max and a max below what is taken, on their fields, in the request language', async () => {
    const perf = await freshPerformance(s, token, c);
    await k.sell(perf, ['r1s1', 'r1s2', 'r1s3'], { ticketTypeId: c.ticketTypes.discount });
    const put = (quotas: unknown, lang = 'en') => s.request('PUT', `/api/performances/${perf}/quotas`, { token, lang, body: { quotas } });
    const unknown = await put([{ ticketTypeId: 'nope', max: 3 }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'quotas/0/ticketTypeId', message: 'no such ticket type' }]);
    const negative = await put([{ ticketTypeId: c.ticketTypes.discount, max: -1 }]);
    expect(negative.status).toBe(400);
    expect(negative.contentType).toContain('application/problem+json');
    expect(negative.body.errors.map((e: { field: string }) => e.field)).toEqual(['quotas/0/max']);
    const low = await put([{ ticketTypeId: c.ticketTypes.free, max: 5 }, { ticketTypeId: c.ticketTypes.discount, max: 2 }], 'nl');
    expect(low.status).toBe(400);
    expect(low.body.errors).toEqual([{
      field: 'quotas/1/max',
      message: 'Er zijn al 3 tickets van dit type vastgehouden, gereserveerd of verkocht: het quotum kan niet lager zijn dan 3',
    }]);
    // Nothing of the refused change stayed, not even the free type's valid part.
    expect((await quotas(perf)).every((q) => q.max === null)).toBe(true);
    expect(k.ok(await put([{ ticketTypeId: c.ticketTypes.discount, max: 3 }])).quotas.find((q: { ticketTypeId: string }) => q.ticketTypeId === c.ticketTypes.discount)).toMatchObject({ max: 3, taken: 3 });
    // Only admins set them; the box office reads them.
    const boxoffice = (await orgWithUser(s, 'boxoffice')).token;
    expect((await s.request('PUT', `/api/performances/${perf}/quotas`, { token: boxoffice, body: { quotas: [] } })).status).toBe(403);
  });

  it('at the box office: refused past the quota with what is left, in Dutch; nothing is held; other types sell on', async () => {
    const perf = await freshPerformance(s, token, c);
    await setQuotas(s, token, perf, [{ ticketTypeId: c.ticketTypes.discount, max: 3 }]);
    const b = await k.basket();
    await k.add(b.id, { performanceId: perf, quantity: 2, ticketTypeId: c.ticketTypes.discount });
    const over = await s.request('POST', `/api/baskets/${b.id}/lines`, { token, lang: 'nl', body: { performanceId: perf, seatIds: ['r4s1', 'r4s2'], ticketTypeId: c.ticketTypes.discount } });
    expectQuotaRefusal(over, 1);
    expect(over.body.detail).toBe('Voor deze voorstelling mogen hoogstens 3 tickets van het type Korting verkocht worden; nog 1 over, 2 gevraagd.');
    const seats = await k.seatStatus(perf);
    expect([seats.r4s1, seats.r4s2]).toEqual(['free', 'free']);
    expect((await k.add(b.id, { performanceId: perf, seatIds: ['r4s1', 'r4s2'], ticketTypeId: c.ticketTypes.normal })).lines).toHaveLength(4);
    await k.add(b.id, { performanceId: perf, seatIds: ['r4s3'], ticketTypeId: c.ticketTypes.discount });
    expect(await of(perf, c.ticketTypes.discount)).toMatchObject({ max: 3, taken: 3 });
    await k.checkout(b.id, { method: 'cash' });
    expect(await of(perf, c.ticketTypes.discount)).toMatchObject({ max: 3, taken: 3 });
    const next = await k.basket();
    expectQuotaRefusal(await k.req('POST', `/api/baskets/${next.id}/lines`, { performanceId: perf, quantity: 1, ticketTypeId: c.ticketTypes.discount }), 0);
  });

  it('online: the staff API, the web shop (in French) and /v1 are refused alike', async () => {
    const perf = await freshPerformance(s, token, c);
    await setQuotas(s, token, perf, [{ ticketTypeId: c.ticketTypes.free, max: 2 }]);
    const online = await k.basket('online');
    await k.add(online.id, { performanceId: perf, quantity: 1, ticketTypeId: c.ticketTypes.free });

    const shopper = buyer(s, slug);
    await shopper.open();
    const shop = await shopper.call('POST', '/basket/lines', { performanceId: perf, quantity: 2, ticketTypeId: c.ticketTypes.free }, 'fr');
    expectQuotaRefusal(shop, 1);
    expect(shop.body.detail).toBe('Au plus 2 billets du type Vrijkaart peuvent être vendus pour cette représentation ; il en reste 1, 2 demandé(s).');
    expect((await shopper.call('POST', '/basket/lines', { performanceId: perf, quantity: 1, ticketTypeId: c.ticketTypes.free })).status).toBe(200);

    const refused = await v1.requestStock([{ quantity: 1, stockId: perf.toUpperCase(), priceId: c.ticketTypes.free.toUpperCase() }]).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiException);
    expect((refused as ApiException).code).toBe(409);
    expect((refused as ApiException).message).toContain('2 billets du type Vrijkaart peuvent être vendus pour cette représentation ; il en reste 0');
    expect(await of(perf, c.ticketTypes.free)).toMatchObject({ taken: 2 });
    // The normal type has no quota: /v1 sells it.
    expect(await v1.requestStock([{ quantity: 1, stockId: perf.toUpperCase(), priceId: c.ticketTypes.normal.toUpperCase() }])).toHaveLength(1);
  });

  it('changing a line to a type whose quota is full is refused and the line keeps its type; away from it frees the quota', async () => {
    const perf = await freshPerformance(s, token, c);
    await setQuotas(s, token, perf, [{ ticketTypeId: c.ticketTypes.discount, max: 1 }]);
    const b = await k.basket();
    const { lines } = await k.add(b.id, { performanceId: perf, seatIds: ['r1s1', 'r1s2'] });
    k.ok(await k.req('PATCH', `/api/baskets/${b.id}/lines/${lines[0].id}`, { ticketTypeId: c.ticketTypes.discount }));
    const second = await s.request('PATCH', `/api/baskets/${b.id}/lines/${lines[1].id}`, { token, lang: 'en', body: { ticketTypeId: c.ticketTypes.discount } });
    expectQuotaRefusal(second, 0);
    expect(second.body.detail).toContain('At most 1 tickets of type Korting');
    const after = k.ok(await k.req('GET', `/api/baskets/${b.id}`));
    expect(after.lines.map((l: { ticketTypeId: string }) => l.ticketTypeId)).toEqual([c.ticketTypes.discount, c.ticketTypes.normal]);
    // Changing the same line to its own type again is no new claim.
    k.ok(await k.req('PATCH', `/api/baskets/${b.id}/lines/${lines[0].id}`, { ticketTypeId: c.ticketTypes.discount }));
    k.ok(await k.req('PATCH', `/api/baskets/${b.id}/lines/${lines[0].id}`, { ticketTypeId: c.ticketTypes.normal }));
    k.ok(await k.req('PATCH', `/api/baskets/${b.id}/lines/${lines[1].id}`, { ticketTypeId: c.ticketTypes.discount }));
    expect(await of(perf, c.ticketTypes.discount)).toMatchObject({ taken: 1 });
  });

  it('a removed line, an abandoned basket, a lapsed hold and a cancelled ticket give their place in the quota back', async () => {
    const perf = await freshPerformance(s, token, c);
    await setQuotas(s, token, perf, [{ ticketTypeId: c.ticketTypes.discount, max: 2 }]);
    const discount = { performanceId: perf, quantity: 1, ticketTypeId: c.ticketTypes.discount };
    const full = async () => expectQuotaRefusal(await k.req('POST', `/api/baskets/${(await k.basket()).id}/lines`, discount), 0);

    const a = await k.basket();
    const added = await k.add(a.id, { ...discount, quantity: 2 });
    await full();
    k.ok(await k.req('DELETE', `/api/baskets/${a.id}/lines/${added.lines[0].id}`));
    expect(await of(perf, c.ticketTypes.discount)).toMatchObject({ taken: 1 });
    const b = await k.basket();
    await k.add(b.id, discount);
    await full();

    k.ok(await k.req('DELETE', `/api/baskets/${b.id}`), 204);
    expect(await of(perf, c.ticketTypes.discount)).toMatchObject({ taken: 1 });

    // An online hold lapses after 15 minutes: no sweep needed for its place in the quota to come back.
    const o = await k.basket('online');
    await k.add(o.id, discount);
    await full();
    clock.advance(15 * MIN + 1000);
    expect(await of(perf, c.ticketTypes.discount)).toMatchObject({ taken: 1 });
    const d = await k.basket('online');
    await k.add(d.id, discount);
    await full();
    // Basket a's line (box office, held 60 minutes) is sold: it still counts, as a ticket.
    const sold = await k.checkout(a.id, { method: 'cash' });
    expect(await of(perf, c.ticketTypes.discount)).toMatchObject({ taken: 2 });
    k.ok(await k.req('POST', `/api/orders/${sold.id}/cancel`, {}));
    expect(await of(perf, c.ticketTypes.discount)).toMatchObject({ taken: 1 });
    await k.add((await k.basket()).id, discount);
    await full();
  });
});

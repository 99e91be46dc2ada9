// Buyers racing for the last places of a ticket type's quota over real parallel HTTP requests, on both
// databases: exactly as many win as the quota allows, every loser hears 409 quota-exhausted, and the
// database agrees. On PostgreSQL the sales queue on the quota row; on SQLite on the writer lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type Answer, type TestServer } from '../helpers/server.js';
import { buyer } from '../shop/kit.js';
import { freshPerformance, setQuotas } from './kit.js';

const QUOTA = 5;
const BUYERS = 20;

describe.each(DIALECTS)('buyers racing for a quota on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  let slug: string;
  const req = (method: string, path: string, body?: unknown) => s.request(method, path, { token, body });

  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { rows: 6, perRow: 10 });
    slug = (await req('PUT', '/api/shop-settings', { enabled: true })).body.slug;
  });
  afterAll(async () => { await s?.close(); });

  function expectOnlyQuotaLosses(answers: Answer[]) {
    for (const a of answers) {
      if (a.status === 200) continue;
      expect(a.status, JSON.stringify(a.body)).toBe(409);
      expect(a.body.type).toBe('/problems/quota-exhausted');
    }
  }

  async function takenInDatabase(performanceId: string, ticketTypeId: string): Promise<number> {
    const db = s.handle.db;
    const held = await db.selectFrom('basket_lines').innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'basket_lines.performance_id')
      .onRef('inventory.item_id', '=', 'basket_lines.item_id').onRef('inventory.hold_id', '=', 'basket_lines.basket_id'))
      .select('basket_lines.id').where('basket_lines.performance_id', '=', performanceId).where('basket_lines.ticket_type_id', '=', ticketTypeId)
      .where('inventory.status', '=', 'held').execute();
    const sold = await db.selectFrom('tickets').select('id').where('performance_id', '=', performanceId).where('ticket_type_id', '=', ticketTypeId)
      .where('status', '=', 'valid').execute();
    return held.length + sold.length;
  }

  it(`${BUYERS} box-office and online buyers at once, each wanting one of a quota of ${QUOTA}: exactly ${QUOTA} get one and check out`, async () => {
    const perf = await freshPerformance(s, token, c);
    await setQuotas(s, token, perf, [{ ticketTypeId: c.ticketTypes.discount, max: QUOTA }]);
    const baskets = await Promise.all(Array.from({ length: BUYERS }, (_, i) => req('POST', '/api/baskets', { channel: i % 2 ? 'online' : 'boxoffice' })));
    const adds = await Promise.all(baskets.map((b, i) => req('POST', `/api/baskets/${b.body.id}/lines`, i % 3 === 0
      ? { performanceId: perf, seatIds: [`r${1 + (i % 6)}s${1 + Math.floor(i / 6)}`], ticketTypeId: c.ticketTypes.discount }
      : { performanceId: perf, quantity: 1, ticketTypeId: c.ticketTypes.discount })));
    expectOnlyQuotaLosses(adds);
    const won = adds.flatMap((a, i) => (a.status === 200 ? [baskets[i].body.id as string] : []));
    expect(won).toHaveLength(QUOTA);
    const checkouts = await Promise.all(won.map((id) => req('POST', `/api/baskets/${id}/checkout`, { payment: { method: 'card' } })));
    expect(checkouts.map((x) => x.status)).toEqual(won.map(() => 201));
    expect(await takenInDatabase(perf, c.ticketTypes.discount)).toBe(QUOTA);
    const view = await req('GET', `/api/performances/${perf}/quotas`);
    expect(view.body.quotas.find((q: { ticketTypeId: string }) => q.ticketTypeId === c.ticketTypes.discount)).toMatchObject({ max: QUOTA, taken: QUOTA });
  }, 120_000);

  it('web shop buyers adding and box-office lines changing to the type, all at once: never past the quota', async () => {
    const perf = await freshPerformance(s, token, c);
    await setQuotas(s, token, perf, [{ ticketTypeId: c.ticketTypes.free, max: QUOTA }]);
    // Ten box-office lines of the normal type that will all try to become the quota'd type.
    const b = await req('POST', '/api/baskets', { channel: 'boxoffice' });
    const lines = (await req('POST', `/api/baskets/${b.body.id}/lines`, { performanceId: perf, quantity: 10 })).body.lines as { id: string }[];
    expect(lines).toHaveLength(10);
    const shoppers = Array.from({ length: 10 }, () => buyer(s, slug));
    await Promise.all(shoppers.map((x) => x.open()));
    const answers = await Promise.all([
      ...lines.map((l) => req('PATCH', `/api/baskets/${b.body.id}/lines/${l.id}`, { ticketTypeId: c.ticketTypes.free })),
      ...shoppers.map((x) => x.add({ performanceId: perf, quantity: 1, ticketTypeId: c.ticketTypes.free })),
    ]);
    expectOnlyQuotaLosses(answers);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(QUOTA);
    expect(await takenInDatabase(perf, c.ticketTypes.free)).toBe(QUOTA);
  }, 120_000);
});

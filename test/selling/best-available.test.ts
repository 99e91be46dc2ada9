// Best available over HTTP (box office, which always takes the single best choice): adjacent in
// one row, no lone empty seat when avoidable, best rank / front / centre, split across rows last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, gridSeatMap } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

describe.each(DIALECTS)('best available on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  const k = sellingKit(() => s, () => token);
  const best = async (performanceId: string, body: Record<string, unknown>) => {
    const b = await k.basket('boxoffice');
    const view = await k.add(b.id, { performanceId, ...body });
    return view.lines.map((l) => l.seatId ?? l.placeId).sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
  };
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
  });
  afterAll(async () => { await s?.close(); });

  it('takes the centre of the front row of an empty hall, and the best row of a chosen rank', async () => {
    const c = await buildCatalogue(s, token); // 4 x 10, rows 1-2 rank 1, rows 3-4 rank 2
    expect(await best(c.performanceId, { quantity: 2 })).toEqual(['r1s5', 'r1s6']);
    expect(await best(c.performanceId, { quantity: 4, rank: 2 })).toEqual(['r3s4', 'r3s5', 'r3s6', 'r3s7']);
  });

  it('does not leave a lone seat in the front row when the next row takes the group whole', async () => {
    const c = await buildCatalogue(s, token);
    await k.sell(c.performanceId, ['r1s1', 'r1s2', 'r1s3', 'r1s8', 'r1s9', 'r1s10']);
    const got = await best(c.performanceId, { quantity: 3 });
    expect(got.every((id) => id.startsWith('r2s'))).toBe(true);
    const pos = got.map((id) => Number(id.split('s')[1]));
    expect(pos[2] - pos[0]).toBe(2);
    const seats = await k.seatStatus(c.performanceId);
    expect([seats.r1s4, seats.r1s5, seats.r1s6, seats.r1s7]).toEqual(['free', 'free', 'free', 'free']);
    // Four fit exactly: the front row again.
    expect(await best(c.performanceId, { quantity: 4 })).toEqual(['r1s4', 'r1s5', 'r1s6', 'r1s7']);
  });

  it('keeps a party on one side of an aisle (by the seat map\'s geometry)', async () => {
    // Two rows of ten with a centre aisle: seats 1-5 and 6-10 are 30 apart, the aisle 80.
    const map = gridSeatMap(2, 10);
    for (const row of map.sections[0].rows) for (const [i, seat] of row.seats.entries()) seat.x = i * 30 + (i >= 5 ? 50 : 0);
    const c = await buildCatalogue(s, token, { seatMap: map });
    const side = (ids: string[]) => new Set(ids.map((id) => Number(id.split('s')[1]) <= 5 ? 'left' : 'right'));
    for (const n of [2, 4, 5]) {
      const got = await best(c.performanceId, { quantity: n });
      expect(got, `best ${n}`).toHaveLength(n);
      expect(side(got).size, `best ${n}: ${got.join(' ')}`).toBe(1);
      expect(new Set(got.map((id) => id.split('s')[0])).size).toBe(1);
    }
  });

  it('splits a group over rows in adjacent blocks only when no row has room', async () => {
    const c = await buildCatalogue(s, token, { rows: 2, perRow: 4 });
    await k.sell(c.performanceId, ['r1s1', 'r2s1']);
    const got = await best(c.performanceId, { quantity: 5 });
    expect(got.filter((id) => id.startsWith('r1'))).toEqual(['r1s2', 'r1s3', 'r1s4']);
    const back = got.filter((id) => id.startsWith('r2')).map((id) => Number(id.split('s')[1]));
    expect(back).toHaveLength(2);
    expect(back[1] - back[0]).toBe(1);
    const more = await k.req('POST', `/api/baskets/${(await k.basket()).id}/lines`, { performanceId: c.performanceId, quantity: 2 });
    expect(more.status).toBe(409);
    expect(more.body.type).toBe('/problems/not-enough-seats');
  });
});

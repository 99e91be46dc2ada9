import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_CLIENT } from './seed.js';
import { HAMLET, startHarness, ticketsFor, type Harness } from './test-support.js';

describe("DIP sandbox: the producers' read side", () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.token();
    const other = await h.token(OTHER_CLIENT);
    const put = async (t: string, path: string, body: unknown) => expect((await h.call('PUT', path, { token: t, body })).status).toBe(204);
    await put(token, '/tickets/cumulative', [
      ...ticketsFor(11001, { normal: [100, 425000], discount: [20, 75000], free: [5, 0] }),
      ...ticketsFor(11002, { normal: [50, 175000] }).map((x) => ({ ...x, updated: '2026-11-23T15:00:00+01:00' })),
    ]);
    await put(other, '/tickets/cumulative', ticketsFor(11051, { other: [7, 14000] }));
    await put(token, '/reservations/cumulative', [
      { productionNumber: HAMLET, performanceNumber: 11001, reservations: 12, recette: 30000, updated: '2026-11-23T14:00:00+01:00' },
      { productionNumber: HAMLET, performanceNumber: 11003, reservations: 3, recette: 8250, updated: '2026-11-23T14:00:00+01:00' },
    ]);
    await put(token, '/blockedseats/cumulative', [
      { productionNumber: HAMLET, performanceNumber: 11002, blockedSeats: 8, value: 22400, updated: '2026-11-23T14:00:00+01:00' },
    ]);
  });
  afterAll(async () => { await h?.close(); });

  it('sums sales per theatre and per performance, zeros where nothing was pushed', async () => {
    const res = await h.call('GET', `/productions/${HAMLET}/sales`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        theater: { id: 4711, name: 'Demo Schouwburg Amsterdam' }, tickets: 175, recette: 675000,
        performances: [
          { number: 11001, date: '2026-11-25T20:15:00', tickets: 125, recette: 500000, updated: '2026-11-23T14:00:00+01:00' },
          { number: 11002, date: '2026-11-26T20:15:00', tickets: 50, recette: 175000, updated: '2026-11-23T15:00:00+01:00' },
          { number: 11003, date: '2026-11-27T14:30:00', tickets: 0, recette: 0, updated: null },
        ],
      },
      {
        theater: { id: 5820, name: 'Theater De Proef Utrecht' }, tickets: 7, recette: 14000,
        performances: [
          { number: 11051, date: '2026-12-11T20:15:00', tickets: 7, recette: 14000, updated: '2026-11-23T14:00:00+01:00' },
          { number: 11052, date: '2026-12-12T20:15:00', tickets: 0, recette: 0, updated: null },
        ],
      },
    ]);
  });

  it('sums reservations and blocked seats the same way', async () => {
    const res = await h.call<Record<string, unknown>[]>('GET', `/productions/${HAMLET}/reservations`, { token });
    expect(res.body[0]).toMatchObject({ reservations: 15, recette: 38250 });
    const blocked = await h.call<Record<string, unknown>[]>('GET', `/productions/${HAMLET}/blockedseats`, { token });
    expect(blocked.body[0]).toMatchObject({
      blocked_seats: 8, value: 22400,
      performances: [{ number: 11001, blocked_seats: 0 }, { number: 11002, blocked_seats: 8, value: 22400 }, { number: 11003, blocked_seats: 0 }],
    });
    expect(blocked.body[1]).toMatchObject({ blocked_seats: 0, value: 0 });
  });

  it('answers 404 for an unknown production and 401 without a token', async () => {
    expect((await h.call('GET', '/productions/NL-26-999-0000001/sales', { token })).status).toBe(404);
    expect((await h.call('GET', `/productions/${HAMLET}/sales`)).status).toBe(401);
  });
});

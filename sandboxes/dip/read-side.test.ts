import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OTHER_CLIENT } from './seed.js';
import { HAMLET, startHarness, ticketsFor, type Harness } from './test-support.js';

const NOTENKRAKER = 'NL-26-102-0004712';

describe("DIP sandbox: the producers' read side, as DIP answers it", () => {
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

  it('answers sales per theatre (top-level id is the theatre) with one row per performance and its updated', async () => {
    const res = await h.call('GET', `/productions/${HAMLET}/sales`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        id: 4711, name: 'Demo Schouwburg Amsterdam', updated: '2026-11-23T15:00:00+01:00', tickets: 175, recette: 675000,
        performances: [
          { number: 11001, date: '2026-11-25T20:15:00', tickets: 125, recette: 500000, updated: '2026-11-23T14:00:00+01:00' },
          { number: 11002, date: '2026-11-26T20:15:00', tickets: 50, recette: 175000, updated: '2026-11-23T15:00:00+01:00' },
          { number: 11003, date: '2026-11-27T14:30:00', tickets: 0, recette: 0, updated: null },
        ],
      },
      {
        id: 5820, name: 'Theater De Proef Utrecht', updated: '2026-11-23T14:00:00+01:00', tickets: 7, recette: 14000,
        performances: [
          { number: 11051, date: '2026-12-11T20:15:00', tickets: 7, recette: 14000, updated: '2026-11-23T14:00:00+01:00' },
          { number: 11052, date: '2026-12-12T20:15:00', tickets: 0, recette: 0, updated: null },
        ],
      },
    ]);
  });

  it('answers reservations and blocked seats the same way, only for theatres with figures of that kind', async () => {
    const res = await h.call<Record<string, unknown>[]>('GET', `/productions/${HAMLET}/reservations`, { token });
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ id: 4711, reservations: 15, recette: 38250 });
    const blocked = await h.call<Record<string, unknown>[]>('GET', `/productions/${HAMLET}/blockedseats`, { token });
    expect(blocked.body).toEqual([expect.objectContaining({
      id: 4711, blocked_seats: 8, value: 22400,
      performances: [
        expect.objectContaining({ number: 11001, blocked_seats: 0 }), expect.objectContaining({ number: 11002, blocked_seats: 8, value: 22400 }),
        expect.objectContaining({ number: 11003, blocked_seats: 0 }),
      ],
    })]);
  });

  it('answers a production without sales with DIP\'s 400 "No sales history", not an empty list', async () => {
    const res = await h.call('GET', `/productions/${NOTENKRAKER}/sales`, { token });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'Invalid response', error_description: `No sales history for production ${NOTENKRAKER}` });
    expect((await h.call('GET', `/productions/${NOTENKRAKER}/blockedseats`, { token })).body)
      .toMatchObject({ error_description: `No blocked seats history for production ${NOTENKRAKER}` });
  });

  it('answers 404 for an unknown production and 401 without a token', async () => {
    expect((await h.call('GET', '/productions/NL-26-999-0000001/sales', { token })).status).toBe(404);
    expect((await h.call('GET', `/productions/${HAMLET}/sales`)).status).toBe(401);
  });
});

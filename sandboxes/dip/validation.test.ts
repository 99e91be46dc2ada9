import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PerformanceView } from './read-side.js';
import { HAMLET, startHarness, ticketsFor, UPDATED, type Harness } from './test-support.js';

type Item = Record<string, unknown>;
const NOTENKRAKER = 'NL-26-102-0004712';

/** A valid batch of 8 items (Hamlet 11001 and 11002, all four types) with item `i` changed. */
function ticketsWith(i: number, change: (item: Item) => void): Item[] {
  const batch: Item[] = [...ticketsFor(11001, { normal: [10, 42500] }), ...ticketsFor(11002, { discount: [3, 11250] })].map((x) => ({ ...x }));
  change(batch[i]);
  return batch;
}

const set = (field: string, value: unknown) => (item: Item) => { item[field] = value; };

const TICKET_CASES: [string, Item[] | unknown, RegExp][] = [
  ['an unknown field', ticketsWith(3, set('vat', 2100)), /^item 3: unknown field "vat"/],
  ['a missing field', ticketsWith(5, (x) => { delete x.recette; }), /^item 5: missing field "recette"/],
  ['a count as a string', ticketsWith(2, set('tickets', '12')), /^item 2: tickets must be a whole number/],
  ['a negative count', ticketsWith(6, set('tickets', -1)), /^item 6: tickets must be a whole number of 0 or more, got -1/],
  ['non-integer cents', ticketsWith(1, set('recette', 12.5)), /^item 1: recette must be integer euro cents/],
  ['negative cents', ticketsWith(1, set('recette', -100)), /^item 1: recette must be integer euro cents/],
  ['a performance number as a string', ticketsWith(4, set('performanceNumber', '11002')), /^item 4: performanceNumber must be a positive integer/],
  ['a production number that is not a string', ticketsWith(0, set('productionNumber', 4711)), /^item 0: productionNumber must be a DIP production id/],
  ['a ticket type outside the four', ticketsWith(7, set('ticketType', 'vip')), /^item 7: ticketType must be one of normal, discount, free, other/],
  ['`updated` without an offset', ticketsWith(2, set('updated', '2026-11-23T14:00:00')), /^item 2: updated must be an ISO 8601 date-time with an offset/],
  ['`updated` as a date only', ticketsWith(2, set('updated', '2026-11-23')), /^item 2: updated must be/],
  ['`updated` on a day that does not exist', ticketsWith(2, set('updated', '2026-02-30T14:00:00+01:00')), /^item 2: updated must be/],
  ['an unknown performance', ticketsWith(5, set('performanceNumber', 99999)), /^item 5: performance NL-26-101-0004711\|99999 is not known to DIP/],
  ['a number of another production', ticketsWith(4, set('productionNumber', NOTENKRAKER)), /^item 4: performance NL-26-102-0004712\|11002 is not known to DIP/],
  ["another theatre's performance", ticketsWith(4, set('performanceNumber', 11051)), /^item 4: performance NL-26-101-0004711\|11051 is not linked to your theatre/],
  ['the same performance and type twice', ticketsWith(5, set('ticketType', 'normal')), /^item 5: repeats item 4/],
  ['a performance without all four types', ticketsFor(11001).slice(0, 3), /^item 0: performance NL-26-101-0004711\|11001 lacks ticketType other/],
  ['an item that is not an object', ticketsWith(0, () => undefined).map((x, i) => (i === 3 ? 7 : x)), /^item 3: expected an object/],
  ['an object instead of an array', ticketsFor(11001)[0], /^body: expected a JSON array/],
  ['an empty array', [], /^body: empty array/],
];

describe('DIP sandbox: strict validation, all or nothing', () => {
  let h: Harness;
  let token: string;
  const historyOf = async (n: number) => (await h.call<PerformanceView>('GET', `/_sandbox/performances/${n}`)).body.historyCount;
  const nothingStored = async () => {
    for (const n of [11001, 11002, 11051]) expect(await historyOf(n)).toBe(0);
  };

  beforeAll(async () => { h = await startHarness(); token = await h.token(); });
  afterAll(async () => { await h?.close(); });

  it.each(TICKET_CASES)('PUT /tickets/cumulative rejects %s and stores none of the batch', async (_name, body, message) => {
    const res = await h.call<{ error: string; error_description: string }>('PUT', '/tickets/cumulative', { token, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(res.body.error_description).toMatch(message);
    await nothingStored();
  });

  it('accepts the unchanged batch (so each case above fails on its one change)', async () => {
    expect((await h.call('PUT', '/tickets/cumulative', { token, body: ticketsWith(0, () => undefined) })).status).toBe(204);
    expect(await historyOf(11001)).toBe(4);
    await h.call('POST', '/_sandbox/reset');
  });

  const reservation = (over: Item = {}) => ({ productionNumber: HAMLET, performanceNumber: 11001, reservations: 2, recette: 8500, updated: UPDATED, ...over });
  const blocked = (over: Item = {}) => ({ productionNumber: HAMLET, performanceNumber: 11002, blockedSeats: 4, value: 14000, updated: UPDATED, ...over });

  it.each([
    ['/reservations/cumulative', [reservation(), reservation({ performanceNumber: 11002, reservations: -2 })], /^item 1: reservations must be a whole number/],
    ['/reservations/cumulative', [reservation(), reservation({ performanceNumber: 11002, tickets: 1 })], /^item 1: unknown field "tickets"/],
    ['/reservations/cumulative', [reservation(), reservation()], /^item 1: repeats item 0/],
    ['/blockedseats/cumulative', [blocked(), blocked({ performanceNumber: 11001, value: 99.99 })], /^item 1: value must be integer euro cents/],
    ['/blockedseats/cumulative', [blocked({ blocked_seats: 4 })], /^item 0: unknown field "blocked_seats"/],
    ['/blockedseats/cumulative', [blocked(), blocked({ performanceNumber: 11052 })], /^item 1: performance .*\|11052 is not linked to your theatre/],
  ])('PUT %s rejects a bad item and stores none of the batch', async (path, body, message) => {
    const res = await h.call<{ error_description: string }>('PUT', path, { token, body });
    expect(res.status).toBe(400);
    expect(res.body.error_description).toMatch(message);
    await nothingStored();
  });

  it.each([
    [`/productions/${HAMLET}/performances/11001/capacity`, { capacity: -1 }, /^body: capacity must be a whole number/],
    [`/productions/${HAMLET}/performances/11001/capacity`, { capacity: '590' }, /^body: capacity must be a whole number/],
    [`/productions/${HAMLET}/performances/11001/capacity`, { capacity: 590, seats: 600 }, /^body: unknown field "seats"/],
    [`/productions/${HAMLET}/performances/11001/capacity`, {}, /^body: missing field "capacity"/],
    [`/productions/${HAMLET}/performances/99999/capacity`, { capacity: 590 }, /^path: performance .*\|99999 is not known to DIP/],
    [`/productions/${HAMLET}/performances/11051/capacity`, { capacity: 590 }, /^path: performance .*\|11051 is not linked to your theatre/],
    [`/productions/${NOTENKRAKER}/performances/11001/capacity`, { capacity: 590 }, /^path: performance .* is not known to DIP/],
    [`/productions/${HAMLET}/performances/eleven/capacity`, { capacity: 590 }, /^path: number must be a positive integer/],
  ])('PUT %s with %j is a 400 and stores nothing', async (path, body, message) => {
    const res = await h.call<{ error_description: string }>('PUT', path, { token, body });
    expect(res.status).toBe(400);
    expect(res.body.error_description).toMatch(message);
    await nothingStored();
  });

  it('rejects a body that is not JSON', async () => {
    const res = await h.call('PUT', '/tickets/cumulative', { token, body: 'productionNumber=x', contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(400);
    const broken = await h.call('PUT', '/tickets/cumulative', { token, body: '[{"productionNumber": ' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: 'invalid_request' });
  });

  it('answers 401 before looking at the body, and stores nothing, for a missing or expired token', async () => {
    const body = ticketsFor(11001, { normal: [1, 4250] });
    expect((await h.call('PUT', '/tickets/cumulative', { body })).status).toBe(401);
    const short = await startHarness({ tokenLifetimeSeconds: 5 });
    try {
      const t = await short.token();
      short.clock.advance(5_000);
      const res = await short.call('PUT', '/tickets/cumulative', { token: t, body });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'invalid_token', error_description: 'the token expired' });
      expect((await short.call<PerformanceView>('GET', '/_sandbox/performances/11001')).body.historyCount).toBe(0);
    } finally {
      await short.close();
    }
    await nothingStored();
  });
});

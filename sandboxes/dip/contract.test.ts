// The sandbox answers as Foyer's written contract of DIP says (src/connectors/dip/contract.json),
// field for field: no field the contract does not name, none it requires missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerProblems, CONTRACT_CALLS, requestProblems, type CallName } from './contract.js';
import { OTHER_CLIENT } from './seed.js';
import { HAMLET, startHarness, ticketsFor, UPDATED, type Harness } from './test-support.js';

describe("DIP sandbox: answers fit Foyer's contract of DIP", () => {
  let h: Harness;
  let token: string;
  const seen = new Set<CallName>();

  beforeAll(async () => { h = await startHarness(); token = await h.token(); });
  afterAll(async () => { await h?.close(); });

  async function call(name: CallName, method: string, path: string, body?: unknown, t: string | undefined = token) {
    if (body !== undefined && name !== 'token') expect(requestProblems(name, body)).toEqual([]);
    const res = await h.call(method, path, { token: t, body });
    expect(answerProblems(name, res.status, res.body), `${method} ${path} ${res.status}`).toEqual([]);
    seen.add(name);
    return res;
  }

  it('token and the performance list, for both theatres', async () => {
    const form = new URLSearchParams({ client_id: 'foyer-demo', client_secret: 'foyer-demo-secret', grant_type: 'client_credentials' });
    const res = await h.call('POST', '/token', { body: form.toString(), contentType: 'application/x-www-form-urlencoded' });
    expect(answerProblems('token', res.status, res.body)).toEqual([]);
    const wrong = await h.call('POST', '/token', { body: 'client_id=foyer-demo&client_secret=nope', contentType: 'application/x-www-form-urlencoded' });
    expect(wrong.status).toBe(401);
    expect(answerProblems('token', wrong.status, wrong.body)).toEqual([]);
    seen.add('token');
    const list = await call('performances', 'GET', '/theaters/performances');
    expect((list.body as unknown[]).length).toBeGreaterThan(10);
    await call('performances', 'GET', '/theaters/performances', undefined, await h.token(OTHER_CLIENT));
    expect((await call('performances', 'GET', '/theaters/performances', undefined, 'not-a-token')).status).toBe(401);
  });

  it("the four PUTs with Foyer's bodies, and DIP's 400 for a bad one", async () => {
    expect((await call('tickets', 'PUT', '/tickets/cumulative', ticketsFor(11001, { normal: [3, 9000] }))).status).toBe(204);
    await call('reservations', 'PUT', '/reservations/cumulative', [{ productionNumber: HAMLET, performanceNumber: 11001, reservations: 2, recette: 4000, updated: UPDATED }]);
    await call('blockedseats', 'PUT', '/blockedseats/cumulative', [{ productionNumber: HAMLET, performanceNumber: 11001, blockedSeats: 2, value: 6000, updated: UPDATED }]);
    await call('capacity', 'PUT', `/productions/${HAMLET}/performances/11001/capacity`, { capacity: 590 });
    const bad = await h.call('PUT', '/tickets/cumulative', { token, body: [] });
    expect(bad.status).toBe(400);
    expect(answerProblems('tickets', bad.status, bad.body)).toEqual([]);
    // The contract itself refuses what the sandbox refuses.
    expect(requestProblems('tickets', [{ ...ticketsFor(11001)[0], recette: 12.5 }])).not.toEqual([]);
    expect(requestProblems('capacity', { capacity: 5, seats: 5 })).toContain('/seats is not in the contract');
  });

  it('the read side: rows per theatre, and the 400 of a production without history', async () => {
    const sales = await call('sales', 'GET', `/productions/${HAMLET}/sales`);
    expect(sales.status).toBe(200);
    await call('reservationsHeld', 'GET', `/productions/${HAMLET}/reservations`);
    await call('blockedseatsHeld', 'GET', `/productions/${HAMLET}/blockedseats`);
    expect((await call('sales', 'GET', '/productions/NL-26-102-0004712/sales')).status).toBe(400);
    expect(answerProblems('sales', 200, [{ id: 4711, name: 'x', updated: null, tickets: 0, recette: 0, performances: [], theater: {} }]))
      .toEqual(['/0/theater is not in the contract']);
  });

  it('covers every call of the contract', () => {
    expect([...seen].sort()).toEqual([...CONTRACT_CALLS].sort());
  });
});

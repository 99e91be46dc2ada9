// The shop's baskets go through the same selling door as every sale: under overload a new basket
// waits its turn, and when too many already wait the buyer gets 503 busy with Retry-After.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { SellingGate } from '../../src/platform/gate.js';
import { buildShop, expectProblem, type ShopFixture } from './kit.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DIALECTS)('the shop at the selling door on %s', (dialect) => {
  let s: TestServer;
  let shop: ShopFixture;
  // One selling request at a time, and one new basket may wait.
  const gate = new SellingGate(1, 1);

  beforeAll(async () => {
    s = await startServer(dialect, { gate });
    shop = await buildShop(s, (await orgWithUser(s)).token);
  });
  afterAll(async () => { await s?.close(); });

  it('a new basket waits while the door is full, the next one is turned away with Retry-After, and both can come back', async () => {
    let release!: () => void;
    const busy = gate.run('checkout', () => new Promise<void>((r) => { release = r; }));
    const waiting = s.request('POST', `/api/shops/${shop.slug}/baskets`);
    await sleep(200);
    expect(gate.stats().waiting.enter).toBe(1);
    const turnedAway = await s.request('POST', `/api/shops/${shop.slug}/baskets`, { lang: 'nl' });
    expectProblem(turnedAway, 503, 'busy');
    expect(turnedAway.headers.get('retry-after')).toBe('2');
    expect(turnedAway.body.title).toBe('Druk, probeer opnieuw');
    release();
    await busy;
    expect((await waiting).status).toBe(201);
    expect((await s.request('POST', `/api/shops/${shop.slug}/baskets`)).status).toBe(201);
  });
});

// The box office finds an order by part of its number (with or without the dash) and by production title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

describe.each(DIALECTS)('order search on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  const k = sellingKit(() => s, () => token);
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
  });
  afterAll(async () => { await s?.close(); });

  const found = async (q: string) => (k.ok(await k.req<{ items: { number: string }[] }>('GET', `/api/orders?q=${encodeURIComponent(q)}`))).items.map((o) => o.number);

  it('finds part of an order number with or without its dash, and orders of a production by title', async () => {
    const c = await buildCatalogue(s, token);
    const order = await k.sell(c.performanceId, ['r1s1']);
    const other = await k.sell(c.performanceId, ['r1s2']);
    const [a, b] = order.number.split('-');
    expect(await found(`${a.slice(1)}-${b.slice(0, 2)}`)).toContain(order.number);
    expect(await found(`${a.slice(2)}${b}`.toLowerCase())).toContain(order.number);
    expect(await found('haml')).toEqual(expect.arrayContaining([order.number, other.number]));
    expect(await found('Macbeth')).toEqual([]);
    expect(await found('50%')).toEqual([]);
  });
});

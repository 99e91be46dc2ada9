import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';

describe.each(DIALECTS)('smoke on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => { s = await startServer(dialect); });
  afterAll(async () => { await s?.close(); });

  it('answers health and builds a sellable performance', async () => {
    expect((await s.request('GET', '/health')).body).toEqual({ status: 'ok' });
    const { token } = await orgWithUser(s);
    const c = await buildCatalogue(s, token);
    const perf = await s.request('GET', `/api/performances/${c.performanceId}`, { token });
    expect(perf.body.status).toBe('on_sale');
    expect(perf.body.startsAt).toBe('2027-01-15T20:15:00+01:00');
  });
});

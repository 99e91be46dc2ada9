// PostgreSQL: best available skips seats other buyers have locked (FOR UPDATE SKIP LOCKED), so
// concurrent buyers never wait for each other. In a small hall one buyer's window locks every free
// seat. A buyer who only ever skipped would be told the hall is full while its seats are free; the
// last look waits for the lock instead and sells what the other buyer left.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

describe.runIf(DIALECTS.includes('postgres'))('best available while another buyer locks every free seat, on postgres', () => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const k = sellingKit(() => s, () => token);
  beforeAll(async () => {
    s = await startServer('postgres');
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token);
  });
  afterAll(async () => { await s?.close(); });

  it('waits for the lock on its last look and gets seats the other buyer did not take', async () => {
    const other = new pg.Client({ connectionString: s.database.databaseUrl });
    await other.connect();
    try {
      await other.query('begin');
      const locked = await other.query("select item_id from inventory where performance_id = $1 and status = 'free' for update", [c.performanceId]);
      expect(locked.rowCount).toBeGreaterThan(2);
      // The other buyer keeps every free seat locked for longer than the skipping looks take, then takes none.
      const released = new Promise<void>((resolve) => setTimeout(() => void other.query('rollback').then(() => resolve()), 800));
      const b = await k.basket('online');
      const added = await s.request('POST', `/api/baskets/${b.id}/lines`, { token, body: { performanceId: c.performanceId, quantity: 2 } });
      await released;
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      expect(added.body.lines).toHaveLength(2);
    } finally {
      await other.end();
    }
  });
});

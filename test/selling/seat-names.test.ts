// Messages name seats as the ticket does (section, row, seat) in the request's language, never by
// the seat map's internal ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

describe.each(DIALECTS)('seat names in messages on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  const k = sellingKit(() => s, () => token);
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
  });
  afterAll(async () => { await s?.close(); });

  it('a taken seat is named by row and seat in nl, fr and en, for holds and blocks', async () => {
    const c = await buildCatalogue(s, token);
    await k.sell(c.performanceId, ['r2s10']);
    const b = await k.basket();
    const detail = async (lang: string) => {
      const res = await s.request('POST', `/api/baskets/${b.id}/lines`, { token, lang, body: { performanceId: c.performanceId, seatIds: ['r2s9', 'r2s10'] } });
      expect(res.status).toBe(409);
      expect(res.body.unavailableSeatIds).toEqual(['r2s10']);
      return res.body.detail as string;
    };
    expect(await detail('nl')).toContain('Zaal, rij 2, stoel 10');
    expect(await detail('fr')).toContain('Zaal, rang 2, siège 10');
    expect(await detail('en')).toContain('Zaal, row 2, seat 10');
    expect(await detail('nl')).not.toContain('r2s10');
    const block = await s.request('POST', `/api/performances/${c.performanceId}/blocks`, {
      token, lang: 'nl', body: { kind: 'definitive', seatIds: ['r2s10'], reason: 'techniek' },
    });
    expect(block.status, JSON.stringify(block.body)).toBe(409);
    expect(block.body.detail).toContain('rij 2, stoel 10');
  });
});

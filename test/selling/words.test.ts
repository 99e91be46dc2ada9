// Status words, channels and payment methods inside problem texts follow the request's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { sellingKit } from './kit.js';

const ENGLISH_CODES = /checked_out|\bpaid\b|\bcancelled\b|\bboxoffice\b|\bexpired\b/;

describe.each(DIALECTS)('problem words on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const k = sellingKit(() => s, () => token);
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token);
  });
  afterAll(async () => { await s?.close(); });

  it('a closed basket says so in nl, fr and en', async () => {
    const b = await k.basket();
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r2s1'] });
    await k.checkout(b.id, { method: 'cash' });
    const detail = async (lang: string) => {
      const r = await k.req('POST', `/api/baskets/${b.id}/lines`, { performanceId: c.performanceId, seatIds: ['r2s2'] }, { 'accept-language': lang });
      expect(r.status).toBe(409);
      return r.body.detail as string;
    };
    expect(await detail('nl')).toBe('Deze winkelmand is al afgerekend; begin een nieuwe.');
    expect(await detail('fr')).toBe('Ce panier est déjà payé ; commencez-en un nouveau.');
    expect(await detail('en')).toBe('This basket is already checked out; start a new one.');
  });

  it('paying a paid order names its status in the language', async () => {
    const order = await k.sell(c.performanceId, ['r2s3']);
    const pay = (lang: string) => k.req('POST', `/api/orders/${order.id}/payments`, { method: 'cash' }, { 'accept-language': lang, 'idempotency-key': `p-${lang}` });
    const nl = await pay('nl');
    expect(nl.status).toBe(409);
    expect(nl.body.detail).toBe('Deze bestelling is betaald.');
    expect((await pay('fr')).body.detail).toBe('Cette commande a le statut « payé ».');
    for (const lang of ['nl', 'fr']) expect((await pay(lang)).body.detail).not.toMatch(ENGLISH_CODES);
  });
});

// Packs and streams changed by a manager are recorded in the audit trail, in the same transaction:
// a refused change leaves no trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { ok } from './fixtures.js';

interface Event { action: string; label: string; subjectId: string; actor: { name: string }; changes: Record<string, [unknown, unknown]> }

describe.each(DIALECTS)('audit of packs and streams on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token, { rows: 2, perRow: 6 });
  });
  afterAll(async () => { await s?.close(); });
  const trail = async (subject: string, id: string): Promise<Event[]> =>
    ok(await s.request('GET', `/api/audit?subject=${subject}&subjectId=${id}`, { token }), 'audit').body.items;

  it('a pack: created with its sets, published, its sets replaced, deleted; a refused change leaves nothing', async () => {
    const p = ok(await s.request('POST', '/api/packs', {
      token, body: {
        label: 'Abonnement', typeId: 1, price: 9000, ticketTypeId: c.ticketTypes.free, published: false,
        sets: [{ label: 'Keuze', itemnbMin: 1, itemnbMax: 1, stocks: [{ performanceId: c.performanceId }] }],
      },
    }), 'pack').body;
    ok(await s.request('PATCH', `/api/packs/${p.id}`, { token, body: { published: true, price: 9500 } }), 'publish');
    ok(await s.request('PATCH', `/api/packs/${p.id}`, { token, body: { sets: [{ label: 'Twee', itemnbMin: 0, itemnbMax: 2, stocks: [{ performanceId: c.performanceId }] }] } }), 'sets');
    const refused = await s.request('PATCH', `/api/packs/${p.id}`, { token, body: { sets: [{ label: 'x', itemnbMin: 3, itemnbMax: 2, stocks: [] }] } });
    expect(refused.status).toBe(400);
    let events = await trail('pack', p.id);
    expect(events.map((e) => e.action)).toEqual(['changed', 'changed', 'created']);
    expect(events[2].changes).toMatchObject({ label: [null, 'Abonnement'], price: [null, 9000], sets: [null, ['Keuze (1-1): 1']] });
    expect(events[1].changes).toEqual({ published: [false, true], price: [9000, 9500] });
    expect(events[0].changes).toEqual({ sets: [['Keuze (1-1): 1'], ['Twee (0-2): 1']] });
    expect((await s.request('DELETE', `/api/packs/${p.id}`, { token })).status).toBe(204);
    events = await trail('pack', p.id);
    expect(events[0]).toMatchObject({ action: 'deleted', label: 'Abonnement' });
  });

  it('a stream: created, cancelled, deleted', async () => {
    const st = ok(await s.request('POST', '/api/streams', { token, body: { label: 'Hamlet online', url: 'https://video.example/hamlet', price: 800 } }), 'stream').body;
    ok(await s.request('PATCH', `/api/streams/${st.id}`, { token, body: { status: 20 } }), 'cancel');
    expect((await s.request('PATCH', `/api/streams/${st.id}`, { token, body: { venueId: 'nope' } })).status).toBe(400);
    expect((await s.request('DELETE', `/api/streams/${st.id}`, { token })).status).toBe(204);
    const events = await trail('stream', st.id);
    expect(events.map((e) => e.action)).toEqual(['deleted', 'changed', 'created']);
    expect(events[1].changes).toEqual({ status: [10, 20] });
    expect(events[2]).toMatchObject({ label: 'Hamlet online', changes: { price: [null, 800] } });
  });
});

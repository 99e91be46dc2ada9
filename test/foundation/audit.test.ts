// The audit trail as a manager reads it: newest first even when changes share a moment, paged by
// cursor, filtered by subject and person, and only for admins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { ManualClock } from '../../src/platform/clock.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { buildCatalogue } from '../helpers/catalogue.js';

const VENUE = { name: 'Stadsschouwburg', address: 'Markt 1', postalCode: '3500', city: 'Hasselt', country: 'BE', timeZone: 'Europe/Brussels' };

describe.each(DIALECTS)('the audit trail on %s', (dialect) => {
  let s: TestServer;
  let admin: string;
  beforeAll(async () => {
    // One fixed moment: every change below has the same time.
    s = await startServer(dialect, { clock: new ManualClock(new Date('2054-12-03T10:00:00Z')) });
    admin = (await orgWithUser(s)).token;
  });
  afterAll(async () => { await s?.close(); });

  it('lists changes made at the same moment newest first, pages without losing or repeating one, and filters', async () => {
    const created = await s.request('POST', '/api/venues', { token: admin, body: VENUE });
    expect(created.status).toBe(201);
    const names = ['Zaal A', 'Zaal B', 'Zaal C', 'Zaal D', 'Zaal E'];
    for (const name of names) {
      expect((await s.request('PATCH', `/api/venues/${created.body.id}`, { token: admin, body: { name } })).status).toBe(200);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: unknown[]; next: string | null } } = await s.request('GET', `/api/audit?subject=venue&limit=2${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`, { token: admin });
      expect(page.status).toBe(200);
      for (const e of page.body.items as { action: string; changes: { name?: [string, string] } }[]) {
        seen.push(e.action === 'created' ? 'created' : e.changes.name![1]);
      }
      cursor = page.body.next;
    } while (cursor);
    expect(seen).toEqual([...names].reverse().concat('created'));
    expect((await s.request('GET', '/api/audit?subject=hall', { token: admin })).body.items).toEqual([]);
  });

  it('records a change of the organisation settings with old and new values; an unchanged or refused one leaves no entry', async () => {
    const other = await orgWithUser(s, 'admin', 'Schouwburg Noord');
    const mine = (await s.request('GET', '/api/organisation', { token: admin })).body;
    const patch = (body: unknown) => s.request('PATCH', '/api/organisation', { token: admin, body });
    expect((await patch({ name: 'Stadsschouwburg Hasselt', onlineHoldMinutes: 20, reservationHours: 48 })).status).toBe(200);
    expect((await patch({ onlineHoldMinutes: 20 })).status).toBe(200);
    const taken = await patch({ slug: 'schouwburg-noord', boxofficeHoldMinutes: 30 });
    expect(taken.status).toBe(409);
    expect((await s.request('GET', '/api/organisation', { token: admin })).body).toMatchObject({ slug: mine.slug, boxofficeHoldMinutes: mine.boxofficeHoldMinutes });
    const items = (await s.request('GET', '/api/audit?subject=settings', { token: admin })).body.items;
    expect(items).toEqual([expect.objectContaining({
      subjectId: 'organisation', action: 'changed', label: 'Stadsschouwburg Hasselt', actor: expect.objectContaining({ name: 'admin user' }),
      changes: { name: [mine.name, 'Stadsschouwburg Hasselt'], onlineHoldMinutes: [mine.onlineHoldMinutes, 20], reservationHours: [null, 48] },
    })]);
    // Another organisation's trail has none of it.
    expect((await s.request('GET', '/api/audit?subject=settings', { token: other.token })).body.items).toEqual([]);
  });

  it('records a change of the service fees, per channel, old → new; saving the same fees again adds nothing', async () => {
    const { token } = await orgWithUser(s, 'admin', 'Schouwburg West');
    const fees = { online: { perTicket: 150, perOrder: 0, vatRate: 2100 } };
    expect((await s.request('PUT', '/api/fees', { token, body: fees })).status).toBe(200);
    expect((await s.request('PUT', '/api/fees', { token, body: fees })).status).toBe(200);
    const items = (await s.request('GET', '/api/audit?subject=settings', { token })).body.items;
    expect(items).toEqual([expect.objectContaining({ subjectId: 'fees', action: 'changed', changes: { 'online.perTicket': [0, 150] } })]);
  });

  it('keeps a performance’s life: a series made, one edited, extra info on two at once, a draft deleted', async () => {
    const c = await buildCatalogue(s, admin, { rows: 1, perRow: 4 });
    const series = await s.request('POST', '/api/performances/series', {
      token: admin, body: { productionId: c.productionId, hallId: c.hallId, from: '2055-02-01', to: '2055-02-07', weekdays: [4, 5, 6], times: ['20:15'] },
    });
    expect(series.status).toBe(201);
    const ids = (series.body.items as { id: string }[]).map((p) => p.id);
    expect(ids).toHaveLength(3);
    expect((await s.request('PATCH', `/api/performances/${ids[0]}`, { token: admin, body: { doorsOpenMinutes: 45, extraInfo: 'Met nagesprek' } })).status).toBe(200);
    expect((await s.request('POST', '/api/performances/extra-info', { token: admin, body: { performanceIds: [ids[1], ids[2]], extraInfo: 'Inleiding om 19:30' } })).body).toEqual({ updated: 2 });
    expect((await s.request('DELETE', `/api/performances/${ids[2]}`, { token: admin })).status).toBe(204);

    const trail = async (id: string) => ((await s.request('GET', `/api/audit?subject=performance&subjectId=${id}`, { token: admin })).body.items as
      { action: string; changes: Record<string, [unknown, unknown]> }[]);
    const first = await trail(ids[0]);
    expect(first.map((e) => e.action)).toEqual(['changed', 'created']);
    expect(first[0].changes).toEqual({ doorsOpenMinutes: [30, 45], extraInfo: ['', 'Met nagesprek'] });
    expect(first[1].changes).toMatchObject({ productionId: [null, c.productionId], hallId: [null, c.hallId], status: [null, 'draft'] });
    const second = await trail(ids[1]);
    expect(second.map((e) => [e.action, e.changes.extraInfo])).toEqual([['changed', ['', 'Inleiding om 19:30']], ['created', undefined]]);
    expect((await trail(ids[2])).map((e) => e.action)).toEqual(['deleted', 'changed', 'created']);
  });

  it('records a change of the shop settings with old and new values; an unchanged one or a taken slug leaves no entry and changes nothing', async () => {
    const other = await orgWithUser(s, 'admin', 'Cultuurcentrum Genk');
    const mine = (await s.request('GET', '/api/organisation', { token: admin })).body;
    const put = (body: unknown) => s.request('PUT', '/api/shop-settings', { token: admin, body });
    const entries = async (token = admin) => (await s.request('GET', '/api/audit?subject=settings&subjectId=shop', { token })).body.items;
    expect((await put({ enabled: true, slug: 'schouwburg-hasselt-shop', displayName: 'Schouwburg Hasselt', maxPlaces: 6, embedOrigins: ['https://www.schouwburg.example'] })).status).toBe(200);
    expect((await put({ enabled: true, maxPlaces: 6 })).status).toBe(200);
    const taken = await put({ enabled: false, slug: 'cultuurcentrum-genk', maxPlaces: 8 });
    expect(taken.status).toBe(409);
    expect((await s.request('GET', '/api/shop-settings', { token: admin })).body).toMatchObject({ enabled: true, slug: 'schouwburg-hasselt-shop', maxPlaces: 6 });
    expect(await entries()).toEqual([expect.objectContaining({
      subject: 'settings', subjectId: 'shop', action: 'changed', label: 'Schouwburg Hasselt', actor: expect.objectContaining({ name: 'admin user' }),
      changes: {
        enabled: [false, true], slug: [mine.slug, 'schouwburg-hasselt-shop'], displayName: [null, 'Schouwburg Hasselt'], maxPlaces: [10, 6],
        embedOrigins: [[], ['https://www.schouwburg.example']],
      },
    })]);
    expect((await put({ enabled: false, buyerCancelHours: 48 })).status).toBe(200);
    expect((await entries())[0].changes).toEqual({ enabled: [true, false], buyerCancelHours: [null, 48] });
    expect(await entries(other.token)).toEqual([]);
  });

  it('records a change of the check-in settings (re-entry) with old and new values; an unchanged one leaves no entry', async () => {
    const put = (reentry: boolean) => s.request('PUT', '/api/checkin/settings', { token: admin, body: { reentry } });
    const entries = async () => (await s.request('GET', '/api/audit?subject=settings&subjectId=checkin', { token: admin })).body.items;
    expect((await put(false)).status).toBe(200);
    expect(await entries()).toEqual([]);
    expect((await put(true)).body).toEqual({ reentry: true });
    expect((await put(true)).status).toBe(200);
    expect((await put(false)).status).toBe(200);
    expect((await entries()).map((e: { changes: unknown }) => e.changes)).toEqual([{ reentry: [true, false] }, { reentry: [false, true] }]);
    expect((await entries())[0]).toMatchObject({ action: 'changed', actor: { name: 'admin user' } });
  });

  it('is for admins only', async () => {
    const boxoffice = (await orgWithUser(s, 'boxoffice')).token;
    expect((await s.request('GET', '/api/audit', { token: boxoffice })).status).toBe(403);
  });
});

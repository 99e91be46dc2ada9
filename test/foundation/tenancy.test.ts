// Two organisations on one Foyer: neither sees, changes or deletes the other's records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, gridSeatMap, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type OrgFixture, type TestServer } from '../helpers/server.js';
import { expectProblem, expectRejected, fieldsOf } from './expect-problem.js';

interface Resource {
  what: string;
  /** Where the owner reads the record. */
  read: string;
  /** The record's own address (GET, PATCH, DELETE). */
  at: string;
  /** A valid change, were the caller allowed to make it. */
  patch: unknown;
  /** PUT instead of PATCH for replace-only records. */
  put?: boolean;
}

describe.each(DIALECTS)('tenant isolation on %s', (dialect) => {
  let s: TestServer;
  let a: OrgFixture;
  let b: OrgFixture;
  let cat: Catalogue;
  let resources: Resource[];
  let userId: string;
  let clientId: string;

  beforeAll(async () => {
    s = await startServer(dialect);
    a = await orgWithUser(s, 'admin', 'Theater A');
    b = await orgWithUser(s, 'admin', 'Theater B');
    cat = await buildCatalogue(s, a.token, { rows: 2, perRow: 3 });
    const user = await s.request('POST', '/api/users', { token: a.token, body: { email: 'kassa@a.example.test', name: 'Kassa A', role: 'boxoffice', password: 'correct horse battery' } });
    userId = user.body.id;
    const client = await s.request('POST', '/api/api-clients', { token: a.token, body: { name: 'Site A', role: 'admin' } });
    clientId = client.body.id;
    resources = [
      { what: 'venue', read: `/api/venues/${cat.venueId}`, at: `/api/venues/${cat.venueId}`, patch: { name: 'Hijacked' } },
      { what: 'hall', read: `/api/halls/${cat.hallId}`, at: `/api/halls/${cat.hallId}`, patch: { name: 'Hijacked', seatMap: gridSeatMap(1, 1) } },
      { what: 'production', read: `/api/productions/${cat.productionId}`, at: `/api/productions/${cat.productionId}`, patch: { title: 'Hijacked' } },
      { what: 'performance', read: `/api/performances/${cat.performanceId}`, at: `/api/performances/${cat.performanceId}`, patch: { status: 'cancelled', extraInfo: 'Hijacked' } },
      { what: 'ticket type', read: `/api/ticket-types/${cat.ticketTypes.normal}`, at: `/api/ticket-types/${cat.ticketTypes.normal}`, patch: { archived: true, names: { nl: 'X', fr: 'X', en: 'X' } } },
      { what: 'price list', read: `/api/performances/${cat.performanceId}/prices`, at: `/api/performances/${cat.performanceId}/prices`, patch: { vatRate: 2100, prices: [] }, put: true },
      { what: 'user', read: '/api/users', at: `/api/users/${userId}`, patch: { disabled: true, role: 'admin', password: 'hijacked password' } },
      { what: 'API client', read: '/api/api-clients', at: `/api/api-clients/${clientId}`, patch: { name: 'Hijacked' } },
    ];
  });
  afterAll(async () => { await s?.close(); });

  it("answers 404 to another organisation's GET, PATCH and DELETE, exactly as for an id that does not exist, and changes nothing", async () => {
    for (const r of resources) {
      const before = await s.request('GET', r.read, { token: a.token });
      expect(before.status, r.what).toBe(200);
      const missing = r.at.replace(/[0-9a-f-]{36}/, '00000000-0000-4000-8000-000000000000');
      for (const method of ['GET', r.put ? 'PUT' : 'PATCH', 'DELETE']) {
        const body = method === 'GET' || method === 'DELETE' ? undefined : r.patch;
        const theirs = await s.request(method, r.at, { token: b.token, body, lang: 'nl' });
        expectProblem(theirs, 404, theirs.body.type === '/problems/route-not-found' ? 'route-not-found' : 'not-found', 'nl');
        const none = await s.request(method, missing, { token: b.token, body, lang: 'nl' });
        const { instance: _i1, ...theirDoc } = theirs.body;
        const { instance: _i2, ...noneDoc } = none.body;
        if (theirs.body.type === '/problems/route-not-found') {
          expect(none.body.type).toBe('/problems/route-not-found');
        } else {
          expect(theirDoc, `${method} ${r.what}`).toEqual(noneDoc);
        }
      }
      const after = await s.request('GET', r.read, { token: a.token });
      expect(after.body, `${r.what} unchanged`).toEqual(before.body);
    }
    // The user can still log in with the old password and role.
    const login = await s.request('POST', '/api/auth/login', { body: { email: 'kassa@a.example.test', password: 'correct horse battery' } });
    expect(login.body.user).toMatchObject({ role: 'boxoffice', disabled: false });
  });

  it("lists only the caller's own records, whatever the filter", async () => {
    const lists = ['/api/venues', '/api/productions', '/api/performances', `/api/performances?venueId=${cat.venueId}`, '/api/ticket-types?includeArchived=true', '/api/api-clients'];
    for (const path of lists) {
      const theirs = await s.request('GET', path, { token: b.token });
      expect(theirs.status, path).toBe(200);
      expect(theirs.body.items, path).toEqual([]);
      expect((await s.request('GET', path, { token: a.token })).body.items.length, path).toBeGreaterThan(0);
    }
    const users = await s.request('GET', '/api/users', { token: b.token });
    expect(users.body.items.map((u: { email: string }) => u.email)).toEqual([b.email]);
    expectProblem(await s.request('GET', `/api/venues/${cat.venueId}/halls`, { token: b.token }), 404, 'not-found');
    expect((await s.request('GET', '/api/organisation', { token: b.token })).body.name).toBe('Theater B');
  });

  it("cannot build on another organisation's records", async () => {
    const own = await buildCatalogue(s, b.token, { rows: 1, perRow: 2, status: 'draft' });
    expectProblem(await s.request('POST', `/api/venues/${cat.venueId}/halls`, { token: b.token, body: { name: 'Mine', seatMap: gridSeatMap(1, 2) } }), 404, 'not-found');

    const perf = (body: Record<string, unknown>) => s.request('POST', '/api/performances', {
      token: b.token, body: { productionId: own.productionId, hallId: own.hallId, startsAt: '2055-02-01T20:00', ...body },
    });
    const refs: [Record<string, unknown>, string][] = [
      [{ productionId: cat.productionId }, 'productionId'],
      [{ hallId: cat.hallId }, 'hallId'],
      [{ standardTicketTypeId: cat.ticketTypes.normal }, 'standardTicketTypeId'],
    ];
    for (const [body, field] of refs) {
      const res = await perf(body);
      expectProblem(res, 400, 'validation-failed');
      expect(fieldsOf(res)).toEqual([field]);
    }
    const patched = await s.request('PATCH', `/api/performances/${own.performanceId}`, { token: b.token, body: { hallId: cat.hallId } });
    expect(fieldsOf(patched)).toEqual(['hallId']);

    const prices = await s.request('PUT', `/api/performances/${own.performanceId}/prices`, {
      token: b.token, body: { prices: [{ ticketTypeId: own.ticketTypes.normal, rank: 1, amount: 100 }, { ticketTypeId: cat.ticketTypes.normal, rank: 1, amount: 100 }] },
    });
    expectProblem(prices, 400, 'validation-failed');
    expect(fieldsOf(prices)).toEqual(['prices/1/ticketTypeId']);

    const aBefore = await s.request('GET', `/api/performances/${cat.performanceId}`, { token: a.token });
    const bulk = await s.request('POST', '/api/performances/extra-info', { token: b.token, body: { performanceIds: [own.performanceId, cat.performanceId], extraInfo: 'Hijacked' } });
    expect(bulk.status).toBeGreaterThanOrEqual(400);
    expect(bulk.status).toBeLessThan(500);
    expect((await s.request('GET', `/api/performances/${cat.performanceId}`, { token: a.token })).body).toEqual(aBefore.body);
    expect((await s.request('GET', `/api/performances/${own.performanceId}`, { token: b.token })).body.extraInfo).toBe('');
    const list = await s.request('GET', '/api/performances', { token: b.token });
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([own.performanceId]);
  });

  it("changes only the caller's own organisation settings, and refuses bad ones", async () => {
    const before = (await s.request('GET', '/api/organisation', { token: a.token })).body;
    const patched = await s.request('PATCH', '/api/organisation', { token: b.token, body: { onlineHoldMinutes: 20, reservationHours: 48 } });
    expect(patched.body).toMatchObject({ id: b.orgId, name: 'Theater B', onlineHoldMinutes: 20, reservationHours: 48 });
    expect((await s.request('GET', '/api/organisation', { token: a.token })).body).toEqual(before);
    await expectRejected((lang) => s.request('PATCH', '/api/organisation', { token: b.token, body: { onlineHoldMinutes: 0, id: a.orgId }, lang }), 400, 'validation-failed', ['onlineHoldMinutes', 'id']);
    expect((await s.request('GET', '/api/organisation', { token: b.token })).body).toEqual(patched.body);
  });

  it("an API client's token is bound to its own organisation", async () => {
    const created = await s.request('POST', '/api/api-clients', { token: b.token, body: { name: 'Site B', role: 'admin' } });
    const tok = await s.request('POST', '/api/oauth/token', { body: { grant_type: 'client_credentials', client_id: created.body.clientId, client_secret: created.body.clientSecret } });
    const token = tok.body.access_token;
    expectProblem(await s.request('GET', `/api/venues/${cat.venueId}`, { token }), 404, 'not-found');
    expectProblem(await s.request('PATCH', `/api/productions/${cat.productionId}`, { token, body: { title: 'Hijacked' } }), 404, 'not-found');
    expect((await s.request('GET', `/api/productions/${cat.productionId}`, { token: a.token })).body.title).toBe('Hamlet');
  });
});

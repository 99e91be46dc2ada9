// A production's price list: stored, refused with field errors in the caller's language, copied to
// its performances in one step (cancelled and started ones keep theirs, sold tickets keep their
// price), taken by its new performances, and every change in the audit trail as before → after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, userIn, type TestServer } from '../helpers/server.js';
import { buy, ok } from '../catalogue/fixtures.js';

interface Event { action: string; label: string; subjectId: string; actor: { name: string }; changes: Record<string, [unknown, unknown]> }

describe.each(DIALECTS)('price lists of productions on %s', (dialect) => {
  const clock = fixedClock('2054-11-23T12:00:00Z');
  let s: TestServer;
  let orgId: string;
  let token: string;
  let login: { email: string; password: string };
  let c: Catalogue;
  const later: string[] = [];
  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    const a = await orgWithUser(s);
    ({ orgId, token } = a);
    login = { email: a.email, password: a.password };
    c = await buildCatalogue(s, token, { rows: 2, perRow: 4 });
    for (const day of ['2055-02-01', '2055-02-02', '2055-02-03']) {
      later.push(ok(await s.request('POST', '/api/performances', {
        token, body: { productionId: c.productionId, hallId: c.hallId, startsAt: `${day}T20:00`, standardTicketTypeId: c.ticketTypes.normal, status: 'on_sale' },
      }), 'performance').body.id);
    }
  });
  afterAll(async () => { await s?.close(); });
  const trail = async (id: string): Promise<Event[]> =>
    ok(await s.request('GET', `/api/audit?subject=price-list&subjectId=${id}`, { token }), 'audit').body.items;
  const list = [
    { ticketTypeId: '', rank: 1, amount: 3200 }, { ticketTypeId: '', rank: 2, amount: 2200 },
  ];
  const normal = () => list.map((p) => ({ ...p, ticketTypeId: c.ticketTypes.normal }));

  it('refuses unknown ticket types, negative amounts and a type and rank priced twice, per field, in nl/fr/en', async () => {
    const bad = { prices: [{ ticketTypeId: 'nope', rank: 1, amount: 100 }, { ticketTypeId: c.ticketTypes.normal, rank: 2, amount: 1 }, { ticketTypeId: c.ticketTypes.normal, rank: 2, amount: 2 }] };
    const nl = await s.request('PUT', `/api/productions/${c.productionId}/prices`, { token, lang: 'nl', body: bad });
    expect(nl.status).toBe(400);
    expect(nl.contentType).toContain('application/problem+json');
    expect(nl.body.errors).toEqual([
      { field: 'prices/0/ticketTypeId', message: 'onbekend tickettype' },
      { field: 'prices/2', message: 'dit tickettype en deze rang hebben twee prijzen' },
    ]);
    const fr = await s.request('PUT', `/api/productions/${c.productionId}/prices`, { token, lang: 'fr', body: bad });
    expect(fr.body.errors[0].message).toBe('type de billet inconnu');
    const negative = await s.request('PUT', `/api/productions/${c.productionId}/prices`, {
      token, lang: 'en', body: { prices: [{ ticketTypeId: c.ticketTypes.normal, rank: 1, amount: -500 }] },
    });
    expect(negative.status).toBe(400);
    expect(negative.body.errors).toEqual([expect.objectContaining({ field: 'prices/0/amount', message: 'must be at least 0' })]);
    const rank = await s.request('PUT', `/api/performances/${c.performanceId}/prices`, {
      token, lang: 'nl', body: { prices: [{ ticketTypeId: c.ticketTypes.normal, rank: 11, amount: 500 }] },
    });
    expect(rank.body.errors).toEqual([expect.objectContaining({ field: 'prices/0/rank', message: 'mag hoogstens 10 zijn' })]);
    expect((await s.request('GET', `/api/productions/${c.productionId}/prices`, { token })).body.prices).toEqual([]);
    expect(await trail(c.productionId)).toEqual([]);
    const empty = await s.request('POST', `/api/productions/${c.productionId}/prices/apply`, { token, lang: 'en', body: {} });
    expect(empty.body.errors).toEqual([{ field: 'prices', message: 'the production has no price list yet' }]);
  });

  it('stores the list and records the amounts that changed', async () => {
    ok(await s.request('PUT', `/api/productions/${c.productionId}/prices`, { token, body: { prices: normal() } }), 'put');
    const got = ok(await s.request('GET', `/api/productions/${c.productionId}/prices`, { token }), 'get').body;
    expect(got).toEqual({ productionId: c.productionId, prices: normal() });
    ok(await s.request('PUT', `/api/productions/${c.productionId}/prices`, {
      token, body: { prices: [{ ticketTypeId: c.ticketTypes.normal, rank: 1, amount: 3500 }, { ticketTypeId: c.ticketTypes.free, rank: 1, amount: 0 }] },
    }), 'put again');
    const events = await trail(c.productionId);
    expect(events.map((e) => [e.action, e.label, e.actor.name])).toEqual([['changed', 'Hamlet', 'admin user'], ['changed', 'Hamlet', 'admin user']]);
    expect(events[1].changes).toEqual({ 'Normaal · 1': [null, 3200], 'Normaal · 2': [null, 2200] });
    expect(events[0].changes).toEqual({ 'Normaal · 1': [3200, 3500], 'Normaal · 2': [2200, null], 'Vrijkaart · 1': [null, 0] });
    ok(await s.request('PUT', `/api/productions/${c.productionId}/prices`, { token, body: { prices: normal() } }), 'back');
  });

  it('applies to the performances that differ, skips cancelled and started ones; sold tickets keep their price', async () => {
    const order = await buy(s, token, null, async (b) => ok(await s.request('POST', `/api/baskets/${b}/lines`, {
      token, body: { performanceId: c.performanceId, seatIds: ['r1s1'] },
    }), 'line'));
    expect(order.total).toBe(3000);
    ok(await s.request('PUT', `/api/performances/${later[1]}/prices`, { token, body: { prices: normal() } }), 'already the list');
    ok(await s.request('POST', `/api/performances/${later[2]}/cancel`, { token, body: { tickets: 0 } }), 'cancel');
    const preview = ok(await s.request('POST', `/api/productions/${c.productionId}/prices/apply`, { token, body: { preview: true } }), 'preview').body;
    expect(preview).toEqual({ changed: [c.performanceId, later[0]], unchanged: [later[1]], skipped: [later[2]] });
    expect((await s.request('GET', `/api/performances/${later[0]}/prices`, { token })).body.prices).toEqual([]);

    const applied = ok(await s.request('POST', `/api/productions/${c.productionId}/prices/apply`, { token, body: {} }), 'apply').body;
    expect(applied).toEqual(preview);
    for (const id of [c.performanceId, later[0]]) {
      expect((await s.request('GET', `/api/performances/${id}/prices`, { token })).body.prices).toEqual(normal());
    }
    expect((await s.request('GET', `/api/performances/${later[2]}/prices`, { token })).body.prices).toEqual([]);
    expect(ok(await s.request('GET', `/api/orders/${order.id}`, { token }), 'order').body.total).toBe(3000);
    const [event] = await trail(c.performanceId);
    expect(event.label).toBe('Hamlet, 2055-01-15 20:15');
    expect(event.changes).toMatchObject({ 'Normaal · 1': [3000, 3200], 'Korting · 1': [2500, null], copiedFrom: [null, 'Hamlet'] });
    expect((await trail(later[1])).length).toBe(1);

    clock.set(new Date('2055-02-01T21:00:00Z'));
    token = ok(await s.request('POST', '/api/auth/login', { body: login }), 'login again').body.token;
    ok(await s.request('PUT', `/api/productions/${c.productionId}/prices`, { token, body: { prices: [{ ticketTypeId: c.ticketTypes.normal, rank: 1, amount: 4000 }] } }), 'new list');
    const chosen = ok(await s.request('POST', `/api/productions/${c.productionId}/prices/apply`, { token, body: { performanceIds: [later[0], later[1]] } }), 'chosen').body;
    expect(chosen).toEqual({ changed: [later[1]], unchanged: [], skipped: [later[0]] });
  });

  it('refuses performances of another production, and a new performance takes the production\'s list', async () => {
    const other = ok(await s.request('POST', '/api/productions', { token, body: { title: 'Lear' } }), 'production').body;
    const refused = await s.request('POST', `/api/productions/${other.id}/prices/apply`, { token, lang: 'nl', body: { performanceIds: [c.performanceId] } });
    expect(refused.status).toBe(400);
    ok(await s.request('PUT', `/api/productions/${other.id}/prices`, { token, body: { prices: normal() } }), 'lear list');
    const again = await s.request('POST', `/api/productions/${other.id}/prices/apply`, { token, lang: 'nl', body: { performanceIds: [c.performanceId] } });
    expect(again.body.errors).toEqual([{ field: 'performanceIds/0', message: 'geen voorstelling van deze productie' }]);
    const perf = ok(await s.request('POST', '/api/performances', {
      token, body: { productionId: other.id, hallId: c.hallId, startsAt: '2055-05-01T20:00', standardTicketTypeId: c.ticketTypes.normal },
    }), 'lear performance').body;
    expect((await s.request('GET', `/api/performances/${perf.id}/prices`, { token })).body.prices).toEqual(normal());
  });

  it('answers 404 for another organisation\'s production, and only admins change prices', async () => {
    const b = await orgWithUser(s, 'admin', 'Ander Theater');
    for (const [method, path, body] of [
      ['GET', `/api/productions/${c.productionId}/prices`, undefined],
      ['PUT', `/api/productions/${c.productionId}/prices`, { prices: [] }],
      ['POST', `/api/productions/${c.productionId}/prices/apply`, {}],
    ] as const) {
      expect((await s.request(method, path, { token: b.token, body })).status).toBe(404);
    }
    const reporting = await userIn(s, orgId, 'reporting');
    expect((await s.request('GET', `/api/productions/${c.productionId}/prices`, { token: reporting })).status).toBe(200);
    expect((await s.request('PUT', `/api/productions/${c.productionId}/prices`, { token: reporting, body: { prices: [] } })).status).toBe(403);
  });

  it('records ticket types created, changed and archived', async () => {
    const t = ok(await s.request('POST', '/api/ticket-types', {
      token, body: { names: { nl: 'CJP', fr: 'CJP', en: 'CJP' }, dipCategory: 'discount', channels: ['boxoffice'] },
    }), 'type').body;
    ok(await s.request('PATCH', `/api/ticket-types/${t.id}`, { token, body: { channels: ['boxoffice', 'online'], archived: true } }), 'archive');
    const events: Event[] = ok(await s.request('GET', `/api/audit?subject=ticket-type&subjectId=${t.id}`, { token }), 'audit').body.items;
    expect(events.map((e) => e.action)).toEqual(['changed', 'created']);
    expect(events[0].changes).toEqual({ channels: [['boxoffice'], ['boxoffice', 'online']], archived: [false, true] });
    expect(events[1]).toMatchObject({ label: 'CJP', changes: { dipCategory: [null, 'discount'] } });
  });
});

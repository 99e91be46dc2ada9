// The setting "box-office sales require an open shift" (off by default), over HTTP on both databases:
// with it on, a cashier without an open shift takes no payment (409 in nl/fr/en) and sells once the
// shift is open; a reservation and an online sale are not held to it; changing it is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, userIn, type OrgFixture, type TestServer } from '../helpers/server.js';
import { sellingKit } from '../selling/kit.js';

describe.each(DIALECTS)('sales that require an open shift on %s', (dialect) => {
  let s: TestServer;
  let me: OrgFixture;
  let c: Catalogue;
  let cashier: string;
  const clock = fixedClock('2054-11-23T12:00:00Z');
  const k = sellingKit(() => s, () => me.token);
  let seat = 0;
  const basket = async (token: string) => {
    const b = k.ok(await s.request('POST', '/api/baskets', { token, body: { channel: 'boxoffice' } }), 201);
    k.ok(await s.request('POST', `/api/baskets/${b.id}/lines`, { token, body: { performanceId: c.performanceId, seatIds: [`r8s${++seat}`] } }));
    return b.id as string;
  };
  const checkout = (token: string, basketId: string, body: unknown, lang?: string) =>
    s.request('POST', `/api/baskets/${basketId}/checkout`, { token, body, lang });

  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    me = await orgWithUser(s);
    c = await buildCatalogue(s, me.token, { rows: 10, perRow: 10 });
    cashier = await userIn(s, me.orgId, 'boxoffice');
  });
  afterAll(async () => { await s?.close(); });

  it('off by default: a cashier without a shift sells', async () => {
    expect(k.ok(await s.request('GET', '/api/shifts/settings', { token: cashier }))).toEqual({ requireOpenShift: false });
    expect((await checkout(cashier, await basket(cashier), { payment: { method: 'cash' } })).status).toBe(201);
  });

  it('only a manager turns it on, and the change is in the audit trail', async () => {
    expect((await s.request('PUT', '/api/shifts/settings', { token: cashier, body: { requireOpenShift: true } })).status).toBe(403);
    expect(k.ok(await k.req('PUT', '/api/shifts/settings', { requireOpenShift: true }))).toEqual({ requireOpenShift: true });
    const trail = k.ok(await k.req('GET', '/api/audit?subject=settings&subjectId=till')).items;
    expect(trail).toMatchObject([{ action: 'changed', changes: { requireOpenShift: [false, true] }, actor: { kind: 'user' } }]);
    // the same value again records nothing
    k.ok(await k.req('PUT', '/api/shifts/settings', { requireOpenShift: true }));
    expect(k.ok(await k.req('GET', '/api/audit?subject=settings&subjectId=till')).items).toHaveLength(1);
  });

  it('on: no payment without an open shift (409 in the request\'s language, nothing sold), then sold once the shift is open', async () => {
    const id = await basket(cashier);
    const en = await checkout(cashier, id, { payment: { method: 'cash' } });
    expect(en.status).toBe(409);
    expect(en.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(en.body).toMatchObject({ type: expect.stringMatching(/shift-required$/), title: 'Open a shift first' });
    const nl = await checkout(cashier, id, { payments: [{ method: 'pin', amount: 2000 }] }, 'nl');
    expect(nl.body.title).toBe('Open eerst een dienst');
    expect(nl.body.detail).toContain('op het tabblad Kassa');
    const fr = await checkout(cashier, id, { payment: { method: 'pin' } }, 'fr');
    expect(fr.body.title).toBe("Ouvrez d'abord un service");
    // the basket is still open with its seat held
    const b = k.ok(await s.request('GET', `/api/baskets/${id}`, { token: cashier }));
    expect(b).toMatchObject({ status: 'open', lines: [{ held: true }] });
    // a reservation takes no money: allowed; paying it later is not
    k.ok(await s.request('PUT', `/api/baskets/${id}/customer`, { token: cashier, body: { name: 'Piet Reserveert' } }));
    const reserved = k.ok(await checkout(cashier, id, {}), 201);
    expect(reserved.status).toBe('reserved');
    const later = await s.request('POST', `/api/orders/${reserved.id}/payments`, { token: cashier, body: { method: 'cash' } });
    expect(later.status).toBe(409);
    expect(later.body.type).toMatch(/shift-required$/);
    expect(k.ok(await s.request('GET', `/api/orders/${reserved.id}`, { token: cashier }))).toMatchObject({ status: 'reserved', payments: [] });
    // another cashier's open shift is not this cashier's
    const other = await userIn(s, me.orgId, 'boxoffice');
    k.ok(await s.request('POST', '/api/shifts', { token: other, body: { float: 0 } }), 201);
    expect((await checkout(cashier, await basket(cashier), { payment: { method: 'cash' } })).status).toBe(409);
    // with the shift open, the same cashier sells and is paid
    clock.set(new Date(clock.now().getTime() + 60_000));
    const shift = k.ok(await s.request('POST', '/api/shifts', { token: cashier, body: { float: 10000 } }), 201);
    expect(k.ok(await s.request('POST', `/api/orders/${reserved.id}/payments`, { token: cashier, body: { method: 'cash' } }))).toMatchObject({ status: 'paid' });
    expect((await checkout(cashier, await basket(cashier), { payment: { method: 'pin' } })).status).toBe(201);
    const cashUp = k.ok(await s.request('GET', `/api/shifts/${shift.id}`, { token: cashier }));
    const taken = (m: string) => cashUp.methods.find((l: { method: string }) => l.method === m)?.taken;
    expect([taken('cash'), taken('pin')]).toEqual([2000, 2000]);
    // closed again: refused again
    k.ok(await s.request('POST', `/api/shifts/${shift.id}/close`, { token: cashier, body: { countedCash: 12000 } }));
    expect((await checkout(cashier, await basket(cashier), { payment: { method: 'cash' } })).status).toBe(409);
  });

  it('turned off again, a cashier without a shift sells; another organisation keeps its own setting', async () => {
    const other = await orgWithUser(s, 'admin', 'Ander Theater');
    expect(k.ok(await s.request('GET', '/api/shifts/settings', { token: other.token }))).toEqual({ requireOpenShift: false });
    k.ok(await k.req('PUT', '/api/shifts/settings', { requireOpenShift: false }));
    expect((await checkout(cashier, await basket(cashier), { payment: { method: 'cash' } })).status).toBe(201);
    expect(k.ok(await k.req('GET', '/api/audit?subject=settings&subjectId=till')).items[0].changes).toEqual({ requireOpenShift: [true, false] });
  });
});

// A customer's personal data: export as JSON, and erasure that anonymises the record, keeps the
// orders for the books, hides the customer from search and logs who did it, without personal data.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, userIn, type OrgFixture, type TestServer } from '../helpers/server.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { CUSTOMER_COLUMNS_KEPT, ERASED_CUSTOMER, LOOKS_PERSONAL, NOT_PERSONAL_COLUMNS, PERSONAL_COLUMNS_ELSEWHERE } from '../../src/privacy/rules.js';

const ANNA = { name: 'Anna de Vries', email: 'anna.devries@example.nl', phone: '+31 6 1234 5678', postalCode: '3511 AB', city: 'Zeist', birthDate: '1984-05-17' };

describe.each(DIALECTS)('personal data on %s', (dialect) => {
  let s: TestServer;
  let a: OrgFixture;
  let b: OrgFixture;
  let boxoffice: string;
  let c: Catalogue;
  let anna: string;
  const orders = { paid: '', reserved: '' };
  let erasedAt = '';
  const clock: ManualClock = fixedClock('2054-11-23T12:00:00Z');
  const as = (token: string) => (method: string, path: string, body?: unknown, lang?: string) => s.request(method, path, { token, body, lang });

  /** A sale of `seatIds` to `customerId`; paid with cash unless `reserve`. */
  async function sell(customerId: string, seatIds: string[], reserve = false): Promise<{ id: string; basketId: string }> {
    const call = as(a.token);
    const basket = await call('POST', '/api/baskets', { channel: 'boxoffice' });
    expect((await call('POST', `/api/baskets/${basket.body.id}/lines`, { performanceId: c.performanceId, seatIds })).status).toBe(200);
    expect((await call('PUT', `/api/baskets/${basket.body.id}/customer`, { customerId })).status).toBe(200);
    const order = await call('POST', `/api/baskets/${basket.body.id}/checkout`, reserve ? {} : { payment: { method: 'cash' } });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    return { id: order.body.id, basketId: basket.body.id };
  }

  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    a = await orgWithUser(s, 'admin', 'Stadsschouwburg Utrecht');
    b = await orgWithUser(s, 'admin', 'Theater elders');
    boxoffice = await userIn(s, a.orgId, 'boxoffice');
    c = await buildCatalogue(s, a.token);
    const created = await as(a.token)('POST', '/api/customers', ANNA);
    expect(created.status).toBe(201);
    anna = created.body.id;
    const paid = await sell(anna, ['r1s1', 'r1s2']);
    orders.paid = paid.id;
    orders.reserved = (await sell(anna, ['r2s1'], true)).id;
    // What the web shop records about a buyer: her consent, her details on the basket, her e-mail key.
    await s.deps.db.updateTable('customers').set({ newsletter_opt_in_at: '2054-11-20T10:00:00.000Z', language: 'nl' }).where('id', '=', anna).execute();
    await s.deps.db.insertInto('shop_baskets').values({
      token_hash: 'hash-anna', basket_id: paid.basketId, organisation_id: a.orgId, buyer_name: ANNA.name, buyer_email: ANNA.email,
      buyer_phone: ANNA.phone, language: 'nl', newsletter: 1, terms_accepted_at: '2054-11-20T10:00:00.000Z', created_at: '2054-11-20T10:00:00.000Z',
    }).execute();
    await s.deps.db.insertInto('customer_email_keys').values({ organisation_id: a.orgId, email: ANNA.email, customer_id: anna }).execute();
    // Her e-tickets by e-mail: queued in the outbox (no worker runs here).
    const mail = await as(a.token)('POST', `/api/orders/${orders.paid}/e-tickets`, {});
    expect(mail.status, JSON.stringify(mail.body)).toBe(202);
  });
  afterAll(async () => { await s?.close(); });
  // Each step a minute after the last, so the log's lines are in the order the test made them.
  beforeEach(() => clock.advance(60_000));

  it('exports the customer, her consents, her orders with tickets and payments, and what the shop recorded', async () => {
    const res = await as(a.token)('POST', `/api/customers/${anna}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`customer-${anna}.json`);
    const doc = res.body;
    expect(doc.organisation).toEqual({ id: a.orgId, name: 'Stadsschouwburg Utrecht' });
    expect(doc.customer).toMatchObject({ id: anna, ...ANNA, language: 'nl', erasedAt: null });
    expect(doc.consents.newsletter).toEqual({ given: true, at: '2054-11-20T10:00:00.000Z' });
    expect(doc.consents.terms).toEqual([{ orderId: orders.paid, acceptedAt: '2054-11-20T10:00:00.000Z' }]);
    expect(doc.orders.map((o: { id: string }) => o.id).sort()).toEqual([orders.paid, orders.reserved].sort());
    const paid = doc.orders.find((o: { id: string }) => o.id === orders.paid);
    expect(paid).toMatchObject({ status: 'paid', total: 6000, payments: [{ kind: 'payment', method: 'cash', amount: 6000 }] });
    expect(paid.tickets.map((t: { seatId: string; title: string }) => [t.seatId, t.title])).toEqual([['r1s1', 'Hamlet'], ['r1s2', 'Hamlet']]);
    expect(doc.orders.find((o: { id: string }) => o.id === orders.reserved)).toMatchObject({ status: 'reserved', payments: [] });
    expect(doc.shopDetails).toEqual([expect.objectContaining({ orderId: orders.paid, name: ANNA.name, email: ANNA.email, phone: ANNA.phone, newsletter: true })]);
    expect(doc.emails).toEqual([expect.objectContaining({ orderId: orders.paid, to: ANNA.email, status: 'queued', template: 'order-confirmation' })]);
    expect(doc.emails[0].text).toContain(paid.number);
  });

  it('is for admins of the customer\'s own organisation only', async () => {
    expect((await as(boxoffice)('POST', `/api/customers/${anna}/export`)).status).toBe(403);
    expect((await as(boxoffice)('POST', `/api/customers/${anna}/erase`, { confirm: true })).status).toBe(403);
    for (const [method, path] of [['POST', `/api/customers/${anna}/export`], ['POST', `/api/customers/${anna}/erase`], ['GET', `/api/customers/${anna}/personal-data-log`]]) {
      const res = await as(b.token)(method, path, path.endsWith('erase') ? { confirm: true } : undefined);
      expect(res.status, path).toBe(404);
      expect(res.body.type).toBe('/problems/not-found');
    }
    expect((await as(a.token)('POST', '/api/customers/no-such-customer/export')).status).toBe(404);
  });

  it('asks for confirmation while she has an open reservation and tickets still to come', async () => {
    const res = await as(a.token)('POST', `/api/customers/${anna}/erase`, {}, 'nl');
    expect(res.status).toBe(409);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.type).toBe('/problems/erase-needs-confirmation');
    expect(res.body.detail).toContain('1 lopende reservering');
    expect(res.body.reservations).toEqual([{ orderId: orders.reserved, number: expect.any(String) }]);
    expect(res.body.upcoming.map((u: { orderId: string }) => u.orderId).sort()).toEqual([orders.paid, orders.reserved].sort());
    // Nothing was erased.
    expect((await as(a.token)('GET', `/api/customers/${anna}`)).body).toMatchObject({ name: ANNA.name, erasedAt: null });
  });

  it('erases when confirmed: the record is anonymised, her orders stay, search no longer finds her', async () => {
    const res = await as(a.token)('POST', `/api/customers/${anna}/erase`, { confirm: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.customer).toEqual({ id: anna, name: '', email: null, phone: null, postalCode: null, city: null, birthDate: null, language: null, erasedAt: clock.now().toISOString() });
    expect(res.body.ordersKept).toBe(2);
    erasedAt = res.body.customer.erasedAt;

    const row = await s.deps.db.selectFrom('customers').selectAll().where('id', '=', anna).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ...ERASED_CUSTOMER, erased_at: clock.now().toISOString() });
    expect(await s.deps.db.selectFrom('customer_email_keys').selectAll().where('customer_id', '=', anna).execute()).toEqual([]);
    expect(await s.deps.db.selectFrom('shop_baskets').select(['buyer_name', 'buyer_email', 'buyer_phone']).where('token_hash', '=', 'hash-anna').execute())
      .toEqual([{ buyer_name: null, buyer_email: null, buyer_phone: null }]);

    // The e-mail is a fact without its words or address now, and the queued one will not go.
    expect(await s.deps.db.selectFrom('mail_outbox').select(['recipient', 'subject', 'body_text', 'body_html', 'status']).where('order_id', '=', orders.paid).execute())
      .toEqual([{ recipient: '', subject: '', body_text: '', body_html: '', status: 'failed' }]);
    for (const q of ['anna', 'devries', '3511', 'vries zeist', '']) {
      const found = await as(a.token)('GET', `/api/customers?q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((x: { id: string }) => x.id), q).not.toContain(anna);
    }
    for (const q of ['anna', 'anna.devries@example.nl', '3511AB']) {
      expect((await as(a.token)('GET', `/api/orders?q=${encodeURIComponent(q)}`)).body.items, q).toEqual([]);
    }
    // The books: both orders, their tickets and the payment, tied to the anonymised record.
    const paid = await as(a.token)('GET', `/api/orders/${orders.paid}`);
    expect(paid.body).toMatchObject({ status: 'paid', paid: 6000, customer: { id: anna, name: '', email: null } });
    expect(paid.body.tickets.map((t: { status: string }) => t.status)).toEqual(['valid', 'valid']);
    expect((await as(a.token)('GET', `/api/customers/${anna}/orders`)).body.items).toHaveLength(2);
    // Nothing of her is in what an export shows now.
    clock.advance(1000);
    const after = JSON.stringify((await as(a.token)('POST', `/api/customers/${anna}/export`)).body);
    for (const v of Object.values(ANNA)) expect(after).not.toContain(v);
  });

  it('stays erased: no new details, no second erasure', async () => {
    const patch = await as(a.token)('PATCH', `/api/customers/${anna}`, { name: 'Anna again' });
    expect(patch.status).toBe(409);
    expect(patch.body.type).toBe('/problems/customer-erased');
    expect((await as(a.token)('POST', `/api/customers/${anna}/erase`, { confirm: true })).body.type).toBe('/problems/customer-erased');
  });

  it('logs who exported and erased whom and when, with no personal data in the log', async () => {
    const res = await as(a.token)('GET', `/api/customers/${anna}/personal-data-log`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((l: { action: string }) => l.action)).toEqual(['export', 'erase', 'export']);
    expect(res.body.items[1]).toEqual({ action: 'erase', at: erasedAt, by: { kind: 'user', id: expect.any(String), name: 'admin user' } });
    const rows = await s.deps.db.selectFrom('personal_data_log').selectAll().where('customer_id', '=', anna).execute();
    const text = JSON.stringify(rows);
    for (const v of Object.values(ANNA)) expect(text).not.toContain(v);
    expect(Object.keys(rows[0]).sort()).toEqual(['action', 'actor_id', 'actor_kind', 'at', 'customer_id', 'id', 'organisation_id']);
  });

  it('erases without asking once the performances are over', async () => {
    const bert = (await as(a.token)('POST', '/api/customers', { name: 'Bert Peeters', email: 'bert@example.be' })).body.id;
    await sell(bert, ['r3s1']);
    clock.set(new Date('2055-01-16T12:00:00Z'));
    const login = await s.request('POST', '/api/auth/login', { body: { email: a.email, password: a.password } });
    const res = await as(login.body.token)('POST', `/api/customers/${bert}/erase`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ordersKept: 1, reservations: [], upcoming: [] });
  });

  it('knows every column that could hold a customer\'s personal data', async () => {
    const columns = dialect === 'sqlite'
      ? (await sql<{ t: string; c: string }>`select m.name as t, p.name as c from sqlite_master m, pragma_table_info(m.name) p where m.type = 'table'`.execute(s.deps.db)).rows
      : (await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema()`.execute(s.deps.db)).rows;
    const byTable = new Map<string, string[]>();
    for (const r of columns) byTable.set(r.t, [...(byTable.get(r.t) ?? []), r.c]);
    // Every column of customers is erased or kept for a stated reason.
    const known = [...Object.keys(ERASED_CUSTOMER), ...Object.keys(CUSTOMER_COLUMNS_KEPT)];
    expect(byTable.get('customers')!.filter((col) => !known.includes(col))).toEqual([]);
    // Elsewhere: tables tied to a customer, basket, order or ticket, and their columns that look personal.
    const tied = [...byTable].filter(([t, cols]) => t !== 'customers' && cols.some((col) => ['customer_id', 'basket_id', 'order_id', 'ticket_id'].includes(col)));
    const personal = tied.flatMap(([t, cols]) => cols.filter((col) => LOOKS_PERSONAL.test(col)).map((col) => `${t}.${col}`));
    const classified = [...Object.keys(PERSONAL_COLUMNS_ELSEWHERE), ...Object.keys(NOT_PERSONAL_COLUMNS)];
    expect(personal.filter((col) => !classified.includes(col)).sort()).toEqual([]);
  });
});

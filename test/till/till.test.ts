// The till: split payments, gift vouchers (sold, looked up, spent in part, never twice, returned on
// cancellation) and shifts with their cash-up, over HTTP on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, userIn, type OrgFixture, type TestServer } from '../helpers/server.js';
import { sellingKit } from '../selling/kit.js';

describe.each(DIALECTS)('the till on %s', (dialect) => {
  let s: TestServer;
  let me: OrgFixture;
  let c: Catalogue;
  const clock = fixedClock('2054-11-23T12:00:00Z');
  const k = sellingKit(() => s, () => me.token);
  let seat = 0;
  const relogin = async () => {
    me.token = (await s.request('POST', '/api/auth/login', { body: { email: me.email, password: me.password } })).body.token;
  };
  /** A box office basket with one rank-2 seat (€ 20,00) and, optionally, vouchers to sell. */
  const basket = async (vouchers: number[] = [], seats = 1) => {
    const b = await k.basket();
    if (seats) await k.add(b.id, { performanceId: c.performanceId, seatIds: Array.from({ length: seats }, () => `r${7 + Math.floor(seat / 10)}s${(seat++ % 10) + 1}`) });
    for (const amount of vouchers) k.ok(await k.req('POST', `/api/baskets/${b.id}/vouchers`, { amount }));
    return b.id;
  };
  const pay = (basketId: string, payments: unknown[], token = me.token) =>
    s.request('POST', `/api/baskets/${basketId}/checkout`, { token, body: { payments } });
  /** Sells a voucher of `amount` for cash; answers its code as printed. */
  const voucher = async (amount: number): Promise<string> => {
    const id = await basket([amount], 0);
    const order = k.ok(await pay(id, [{ method: 'cash', amount }]), 201);
    const items = k.ok(await k.req('GET', `/api/orders/${order.id}/vouchers`)).items;
    return items[0].code;
  };

  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    me = await orgWithUser(s);
    c = await buildCatalogue(s, me.token, { rows: 12, perRow: 10 });
  });
  afterAll(async () => { await s?.close(); });

  it('a split payment records a row per method; parts that do not add up are a field error', async () => {
    const id = await basket([], 2);
    const short = await pay(id, [{ method: 'cash', amount: 1000 }, { method: 'pin', amount: 2000 }]);
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ field: 'payments', message: 'the payments add up to € 30,00, the order total is € 40,00' }]);
    const nl = await s.request('POST', `/api/baskets/${id}/checkout`, { token: me.token, lang: 'nl', body: { payments: [{ method: 'cash', amount: 1 }] } });
    expect(nl.body.errors[0].message).toBe('de betalingen tellen op tot € 0,01, het totaal van de bestelling is € 40,00');
    // Nothing was sold by the refusal: the basket is still open and its seats held.
    const order = k.ok(await pay(id, [{ method: 'cash', amount: 1500 }, { method: 'pin', amount: 2500 }]), 201);
    expect(order).toMatchObject({ status: 'paid', total: 4000, paid: 4000, balance: 0 });
    expect(order.payments.map((p: { method: string; amount: number }) => [p.method, p.amount])).toEqual([['cash', 1500], ['pin', 2500]]);
    const both = await s.request('POST', `/api/baskets/${await basket()}/checkout`, { token: me.token, body: { payment: { method: 'cash' }, payments: [{ method: 'cash', amount: 2000 }] } });
    expect(both.status).toBe(400);
  });

  it('a voucher is sold with an unguessable code, shown in groups, and looked up by staff', async () => {
    const id = await basket([2500]);
    const b = k.ok(await k.req('GET', `/api/baskets/${id}`));
    expect(b).toMatchObject({ total: 4500, vouchers: [{ amount: 2500 }] });
    const order = k.ok(await pay(id, [{ method: 'pin', amount: 4500 }]), 201);
    expect(order.total).toBe(4500);
    // money, not a ticket: the voucher carries no VAT
    expect(order.vat.find((r: { rate: number }) => r.rate === 0)).toMatchObject({ gross: 2500, vat: 0 });
    expect(k.ok(await k.req('GET', `/api/orders/${order.id}`)).vat).toEqual(order.vat);
    const [v] = k.ok(await k.req('GET', `/api/orders/${order.id}/vouchers`)).items;
    expect(v.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    // two years, to the day, in the venue's calendar
    expect(v).toMatchObject({ value: 2500, balance: 2500, state: 'valid', lastDay: '2056-11-23' });
    const typed = v.code.replace(/-/g, ' ').toLowerCase();
    expect(k.ok(await k.req('GET', `/api/vouchers/${encodeURIComponent(typed)}`))).toMatchObject({ balance: 2500, uses: [] });
    expect((await k.req('GET', '/api/vouchers/0000-0000-0000-0000-0000')).status).toBe(404);
    const other = await orgWithUser(s, 'boxoffice', 'Ander Theater');
    expect((await s.request('GET', `/api/vouchers/${v.code}`, { token: other.token })).status).toBe(404);
    const pdf = await fetch(`${s.baseUrl}/api/orders/${order.id}/vouchers/print`, { method: 'POST', headers: { authorization: `Bearer ${me.token}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a voucher is never reserved: the basket must be paid now', async () => {
    const id = await basket([1000]);
    k.ok(await k.req('PUT', `/api/baskets/${id}/customer`, { name: 'Anna de Vries', email: 'anna@example.test' }));
    const res = await s.request('POST', `/api/baskets/${id}/checkout`, { token: me.token, body: {} });
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/voucher-needs-payment$/);
  });

  it('a voucher pays part of an order and keeps the rest; too much is refused with the balance left', async () => {
    const code = await voucher(3000);
    const order = k.ok(await pay(await basket(), [{ method: 'voucher', amount: 1200, voucherCode: code }, { method: 'cash', amount: 800 }]), 201);
    expect(order.payments.map((p: { method: string; amount: number }) => [p.method, p.amount])).toEqual([['voucher', 1200], ['cash', 800]]);
    expect(k.ok(await k.req('GET', `/api/vouchers/${code}`))).toMatchObject({ balance: 1800, uses: [{ kind: 'redeem', amount: 1200, orderId: order.id }] });
    const id = await basket();
    const refused = await pay(id, [{ method: 'voucher', amount: 2000, voucherCode: code }]);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ balance: 1800, voucherCode: code, detail: `Voucher ${code} has € 18,00 left.` });
    expect((await pay(id, [{ method: 'voucher', amount: 2000, voucherCode: 'NOPE' }])).body.errors[0].field).toBe('payments/0/voucherCode');
    expect((await pay(id, [{ method: 'voucher', amount: 2000 }])).body.errors[0].field).toBe('payments/0/voucherCode');
    // the basket is untouched by the refusals
    k.ok(await pay(id, [{ method: 'voucher', amount: 1800, voucherCode: code }, { method: 'pin', amount: 200 }]), 201);
    expect(k.ok(await k.req('GET', `/api/vouchers/${code}`))).toMatchObject({ balance: 0, state: 'spent' });
  });

  it('two tills spending the same voucher at once: one sale, the others 409 with what is left', async () => {
    const code = await voucher(2500);
    const tills = await Promise.all(Array.from({ length: 6 }, async () => ({ token: await userIn(s, me.orgId, 'boxoffice'), basketId: await basket() })));
    const answers = await Promise.all(tills.map((t) => pay(t.basketId, [{ method: 'voucher', amount: 2000, voucherCode: code }], t.token)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body).toMatchObject({ balance: 500 });
    const v = k.ok(await k.req('GET', `/api/vouchers/${code}`));
    expect(v).toMatchObject({ balance: 500, uses: [{ kind: 'redeem', amount: 2000 }] });
    // the losers' seats are still in their open baskets, not sold
    const sold = await s.deps.db.selectFrom('orders').select('id').where('basket_id', 'in', tills.map((t) => t.basketId)).execute();
    expect(sold).toHaveLength(1);
  });

  it('cancelling an order paid with a voucher puts the amount back on the voucher, the rest back in cash', async () => {
    const code = await voucher(1500);
    const order = k.ok(await pay(await basket(), [{ method: 'cash', amount: 500 }, { method: 'voucher', amount: 1500, voucherCode: code }]), 201);
    const cancelled = k.ok(await k.req('POST', `/api/orders/${order.id}/cancel`, {}));
    expect(cancelled.status).toBe('cancelled');
    const refunds = cancelled.payments.filter((p: { kind: string }) => p.kind === 'refund').map((p: { method: string; amount: number }) => [p.method, p.amount]);
    expect(refunds).toEqual([['voucher', 1500], ['cash', 500]]);
    expect(k.ok(await k.req('GET', `/api/vouchers/${code}`))).toMatchObject({ balance: 1500, state: 'valid' });
    // a cancelled order that sold an unspent voucher takes the voucher with it
    const sold = k.ok(await pay(await basket([1000], 0), [{ method: 'cash', amount: 1000 }]), 201);
    const [v] = k.ok(await k.req('GET', `/api/orders/${sold.id}/vouchers`)).items;
    expect(k.ok(await k.req('POST', `/api/orders/${sold.id}/cancel`, {})).status).toBe('cancelled');
    expect(k.ok(await k.req('GET', `/api/vouchers/${v.code}`))).toMatchObject({ state: 'cancelled', balance: 0 });
    expect((await pay(await basket(), [{ method: 'voucher', amount: 100, voucherCode: v.code }, { method: 'cash', amount: 1900 }])).status).toBe(409);
  });

  it('a voucher past its last day cannot be spent', async () => {
    const id = await basket([1000], 0);
    const tooSoon = await k.req('POST', `/api/baskets/${id}/vouchers`, { amount: 1000, expiresOn: '2054-11-23' });
    expect(tooSoon.body.errors[0].field).toBe('expiresOn');
    k.ok(await k.req('DELETE', `/api/baskets/${id}/vouchers/${k.ok(await k.req('GET', `/api/baskets/${id}/vouchers`)).vouchers[0].id}`));
    k.ok(await k.req('POST', `/api/baskets/${id}/vouchers`, { amount: 1000, expiresOn: '2054-11-24' }));
    const order = k.ok(await pay(id, [{ method: 'cash', amount: 1000 }]), 201);
    const [v] = k.ok(await k.req('GET', `/api/orders/${order.id}/vouchers`)).items;
    clock.set(new Date('2054-11-24T22:59:00Z')); // 23:59 in Amsterdam: still the last day
    await relogin();
    expect((await k.req('GET', `/api/vouchers/${v.code}`)).body.state).toBe('valid');
    clock.set(new Date('2054-11-24T23:00:00Z'));
    await relogin();
    const res = await pay(await basket(), [{ method: 'voucher', amount: 1000, voucherCode: v.code }, { method: 'cash', amount: 1000 }]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ state: 'expired', balance: 1000 });
    clock.set(new Date('2054-11-23T12:00:00Z'));
    await relogin();
  });

  it('a shift: float, sales, close with the counted cash; the cash-up and the daily closing add up', async () => {
    const cashier = await userIn(s, me.orgId, 'boxoffice');
    const as = (method: string, path: string, body?: unknown) => s.request(method, path, { token: cashier, body });
    expect(k.ok(await as('GET', '/api/shifts/current'))).toEqual({ shift: null });
    const shift = k.ok(await as('POST', '/api/shifts', { float: 15000 }), 201);
    expect(shift).toMatchObject({ status: 'open', float: 15000, venue: { id: c.venueId } });
    expect((await as('POST', '/api/shifts', { float: 100 })).status).toBe(409);
    const code = await voucher(5000); // sold by another user: not in this shift
    const sell = async (payments: unknown[], vouchers: number[] = []) => k.ok(await pay(await basket(vouchers), payments, cashier), 201);
    await sell([{ method: 'cash', amount: 2000 }]);
    await sell([{ method: 'pin', amount: 2000 }]);
    await sell([{ method: 'cash', amount: 500 }, { method: 'voucher', amount: 1500, voucherCode: code }]);
    await sell([{ method: 'pin', amount: 4500 }], [2500]);
    const refunded = await sell([{ method: 'cash', amount: 2000 }]);
    k.ok(await s.request('POST', `/api/orders/${refunded.id}/cancel`, { token: cashier, body: {} }));
    const later = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000));
    later(5);
    const open = k.ok(await as('GET', '/api/shifts/current')).shift;
    expect(open.orders).toBe(5);
    const closed = k.ok(await as('POST', `/api/shifts/${shift.id}/close`, { countedCash: 17400, countedPin: 6500 }));
    const line = (m: string) => closed.methods.find((l: { method: string }) => l.method === m);
    // cash: 150 float + 20 + 5 + 20 in − 20 refunded = 175, counted 174
    expect(line('cash')).toMatchObject({ taken: 4500, refunded: 2000, expected: 17500, counted: 17400, difference: -100 });
    expect(line('pin')).toMatchObject({ taken: 6500, refunded: 0, expected: 6500, counted: 6500, difference: 0 });
    expect(line('voucher')).toMatchObject({ taken: 1500, expected: 1500, counted: null });
    expect(closed).toMatchObject({ status: 'closed', vouchersSold: { count: 1, value: 2500 }, net: 10500, difference: -100 });
    expect((await as('POST', `/api/shifts/${shift.id}/close`, { countedCash: 1 })).status).toBe(409);
    // after the close, a sale is no longer in it
    later(1);
    await sell([{ method: 'cash', amount: 2000 }]);
    expect(k.ok(await as('GET', `/api/shifts/${shift.id}`)).methods[0]).toMatchObject({ method: 'cash', expected: 17500 });
    const pdf = await fetch(`${s.baseUrl}/api/shifts/${shift.id}/pdf`, { headers: { authorization: `Bearer ${cashier}`, 'accept-language': 'nl' } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    const day = k.ok(await k.req('GET', `/api/venues/${c.venueId}/closing?day=2054-11-23`));
    expect(day.shifts.map((x: { id: string }) => x.id)).toEqual([shift.id]);
    expect(day.cashiers).toMatchObject([{ cashier: { name: 'boxoffice user' }, shifts: 1, net: 10500, vouchersSold: 2500 }]);
    expect(day.methods.find((l: { method: string }) => l.method === 'cash')).toMatchObject({ expected: 17500, counted: 17400, difference: -100 });
    expect(k.ok(await k.req('GET', `/api/venues/${c.venueId}/closing?day=2054-11-22`)).shifts).toEqual([]);
    clock.set(new Date('2054-11-23T12:00:00Z'));
    const other = await orgWithUser(s, 'admin', 'Ander Theater');
    expect((await s.request('GET', `/api/shifts/${shift.id}`, { token: other.token })).status).toBe(404);
    expect((await s.request('GET', `/api/venues/${c.venueId}/closing?day=2054-11-23`, { token: other.token })).status).toBe(404);
  });
});

// Paying a reservation later at the desk with several payments (cash, pin, a gift voucher), over HTTP
// on both databases: the parts add up to what is owed, a voucher is never spent twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, userIn, type OrgFixture, type TestServer } from '../helpers/server.js';
import { sellingKit } from '../selling/kit.js';

describe.each(DIALECTS)('paying a reservation in parts on %s', (dialect) => {
  let s: TestServer;
  let me: OrgFixture;
  let c: Catalogue;
  const k = sellingKit(() => s, () => me.token);
  let seat = 0;
  /** A reservation of `seats` rank-2 seats (€ 20,00 each) for a customer. */
  const reservation = async (seats = 1): Promise<{ id: string; total: number }> => {
    const b = await k.basket();
    await k.add(b.id, { performanceId: c.performanceId, seatIds: Array.from({ length: seats }, () => `r${7 + Math.floor(seat / 10)}s${(seat++ % 10) + 1}`) });
    const order = await k.checkout(b.id);
    expect(order.status).toBe('reserved');
    return order;
  };
  const pay = (orderId: string, body: unknown, token = me.token, lang?: 'nl' | 'fr' | 'en') =>
    s.request('POST', `/api/orders/${orderId}/payments`, { token, body, lang });
  /** Sells a voucher of `amount` for cash; answers its code as printed. */
  const voucher = async (amount: number): Promise<string> => {
    const b = await k.basket();
    k.ok(await k.req('POST', `/api/baskets/${b.id}/vouchers`, { amount }));
    const order = k.ok(await s.request('POST', `/api/baskets/${b.id}/checkout`, { token: me.token, body: { payments: [{ method: 'cash', amount }] } }), 201);
    return k.ok(await k.req('GET', `/api/orders/${order.id}/vouchers`)).items[0].code;
  };
  const methods = (order: { payments: { kind: string; method: string; amount: number }[] }) =>
    order.payments.filter((p) => p.kind === 'payment').map((p) => [p.method, p.amount]);

  beforeAll(async () => {
    s = await startServer(dialect, { clock: fixedClock('2054-11-23T12:00:00Z') });
    me = await orgWithUser(s);
    c = await buildCatalogue(s, me.token, { rows: 12, perRow: 10 });
  });
  afterAll(async () => { await s?.close(); });

  it('part cash, part pin, part voucher: a row per part, the voucher keeps the rest, the seats are sold', async () => {
    const code = await voucher(3000);
    const r = await reservation(3);
    const paid = k.ok(await pay(r.id, { payments: [
      { method: 'cash', amount: 1500 }, { method: 'pin', amount: 2500 }, { method: 'voucher', amount: 2000, voucherCode: code.toLowerCase() },
    ] }));
    expect(paid).toMatchObject({ status: 'paid', total: 6000, paid: 6000, balance: 0, reservationExpiresAt: null });
    expect(methods(paid)).toEqual([['cash', 1500], ['pin', 2500], ['voucher', 2000]]);
    expect(paid.payments[2].reference).toBe(`…${code.slice(-4)}`);
    expect(k.ok(await k.req('GET', `/api/vouchers/${code}`))).toMatchObject({ balance: 1000, uses: [{ kind: 'redeem', amount: 2000, orderId: r.id }] });
    const seats = await k.seatStatus(c.performanceId);
    expect(paid.tickets.map((t: { seatId: string }) => seats[t.seatId])).toEqual(['sold', 'sold', 'sold']);
    // paid once: a second payment is refused
    expect((await pay(r.id, { payments: [{ method: 'cash', amount: 6000 }] })).status).toBe(409);
  });

  it('refusals leave the reservation as it was: parts that do not add up, too little on the voucher, a wrong body', async () => {
    const code = await voucher(1000);
    const r = await reservation(2);
    const short = await pay(r.id, { payments: [{ method: 'cash', amount: 1000 }, { method: 'pin', amount: 2000 }] }, me.token, 'nl');
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ field: 'payments', message: 'de betalingen tellen op tot € 30,00, het totaal van de bestelling is € 40,00' }]);
    const tooMuch = await pay(r.id, { payments: [{ method: 'voucher', amount: 1500, voucherCode: code }, { method: 'cash', amount: 2500 }] }, me.token, 'fr');
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ balance: 1000, voucherCode: code, detail: `Il reste € 10,00 sur le chèque-cadeau ${code}.` });
    const unknown = await pay(r.id, { payments: [{ method: 'voucher', amount: 4000, voucherCode: 'NOPE' }] });
    expect(unknown.body.errors[0].field).toBe('payments/0/voucherCode');
    const both = await pay(r.id, { method: 'cash', payments: [{ method: 'cash', amount: 4000 }] });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toBe('payments');
    expect((await pay(r.id, {})).body.errors).toEqual([{ field: 'method', message: 'is required' }]);
    // nothing of it was recorded: still reserved, no payment, the voucher whole
    const still = k.ok(await k.req('GET', `/api/orders/${r.id}`));
    expect(still).toMatchObject({ status: 'reserved', paid: 0, payments: [] });
    expect(still.reservationExpiresAt).not.toBeNull();
    expect(k.ok(await k.req('GET', `/api/vouchers/${code}`))).toMatchObject({ balance: 1000, uses: [] });
    // one method for all of it still works
    expect(k.ok(await pay(r.id, { method: 'pin' }))).toMatchObject({ status: 'paid', paid: 4000 });
  });

  it('six tills paying six reservations with the same voucher at once: one is paid, the others 409 and still reserved', async () => {
    const code = await voucher(2500);
    const tills = await Promise.all(Array.from({ length: 6 }, async () => ({ token: await userIn(s, me.orgId, 'boxoffice'), order: await reservation() })));
    const answers = await Promise.all(tills.map((t) => pay(t.order.id, { payments: [{ method: 'voucher', amount: 2000, voucherCode: code }] }, t.token)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body).toMatchObject({ balance: 500, voucherCode: code });
    expect(k.ok(await k.req('GET', `/api/vouchers/${code}`))).toMatchObject({ balance: 500, uses: [{ kind: 'redeem', amount: 2000 }] });
    const states = await Promise.all(tills.map(async (t) => k.ok(await k.req('GET', `/api/orders/${t.order.id}`))));
    expect(states.map((o) => o.status).sort()).toEqual(['paid', 'reserved', 'reserved', 'reserved', 'reserved', 'reserved']);
    expect(states.filter((o) => o.status === 'reserved').every((o) => o.payments.length === 0)).toBe(true);
  });

  it('the same reservation paid from two tills at once is paid once', async () => {
    const code = await voucher(5000);
    const r = await reservation(2);
    const other = await userIn(s, me.orgId, 'boxoffice');
    const answers = await Promise.all([
      pay(r.id, { payments: [{ method: 'voucher', amount: 2000, voucherCode: code }, { method: 'cash', amount: 2000 }] }),
      pay(r.id, { payments: [{ method: 'voucher', amount: 3000, voucherCode: code }, { method: 'pin', amount: 1000 }] }, other),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const order = k.ok(await k.req('GET', `/api/orders/${r.id}`));
    expect(order.paid).toBe(4000);
    const spent = 5000 - k.ok(await k.req('GET', `/api/vouchers/${code}`)).balance;
    expect(spent).toBe(order.payments.find((p: { method: string }) => p.method === 'voucher').amount);
  });
});

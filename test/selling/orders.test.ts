// Orders: paid at checkout or reserved and paid later (or lapsing), free tickets, printing,
// cancellations with refunds, cancelling a whole performance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, type OrgFixture, type TestServer } from '../helpers/server.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { pdfPages, sellingKit } from './kit.js';

const HOUR = 3600_000;

describe.each(DIALECTS)('orders on %s', (dialect) => {
  let s: TestServer;
  let me: OrgFixture;
  let token: string;
  let c: Catalogue;
  const clock: ManualClock = fixedClock('2054-11-23T12:00:00Z');
  const k = sellingKit(() => s, () => token);
  const relogin = async () => {
    token = (await s.request('POST', '/api/auth/login', { body: { email: me.email, password: me.password } })).body.token;
  };
  const payments = (orderId: string) => s.deps.db.selectFrom('payments').selectAll().where('order_id', '=', orderId).execute();
  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    me = await orgWithUser(s);
    token = me.token;
    // Starts 2055-01-15 20:15 Amsterdam = 19:15 UTC.
    c = await buildCatalogue(s, token, { rows: 6, perRow: 10 });
  });
  afterAll(async () => { await s?.close(); });

  it('checkout with a payment sells; every method is accepted and recorded with its reference', async () => {
    for (const [i, method] of ['cash', 'pin', 'card', 'invoice', 'voucher', 'online'].entries()) {
      const b = await k.basket();
      await k.add(b.id, { performanceId: c.performanceId, seatIds: [`r6s${i + 1}`] });
      const order = await k.checkout(b.id, { method, reference: `ref-${method}` });
      expect(order).toMatchObject({ status: 'paid', total: 2000, paid: 2000, balance: 0, reservationExpiresAt: null });
      expect(order.payments).toMatchObject([{ kind: 'payment', method, amount: 2000, reference: `ref-${method}` }]);
      expect(order.tickets[0]).toMatchObject({ seatId: `r6s${i + 1}`, status: 'valid', printState: 'none', printCount: 0 });
    }
    const seats = await k.seatStatus(c.performanceId);
    expect([seats.r6s1, seats.r6s6, seats.r6s7]).toEqual(['sold', 'sold', 'free']);
  });

  it('a box-office reservation needs a customer: refused without one (nl/fr/en), the places stay held', async () => {
    const b = await k.basket();
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r3s7'] });
    for (const [lang, title] of [['nl', 'Klant nodig'], ['fr', 'Client nécessaire'], ['en', 'Customer needed']]) {
      const res = await s.request('POST', `/api/baskets/${b.id}/checkout`, { token, body: {}, lang });
      expect(res.status).toBe(409);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body).toMatchObject({ type: '/problems/reservation-needs-customer', title });
    }
    expect((await k.seatStatus(c.performanceId)).r3s7).toBe('held');
    expect(k.ok(await k.req('GET', `/api/baskets/${b.id}`)).status).toBe('open');
    // Paid now, no customer is needed; with a name it is a reservation.
    k.ok(await k.req('PUT', `/api/baskets/${b.id}/customer`, { name: 'Els Peeters' }));
    const order = k.ok(await k.req('POST', `/api/baskets/${b.id}/checkout`, {}), 201);
    expect(order).toMatchObject({ status: 'reserved', customer: { name: 'Els Peeters' } });
    const paidNow = await k.basket();
    await k.add(paidNow.id, { performanceId: c.performanceId, seatIds: ['r3s8'] });
    const paid = await k.checkout(paidNow.id, { method: 'cash' });
    expect(paid).toMatchObject({ status: 'paid', customer: null });
    for (const o of [order, paid]) k.ok(await k.req('POST', `/api/orders/${o.id}/cancel`, {}));
  });

  it('an unpaid checkout is a reservation until the deadline, and can be paid later', async () => {
    k.ok(await k.req('PATCH', '/api/organisation', { reservationHours: 48 }));
    const b = await k.basket();
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r1s1', 'r4s1'] });
    const order = await k.checkout(b.id);
    expect(order).toMatchObject({ status: 'reserved', total: 5000, paid: 0, balance: 5000, payments: [] });
    expect(order.reservationExpiresAt).toBe('2054-11-25T13:00:00+01:00');
    expect((await k.seatStatus(c.performanceId)).r1s1).toBe('reserved');

    clock.advance(47 * HOUR);
    await relogin();
    const paid = k.ok(await k.req('POST', `/api/orders/${order.id}/payments`, { method: 'pin', reference: 'T-991' }));
    expect(paid).toMatchObject({ status: 'paid', paid: 5000, balance: 0, reservationExpiresAt: null });
    expect(paid.payments).toMatchObject([{ kind: 'payment', method: 'pin', amount: 5000, reference: 'T-991' }]);
    expect((await k.seatStatus(c.performanceId)).r1s1).toBe('sold');
    const again = await k.req('POST', `/api/orders/${order.id}/payments`, { method: 'pin' });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/order-not-payable');
    // The sweeper leaves a paid order alone.
    clock.advance(2 * HOUR);
    await relogin();
    await k.sweep();
    expect(k.ok(await k.req('GET', `/api/orders/${order.id}`)).status).toBe('paid');
  });

  it('a reservation past its deadline cannot be paid; the sweeper cancels it and its seats return to sale', async () => {
    const b = await k.basket();
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r2s1', 'r2s2'] });
    const order = await k.checkout(b.id);
    clock.advance(48 * HOUR + 60_000);
    await relogin();
    const late = await k.req('POST', `/api/orders/${order.id}/payments`, { method: 'cash' });
    expect(late.status).toBe(409);
    expect(late.body.type).toBe('/problems/order-not-payable');
    expect((await payments(order.id))).toEqual([]);

    const swept = await k.sweep();
    expect(swept.reservations).toBe(1);
    const after = k.ok(await k.req('GET', `/api/orders/${order.id}`));
    expect(after.status).toBe('cancelled');
    expect(after.tickets.every((t: { status: string }) => t.status === 'cancelled')).toBe(true);
    expect(after.payments).toEqual([]);
    const seats = await k.seatStatus(c.performanceId);
    expect([seats.r2s1, seats.r2s2]).toEqual(['free', 'free']);
    expect((await k.sweep()).reservations).toBe(0);
  });

  it('without a deadline a reservation lives until the performance starts', async () => {
    k.ok(await k.req('PATCH', '/api/organisation', { reservationHours: null }));
    const b = await k.basket();
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r2s9'] });
    const order = await k.checkout(b.id);
    expect(order.reservationExpiresAt).toBe('2055-01-15T20:15:00+01:00');
  });

  it('free tickets are paid at zero; they count as reservations until printed, then as sold', async () => {
    const before = await k.figures(c.performanceId);
    const order = await k.sell(c.performanceId, ['r3s1', 'r3s2'], { unpaid: true, ticketTypeId: c.ticketTypes.free });
    expect(order).toMatchObject({ status: 'paid', total: 0, balance: 0, payments: [] });
    expect(order.tickets.map((t: { dipCategory: string; price: number }) => [t.dipCategory, t.price])).toEqual([['free', 0], ['free', 0]]);

    let f = await k.figures(c.performanceId);
    expect(f.reservations.tickets - before.reservations.tickets).toBe(2);
    expect(f.sold.free.tickets).toBe(before.sold.free.tickets);

    const printed = await k.print(order.id, { ticketIds: [order.tickets[0].id] });
    expect(printed.status).toBe(200);
    f = await k.figures(c.performanceId);
    expect(f.sold.free.tickets - before.sold.free.tickets).toBe(1);
    expect(f.reservations.tickets - before.reservations.tickets).toBe(1);
  });

  it('an unpaid reservation with free and paid tickets cannot be printed until it is paid', async () => {
    const b = await k.basket();
    const view = await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r1s5', 'r1s6'] });
    k.ok(await k.req('PATCH', `/api/baskets/${b.id}/lines/${view.lines[1].id}`, { ticketTypeId: c.ticketTypes.free }));
    const order = await k.checkout(b.id);
    expect(order).toMatchObject({ status: 'reserved', total: 3000 });
    const refused = await k.print(order.id);
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.text).type).toBe('/problems/order-unpaid');
    const paid = k.ok(await k.req('POST', `/api/orders/${order.id}/payments`, { method: 'cash' }));
    expect(paid.payments).toMatchObject([{ amount: 3000 }]);
    expect((await k.print(order.id)).status).toBe(200);
  });

  it('prints one PDF with a page per ticket, marks them printed, and counts reprints', async () => {
    const order = await k.sell(c.performanceId, ['r5s1', 'r5s2', 'r5s3']);
    const first = await k.print(order.id);
    expect(first.status).toBe(200);
    expect(first.contentType).toBe('application/pdf');
    expect(first.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(first.pdf)).toBe(3);
    let view = k.ok(await k.req('GET', `/api/orders/${order.id}`));
    expect(view.tickets.map((t: { printState: string; printCount: number }) => [t.printState, t.printCount])).toEqual([['printed', 1], ['printed', 1], ['printed', 1]]);

    const reprint = await k.print(order.id);
    expect(pdfPages(reprint.pdf)).toBe(3);
    const one = await k.print(order.id, { ticketIds: [order.tickets[1].id] });
    expect(pdfPages(one.pdf)).toBe(1);
    view = k.ok(await k.req('GET', `/api/orders/${order.id}`));
    expect(view.tickets.map((t: { printCount: number }) => t.printCount)).toEqual([2, 3, 2]);

    const foreign = await k.print(order.id, { ticketIds: ['not-a-ticket'] });
    expect(foreign.status).toBe(400);
  });

  it('cancelling single tickets refunds them; cancelling the rest cancels the order', async () => {
    const b = await k.basket();
    const view = await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r1s8', 'r1s9', 'r4s8'] });
    k.ok(await k.req('PATCH', `/api/baskets/${b.id}/lines/${view.lines[1].id}`, { ticketTypeId: c.ticketTypes.discount }));
    const order = await k.checkout(b.id, { method: 'card', reference: 'PSP-1' });
    expect(order.total).toBe(3000 + 2500 + 2000);
    const [t1, t2, t3] = order.tickets;

    const part = k.ok(await k.req('POST', `/api/orders/${order.id}/cancel`, { ticketIds: [t2.id], refundMethod: 'cash' }));
    expect(part.status).toBe('paid');
    expect(part.tickets.map((t: { status: string }) => t.status)).toEqual(['valid', 'cancelled', 'valid']);
    expect(part.payments.at(-1)).toMatchObject({ kind: 'refund', method: 'cash', amount: 2500 });
    expect(part).toMatchObject({ total: 5000, paid: 5000, balance: 0 });
    expect((await k.seatStatus(c.performanceId)).r1s9).toBe('free');

    const again = await k.req('POST', `/api/orders/${order.id}/cancel`, { ticketIds: [t2.id] });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/nothing-to-cancel');

    const rest = k.ok(await k.req('POST', `/api/orders/${order.id}/cancel`, {}));
    expect(rest.status).toBe('cancelled');
    expect(rest.cancelledAt).toBe(clock.now().toISOString());
    // Refunded the way it was paid unless told otherwise.
    expect(rest.payments.at(-1)).toMatchObject({ kind: 'refund', method: 'card', amount: 5000 });
    expect(rest).toMatchObject({ total: 0, paid: 0, balance: 0 });
    const seats = await k.seatStatus(c.performanceId);
    expect([seats.r1s8, seats.r4s8]).toEqual(['free', 'free']);
    expect([t1.id, t3.id]).toHaveLength(2);
    expect((await k.req('POST', `/api/orders/${order.id}/cancel`, {})).status).toBe(409);
    const print = await k.print(order.id);
    expect(print.status).toBe(409);
    expect(JSON.parse(print.text).type).toBe('/problems/nothing-to-print');
  });

  it('cancelling an unpaid reservation records no refund; tickets of another order are a field error', async () => {
    const mine = await k.sell(c.performanceId, ['r5s9'], { unpaid: true });
    const other = await k.sell(c.performanceId, ['r5s10']);
    const wrong = await k.req('POST', `/api/orders/${mine.id}/cancel`, { ticketIds: [other.tickets[0].id] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(['ticketIds']);
    expect(k.ok(await k.req('GET', `/api/orders/${other.id}`)).tickets[0].status).toBe('valid');
    const cancelled = k.ok(await k.req('POST', `/api/orders/${mine.id}/cancel`, {}));
    expect(cancelled).toMatchObject({ status: 'cancelled', payments: [] });
  });

  it('cancelling a performance cancels its orders in bulk, refunds the paid ones and frees every place', async () => {
    const p = await buildCatalogue(s, token, { rows: 2, perRow: 5 });
    const paid = await k.sell(p.performanceId, ['r1s1', 'r1s2']);
    const reserved = await k.sell(p.performanceId, ['r1s3'], { unpaid: true });
    const free = await k.sell(p.performanceId, ['r2s1'], { unpaid: true, ticketTypeId: p.ticketTypes.free });
    const open = await k.basket();
    await k.add(open.id, { performanceId: p.performanceId, seatIds: ['r2s5'] });
    // Another performance's order is untouched.
    const elsewhere = await k.sell(c.performanceId, ['r6s10']);

    const res = k.ok(await k.req('PATCH', `/api/performances/${p.performanceId}`, { status: 'cancelled' }));
    expect(res.status).toBe('cancelled');
    const views = await Promise.all([paid, reserved, free].map(async (o) => k.ok(await k.req('GET', `/api/orders/${o.id}`))));
    expect(views.map((v) => v.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(views[0].payments.at(-1)).toMatchObject({ kind: 'refund', method: 'cash', amount: 6000 });
    expect(views[1].payments).toEqual([]);
    expect(views[2].payments).toEqual([]);
    expect(Object.values(await k.seatStatus(p.performanceId)).every((x) => x === 'free')).toBe(true);
    expect(k.ok(await k.req('GET', `/api/baskets/${open.id}`)).lines).toEqual([]);
    const f = await k.figures(p.performanceId);
    expect(Object.values(f.sold).every((x) => (x as { tickets: number }).tickets === 0)).toBe(true);
    expect(f.reservations).toEqual({ tickets: 0, value: 0 });
    expect(k.ok(await k.req('GET', `/api/orders/${elsewhere.id}`)).status).toBe('paid');
  });
});

describe.each(DIALECTS)('orders after the start on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  const clock: ManualClock = fixedClock('2055-01-15T19:30:00Z');
  const k = sellingKit(() => s, () => token);
  beforeAll(async () => {
    s = await startServer(dialect, { clock });
    token = (await orgWithUser(s)).token;
  });
  afterAll(async () => { await s?.close(); });

  it('the box office still sells a started performance, but only with payment: a reservation would lapse at once', async () => {
    // 20:15 Amsterdam = 19:15 UTC, a quarter of an hour ago; it runs two hours by default.
    const c = await buildCatalogue(s, token, { rows: 1, perRow: 4, startsAt: '2055-01-15T20:15' });
    const b = await k.basket('boxoffice');
    await k.add(b.id, { performanceId: c.performanceId, seatIds: ['r1s1'] });
    await k.ensureCustomer(b.id);
    const reserve = await k.req('POST', `/api/baskets/${b.id}/checkout`, {});
    expect(reserve.status).toBe(409);
    expect(reserve.body.type).toBe('/problems/reservation-too-late');
    expect((await k.seatStatus(c.performanceId)).r1s1).toBe('held');
    const paid = await k.checkout(b.id, { method: 'pin' });
    expect(paid.status).toBe('paid');
  });
});

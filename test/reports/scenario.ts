// A known set of sales, reservations, cancellations and blocks over four days, made through the
// HTTP API with a manual clock, for the report tests to check exact numbers against.
import type { ManualClock } from '../../src/platform/clock.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { fixedClock, orgWithUser, startServer, userIn, type TestServer } from '../helpers/server.js';
import type { Dialect } from '../../src/platform/db.js';

export interface Scenario {
  s: TestServer;
  clock: ManualClock;
  orgId: string;
  token: string;
  /** Sets the clock and logs in again (sessions expire); answers the new token. */
  at(iso: string): Promise<string>;
  boxofficeToken: string;
  /** Hamlet on 2055-01-15 20:15 in the first venue. */
  a: Catalogue;
  /** Hamlet on 2055-02-10 20:00 in a second venue, with its own ticket types. */
  b: Catalogue;
  anna: string;
  bram: string;
}

function ok<T extends { status: number; body: unknown }>(r: T, what: string): T {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

export async function buildScenario(dialect: Dialect): Promise<Scenario> {
  const clock = fixedClock('2054-11-20T09:00:00Z');
  const s = await startServer(dialect, { clock });
  const org = await orgWithUser(s, 'admin');
  let token = org.token;
  // sessions expire: log in again after each jump of the clock
  const at = async (iso: string) => {
    clock.set(new Date(iso));
    const login = ok(await s.request('POST', '/api/auth/login', { body: { email: org.email, password: org.password } }), 'login');
    token = login.body.token;
    return token;
  };
  const a = await buildCatalogue(s, token);
  const b = await buildCatalogue(s, token, { startsAt: '2055-02-10T20:00' });

  const sell = async (
    channel: 'boxoffice' | 'online', c: Catalogue, seats: [string, keyof Catalogue['ticketTypes']][],
    opts: { payment?: string; customer?: Record<string, unknown> } = {},
  ) => {
    const basket = ok(await s.request('POST', '/api/baskets', { token, body: { channel } }), 'basket').body;
    for (const [seat, type] of seats) {
      ok(await s.request('POST', `/api/baskets/${basket.id}/lines`, {
        token, body: { performanceId: c.performanceId, seatIds: [seat], ticketTypeId: c.ticketTypes[type] },
      }), 'line');
    }
    if (opts.customer) ok(await s.request('PUT', `/api/baskets/${basket.id}/customer`, { token, body: opts.customer }), 'customer');
    const body = opts.payment ? { payment: { method: opts.payment } } : {};
    return ok(await s.request('POST', `/api/baskets/${basket.id}/checkout`, { token, body }), 'checkout').body;
  };

  // 23 November, 13:00 local
  await at('2054-11-23T12:00:00Z');
  const o1 = await sell('boxoffice', a, [['r1s1', 'normal'], ['r1s2', 'normal'], ['r1s3', 'discount']], {
    payment: 'cash', customer: { name: 'Anna de Vries', email: 'anna@example.test', postalCode: '3512 AB' },
  });
  const anna = o1.customer.id as string;
  const o2 = await sell('online', a, [['r3s1', 'normal'], ['r3s2', 'other']], {
    payment: 'online', customer: { name: 'Bram Peeters', email: 'bram@example.test', postalCode: '9000' },
  });
  const bram = o2.customer.id as string;
  // 23 November 23:30 UTC is 24 November 00:30 in Amsterdam and Brussels
  await at('2054-11-23T23:30:00Z');
  await sell('boxoffice', a, [['r4s1', 'discount']], { payment: 'pin' });

  // 25 November: a reservation, and a free ticket that is printed
  await at('2054-11-25T10:00:00Z');
  const o4 = await sell('boxoffice', a, [['r2s1', 'normal'], ['r2s2', 'normal']], { customer: { customerId: anna } });
  const o5 = await sell('boxoffice', a, [['r2s5', 'free']]);
  ok(await s.request('POST', `/api/orders/${o5.id}/print`, { token, body: {} }), 'print');

  // 26 November: a cancellation refunded by pin, the reservation paid by card, a sale in the second venue,
  // blocks, and a reservation that stays unpaid
  await at('2054-11-26T10:00:00Z');
  const r1s2 = o1.tickets.find((t: { seatId: string }) => t.seatId === 'r1s2').id;
  ok(await s.request('POST', `/api/orders/${o1.id}/cancel`, { token, body: { ticketIds: [r1s2], refundMethod: 'pin' } }), 'cancel');
  ok(await s.request('POST', `/api/orders/${o4.id}/payments`, { token, body: { method: 'card' } }), 'pay');
  await sell('boxoffice', b, [['r1s1', 'normal']], { payment: 'cash', customer: { customerId: bram } });
  ok(await s.request('POST', `/api/performances/${a.performanceId}/blocks`, { token, body: { kind: 'definitive', seatIds: ['r4s9', 'r4s10'] } }), 'block');
  ok(await s.request('POST', `/api/performances/${a.performanceId}/blocks`, { token, body: { kind: 'conditional', seatIds: ['r4s8'] } }), 'block');
  await sell('online', a, [['r3s5', 'normal']]);

  const boxofficeToken = await userIn(s, org.orgId, 'boxoffice');
  return { s, clock, orgId: org.orgId, token, at, boxofficeToken, a, b, anna, bram };
}

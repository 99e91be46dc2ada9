// The daily sales report's service fees and VAT: an online order with tickets at 9 % and 6 % and
// fees at 21 %, a second one cancelled the next day, a box-office sale without fees. The fees stand
// on lines of their own per channel (refunds negative on the day of the cancellation, the order fee
// with the order's last ticket), the VAT per day and rate over tickets and fees adds up to what was
// taken; the same figures once the days are rolled up; the CSV has the fee and VAT lines in Dutch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollUp } from '../../src/reports/rollup.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { DIALECTS } from '../helpers/databases.js';
import { fixedClock, orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import type { ManualClock } from '../../src/platform/clock.js';

function ok<T extends { status: number; body: unknown }>(r: T, what: string): T {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

describe.each(DIALECTS)('daily sales fees and VAT on %s', (dialect) => {
  let s: TestServer;
  let clock: ManualClock;
  let token: string;
  let orgId: string;
  let a: Catalogue;
  let b: Catalogue;
  let login: () => Promise<void>;

  const sell = async (channel: 'boxoffice' | 'online', lines: [Catalogue, string][], payment: string) => {
    const basket = ok(await s.request('POST', '/api/baskets', { token, body: { channel } }), 'basket').body;
    for (const [c, seat] of lines) {
      ok(await s.request('POST', `/api/baskets/${basket.id}/lines`, {
        token, body: { performanceId: c.performanceId, seatIds: [seat], ticketTypeId: c.ticketTypes.normal },
      }), 'line');
    }
    return ok(await s.request('POST', `/api/baskets/${basket.id}/checkout`, { token, body: { payment: { method: payment } } }), 'checkout').body;
  };
  const at = async (iso: string) => { clock.set(new Date(iso)); await login(); };

  beforeAll(async () => {
    clock = fixedClock('2054-11-20T09:00:00Z');
    s = await startServer(dialect, { clock });
    const org = await orgWithUser(s, 'admin');
    orgId = org.orgId;
    token = org.token;
    login = async () => { token = ok(await s.request('POST', '/api/auth/login', { body: { email: org.email, password: org.password } }), 'login').body.token; };
    a = await buildCatalogue(s, token);
    b = await buildCatalogue(s, token, { startsAt: '2055-02-10T20:00' });
    ok(await s.request('PATCH', `/api/performances/${b.performanceId}`, { token, body: { vatRate: 600 } }), 'vat rate');
    ok(await s.request('PUT', '/api/fees', { token, body: { online: { perTicket: 150, perOrder: 200, vatRate: 2100 } } }), 'fees');

    // 23 November: online X (Hamlet in A at 9 %, in B at 6 %), a box-office sale without fees
    await at('2054-11-23T12:00:00Z');
    const x = await sell('online', [[a, 'r1s1'], [b, 'r1s1']], 'online');
    expect(x.total).toBe(3000 + 3000 + 2 * 150 + 200);
    await sell('boxoffice', [[a, 'r1s2']], 'cash');
    // 24 November: online Y (B), and X's ticket in A cancelled
    await at('2054-11-24T12:00:00Z');
    const y = await sell('online', [[b, 'r1s2']], 'online');
    const xa = x.tickets.find((t: { performanceId: string }) => t.performanceId === a.performanceId).id;
    ok(await s.request('POST', `/api/orders/${x.id}/cancel`, { token, body: { ticketIds: [xa] } }), 'cancel X in A');
    // 25 November: Y cancelled whole (its order fee back with it)
    await at('2054-11-25T12:00:00Z');
    ok(await s.request('POST', `/api/orders/${y.id}/cancel`, { token, body: {} }), 'cancel Y');
  }, 60_000);
  afterAll(async () => { await s?.close(); });

  const report = async (q = '') => ok(await s.request('GET', `/api/reports/daily-sales?from=2054-11-23&to=2054-11-25${q}`, { token, lang: 'nl' }), 'report').body;

  const FEES = [
    { date: '2054-11-23', channel: 'online', kind: 'ticket', quantity: 2, amount: 300, vatRate: 2100, vat: 52 },
    { date: '2054-11-23', channel: 'online', kind: 'order', quantity: 1, amount: 200, vatRate: 2100, vat: 35 },
    { date: '2054-11-24', channel: 'online', kind: 'ticket', quantity: 1, amount: 150, vatRate: 2100, vat: 26 },
    { date: '2054-11-24', channel: 'online', kind: 'ticket', quantity: -1, amount: -150, vatRate: 2100, vat: -26 },
    { date: '2054-11-24', channel: 'online', kind: 'order', quantity: 1, amount: 200, vatRate: 2100, vat: 35 },
    { date: '2054-11-25', channel: 'online', kind: 'ticket', quantity: -1, amount: -150, vatRate: 2100, vat: -26 },
    { date: '2054-11-25', channel: 'online', kind: 'order', quantity: -1, amount: -200, vatRate: 2100, vat: -35 },
  ];
  const VAT = [
    { date: '2054-11-23', rate: 2100, net: 413, vat: 87, gross: 500 },
    { date: '2054-11-23', rate: 900, net: 5504, vat: 496, gross: 6000 },
    { date: '2054-11-23', rate: 600, net: 2830, vat: 170, gross: 3000 },
    { date: '2054-11-24', rate: 2100, net: 165, vat: 35, gross: 200 },
    { date: '2054-11-24', rate: 900, net: -2752, vat: -248, gross: -3000 },
    { date: '2054-11-24', rate: 600, net: 2830, vat: 170, gross: 3000 },
    { date: '2054-11-25', rate: 2100, net: -289, vat: -61, gross: -350 },
    { date: '2054-11-25', rate: 600, net: -2830, vat: -170, gross: -3000 },
  ];
  const TOTALS = {
    tickets: 2, revenue: 6000, fees: 350, total: 6350,
    feesByChannel: [
      { channel: 'online', kind: 'order', quantity: 1, amount: 200, vat: 35 },
      { channel: 'online', kind: 'ticket', quantity: 1, amount: 150, vat: 26 },
    ],
    vat: [{ rate: 2100, net: 289, vat: 61, gross: 350 }, { rate: 900, net: 2752, vat: 248, gross: 3000 }, { rate: 600, net: 2830, vat: 170, gross: 3000 }],
  };

  it('puts the service fees per channel and the VAT per rate on lines of their own, apart from the ticket revenue', async () => {
    const r = await report();
    expect(r.fees).toEqual(FEES);
    expect(r.vat).toEqual(VAT);
    expect(r.totals).toEqual(TOTALS);
    // the ticket rows are the tickets' prices alone, and each day's VAT rows add up to its tickets and fees
    expect(r.items.reduce((n: number, i: { revenue: number }) => n + i.revenue, 0)).toBe(6000);
    for (const day of ['2054-11-23', '2054-11-24', '2054-11-25']) {
      const taken = r.items.filter((i: { date: string }) => i.date === day).reduce((n: number, i: { revenue: number }) => n + i.revenue, 0)
        + r.fees.filter((f: { date: string }) => f.date === day).reduce((n: number, f: { amount: number }) => n + f.amount, 0);
      expect(r.vat.filter((v: { date: string }) => v.date === day).reduce((n: number, v: { gross: number }) => n + v.gross, 0), day).toBe(taken);
    }
  });

  it('a venue gets its tickets\' fees, and an order fee when all the order\'s tickets are there', async () => {
    const venueB = await report(`&venue=${b.venueId}`);
    expect(venueB.fees.map((f: { date: string; kind: string; amount: number }) => `${f.date} ${f.kind} ${f.amount}`)).toEqual([
      '2054-11-23 ticket 150', '2054-11-24 ticket 150', '2054-11-24 order 200', '2054-11-25 ticket -150', '2054-11-25 order -200',
    ]);
    expect(venueB.totals).toMatchObject({ revenue: 3000, fees: 150, total: 3150 });
    const venueA = await report(`&venue=${a.venueId}`);
    expect(venueA.totals).toMatchObject({ revenue: 3000, fees: 0, total: 3000, vat: [{ rate: 900, net: 2752, vat: 248, gross: 3000 }] });
  });

  it('says the same once the days are rolled up', async () => {
    const live = await report();
    clock.set(new Date('2054-11-27T10:00:00Z'));
    expect((await rollUp(s.deps.db, dialect, orgId, clock.now())).through).toBe('2054-11-26');
    const rows = await s.deps.db.selectFrom('report_daily_money').select('line').where('organisation_id', '=', orgId).execute();
    expect(new Set(rows.map((r) => r.line))).toEqual(new Set(['ticket', 'ticket_fee', 'order_fee']));
    await login();
    expect(await report()).toEqual(live);
    expect(await report(`&venue=${b.venueId}`)).toMatchObject({ totals: { fees: 150 } });
  });

  it('writes the fee and VAT lines into the CSV after each day\'s tickets, in Dutch', async () => {
    const csv = ok(await s.request('GET', '/api/reports/daily-sales?from=2054-11-25&to=2054-11-25&format=csv', { token, lang: 'nl' }), 'csv');
    const rows = (csv.body as string).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    expect(rows).toEqual([
      ['Datum', 'Tickettype', 'DIP-categorie', 'Kanaal', 'Betaalwijze', 'Kaarten', 'Omzet (EUR)', 'Btw-tarief %', 'Netto (EUR)', 'Btw (EUR)'],
      ['2054-11-25', 'Normaal', 'normal', 'online', 'online', '-1', '-30,00', '', '', ''],
      ['2054-11-25', 'Servicekosten per kaart', '', 'online', '', '-1', '-1,50', '21,0', '', ''],
      ['2054-11-25', 'Servicekosten per bestelling', '', 'online', '', '-1', '-2,00', '21,0', '', ''],
      ['2054-11-25', 'btw 21 %', '', '', '', '', '', '21,0', '-2,89', '-0,61'],
      ['2054-11-25', 'btw 6 %', '', '', '', '', '', '6,0', '-28,30', '-1,70'],
    ]);
    const fr = ok(await s.request('GET', '/api/reports/daily-sales?from=2054-11-25&to=2054-11-25&format=csv', { token, lang: 'fr' }), 'csv fr');
    expect(fr.body).toContain('Frais de service par commande');
    expect(fr.body).toContain('TVA 6 %');
  });
});

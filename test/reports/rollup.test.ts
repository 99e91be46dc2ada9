// The rollup of closed days (src/reports/rollup.ts): every report read from the rollup plus the
// live events since equals the same report computed from the events alone, before and after later
// cancellations, payments and reservations touch orders of rolled-up days; concurrent rollups do
// not count a day twice; the worker's job keeps it up to date.
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerGroups } from '../../src/reports/customers-store.js';
import { classify } from '../../src/figures/rules.js';
import { periodOf, type Period } from '../../src/reports/range.js';
import { dailyMoneyGroups } from '../../src/reports/money-store.js';
import { lastClosedDay, rollUp, rollupState } from '../../src/reports/rollup.js';
import { dailySalesGroups, ticketGroups, type Scope, type TicketGroup } from '../../src/reports/store.js';
import { openDatabase, type DatabaseHandle, type Db } from '../../src/platform/db.js';
import { createWorker } from '../../src/worker.js';
import { DIALECTS } from '../helpers/databases.js';
import { buildScenario, type Scenario } from './scenario.js';

const ROLLUPS = ['report_rollups', 'report_daily_sales', 'report_daily_money', 'report_performance_totals', 'report_customer_days'] as const;

describe('closed days', () => {
  it('a local day is closed an hour after its midnight (Amsterdam/Brussels)', () => {
    expect(lastClosedDay(new Date('2054-11-27T22:59:00Z'))).toBe('2054-11-26'); // 23:59 local
    expect(lastClosedDay(new Date('2054-11-27T23:30:00Z'))).toBe('2054-11-26'); // 00:30 on the 28th: within the margin
    expect(lastClosedDay(new Date('2054-11-28T00:00:00Z'))).toBe('2054-11-27'); // 01:00 on the 28th
    expect(lastClosedDay(new Date('2055-07-01T22:30:00Z'))).toBe('2055-06-30'); // 00:30 summer time on 2 July
  });
});

describe.each(DIALECTS)('report rollups on %s', (dialect) => {
  let sc: Scenario;
  let db: Db;
  beforeAll(async () => {
    sc = await buildScenario(dialect);
    db = sc.s.deps.db;
  });
  afterAll(async () => { await sc?.s.close(); });

  const ok = <T extends { status: number; body: unknown }>(r: T): T => {
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  const periods = () => [
    periodOf('2054-11-20', '2054-11-30'), periodOf('2054-11-23', '2054-11-23'), periodOf('2054-11-24', '2054-11-27'),
    periodOf('2054-11-27', '2054-12-31'), periodOf('2055-01-01', '2055-02-28'), periodOf('2054-11-01', '2055-03-31'),
  ];
  const scopes = (): Scope[] => [{ orgId: sc.orgId }, { orgId: sc.orgId, venueId: sc.a.venueId }, { orgId: sc.orgId, venueId: sc.b.venueId }];
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  const nonZero = <T extends { sold: number; revenue: number; reserved: number }>(rows: T[]) => rows.filter((r) => r.sold || r.revenue || r.reserved);

  /** The tickets as they are now, classified by seed 000's rules: what the performances report must say. */
  async function performancesNow(scope: Scope, p: Period) {
    let q = db.selectFrom('tickets as t').innerJoin('orders as o', 'o.id', 't.order_id').innerJoin('performances as sp', 'sp.id', 't.performance_id')
      .innerJoin('halls as h', 'h.id', 'sp.hall_id')
      .select(['t.performance_id', 't.ticket_type_id', 't.dip_category', 't.print_state', 't.price', 'o.status'])
      .where('t.organisation_id', '=', scope.orgId).where('t.status', '=', 'valid')
      .where('sp.starts_at', '>=', p.startUtc).where('sp.starts_at', '<', p.endUtc);
    if (scope.venueId) q = q.where('h.venue_id', '=', scope.venueId);
    const out = new Map<string, { sold: number; revenue: number; reserved: number }>();
    for (const t of await q.execute()) {
      const c = classify({ dipCategory: t.dip_category, orderStatus: t.status, ticketStatus: 'valid', printState: t.print_state, price: t.price });
      const k = `${t.performance_id}|${t.ticket_type_id}|${t.dip_category}`;
      const g = out.get(k) ?? { sold: 0, revenue: 0, reserved: 0 };
      if (c === 'sold') { g.sold++; g.revenue += t.price; } else if (c === 'reservation') g.reserved++;
      out.set(k, g);
    }
    return out;
  }
  const merged = (groups: TicketGroup[]) => {
    const out = new Map<string, { sold: number; revenue: number; reserved: number }>();
    for (const g of groups) {
      const k = `${g.performanceId}|${g.ticketTypeId}|${g.dipCategory}`;
      const m = out.get(k) ?? { sold: 0, revenue: 0, reserved: 0 };
      out.set(k, { sold: m.sold + g.sold, revenue: m.revenue + g.revenue, reserved: m.reserved + g.reserved });
    }
    return new Map([...out].filter(([, v]) => v.sold || v.revenue || v.reserved));
  };

  /** Orders paid in the period with the tickets still valid now, per customer: what the customers report must say. */
  async function customersNow(scope: Scope, p: Period) {
    let q = db.selectFrom('orders as o').innerJoin('tickets as t', 't.order_id', 'o.id').innerJoin('performances as sp', 'sp.id', 't.performance_id')
      .innerJoin('halls as h', 'h.id', 'sp.hall_id')
      .select(['o.customer_id', sql<number>`count(distinct o.id)`.as('orders'), sql<number>`count(*)`.as('tickets'), sql<number>`sum(t.price)`.as('revenue')])
      .where('o.organisation_id', '=', scope.orgId).where('o.customer_id', 'is not', null)
      .where('o.paid_at', '>=', p.startUtc).where('o.paid_at', '<', p.endUtc).where('t.status', '=', 'valid');
    if (scope.venueId) q = q.where('h.venue_id', '=', scope.venueId);
    const rows = await q.groupBy('o.customer_id').execute();
    return sorted(rows.map((r) => ({ customerId: r.customer_id, orders: Number(r.orders), tickets: Number(r.tickets), revenue: Number(r.revenue) })));
  }

  /**
   * Every report from the rollup (as it stands) plus live events equals the same report from the
   * events alone, and the performances and customers reports equal the tickets as they are now.
   */
  async function expectRollupEqualsLive(label: string) {
    const state = await rollupState(db, sc.orgId);
    expect(state, label).toBeDefined();
    for (const scope of scopes()) {
      for (const p of periods()) {
        const what = `${label} ${scope.venueId ?? 'all'} ${p.from}..${p.to}`;
        expect(sorted(await dailySalesGroups(db, dialect, scope, p, state)), what).toEqual(sorted(await dailySalesGroups(db, dialect, scope, p, undefined)));
        expect(sorted(await dailyMoneyGroups(db, dialect, scope, p, state)), what).toEqual(sorted(await dailyMoneyGroups(db, dialect, scope, p, undefined)));
        const tickets = await ticketGroups(db, scope, p, state);
        expect(sorted(nonZero(tickets)), what).toEqual(sorted(nonZero(await ticketGroups(db, scope, p, undefined))));
        expect(merged(tickets), what).toEqual(await performancesNow(scope, p));
        const customers = await customerGroups(db, dialect, scope, p, state);
        expect(customers, what).toEqual(await customerGroups(db, dialect, scope, p, undefined));
        expect(sorted(customers.groups.map((g) => ({ customerId: g.customerId, orders: g.orders, tickets: g.tickets, revenue: g.revenue }))), what)
          .toEqual(await customersNow(scope, p));
      }
    }
  }

  it('rolls up the closed days once; reports spanning rolled-up and live days equal the live computation', async () => {
    const state = await rollUp(db, dialect, sc.orgId, sc.clock.now()); // 26 November 11:00 local
    expect(state).toEqual({ since: '2054-11-23', through: '2054-11-25' });
    expect(await rollUp(db, dialect, sc.orgId, sc.clock.now())).toEqual(state);
    const rows = await db.selectFrom('report_daily_sales').select(['day', 'kind', 'tickets']).where('organisation_id', '=', sc.orgId).execute();
    expect(new Set(rows.map((r) => r.day))).toEqual(new Set(['2054-11-23', '2054-11-24', '2054-11-25']));
    await expectRollupEqualsLive('after the first rollup');
  });

  it('a later cancellation, payment and reservation change nothing rolled up, and show live and then rolled up', async () => {
    const before = (await sc.s.request('GET', '/api/reports/daily-sales?from=2054-11-23&to=2054-11-23', { token: sc.token })).body;
    // 27 November: Anna's first order loses another ticket (sold on the 23rd, a rolled-up day), Bram's
    // online order of the 23rd loses both its tickets (the order no longer counts for him), a new
    // reservation is made and paid the same day, and one is made and left unpaid
    let token = await sc.at('2054-11-27T09:00:00Z');
    const orders = (await sc.s.request('GET', `/api/orders?customerId=${sc.anna}`, { token })).body.items as { id: string; createdAt: string }[];
    const first = ok(await sc.s.request('GET', `/api/orders/${orders.sort((x, y) => x.createdAt.localeCompare(y.createdAt))[0].id}`, { token })).body;
    const r1s1 = first.tickets.find((t: { seatId: string; status: string }) => t.seatId === 'r1s1').id;
    ok(await sc.s.request('POST', `/api/orders/${first.id}/cancel`, { token, body: { ticketIds: [r1s1], refundMethod: 'cash' } }));
    const bram = (await sc.s.request('GET', `/api/orders?customerId=${sc.bram}`, { token })).body.items as { id: string; createdAt: string; channel: string }[];
    const online = bram.find((o) => o.channel === 'online')!;
    ok(await sc.s.request('POST', `/api/orders/${online.id}/cancel`, { token, body: {} }));
    const reserve = async (seat: string) => {
      const basket = ok(await sc.s.request('POST', '/api/baskets', { token, body: { channel: 'boxoffice' } })).body;
      ok(await sc.s.request('POST', `/api/baskets/${basket.id}/lines`, { token, body: { performanceId: sc.a.performanceId, seatIds: [seat], ticketTypeId: sc.a.ticketTypes.normal } }));
      ok(await sc.s.request('PUT', `/api/baskets/${basket.id}/customer`, { token, body: { customerId: sc.anna } }));
      return ok(await sc.s.request('POST', `/api/baskets/${basket.id}/checkout`, { token, body: {} })).body;
    };
    const paidLater = await reserve('r2s3');
    await reserve('r2s4');
    // and the online reservation of the 26th (r3s5) is cancelled unpaid
    const unpaid = (await sc.s.request('GET', `/api/orders?performanceId=${sc.a.performanceId}`, { token })).body.items as { id: string; status: string; channel: string }[];
    ok(await sc.s.request('POST', `/api/orders/${unpaid.find((o) => o.status === 'reserved' && o.channel === 'online')!.id}/cancel`, { token, body: {} }));
    token = await sc.at('2054-11-27T15:00:00Z');
    ok(await sc.s.request('POST', `/api/orders/${paidLater.id}/payments`, { token, body: { method: 'pin' } }));

    // the rolled-up day reads as before; the 27th has the refunds as negative rows
    expect((await sc.s.request('GET', '/api/reports/daily-sales?from=2054-11-23&to=2054-11-23', { token })).body).toEqual(before);
    const day = (await sc.s.request('GET', '/api/reports/daily-sales?from=2054-11-27&to=2054-11-27', { token })).body;
    expect(day.totals).toMatchObject({ tickets: -3 + 1, revenue: -3000 - 2000 - 1000 + 3000, fees: 0 });
    expect((await rollupState(db, sc.orgId))?.through).toBe('2054-11-26'); // the report rolled up the 26th itself
    await expectRollupEqualsLive('with the 27th live');
    const customers = (await sc.s.request('GET', '/api/reports/customers?from=2054-11-23&to=2054-11-27', { token })).body;
    expect(customers.items.find((c: { customerId: string }) => c.customerId === sc.bram)).toMatchObject({ orders: 1, tickets: 1, revenue: 3000 });

    // 28 November 01:30 local: the 27th is closed
    sc.clock.set(new Date('2054-11-28T00:30:00Z'));
    expect(await rollUp(db, dialect, sc.orgId, sc.clock.now())).toEqual({ since: '2054-11-23', through: '2054-11-27' });
    await expectRollupEqualsLive('with the 27th rolled up');
    const rolled = (await sc.s.request('GET', '/api/reports/daily-sales?from=2054-11-27&to=2054-11-27', { token: await sc.at('2054-11-28T00:30:00Z') })).body;
    expect(rolled).toEqual(day);
  });

  it('rollups running at the same time (two processes on PostgreSQL) count every day once', async () => {
    const snapshot = async () => ({
      daily: sorted(await db.selectFrom('report_daily_sales').selectAll().where('organisation_id', '=', sc.orgId).execute()),
      money: sorted(await db.selectFrom('report_daily_money').selectAll().where('organisation_id', '=', sc.orgId).execute()),
      performances: sorted(await db.selectFrom('report_performance_totals').selectAll().where('organisation_id', '=', sc.orgId).execute()),
      customers: sorted(await db.selectFrom('report_customer_days').selectAll().where('organisation_id', '=', sc.orgId).execute()),
    });
    const once = await snapshot();
    const clear = async () => { for (const t of ROLLUPS) await db.deleteFrom(t).where('organisation_id', '=', sc.orgId).execute(); };
    await clear();
    // SQLite is one process per file: the rollups share its connection and interleave by transaction
    const other: DatabaseHandle | undefined = dialect === 'postgres' ? openDatabase({ databaseUrl: sc.s.database.databaseUrl }) : undefined;
    try {
      const dbs = [db, other?.db ?? db, db, other?.db ?? db];
      const states = await Promise.all(dbs.map((d) => rollUp(d, dialect, sc.orgId, sc.clock.now(), { chunkDays: 1 })));
      expect(states.map((s) => s.through)).toEqual(['2054-11-27', '2054-11-27', '2054-11-27', '2054-11-27']);
    } finally {
      await other?.close();
    }
    expect(await snapshot()).toEqual(once);
    await expectRollupEqualsLive('after concurrent rollups');
  });

  it("the worker's job rolls up every organisation's closed days", async () => {
    const log = pino({ level: 'silent' });
    const worker = createWorker(sc.s.deps, log, false);
    try {
      for (const t of ROLLUPS) await db.deleteFrom(t).where('organisation_id', '=', sc.orgId).execute();
      await worker.scheduler.tick(); // first sight: the due time is set
      sc.clock.set(new Date('2054-11-29T10:00:00Z'));
      await worker.scheduler.tick();
      const jobs = await db.selectFrom('jobs').select(['kind', 'status']).where('kind', '=', 'reports.rollup').execute();
      expect(jobs).toEqual([{ kind: 'reports.rollup', status: 'pending' }]);
      await worker.runner.runDue(10);
      expect(await rollupState(db, sc.orgId)).toEqual({ since: '2054-11-23', through: '2054-11-28' });
      await expectRollupEqualsLive('after the job');
    } finally {
      await worker.stop();
    }
  });
});

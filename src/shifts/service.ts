// Shifts: a cashier opens one with the float, sells, and closes it with the counted cash. The cash-up
// is read from the payment rows the cashier recorded while the shift was open (each sale keeps who
// made it), so selling needs no knowledge of shifts: a sale outside a shift is still a sale.
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { isUniqueViolation } from '../platform/jobs.js';
import { Problem, invalidField, notFound } from '../platform/problems.js';
import { addDays, dayStartUtc, formatInZone } from '../platform/time.js';
import type { PaymentMethod } from '../orders/tables.js';
import { addLines, cashUpLines, type MethodLine, type MoneyMoved } from './rules.js';
import type { Shift } from './tables.js';
import './problems.js';

async function venueOf(db: Db, orgId: string, venueId: string | undefined) {
  let q = db.selectFrom('venues').select(['id', 'name', 'time_zone']).where('organisation_id', '=', orgId);
  q = venueId ? q.where('id', '=', venueId) : q.orderBy('created_at').orderBy('id');
  const v = await q.executeTakeFirst();
  if (!v) throw invalidField('venueId', { en: 'no such venue', nl: 'onbekende locatie', fr: 'lieu inconnu' });
  return v;
}

export async function openShift(ctx: Ctx, body: { venueId?: string; float: number }) {
  const venue = await venueOf(ctx.db, ctx.orgId, body.venueId);
  const open = await ctx.db.selectFrom('shifts').select('id').where('user_id', '=', ctx.actor.id).where('status', '=', 'open').executeTakeFirst();
  if (open) throw new Problem('shift-already-open', {}, [], { shiftId: open.id });
  const shift: Shift = {
    id: newId(), organisation_id: ctx.orgId, venue_id: venue.id, user_id: ctx.actor.id, status: 'open', float: body.float,
    counted_cash: null, counted_pin: null, note: null, opened_at: ctx.clock.now().toISOString(), closed_at: null,
  };
  try {
    await ctx.db.insertInto('shifts').values(shift).execute();
  } catch (e) {
    // Two opens at once: the unique index on the open shift lets one in.
    if (isUniqueViolation(e)) throw new Problem('shift-already-open');
    throw e;
  }
  return cashUp(ctx.db, shift, ctx.clock.now());
}

export async function findShift(ctx: Ctx, id: string): Promise<Shift> {
  const s = await ctx.db.selectFrom('shifts').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!s) throw notFound('shift');
  return s;
}

export async function currentShift(ctx: Ctx) {
  const s = await ctx.db.selectFrom('shifts').selectAll().where('organisation_id', '=', ctx.orgId).where('user_id', '=', ctx.actor.id)
    .where('status', '=', 'open').executeTakeFirst();
  return { shift: s ? await cashUp(ctx.db, s, ctx.clock.now()) : null };
}

export const shiftCashUp = async (ctx: Ctx, id: string) => cashUp(ctx.db, await findShift(ctx, id), ctx.clock.now());

export async function closeShift(ctx: Ctx, id: string, body: { countedCash: number; countedPin?: number; note?: string }) {
  const s = await findShift(ctx, id);
  if (s.user_id !== ctx.actor.id && ctx.actor.role !== 'admin') throw new Problem('shift-not-yours');
  const now = ctx.clock.now().toISOString();
  const r = await ctx.db.updateTable('shifts')
    .set({ status: 'closed', closed_at: now, counted_cash: body.countedCash, counted_pin: body.countedPin ?? null, note: body.note ?? null })
    .where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Problem('shift-closed');
  return shiftCashUp(ctx, id);
}

/** Money the shift's cashier recorded while it was open, per kind and method. */
async function moneyMoved(db: Db, s: Shift, until: string): Promise<MoneyMoved[]> {
  const rows = await db.selectFrom('payments')
    .select(['kind', 'method', (eb) => eb.fn.sum<number>('amount').as('amount'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', s.organisation_id).where('created_by', '=', s.user_id)
    .where('created_at', '>=', s.opened_at).where('created_at', '<=', until)
    .groupBy(['kind', 'method']).execute();
  return rows.map((r) => ({ kind: r.kind, method: r.method as PaymentMethod, amount: Number(r.amount ?? 0), count: Number(r.n) }));
}

async function cashUp(db: Db, s: Shift, now: Date) {
  // An open shift counts up to this moment; a closed one up to and including its close.
  const until = s.closed_at ?? now.toISOString();
  const [moved, sold, orders, venue, cashier] = await Promise.all([
    moneyMoved(db, s, until),
    db.selectFrom('vouchers').select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('value').as('value')])
      .where('organisation_id', '=', s.organisation_id).where('created_by', '=', s.user_id)
      .where('created_at', '>=', s.opened_at).where('created_at', '<=', until).executeTakeFirstOrThrow(),
    db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', s.organisation_id).where('created_by', '=', s.user_id).where('channel', '=', 'boxoffice')
      .where('created_at', '>=', s.opened_at).where('created_at', '<=', until).executeTakeFirstOrThrow(),
    db.selectFrom('venues').select(['id', 'name', 'time_zone']).where('id', '=', s.venue_id).executeTakeFirstOrThrow(),
    db.selectFrom('users').select(['id', 'name']).where('id', '=', s.user_id).executeTakeFirst(),
  ]);
  const lines = cashUpLines(moved, Number(s.float), {
    cash: s.counted_cash === null ? null : Number(s.counted_cash), pin: s.counted_pin === null ? null : Number(s.counted_pin),
  });
  return {
    id: s.id, status: s.status,
    venue: { id: venue.id, name: venue.name, timeZone: venue.time_zone },
    cashier: { id: s.user_id, name: cashier?.name ?? s.user_id },
    openedAt: formatInZone(s.opened_at, venue.time_zone), closedAt: s.closed_at ? formatInZone(s.closed_at, venue.time_zone) : null,
    float: Number(s.float), note: s.note,
    orders: Number(orders.n),
    methods: lines,
    vouchersSold: { count: Number(sold.n), value: Number(sold.value ?? 0) },
    /** Taken minus refunded over every method (the float not included). */
    net: lines.reduce((n, l) => n + l.taken - l.refunded, 0),
    difference: lines.some((l) => l.difference !== null) ? lines.reduce((n, l) => n + (l.difference ?? 0), 0) : null,
  };
}
export type CashUp = Awaited<ReturnType<typeof cashUp>>;

/** Every shift opened at the venue on `day` (its own calendar), with totals per method and per cashier. */
export async function dailyClosing(ctx: Ctx, venueId: string, day: string) {
  const venue = await ctx.db.selectFrom('venues').select(['id', 'name', 'time_zone']).where('id', '=', venueId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!venue) throw notFound('venue');
  const shifts = await ctx.db.selectFrom('shifts').selectAll().where('venue_id', '=', venue.id)
    .where('opened_at', '>=', dayStartUtc(day, venue.time_zone)).where('opened_at', '<', dayStartUtc(addDays(day, 1), venue.time_zone))
    .orderBy('opened_at').orderBy('id').execute();
  const now = ctx.clock.now();
  const ups = [];
  for (const s of shifts) ups.push(await cashUp(ctx.db, s, now));
  const byCashier = new Map<string, { cashier: CashUp['cashier']; shifts: number; lines: MethodLine[][]; vouchersSold: number }>();
  for (const u of ups) {
    const c = byCashier.get(u.cashier.id) ?? { cashier: u.cashier, shifts: 0, lines: [], vouchersSold: 0 };
    c.shifts++; c.lines.push(u.methods); c.vouchersSold += u.vouchersSold.value;
    byCashier.set(u.cashier.id, c);
  }
  const methods = addLines(ups.map((u) => u.methods));
  return {
    venue: { id: venue.id, name: venue.name, timeZone: venue.time_zone }, day,
    openShifts: ups.filter((u) => u.status === 'open').length,
    methods,
    net: methods.reduce((n, l) => n + l.taken - l.refunded, 0),
    vouchersSold: { count: ups.reduce((n, u) => n + u.vouchersSold.count, 0), value: ups.reduce((n, u) => n + u.vouchersSold.value, 0) },
    cashiers: [...byCashier.values()].map((c) => {
      const lines = addLines(c.lines);
      return { cashier: c.cashier, shifts: c.shifts, methods: lines, net: lines.reduce((n, l) => n + l.taken - l.refunded, 0), vouchersSold: c.vouchersSold };
    }),
    shifts: ups,
  };
}
export type DailyClosing = Awaited<ReturnType<typeof dailyClosing>>;

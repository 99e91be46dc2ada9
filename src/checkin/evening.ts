// The evening at the doors: tonight's performances, live counts per door, the offline ticket list,
// and the re-entry settings.
import { audit } from '../audit/service.js';
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/problems.js';
import { addDays, dayStartUtc, formatInZone, localDate } from '../platform/time.js';
import { ticketTypeName } from '../pricing/service.js';
import { barcodeHash } from './rules.js';

// Amsterdam and Brussels share their offsets: one zone decides what "tonight" is for every venue.
const ZONE = 'Europe/Amsterdam';

const performanceQuery = (ctx: Ctx) => ctx.db.selectFrom('performances')
  .innerJoin('productions', 'productions.id', 'performances.production_id')
  .innerJoin('halls', 'halls.id', 'performances.hall_id')
  .innerJoin('venues', 'venues.id', 'halls.venue_id')
  .leftJoin('checkin_performance_settings', 'checkin_performance_settings.performance_id', 'performances.id')
  .leftJoin('checkin_settings', 'checkin_settings.organisation_id', 'performances.organisation_id')
  .select([
    'performances.id', 'performances.starts_at', 'performances.doors_open_minutes', 'performances.status', 'productions.title',
    'halls.name as hall_name', 'venues.name as venue_name', 'venues.time_zone',
    'checkin_settings.reentry as org_reentry', 'checkin_performance_settings.reentry as performance_reentry',
  ])
  .where('performances.organisation_id', '=', ctx.orgId);

async function findPerformance(ctx: Ctx, id: string) {
  const p = await performanceQuery(ctx).where('performances.id', '=', id).executeTakeFirst();
  if (!p) throw notFound('performance');
  return p;
}

const reentry = (p: { org_reentry: number | null; performance_reentry: number | null }) => (p.performance_reentry ?? p.org_reentry ?? 0) === 1;

async function ticketTotals(ctx: Ctx, performanceIds: string[]) {
  if (!performanceIds.length) return new Map<string, { expected: number; unpaid: number }>();
  const rows = await ctx.db.selectFrom('tickets').innerJoin('orders', 'orders.id', 'tickets.order_id')
    .select((eb) => [
      'tickets.performance_id',
      eb.fn.sum<number>(eb.case().when(eb.or([eb('orders.status', '=', 'paid'), eb('tickets.price', '=', 0)])).then(1).else(0).end()).as('expected'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('orders.status', '=', 'reserved'), eb('tickets.price', '>', 0)])).then(1).else(0).end()).as('unpaid'),
    ])
    .where('tickets.performance_id', 'in', performanceIds).where('tickets.status', '=', 'valid')
    .groupBy('tickets.performance_id').execute();
  return new Map(rows.map((r) => [r.performance_id, { expected: Number(r.expected ?? 0), unpaid: Number(r.unpaid ?? 0) }]));
}

async function admittedTotals(ctx: Ctx, performanceIds: string[]) {
  if (!performanceIds.length) return new Map<string, { admitted: number; inside: number }>();
  const rows = await ctx.db.selectFrom('checkin_tickets')
    .select((eb) => ['performance_id', eb.fn.countAll<number>().as('admitted'), eb.fn.sum<number>('inside').as('inside')])
    .where('performance_id', 'in', performanceIds).groupBy('performance_id').execute();
  return new Map(rows.map((r) => [r.performance_id, { admitted: Number(r.admitted), inside: Number(r.inside ?? 0) }]));
}

/** The performances of a local day (today by default), for the door to choose from. */
export async function performancesOn(ctx: Ctx, day?: string) {
  const d = day ?? localDate(ctx.clock.now(), ZONE);
  const rows = await performanceQuery(ctx)
    .where('performances.starts_at', '>=', dayStartUtc(d, ZONE)).where('performances.starts_at', '<', dayStartUtc(addDays(d, 1), ZONE))
    .where('performances.status', '!=', 'draft')
    .orderBy('performances.starts_at').orderBy('performances.id').execute();
  const ids = rows.map((r) => r.id);
  const [tickets, admitted] = await Promise.all([ticketTotals(ctx, ids), admittedTotals(ctx, ids)]);
  return {
    day: d,
    items: rows.map((r) => ({
      id: r.id, title: r.title, startsAt: formatInZone(r.starts_at, r.time_zone),
      doorsOpenAt: formatInZone(new Date(Date.parse(r.starts_at) - r.doors_open_minutes * 60_000), r.time_zone),
      status: r.status, hall: r.hall_name, venue: r.venue_name, reentry: reentry(r),
      expected: tickets.get(r.id)?.expected ?? 0, admitted: admitted.get(r.id)?.admitted ?? 0,
    })),
  };
}

/** Live counts of a performance: admitted of expected, inside, and per door. */
export async function countsOf(ctx: Ctx, performanceId: string) {
  const p = await findPerformance(ctx, performanceId);
  const [tickets, admitted, perDoor, conflicts, doors] = await Promise.all([
    ticketTotals(ctx, [p.id]),
    admittedTotals(ctx, [p.id]),
    ctx.db.selectFrom('checkin_scans')
      .select((eb) => ['door_id', 'direction', eb.fn.countAll<number>().as('n'), eb.fn.max('scanned_at').as('last')])
      .where('performance_id', '=', p.id).where('outcome', '!=', 'ignored').groupBy(['door_id', 'direction']).execute(),
    ctx.db.selectFrom('checkin_conflicts')
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>(eb.case().when('acknowledged_at', 'is', null).then(1).else(0).end()).as('open')])
      .where('performance_id', '=', p.id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('checkin_doors').select(['id', 'name', 'archived_at']).where('organisation_id', '=', ctx.orgId).orderBy('name').orderBy('id').execute(),
  ]);
  const byDoor = new Map<string, { admitted: number; exited: number; lastScanAt: string | null }>();
  for (const r of perDoor) {
    const d = byDoor.get(r.door_id) ?? { admitted: 0, exited: 0, lastScanAt: null };
    if (r.direction === 'in') d.admitted = Number(r.n);
    else d.exited = Number(r.n);
    const last = r.last ? String(r.last) : null;
    if (last && (!d.lastScanAt || last > d.lastScanAt)) d.lastScanAt = last;
    byDoor.set(r.door_id, d);
  }
  const t = tickets.get(p.id) ?? { expected: 0, unpaid: 0 };
  const a = admitted.get(p.id) ?? { admitted: 0, inside: 0 };
  return {
    performanceId: p.id, title: p.title, startsAt: formatInZone(p.starts_at, p.time_zone), reentry: reentry(p),
    expected: t.expected, unpaid: t.unpaid, admitted: a.admitted, inside: a.inside,
    doors: doors.filter((d) => !d.archived_at || byDoor.has(d.id)).map((d) => {
      const c = byDoor.get(d.id) ?? { admitted: 0, exited: 0, lastScanAt: null };
      return { doorId: d.id, name: d.name, admitted: c.admitted, exited: c.exited, lastScanAt: c.lastScanAt ? formatInZone(c.lastScanAt, p.time_zone) : null };
    }),
    conflicts: { total: Number(conflicts.total), open: Number(conflicts.open ?? 0) },
    at: formatInZone(ctx.clock.now(), p.time_zone),
  };
}

type ListStatus = 'valid' | 'inside' | 'out' | 'cancelled' | 'unpaid';

/**
 * What a door needs to go on scanning without a network: each ticket by a hash of its barcode (see
 * barcodeHash), its state and its place. No barcodes, names or prices.
 */
export async function offlineList(ctx: Ctx, performanceId: string) {
  const p = await findPerformance(ctx, performanceId);
  const rows = await ctx.db.selectFrom('tickets')
    .innerJoin('orders', 'orders.id', 'tickets.order_id')
    .innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'tickets.performance_id').onRef('inventory.item_id', '=', 'tickets.item_id'))
    .innerJoin('ticket_types', 'ticket_types.id', 'tickets.ticket_type_id')
    .leftJoin('checkin_tickets', 'checkin_tickets.ticket_id', 'tickets.id')
    .leftJoin('checkin_doors', 'checkin_doors.id', 'checkin_tickets.last_door_id')
    .select([
      'tickets.barcode', 'tickets.status', 'tickets.price', 'orders.status as order_status',
      'inventory.zone_id', 'inventory.section', 'inventory.row_label', 'inventory.seat_label',
      'ticket_types.name_nl', 'ticket_types.name_fr', 'ticket_types.name_en',
      'checkin_tickets.inside', 'checkin_tickets.last_at', 'checkin_doors.name as last_door',
    ])
    .where('tickets.performance_id', '=', p.id).where('tickets.organisation_id', '=', ctx.orgId)
    .orderBy('inventory.sort').execute();
  const status = (r: (typeof rows)[number]): ListStatus => {
    if (r.status === 'cancelled' || r.order_status === 'cancelled') return 'cancelled';
    if (r.order_status === 'reserved' && r.price > 0) return 'unpaid';
    if (r.inside === 1) return 'inside';
    if (r.inside === 0) return 'out';
    return 'valid';
  };
  return {
    performanceId: p.id, title: p.title, startsAt: formatInZone(p.starts_at, p.time_zone), reentry: reentry(p),
    hash: 'sha256("<performanceId>:<barcode>"), first 16 hex digits',
    generatedAt: formatInZone(ctx.clock.now(), p.time_zone),
    tickets: rows.map((r) => ({
      h: barcodeHash(p.id, r.barcode), status: status(r), ticketType: ticketTypeName(r, ctx.lang),
      zone: !!r.zone_id, section: r.section, row: r.row_label, seat: r.seat_label,
      lastAt: r.last_at ? formatInZone(r.last_at, p.time_zone) : null, lastDoor: r.last_door ?? null,
    })),
  };
}

export async function organisationCheckinSettings(ctx: Ctx) {
  const s = await ctx.db.selectFrom('checkin_settings').select('reentry').where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  return { reentry: s?.reentry === 1 };
}

/** A manager's change of re-entry for every performance, recorded in the audit trail (before → after) in its transaction. */
export async function putOrganisationCheckinSettings(ctx: Ctx, input: { reentry: boolean }) {
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const before = await organisationCheckinSettings({ ...ctx, db: tx });
    await tx.insertInto('checkin_settings').values({ organisation_id: ctx.orgId, reentry: input.reentry ? 1 : 0, updated_at: now })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ reentry: input.reentry ? 1 : 0, updated_at: now })).execute();
    await audit(tx, ctx, { subject: 'settings', subjectId: 'checkin', action: 'changed', label: 'Check-in', before, after: { reentry: input.reentry } });
  });
  return organisationCheckinSettings(ctx);
}

export async function performanceCheckinSettings(ctx: Ctx, performanceId: string) {
  const p = await findPerformance(ctx, performanceId);
  return { reentry: reentry(p), own: p.performance_reentry === null ? null : p.performance_reentry === 1 };
}

/** `reentry: null` follows the organisation's setting again. */
export async function putPerformanceCheckinSettings(ctx: Ctx, performanceId: string, input: { reentry: boolean | null }) {
  const p = await findPerformance(ctx, performanceId);
  const now = ctx.clock.now().toISOString();
  const value = input.reentry === null ? null : input.reentry ? 1 : 0;
  await ctx.db.insertInto('checkin_performance_settings').values({ performance_id: p.id, organisation_id: ctx.orgId, reentry: value, updated_at: now })
    .onConflict((oc) => oc.column('performance_id').doUpdateSet({ reentry: value, updated_at: now })).execute();
  return performanceCheckinSettings(ctx, p.id);
}

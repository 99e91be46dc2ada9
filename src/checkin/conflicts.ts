// Conflicts of offline scans as door staff and managers read them; a manager acknowledges them.
import type { Ctx } from '../platform/context.js';
import { notFound } from '../platform/problems.js';
import { formatInZone } from '../platform/time.js';
import { ticketTypeName } from '../pricing/service.js';
import { clockTime, conflictMessage, placeLabel } from './texts.js';

const conflictsQuery = (ctx: Ctx) => ctx.db.selectFrom('checkin_conflicts')
  .innerJoin('checkin_scans as s', 's.id', 'checkin_conflicts.scan_id')
  .innerJoin('checkin_doors as d', 'd.id', 's.door_id')
  .leftJoin('checkin_devices as dev', 'dev.id', 's.device_id')
  .leftJoin('checkin_scans as o', 'o.id', 'checkin_conflicts.other_scan_id')
  .leftJoin('checkin_doors as od', 'od.id', 'o.door_id')
  .innerJoin('tickets', 'tickets.id', 'checkin_conflicts.ticket_id')
  .innerJoin('orders', 'orders.id', 'tickets.order_id')
  .innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'tickets.performance_id').onRef('inventory.item_id', '=', 'tickets.item_id'))
  .innerJoin('ticket_types', 'ticket_types.id', 'tickets.ticket_type_id')
  .innerJoin('performances', 'performances.id', 'checkin_conflicts.performance_id')
  .innerJoin('productions', 'productions.id', 'performances.production_id')
  .innerJoin('halls', 'halls.id', 'performances.hall_id')
  .innerJoin('venues', 'venues.id', 'halls.venue_id')
  .select([
    'checkin_conflicts.id', 'checkin_conflicts.kind', 'checkin_conflicts.detected_at', 'checkin_conflicts.acknowledged_at',
    'checkin_conflicts.performance_id', 'checkin_conflicts.ticket_id', 'checkin_conflicts.scan_id',
    's.scanned_at', 's.door_id', 's.staff_name', 'd.name as door_name', 'dev.name as device_name',
    'o.id as other_id', 'o.scanned_at as other_at', 'o.offline as other_offline', 'od.name as other_door_name',
    'orders.number as order_number', 'inventory.zone_id', 'inventory.section', 'inventory.row_label', 'inventory.seat_label',
    'ticket_types.name_nl', 'ticket_types.name_fr', 'ticket_types.name_en',
    'productions.title', 'performances.starts_at', 'venues.time_zone',
  ])
  .where('checkin_conflicts.organisation_id', '=', ctx.orgId);

type Row = Awaited<ReturnType<ReturnType<typeof conflictsQuery>['execute']>>[number];

function conflictView(ctx: Ctx, r: Row) {
  const tz = r.time_zone;
  const other = r.other_id && r.other_at ? { id: r.other_id, door: r.other_door_name ?? '', at: formatInZone(r.other_at, tz), offline: r.other_offline === 1 } : null;
  return {
    id: r.id,
    kind: r.kind,
    message: conflictMessage(r.kind, ctx.lang, {
      door: r.door_name, time: clockTime(r.scanned_at, tz), otherDoor: other?.door, otherTime: r.other_at ? clockTime(r.other_at, tz) : undefined,
    }),
    performance: { id: r.performance_id, title: r.title, startsAt: formatInZone(r.starts_at, tz) },
    ticket: {
      id: r.ticket_id, orderNumber: r.order_number, ticketType: ticketTypeName(r, ctx.lang),
      place: placeLabel({ zone: !!r.zone_id, section: r.section, row: r.row_label, seat: r.seat_label }, ctx.lang),
    },
    scan: { id: r.scan_id, doorId: r.door_id, door: r.door_name, device: r.device_name, staff: r.staff_name, at: formatInZone(r.scanned_at, tz), offline: true },
    other,
    detectedAt: formatInZone(r.detected_at, tz),
    acknowledgedAt: r.acknowledged_at ? formatInZone(r.acknowledged_at, tz) : null,
  };
}
export type ConflictView = ReturnType<typeof conflictView>;

export async function conflictsByScan(ctx: Ctx, scanIds: string[]): Promise<Map<string, ConflictView>> {
  const map = new Map<string, ConflictView>();
  for (let i = 0; i < scanIds.length; i += 500) {
    const rows = await conflictsQuery(ctx).where('checkin_conflicts.scan_id', 'in', scanIds.slice(i, i + 500)).execute();
    for (const r of rows) map.set(r.scan_id, conflictView(ctx, r));
  }
  return map;
}

export interface ConflictFilter {
  performanceId?: string;
  open?: boolean;
  limit: number;
  offset: number;
}

export async function listConflicts(ctx: Ctx, f: ConflictFilter) {
  let q = conflictsQuery(ctx);
  if (f.performanceId) q = q.where('checkin_conflicts.performance_id', '=', f.performanceId);
  if (f.open) q = q.where('checkin_conflicts.acknowledged_at', 'is', null);
  const rows = await q.orderBy('checkin_conflicts.detected_at', 'desc').orderBy('checkin_conflicts.id').limit(f.limit).offset(f.offset).execute();
  return rows.map((r) => conflictView(ctx, r));
}

/** A manager has dealt with the conflict (spoken to the visitors, checked the ticket). */
export async function acknowledgeConflict(ctx: Ctx, id: string) {
  const c = await ctx.db.selectFrom('checkin_conflicts').select('id').where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!c) throw notFound('conflict');
  await ctx.db.updateTable('checkin_conflicts').set({ acknowledged_at: ctx.clock.now().toISOString(), acknowledged_by: ctx.actor.id })
    .where('id', '=', id).where('acknowledged_at', 'is', null).execute();
  const row = await conflictsQuery(ctx).where('checkin_conflicts.id', '=', id).executeTakeFirstOrThrow();
  return conflictView(ctx, row);
}

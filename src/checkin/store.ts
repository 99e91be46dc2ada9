// Check-in SQL: the door's view of a ticket, the admission's conditional write, history and counts.
import { sql } from 'kysely';
import type { Db, Dialect, Tx } from '../platform/db.js';
import { isUniqueViolation } from '../platform/jobs.js';
import type { Direction, ScanOutcome } from './tables.js';
import type { HistoryEvent } from './rules.js';

/** Everything a scan answers from, in one query by barcode (the organisation's own tickets only). */
export function ticketAtDoor(db: Db, orgId: string, barcode: string) {
  return db.selectFrom('tickets')
    .innerJoin('orders', 'orders.id', 'tickets.order_id')
    .innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'tickets.performance_id').onRef('inventory.item_id', '=', 'tickets.item_id'))
    .innerJoin('ticket_types', 'ticket_types.id', 'tickets.ticket_type_id')
    .innerJoin('performances', 'performances.id', 'tickets.performance_id')
    .innerJoin('productions', 'productions.id', 'performances.production_id')
    .innerJoin('halls', 'halls.id', 'performances.hall_id')
    .innerJoin('venues', 'venues.id', 'halls.venue_id')
    .leftJoin('checkin_tickets', 'checkin_tickets.ticket_id', 'tickets.id')
    .leftJoin('checkin_doors', 'checkin_doors.id', 'checkin_tickets.last_door_id')
    .leftJoin('checkin_settings', 'checkin_settings.organisation_id', 'tickets.organisation_id')
    .leftJoin('checkin_performance_settings', 'checkin_performance_settings.performance_id', 'tickets.performance_id')
    // A ticket sold with a UiTPAS number, and whether its admission checks the holder in at UiTPAS.
    .leftJoin('uitpas_sales', (j) => j.onRef('uitpas_sales.ticket_id', '=', 'tickets.id').on('uitpas_sales.status', '=', 'sold'))
    .leftJoin('uitpas_performance_settings', 'uitpas_performance_settings.performance_id', 'tickets.performance_id')
    .select([
      'tickets.id', 'tickets.status', 'tickets.price', 'tickets.performance_id', 'orders.status as order_status',
      'inventory.zone_id', 'inventory.section', 'inventory.row_label', 'inventory.seat_label',
      'ticket_types.name_nl', 'ticket_types.name_fr', 'ticket_types.name_en',
      'productions.title', 'performances.starts_at', 'venues.time_zone',
      'checkin_tickets.inside', 'checkin_tickets.last_at', 'checkin_doors.name as last_door_name',
      'checkin_settings.reentry as org_reentry', 'checkin_performance_settings.reentry as performance_reentry',
      'uitpas_sales.uitpas_number', 'uitpas_performance_settings.checkins as uitpas_checkins', 'performances.uitdatabank_event_id',
    ])
    .where('tickets.barcode', '=', barcode)
    .where('tickets.organisation_id', '=', orgId)
    .executeTakeFirst();
}
export type DoorTicket = NonNullable<Awaited<ReturnType<typeof ticketAtDoor>>>;

/** The performance's setting, else the organisation's; off unless a venue turns it on. */
export const reentryOf = (t: { org_reentry: number | null; performance_reentry: number | null }): boolean =>
  (t.performance_reentry ?? t.org_reentry ?? 0) === 1;

export interface ScanRow {
  id: string;
  organisationId: string;
  performanceId: string;
  ticketId: string;
  direction: Direction;
  doorId: string;
  deviceId: string | null;
  userId: string | null;
  staffName: string;
  scannedAt: string;
  recordedAt: string;
  offline: boolean;
  clientScanId: string | null;
  outcome: ScanOutcome;
}

/** Inserts the scan; false when an upload already brought a scan with this client id. */
export async function insertScan(db: Db, s: ScanRow): Promise<boolean> {
  const r = await db.insertInto('checkin_scans').values({
    id: s.id, organisation_id: s.organisationId, performance_id: s.performanceId, ticket_id: s.ticketId, direction: s.direction,
    door_id: s.doorId, device_id: s.deviceId, user_id: s.userId, staff_name: s.staffName, scanned_at: s.scannedAt,
    recorded_at: s.recordedAt, offline: s.offline ? 1 : 0, client_scan_id: s.clientScanId, outcome: s.outcome,
  }).onConflict((oc) => oc.columns(['organisation_id', 'client_scan_id']).where('client_scan_id', 'is not', null).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * The admission: one conditional write. The first admission inserts the ticket's row, which only one
 * scan can do; with re-entry on, a later admission updates it only while the ticket is outside.
 */
export async function admit(db: Db, s: ScanRow, reentry: boolean): Promise<boolean> {
  return !!(await admitQuery(db, s, reentry).executeTakeFirst());
}

function admitQuery(db: Db, s: ScanRow, reentry: boolean) {
  const insert = db.insertInto('checkin_tickets').values({
    ticket_id: s.ticketId, organisation_id: s.organisationId, performance_id: s.performanceId, inside: 1,
    first_admitted_at: s.scannedAt, last_at: s.scannedAt, last_door_id: s.doorId, last_scan_id: s.id, entries: 1, version: 1,
  });
  return (reentry
    ? insert.onConflict((oc) => oc.column('ticket_id').doUpdateSet((eb) => ({
      inside: 1, last_at: eb.ref('excluded.last_at'), last_door_id: eb.ref('excluded.last_door_id'), last_scan_id: eb.ref('excluded.last_scan_id'),
      entries: sql<number>`checkin_tickets.entries + 1`, version: sql<number>`checkin_tickets.version + 1`,
    })).where('checkin_tickets.inside', '=', 0))
    : insert.onConflict((oc) => oc.column('ticket_id').doNothing()))
    .returning('ticket_id');
}

/** The admission row as constants of an INSERT … SELECT (integers as literals: parameters there are text). */
const scanColumns = ['id', 'organisation_id', 'performance_id', 'ticket_id', 'direction', 'door_id', 'device_id', 'user_id', 'staff_name',
  'scanned_at', 'recorded_at', 'offline', 'client_scan_id', 'outcome'] as const;
const scanValues = (s: ScanRow) => [
  sql.val(s.id), sql.val(s.organisationId), sql.val(s.performanceId), sql.val(s.ticketId), sql.val(s.direction), sql.val(s.doorId),
  sql.val(s.deviceId), sql.val(s.userId), sql.val(s.staffName), sql.val(s.scannedAt), sql.val(s.recordedAt), sql.lit(s.offline ? 1 : 0),
  sql.val(s.clientScanId), sql.val(s.outcome),
];

/**
 * An online scan's write: the conditional admission (or exit) and its row in checkin_scans, or
 * nothing. On PostgreSQL one statement (the row is inserted from what the conditional write
 * returned), so a door waits for one round trip; on SQLite one transaction. False when the ticket
 * was not let in or out, or the scanner's id for the scan was used before.
 */
export async function scanWrite(db: Db, dialect: Dialect, s: ScanRow, reentry: boolean, onAdmit?: (tx: Tx) => Promise<void>): Promise<boolean> {
  // With work to do on admission (a UiTPAS check-in to queue) one transaction on either database.
  if (dialect === 'sqlite' || onAdmit) {
    return db.transaction().execute(async (tx) => {
      const changed = s.direction === 'in' ? await admit(tx, s, reentry) : await leave(tx, s);
      if (changed && !(await insertScan(tx, s))) throw new ScanIdUsed();
      if (changed && onAdmit) await onAdmit(tx);
      return changed;
    }).catch((e: unknown) => {
      if (e instanceof ScanIdUsed) return false;
      throw e;
    });
  }
  const change = s.direction === 'in' ? admitQuery(db, s, reentry) : leaveQuery(db, s);
  try {
    const r = await db.with('changed', () => change)
      .insertInto('checkin_scans').columns([...scanColumns])
      .expression((eb) => eb.selectFrom('changed').select(scanValues(s).map((v, i) => sql`${v}`.as(scanColumns[i]))))
      .returning('checkin_scans.id').executeTakeFirst();
    return !!r;
  } catch (e) {
    // The scan's id was used before: the statement changed nothing.
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

class ScanIdUsed extends Error {}

/** An exit: the ticket goes out only if it is in. */
export async function leave(db: Db, s: ScanRow): Promise<boolean> {
  return !!(await leaveQuery(db, s).executeTakeFirst());
}

const leaveQuery = (db: Db, s: ScanRow) => db.updateTable('checkin_tickets')
  .set({ inside: 0, last_at: s.scannedAt, last_door_id: s.doorId, last_scan_id: s.id, version: sql<number>`version + 1` })
  .where('ticket_id', '=', s.ticketId).where('inside', '=', 1)
  .returning('ticket_id');

/** Who was last at the door with this ticket (the winner of a race the caller lost). */
export const lastPassage = (db: Db, ticketId: string) => db.selectFrom('checkin_tickets')
  .innerJoin('checkin_doors', 'checkin_doors.id', 'checkin_tickets.last_door_id')
  .select(['checkin_tickets.inside', 'checkin_tickets.last_at', 'checkin_doors.name as door_name'])
  .where('checkin_tickets.ticket_id', '=', ticketId).executeTakeFirst();

export const presence = (db: Db, ticketId: string) => db.selectFrom('checkin_tickets').selectAll()
  .where('ticket_id', '=', ticketId).executeTakeFirst();

/** The applied admissions and exits of a ticket, in time order. */
export async function history(db: Db, ticketId: string): Promise<HistoryEvent[]> {
  const rows = await db.selectFrom('checkin_scans').select(['id', 'direction', 'scanned_at'])
    .where('ticket_id', '=', ticketId).where('outcome', '=', 'applied')
    .orderBy('scanned_at').orderBy('recorded_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, direction: r.direction, at: r.scanned_at }));
}

export interface Merge {
  ticketId: string;
  version: number | null;
  scan: ScanRow;
  /** The scan is the ticket's latest event: the ticket's state becomes the scan's direction. */
  latest: boolean;
}

/**
 * Writes an offline scan that fits the ticket's history, by compare-and-set on the version read:
 * false when anything changed the ticket meanwhile (the caller reads again and retries).
 */
export async function mergeOffline(db: Db, m: Merge): Promise<boolean> {
  const s = m.scan;
  const isIn = s.direction === 'in';
  if (m.version === null) {
    // Never admitted: the offline admission is the first; the same insert as online decides.
    return admit(db, s, false);
  }
  const r = await db.updateTable('checkin_tickets')
    .set((eb) => ({
      version: sql<number>`version + 1`,
      entries: isIn ? sql<number>`entries + 1` : eb.ref('entries'),
      first_admitted_at: isIn ? sql<string>`case when first_admitted_at > ${s.scannedAt} then ${s.scannedAt} else first_admitted_at end` : eb.ref('first_admitted_at'),
      ...(m.latest ? { inside: isIn ? 1 : 0, last_at: s.scannedAt, last_door_id: s.doorId, last_scan_id: s.id } : {}),
    }))
    .where('ticket_id', '=', m.ticketId).where('version', '=', m.version)
    .returning('ticket_id').executeTakeFirst();
  return !!r;
}

export const scanById = (db: Db, id: string) => db.selectFrom('checkin_scans')
  .innerJoin('checkin_doors', 'checkin_doors.id', 'checkin_scans.door_id')
  .select(['checkin_scans.id', 'checkin_scans.scanned_at', 'checkin_scans.offline', 'checkin_doors.name as door_name'])
  .where('checkin_scans.id', '=', id).executeTakeFirst();

// Check-in use cases: a scan at a door (admission or exit), and the upload of scans made offline.
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import { invalidField, notFound } from '../platform/problems.js';
import { ShortCache } from '../platform/short-cache.js';
import { formatInZone } from '../platform/time.js';
import { ticketTypeName } from '../pricing/service.js';
import { deviceOf, doorForScan, staffName } from './devices.js';
import { normaliseBarcode, place, refusal, serverTime, type Reason, type TicketAtDoor } from './rules.js';
import {
  history, insertScan, lastPassage, mergeOffline, presence, reentryOf, scanWrite, ticketAtDoor, type DoorTicket, type ScanRow,
} from './store.js';
import type { ConflictKind, Direction, ScanOutcome } from './tables.js';
import { clockTime, placeLabel, reasonMessage, spokenDate } from './texts.js';
import { conflictsByScan, type ConflictView } from './conflicts.js';
import { uitpasCheckinOnAdmission } from '../connectors/uitpas/checkins.js';

export interface ScanInput {
  barcode: string;
  performanceIds: string[];
  doorId?: string;
  direction?: Direction;
  /** The scanner's own id: an upload of the same scan later (its answer was lost) counts once. */
  id?: string;
}

interface Where {
  doorId: string;
  deviceId: string | null;
  userId: string | null;
  staffName: string;
}

/** The door a scan is made at: a device's own door unless another is named; named by everyone else. */
async function scanPlace(ctx: Ctx, doorId: string | undefined): Promise<Where> {
  const device = await deviceOf(ctx);
  const id = doorId ?? device?.door_id;
  if (!id) {
    throw invalidField('doorId', {
      en: 'is required: name the door you scan at', nl: 'is verplicht: noem de ingang waar u scant', fr: 'est obligatoire : indiquez l’entrée où vous scannez',
    });
  }
  const door = await doorForScan(ctx, id);
  return { doorId: door.id, deviceId: device?.id ?? null, userId: ctx.actor.kind === 'user' ? ctx.actor.id : null, staffName: await staffName(ctx) };
}

const performances = new ShortCache<boolean>(30_000, 10_000);

/** Every performance named must be the organisation's own (another's answers 404, as a missing one). */
async function checkPerformances(ctx: Ctx, ids: string[]): Promise<void> {
  for (const id of new Set(ids)) {
    const known = await performances.get(ctx.db, `${ctx.orgId}:${id}`, async () => !!(await ctx.db.selectFrom('performances').select('id')
      .where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst()));
    if (!known) throw notFound('performance');
  }
}

const atDoor = (t: DoorTicket): TicketAtDoor => ({
  status: t.status, orderStatus: t.order_status, performanceId: t.performance_id, price: t.price,
  inside: t.inside === null || t.inside === undefined ? null : t.inside === 1,
});

const ticketView = (ctx: Ctx, t: DoorTicket) => {
  const p = { zone: !!t.zone_id, section: t.section, row: t.row_label, seat: t.seat_label };
  return {
    id: t.id, performanceId: t.performance_id, ticketType: ticketTypeName(t, ctx.lang), place: placeLabel(p, ctx.lang), ...p,
  };
};

interface AnswerExtra {
  again?: boolean;
  scanId?: string;
  previous?: { at: string; door: string } | null;
}

function answer(ctx: Ctx, reason: Reason, t: DoorTicket | undefined, at: string, extra: AnswerExtra = {}) {
  const tz = t?.time_zone ?? 'Europe/Amsterdam';
  const previous = extra.previous ?? null;
  const other = reason === 'other-performance' && t ? { id: t.performance_id, title: t.title, startsAt: formatInZone(t.starts_at, t.time_zone) } : null;
  return {
    ok: reason === 'admitted' || reason === 'exited',
    reason,
    message: reasonMessage(reason, ctx.lang, {
      again: extra.again, door: previous?.door, time: previous ? clockTime(previous.at, tz) : undefined,
      title: t?.title, date: other && t ? spokenDate(t.starts_at, tz, ctx.lang) : undefined,
    }),
    again: !!extra.again,
    ticket: t ? ticketView(ctx, t) : null,
    previous: previous ? { at: formatInZone(previous.at, tz), door: previous.door } : null,
    performance: other,
    scanId: extra.scanId ?? null,
    scannedAt: formatInZone(at, tz),
  };
}
export type ScanAnswer = ReturnType<typeof answer>;

/** A scan at the door: admits (or lets out) the ticket, or says why not. */
export async function scan(ctx: Ctx, input: ScanInput): Promise<ScanAnswer> {
  const direction = input.direction ?? 'in';
  const where = await scanPlace(ctx, input.doorId);
  await checkPerformances(ctx, input.performanceIds);
  const now = ctx.clock.now().toISOString();
  const barcode = normaliseBarcode(input.barcode);
  const t = barcode ? await ticketAtDoor(ctx.db, ctx.orgId, barcode) : undefined;
  const reentry = t ? reentryOf(t) : false;
  const refused = refusal(t && atDoor(t), input.performanceIds, direction, reentry);
  const lastSeen = t?.last_at && t.last_door_name ? { at: t.last_at, door: t.last_door_name } : null;
  if (refused || !t) return answer(ctx, refused ?? 'unknown', t, now, { previous: refused === 'already-scanned' ? lastSeen : null });

  const row: ScanRow = {
    id: newId(), organisationId: ctx.orgId, performanceId: t.performance_id, ticketId: t.id, direction, ...where,
    scannedAt: now, recordedAt: now, offline: false, clientScanId: input.id ?? null, outcome: 'applied',
  };
  const onAdmit = direction === 'in' ? uitpasCheckinOnAdmission(ctx.orgId, t, ctx.clock.now()) : undefined;
  const won = await scanWrite(ctx.db, ctx.dialect, row, reentry, onAdmit);
  if (won) return answer(ctx, direction === 'in' ? 'admitted' : 'exited', t, now, { again: direction === 'in' && t.inside === 0, scanId: row.id });
  // Another door won the race for this ticket a moment ago.
  const last = await lastPassage(ctx.db, t.id);
  const previous = last ? { at: last.last_at, door: last.door_name } : null;
  if (direction === 'out') return answer(ctx, 'not-inside', t, now);
  return answer(ctx, 'already-scanned', t, now, { previous });
}

export interface OfflineScan {
  /** The device's own id for the scan (a UUID): sending it again applies it once. */
  id: string;
  barcode: string;
  performanceId: string;
  direction?: Direction;
  /** When the device scanned, on its own clock. */
  scannedAt: string;
}

export interface UploadInput {
  /** The device's clock when it sent the upload: corrects the scans' times for its clock's error. */
  sentAt?: string;
  doorId?: string;
  scans: OfflineScan[];
}

export interface UploadResult {
  id: string;
  outcome: ScanOutcome;
  reason: Reason | null;
  conflict: ConflictView | null;
}

class Retry extends Error {}
class AlreadyUploaded extends Error {}

const OFFLINE_REFUSAL_CONFLICT: Partial<Record<Reason, ConflictKind>> = {
  cancelled: 'cancelled', 'not-paid': 'not-paid', 'other-performance': 'other-performance',
};

/**
 * Scans a door made without a network, applied in the order they were made. An admission that the
 * server cannot agree with (the ticket let in elsewhere too, or cancelled meanwhile) is kept as a
 * conflict, reported in the answer and to managers; nothing is dropped silently.
 */
export async function upload(ctx: Ctx, input: UploadInput): Promise<{ results: UploadResult[]; conflicts: ConflictView[] }> {
  const where = await scanPlace(ctx, input.doorId);
  await checkPerformances(ctx, input.scans.map((s) => s.performanceId));
  const seen = new Set<string>();
  for (const [i, s] of input.scans.entries()) {
    if (seen.has(s.id)) throw invalidField(`scans/${i}/id`, { en: 'is given twice', nl: 'komt twee keer voor', fr: 'est donné deux fois' });
    seen.add(s.id);
  }
  const now = ctx.clock.now();
  const ordered = input.scans
    .map((s) => ({ ...s, at: serverTime(s.scannedAt, input.sentAt, now) }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  const outcomes = new Map<string, { outcome: ScanOutcome; reason: Reason | null; scanId: string | null }>();
  for (const s of ordered) outcomes.set(s.id, await applyOffline(ctx, where, s, now.toISOString()));
  const scanIds = [...outcomes.values()].flatMap((o) => (o.scanId ? [o.scanId] : []));
  const conflicts = await conflictsByScan(ctx, scanIds);
  const results = input.scans.map((s) => {
    const o = outcomes.get(s.id)!;
    return { id: s.id, outcome: o.outcome, reason: o.reason, conflict: (o.scanId && conflicts.get(o.scanId)) || null };
  });
  return { results, conflicts: results.flatMap((r) => (r.conflict ? [r.conflict] : [])) };
}

async function stored(ctx: Ctx, clientScanId: string) {
  const r = await ctx.db.selectFrom('checkin_scans').select(['id', 'outcome', 'direction']).where('organisation_id', '=', ctx.orgId)
    .where('client_scan_id', '=', clientScanId).executeTakeFirst();
  if (!r) return undefined;
  const reason: Reason | null = r.outcome === 'applied' ? (r.direction === 'in' ? 'admitted' : 'exited') : null;
  return { outcome: r.outcome, reason, scanId: r.id };
}

async function applyOffline(ctx: Ctx, where: Where, s: OfflineScan & { at: string }, now: string) {
  const before = await stored(ctx, s.id);
  if (before) return before;
  const direction = s.direction ?? 'in';
  const t = await ticketAtDoor(ctx.db, ctx.orgId, normaliseBarcode(s.barcode));
  // An unknown barcode has no ticket to record a scan against; a device never admits one offline.
  if (!t) return { outcome: 'ignored' as const, reason: 'unknown' as const, scanId: null };
  const reentry = reentryOf(t);
  const row = (outcome: ScanOutcome): ScanRow => ({
    id: newId(), organisationId: ctx.orgId, performanceId: t.performance_id, ticketId: t.id, direction, ...where,
    scannedAt: s.at, recordedAt: now, offline: true, clientScanId: s.id, outcome,
  });
  const record = async (outcome: ScanOutcome, reason: Reason | null, conflict?: { kind: ConflictKind; otherScanId: string | null }) => {
    const r = row(outcome);
    try {
      await ctx.db.transaction().execute(async (tx) => {
        if (!(await insertScan(tx, r))) throw new AlreadyUploaded();
        if (conflict) {
          await tx.insertInto('checkin_conflicts').values({
            id: newId(), organisation_id: ctx.orgId, performance_id: t.performance_id, ticket_id: t.id, kind: conflict.kind,
            scan_id: r.id, other_scan_id: conflict.otherScanId, detected_at: now, acknowledged_at: null, acknowledged_by: null,
          }).execute();
        }
      });
    } catch (e) {
      if (e instanceof AlreadyUploaded) return (await stored(ctx, s.id))!;
      throw e;
    }
    return { outcome, reason, scanId: r.id };
  };

  // Whether the ticket could be used is judged as it is now: cancelled or unpaid means it should not have been.
  const invalid = refusal({ ...atDoor(t), inside: null }, [s.performanceId], 'in', reentry);
  if (invalid && invalid !== 'already-scanned') {
    const kind = OFFLINE_REFUSAL_CONFLICT[invalid];
    if (direction === 'out' || !kind) return record('ignored', invalid);
    return record('conflict', invalid, { kind, otherScanId: null });
  }

  for (let attempt = 0; ; attempt++) {
    // The version first, then the history: whatever is written after the version was read changes the
    // version, so the compare-and-set below fails and this reads again; the other order could merge
    // into a history read before an admission whose version it then takes for granted.
    const state = await presence(ctx.db, t.id);
    const events = await history(ctx.db, t.id);
    const fit = place(events, { direction, at: s.at }, reentry);
    if (!fit.fits) {
      if (fit.conflict) return record('conflict', 'already-scanned', { kind: 'double-admission', otherScanId: fit.clash.id });
      return record('ignored', fit.reason);
    }
    const r = row('applied');
    try {
      await ctx.db.transaction().execute(async (tx) => {
        if (!(await insertScan(tx, r))) throw new AlreadyUploaded();
        const merged = await mergeOffline(tx, { ticketId: t.id, version: state?.version ?? null, scan: r, latest: fit.latest });
        if (!merged) throw new Retry();
        if (direction === 'in') await uitpasCheckinOnAdmission(ctx.orgId, t, ctx.clock.now())?.(tx);
      });
      return { outcome: 'applied' as const, reason: (direction === 'in' ? 'admitted' : 'exited') as Reason, scanId: r.id };
    } catch (e) {
      if (e instanceof AlreadyUploaded) return (await stored(ctx, s.id))!;
      // Someone scanned this ticket meanwhile: read its history again.
      if (e instanceof Retry && attempt < 20) continue;
      throw e;
    }
  }
}

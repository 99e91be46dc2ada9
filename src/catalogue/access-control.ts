// Utick's AccessControl over Foyer's check-in: a door device (registered by a manager under Check-in)
// controls codes for an event exactly as the door app scans them: one admission per ticket, the same
// refusals (already scanned, another performance, cancelled, not paid, unknown) in the same words, in
// the request's language.
import type { Ctx } from '../platform/context.js';
import { scan, type ScanAnswer } from '../checkin/service.js';
import type { Reason } from '../checkin/rules.js';
import type { Call } from './calls.js';
import { DEFAULT_ZONE, UtickError, uid, utickDate } from './envelope.js';
import { events } from './agenda.js';

/** Utick's AccessCode statuses for the door's answers. */
export const ACCESS_STATUS: Record<Reason, number> = {
  admitted: 1, exited: 1, 'not-paid': -200, 'other-performance': -201, 'already-scanned': -202, cancelled: -250, 'not-inside': -250,
  'reentry-off': -250, unknown: -299,
};

/** A door's evening: what started up to 12 hours ago or starts within 24 hours. */
const BEFORE_MS = 12 * 3_600_000;
const AHEAD_MS = 24 * 3_600_000;

function deviceOf(c: Call) {
  const d = c.s.device;
  if (!d) throw new UtickError(400, 'device-required');
  return d;
}

/** The device has been heard from (Device.lastcontact). */
async function seen(c: Call, deviceId: string): Promise<void> {
  await c.s.db.updateTable('checkin_devices').set({ last_seen_at: c.s.now.toISOString() }).where('id', '=', deviceId).where('organisation_id', '=', c.s.orgId).execute();
}

/** GET accesscontrol/deviceinfo {deviceid}. */
export async function deviceInfo(c: Call) {
  const d = deviceOf(c);
  await seen(c, d.id);
  return { id: uid(d.id), label: d.name, lastcontact: utickDate(c.s.now.toISOString(), DEFAULT_ZONE), client: { id: uid(c.s.orgId), label: c.s.orgName } };
}

/** GET accesscontrol/events {deviceid}: the performances the device's door may control now. */
export async function controllableEvents(c: Call) {
  deviceOf(c);
  const now = c.s.now.getTime();
  const rows = await c.s.db.selectFrom('performances').select('id').where('organisation_id', '=', c.s.orgId)
    .where('status', '!=', 'draft')
    .where('starts_at', '>=', new Date(now - BEFORE_MS).toISOString()).where('starts_at', '<', new Date(now + AHEAD_MS).toISOString())
    .orderBy('starts_at').orderBy('id').limit(200).execute();
  return rows.length ? events(c.s, { eventIds: rows.map((r) => r.id) }, { limit: 200, offset: 0 }) : [];
}

function codesOf(v: unknown): string[] {
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || !list.length || list.length > 100 || !list.every((x) => typeof x === 'string' && x.length <= 200)) {
    throw new UtickError(400, 'codes-required');
  }
  return list as string[];
}

const accessCode = (code: string, a: ScanAnswer) => {
  const productId = a.ticket ? uid(a.ticket.id) : null;
  return {
    id: productId ?? '', code, label: code, origin: 'foyer', productid: productId,
    usage: { statusid: ACCESS_STATUS[a.reason], by: a.message, date: a.previous?.at ?? a.scannedAt, reason: a.reason },
  };
};

/**
 * PATCH (in) or DELETE (out) accesscontrol/events/{id}/control {deviceid, codes, confirmedbyoperator}:
 * each code scanned at the device's door, in the order sent. Foyer asks the operator nothing, so
 * `confirmedbyoperator` changes nothing.
 */
export async function controlCodes(c: Call, eventId: string, direction: 'in' | 'out') {
  const d = deviceOf(c);
  const codes = codesOf(c.p.codes);
  const base = c.ctx();
  const ctx: Ctx = { ...base, actor: { kind: 'device', id: d.id, orgId: c.s.orgId, role: 'door', label: d.name } };
  await seen(c, d.id);
  const out = [];
  for (const code of codes) out.push(accessCode(code, await scan(ctx, { barcode: code, performanceIds: [eventId], direction })));
  return out;
}

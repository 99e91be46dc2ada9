// Strict checks of the four PUT bodies in Foyer's assumed DIP wire format (dip.md). A batch is
// accepted whole or not at all; the first bad item is named by its array index ("item 0" is the
// first). Keep this in step with the connector's wire mapper: both encode the same assumption.
import type { DipStore } from './store.js';
import {
  TICKET_TYPES, type BlockedSeatsItem, type CapacityBody, type ReservationsItem, type TicketsItem, type TicketType,
} from './types.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export interface WireContext {
  /** The theatre behind the token: only its performances are "linked". */
  theaterId: number;
  store: Pick<DipStore, 'performance'>;
  /** Every tickets batch carries all four ticket types per performance (dip.md), zeros included. */
  requireAllTicketTypes: boolean;
}

type FieldKind = 'productionNumber' | 'performanceNumber' | 'count' | 'cents' | 'ticketType' | 'updated';
type Spec = Record<string, FieldKind>;

const TICKETS_SPEC: Spec = { productionNumber: 'productionNumber', performanceNumber: 'performanceNumber', ticketType: 'ticketType', tickets: 'count', recette: 'cents', updated: 'updated' };
const RESERVATIONS_SPEC: Spec = { productionNumber: 'productionNumber', performanceNumber: 'performanceNumber', reservations: 'count', recette: 'cents', updated: 'updated' };
const BLOCKED_SPEC: Spec = { productionNumber: 'productionNumber', performanceNumber: 'performanceNumber', blockedSeats: 'count', value: 'cents', updated: 'updated' };

// DIP's production ids: NL-{yy}-{producer}-{n}, the producer and last groups of varying length.
const PRODUCTION_RE = /^NL-\d{2}-\d{1,6}-\d{1,10}$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

const shown = (v: unknown): string => {
  const s = v === undefined ? 'nothing' : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 3339 date-time with seconds and an offset (Z or ±hh:mm), and a real calendar date. */
export function isDateTimeWithOffset(s: string): boolean {
  const m = DATE_TIME_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, se, , , oh, om] = m;
  const daysInMonth = new Date(Date.UTC(+y, +mo, 0)).getUTCDate();
  return +mo >= 1 && +mo <= 12 && +d >= 1 && +d <= daysInMonth && +h < 24 && +mi < 60 && +se < 60
    && (oh === undefined || (+oh <= 14 && +om < 60));
}

function fieldProblem(name: string, kind: FieldKind, v: unknown): string | null {
  switch (kind) {
    case 'productionNumber':
      return typeof v === 'string' && PRODUCTION_RE.test(v) ? null : `${name} must be a DIP production id string like "NL-26-101-0004711", got ${shown(v)}`;
    case 'performanceNumber':
      return Number.isSafeInteger(v) && (v as number) > 0 ? null : `${name} must be a positive integer, got ${shown(v)}`;
    case 'count':
      return Number.isSafeInteger(v) && (v as number) >= 0 ? null : `${name} must be a whole number of 0 or more, got ${shown(v)}`;
    case 'cents':
      return Number.isSafeInteger(v) && (v as number) >= 0 ? null : `${name} must be integer euro cents of 0 or more, got ${shown(v)}`;
    case 'ticketType':
      return (TICKET_TYPES as readonly unknown[]).includes(v) ? null : `${name} must be one of ${TICKET_TYPES.join(', ')}, got ${shown(v)}`;
    case 'updated':
      return typeof v === 'string' && isDateTimeWithOffset(v) ? null
        : `${name} must be an ISO 8601 date-time with an offset like "2026-11-23T14:00:00+01:00", got ${shown(v)}`;
  }
}

/** Shape of one object against a spec: unknown fields first, then missing ones, then values. */
function shapeProblem(v: unknown, spec: Spec): string | null {
  if (!isObject(v)) return `expected an object, got ${shown(v)}`;
  const unknown = Object.keys(v).find((k) => !(k in spec));
  if (unknown !== undefined) return `unknown field "${unknown}"`;
  const missing = Object.keys(spec).find((k) => !(k in v));
  if (missing !== undefined) return `missing field "${missing}"`;
  for (const [name, kind] of Object.entries(spec)) {
    const p = fieldProblem(name, kind, v[name]);
    if (p) return p;
  }
  return null;
}

/** Is the performance known, of that production, and linked to the token's theatre? */
function linkProblem(productionNumber: string, performanceNumber: number, ctx: WireContext): string | null {
  const ref = `${productionNumber}|${performanceNumber}`;
  const perf = ctx.store.performance(performanceNumber);
  if (!perf) return `performance ${ref} is not known to DIP`;
  if (perf.production.id !== productionNumber) {
    return `performance ${ref} is not known to DIP (number ${performanceNumber} belongs to production ${perf.production.id})`;
  }
  if (perf.theater.id !== ctx.theaterId) return `performance ${ref} is not linked to your theatre (${ctx.theaterId})`;
  return null;
}

function checkBatch<T extends { productionNumber: string; performanceNumber: number }>(
  body: unknown, spec: Spec, ctx: WireContext, key: (item: T) => string,
): Checked<T[]> {
  if (!Array.isArray(body)) return { ok: false, message: `body: expected a JSON array of items, got ${isObject(body) ? 'an object' : shown(body)}` };
  if (body.length === 0) return { ok: false, message: 'body: empty array, send at least one item' };
  const seen = new Map<string, number>();
  for (const [i, raw] of body.entries()) {
    const shape = shapeProblem(raw, spec);
    if (shape) return { ok: false, message: `item ${i}: ${shape}` };
    const item = raw as T;
    const link = linkProblem(item.productionNumber, item.performanceNumber, ctx);
    if (link) return { ok: false, message: `item ${i}: ${link}` };
    const k = key(item);
    const earlier = seen.get(k);
    if (earlier !== undefined) return { ok: false, message: `item ${i}: repeats item ${earlier} (${k})` };
    seen.set(k, i);
  }
  return { ok: true, value: body as T[] };
}

export function checkTickets(body: unknown, ctx: WireContext): Checked<TicketsItem[]> {
  const r = checkBatch<TicketsItem>(body, TICKETS_SPEC, ctx, (t) => `${t.productionNumber}|${t.performanceNumber} ${t.ticketType}`);
  if (!r.ok || !ctx.requireAllTicketTypes) return r;
  const types = new Map<number, { first: number; ref: string; present: Set<TicketType> }>();
  r.value.forEach((t, i) => {
    const entry = types.get(t.performanceNumber) ?? { first: i, ref: `${t.productionNumber}|${t.performanceNumber}`, present: new Set() };
    entry.present.add(t.ticketType);
    types.set(t.performanceNumber, entry);
  });
  for (const { first, ref, present } of [...types.values()].sort((a, b) => a.first - b.first)) {
    const lacking = TICKET_TYPES.filter((t) => !present.has(t));
    if (lacking.length) {
      return { ok: false, message: `item ${first}: performance ${ref} lacks ticketType ${lacking.join(', ')} (send all four types, zeros included)` };
    }
  }
  return r;
}

export function checkReservations(body: unknown, ctx: WireContext): Checked<ReservationsItem[]> {
  return checkBatch<ReservationsItem>(body, RESERVATIONS_SPEC, ctx, (t) => `${t.productionNumber}|${t.performanceNumber}`);
}

export function checkBlockedSeats(body: unknown, ctx: WireContext): Checked<BlockedSeatsItem[]> {
  return checkBatch<BlockedSeatsItem>(body, BLOCKED_SPEC, ctx, (t) => `${t.productionNumber}|${t.performanceNumber}`);
}

/** PUT /productions/{production}/performances/{number}/capacity */
export function checkCapacity(
  production: string, number: string, body: unknown, ctx: WireContext,
): Checked<{ performanceNumber: number; body: CapacityBody }> {
  if (!PRODUCTION_RE.test(production)) return { ok: false, message: `path: production must be a DIP production id like "NL-26-101-0004711", got ${shown(production)}` };
  if (!/^[1-9]\d{0,14}$/.test(number)) return { ok: false, message: `path: number must be a positive integer, got ${shown(number)}` };
  const performanceNumber = Number(number);
  const link = linkProblem(production, performanceNumber, ctx);
  if (link) return { ok: false, message: `path: ${link}` };
  const shape = shapeProblem(body, { capacity: 'count' });
  if (shape) return { ok: false, message: `body: ${shape}` };
  return { ok: true, value: { performanceNumber, body: { capacity: (body as CapacityBody).capacity } } };
}

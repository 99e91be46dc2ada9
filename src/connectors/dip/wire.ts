// The ONE place that knows DIP's body formats: what Foyer sends in the four PUT calls, what DIP's
// performance list looks like, and how DIP names a bad item in a 400. DIP's real schema is not
// public (docs/dip.md, "assumed wire format"); when its swagger.json is in hand, correct this file
// and the sandbox's wire-validation.ts together.
import { formatInZone } from '../../platform/time.js';
import { DIP_PRODUCTION_ID } from '../../productions/rules.js';
import type { DipFigures } from './figures.js';

export const TICKET_TYPES = ['normal', 'discount', 'free', 'other'] as const;

/** A performance as Foyer links it: "NL-26-101-0004711|11001". */
export interface DipRef {
  productionNumber: string;
  performanceNumber: number;
}

export type BatchKind = 'tickets' | 'reservations' | 'blockedseats';

export const DEFAULT_BLOCKED_SEATS_PATH = '/blockedseats/cumulative';
const PATHS: Record<Exclude<BatchKind, 'blockedseats'>, string> = {
  tickets: '/tickets/cumulative',
  reservations: '/reservations/cumulative',
};

export const batchPath = (kind: BatchKind, blockedSeatsPath: string): string =>
  kind === 'blockedseats' ? blockedSeatsPath : PATHS[kind];

/** "The figures as of": local Amsterdam time with its offset, to the second. */
export const updatedStamp = (now: Date): string => formatInZone(now, 'Europe/Amsterdam');

export const formatDipNumber = (ref: DipRef): string => `${ref.productionNumber}|${ref.performanceNumber}`;

/**
 * Production id (productions/rules.ts: `NL-{yy}-{producer}-{n}`, groups of varying length), "|", the
 * performance number: a plain integer, DIP's performance id (leading zeros as the help pages pad it
 * are read as the same number). DIP's ids are 32-bit integers above 0.
 */
export const DIP_NUMBER_PATTERN = `${DIP_PRODUCTION_ID.slice(0, -1)}\\|\\d{1,10}$`;
const DIP_NUMBER_RE = new RegExp(DIP_NUMBER_PATTERN);
const MAX_DIP_ID = 2_147_483_647;

export function parseDipNumber(s: string): DipRef | null {
  if (!DIP_NUMBER_RE.test(s)) return null;
  const [productionNumber, number] = s.split('|');
  const performanceNumber = Number(number);
  return performanceNumber > 0 && performanceNumber <= MAX_DIP_ID ? { productionNumber, performanceNumber } : null;
}

export interface BatchEntry {
  ref: DipRef;
  figures: DipFigures;
}

/** A batch body and, per item, which entry it came from (to find the bad entry of a 400). */
export interface WireBatch {
  body: Record<string, unknown>[];
  owners: number[];
}

/** One PUT body for `entries`; tickets carry all four types per performance, zeros included. */
export function batchBody(kind: BatchKind, entries: BatchEntry[], updated: string): WireBatch {
  const body: Record<string, unknown>[] = [];
  const owners: number[] = [];
  entries.forEach(({ ref, figures }, i) => {
    const base = { productionNumber: ref.productionNumber, performanceNumber: ref.performanceNumber };
    if (kind === 'tickets') {
      for (const ticketType of TICKET_TYPES) {
        const f = figures.tickets[ticketType];
        body.push({ ...base, ticketType, tickets: f.tickets, recette: f.revenue, updated });
        owners.push(i);
      }
    } else if (kind === 'reservations') {
      body.push({ ...base, reservations: figures.reservations.tickets, recette: figures.reservations.value, updated });
      owners.push(i);
    } else {
      body.push({ ...base, blockedSeats: figures.blocked.seats, value: figures.blocked.value, updated });
      owners.push(i);
    }
  });
  return { body, owners };
}

export function capacityCall(ref: DipRef, capacity: number): { path: string; body: { capacity: number } } {
  return {
    path: `/productions/${encodeURIComponent(ref.productionNumber)}/performances/${ref.performanceNumber}/capacity`,
    body: { capacity },
  };
}

/** DIP's error body: {"error": "...", "error_description": "..."}; anything else is shown as text. */
export function errorMessage(status: number, text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') {
      const { error, error_description: description } = parsed as Record<string, unknown>;
      if (typeof description === 'string' && description) return description;
      if (typeof error === 'string' && error) return error;
    }
  } catch {
    // not JSON
  }
  return text.trim().slice(0, 500) || `HTTP ${status}`;
}

/** Index of the bad item named by a 400's description ("item 3: ..."), or null when it names none. */
export function badItemIndex(description: string): number | null {
  const m = /^item (\d+)\b/.exec(description);
  return m ? Number(m[1]) : null;
}

/**
 * Which of `numbers` (the performance numbers of a call, in order) a 400 is about: the item it
 * names (`owners` maps items to performances), or the one performance number it mentions. null: it
 * is about none of them (DIP also answers 400 for permissions, "Not an agency", and for "no data"),
 * so the run must stop rather than blame a performance.
 */
export function rejectedEntry(description: string, numbers: number[], owners?: number[]): number | null {
  const item = badItemIndex(description);
  if (item !== null && owners) return owners[item] ?? null;
  const named = new Set((description.match(/\d+/g) ?? []).map(Number));
  const hits = numbers.map((n, i) => (named.has(n) ? i : -1)).filter((i) => i >= 0);
  return new Set(hits.map((i) => numbers[i])).size === 1 ? hits[0] : null;
}

/** DIP's performance status that ends pushing (a producer cancelled the performance). */
export const isCancelledStatus = (status: string): boolean => status === 'cancellation';

/** The producers' read side: what DIP holds per performance, one call per production and kind. */
export type ReadKind = 'sales' | 'reservations' | 'blockedseats';
export const READ_KINDS: readonly ReadKind[] = ['sales', 'reservations', 'blockedseats'];

export const readPath = (kind: ReadKind, productionNumber: string): string =>
  `/productions/${encodeURIComponent(productionNumber)}/${kind}`;

/** A count and its money (cents) as DIP holds them for one performance, with DIP's `updated`. */
export interface HeldFigure {
  count: number;
  money: number;
  updated: string | null;
}

// Sales are as sampled live; the reservations and blocked-seats fields are Foyer's reading of the
// same pattern (not sampled).
const READ_FIELDS: Record<ReadKind, { count: string[]; money: string[] }> = {
  sales: { count: ['tickets'], money: ['recette'] },
  reservations: { count: ['reservations'], money: ['recette'] },
  blockedseats: { count: ['blocked_seats', 'blockedSeats'], money: ['value'] },
};

const firstNumber = (o: Record<string, unknown>, keys: string[]): number | null => {
  for (const k of keys) if (typeof o[k] === 'number' && Number.isFinite(o[k])) return o[k];
  return null;
};

/**
 * A read-side answer: rows per theatre (top-level `id` is the theatre), each with `performances
 * [{number, ..., updated}]`. Answers the figures per performance number, of every row (numbers are
 * unique across theatres and productions).
 */
export function parseHeld(kind: ReadKind, body: unknown): Map<number, HeldFigure> {
  const rows = Array.isArray(body) ? body
    : body && typeof body === 'object' && Array.isArray((body as { data?: unknown }).data) ? (body as { data: unknown[] }).data : null;
  if (!rows) throw new Error(`DIP ${kind}: expected an array of theatres`);
  const out = new Map<number, HeldFigure>();
  for (const row of rows) {
    const perfs = row && typeof row === 'object' ? (row as { performances?: unknown }).performances : null;
    if (!Array.isArray(perfs)) continue;
    for (const raw of perfs) {
      if (!raw || typeof raw !== 'object') continue;
      const p = raw as Record<string, unknown>;
      const number = Number(p.number ?? p.id);
      const count = firstNumber(p, READ_FIELDS[kind].count);
      const money = firstNumber(p, READ_FIELDS[kind].money);
      if (!Number.isSafeInteger(number) || count === null || money === null) continue;
      out.set(number, { count, money, updated: typeof p.updated === 'string' ? p.updated : null });
    }
  }
  return out;
}

/** DIP's 400 for a production nothing was pushed for yet ("No sales history for production ..."): it holds zeros. */
export const isNoHistory = (description: string): boolean => /^no [a-z ]*history\b/i.test(description.trim());

/** A performance as DIP's GET /theaters/performances lists it, in Foyer's words. */
export interface DipListedPerformance {
  dipNumber: string;
  productionNumber: string;
  performanceNumber: number;
  title: string;
  /** Local Amsterdam time without offset, as DIP gives it: "2026-12-01T20:15:00". */
  date: string;
  status: string;
  type: string;
  location: string | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Accepts a bare array (DIP's lists) or `{data: [...]}` (its newer endpoints); skips items it cannot read. */
export function parsePerformanceList(body: unknown): DipListedPerformance[] {
  const list = Array.isArray(body) ? body
    : body && typeof body === 'object' && Array.isArray((body as { data?: unknown }).data) ? (body as { data: unknown[] }).data : null;
  if (!list) throw new Error('DIP performance list: expected an array or {data: [...]}');
  const out: DipListedPerformance[] = [];
  for (const raw of list) {
    if (!raw || typeof raw !== 'object') continue;
    const p = raw as Record<string, unknown>;
    const production = (p.production ?? {}) as Record<string, unknown>;
    const number = Number(p.number ?? p.id);
    const productionNumber = str(production.id);
    if (!Number.isSafeInteger(number) || number <= 0 || !productionNumber) continue;
    const location = p.theater_location as Record<string, unknown> | undefined;
    out.push({
      dipNumber: formatDipNumber({ productionNumber, performanceNumber: number }),
      productionNumber, performanceNumber: number, title: str(production.title), date: str(p.date),
      status: str(p.status), type: str(p.type), location: location ? str(location.name) : null,
    });
  }
  return out;
}

// The ONE place that knows DIP's body formats: what Foyer sends in the four PUT calls, what DIP's
// performance list looks like, and how DIP names a bad item in a 400. DIP's real schema is not
// public (docs/dip.md, "assumed wire format"); when its swagger.json is in hand, correct this file
// and the sandbox's wire-validation.ts together.
import { formatInZone } from '../../platform/time.js';
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

/** Production id (as productions/rules.ts), "|", the performance number (5 or 6 digits in DIP's help pages; DIP ids grow). */
export const DIP_NUMBER_PATTERN = '^NL-\\d{2}-\\d{3}-\\d{3,10}\\|[1-9]\\d{4,8}$';
const DIP_NUMBER_RE = new RegExp(DIP_NUMBER_PATTERN);

export function parseDipNumber(s: string): DipRef | null {
  if (!DIP_NUMBER_RE.test(s)) return null;
  const [productionNumber, number] = s.split('|');
  const performanceNumber = Number(number);
  return performanceNumber > 0 ? { productionNumber, performanceNumber } : null;
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

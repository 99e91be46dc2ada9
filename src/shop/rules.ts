// The web shop's rules, without I/O: what a performance shows in the programme, which settings are
// valid, and what a buyer must have given before paying.
import type { PerformanceStatus } from '../productions/tables.js';

export type ProgrammeState = 'on_sale' | 'few_left' | 'sold_out' | 'not_yet_open' | 'closed' | 'cancelled';

export interface ProgrammeFacts {
  status: PerformanceStatus;
  startsAt: string;
  /** The online sales window, if the performance has one. */
  window?: { opensAt: string | null; closesAt: string | null };
  /** Places that can be sold (seats and GA places not blocked) and those free now. */
  capacity: number;
  available: number;
  /** Some ticket type is sold online with a price for this performance. */
  sellsOnline: boolean;
}

/** At most this share of the capacity left (or FEW_LEFT_MIN places) counts as "few seats left". */
export const FEW_LEFT_SHARE = 0.1;
export const FEW_LEFT_MIN = 10;

export const fewLeft = (available: number, capacity: number): boolean =>
  available > 0 && available <= Math.max(FEW_LEFT_MIN, Math.floor(capacity * FEW_LEFT_SHARE));

/** What the programme says about a performance at `now` (ISO, UTC). */
export function programmeState(p: ProgrammeFacts, now: string): ProgrammeState {
  if (p.status === 'cancelled') return 'cancelled';
  if (p.status === 'draft' || !p.sellsOnline) return 'closed';
  if (now >= p.startsAt) return 'closed';
  if (p.window?.closesAt && now >= p.window.closesAt) return 'closed';
  if (p.status === 'sold_out' || p.available === 0) return 'sold_out';
  if (p.window?.opensAt && now < p.window.opensAt) return 'not_yet_open';
  return fewLeft(p.available, p.capacity) ? 'few_left' : 'on_sale';
}

export const COLOUR_PATTERN = '^#[0-9a-fA-F]{6}$';

/** "https://www.theater.nl" or "http://localhost:8080": scheme, host and port, nothing more. */
export function isOrigin(s: string): boolean {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return false;
  }
  return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s.replace(/\/$/, '') && !u.username && !u.password;
}

/** The origins as the frame-ancestors directive takes them: the browser's own notation, no duplicates. */
export const normaliseOrigins = (origins: string[]): string[] => [...new Set(origins.map((o) => new URL(o).origin))];

/** An e-mail address as the shop compares them. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

export interface BuyerInput {
  name: string;
  email: string;
  emailConfirm: string;
  phone?: string | null;
  language: 'nl' | 'fr' | 'en';
  newsletter: boolean;
  termsAccepted: boolean;
}

type Msg = { en: string; nl: string; fr: string };

/** The fields a buyer must still correct, with what to say there. */
export function buyerErrors(b: BuyerInput): { field: string; message: Msg }[] {
  const out: { field: string; message: Msg }[] = [];
  if (!b.name.trim()) out.push({ field: 'name', message: { en: 'is required', nl: 'is verplicht', fr: 'est obligatoire' } });
  if (emailKey(b.email) !== emailKey(b.emailConfirm)) {
    out.push({ field: 'emailConfirm', message: { en: 'is not the same address', nl: 'is niet hetzelfde adres', fr: "n'est pas la même adresse" } });
  }
  if (!b.termsAccepted) {
    out.push({ field: 'termsAccepted', message: { en: 'must be accepted', nl: 'moet aanvaard worden', fr: 'doivent être acceptées' } });
  }
  return out;
}

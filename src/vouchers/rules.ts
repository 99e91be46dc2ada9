// Gift voucher rules without I/O: codes, their reading form, the default term.
import crypto from 'node:crypto';
import { addDays, dayStartUtc, localDate } from '../platform/time.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 20;

/** 20 Crockford base-32 characters: 100 random bits, never guessed. */
export function newVoucherCode(): string {
  const bytes = crypto.randomBytes(CODE_LENGTH);
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += CROCKFORD[bytes[i] & 31];
  return out;
}

/** "K7QM-2XPA-..." : groups of four, to read aloud and type back. */
export const groupedCode = (code: string): string => code.replace(/(.{4})(?=.)/g, '$1-');

/** What the cashier typed, as stored: dashes and spaces dropped, upper case, O read as 0 and I/L as 1. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const looksLikeCode = (code: string): boolean => code.length === CODE_LENGTH && [...code].every((ch) => CROCKFORD.includes(ch));

/** A voucher is valid for two years unless the sale says otherwise (Belgium asks at least that of gift vouchers). */
export const DEFAULT_TERM_YEARS = 2;

/** The last day a voucher sold now can be spent, in `tz`. */
export function defaultLastDay(now: Date, tz: string): string {
  const today = localDate(now, tz);
  const [y, m, d] = today.split('-').map(Number);
  // 29 February + 2 years: the 28th.
  const last = new Date(Date.UTC(y + DEFAULT_TERM_YEARS, m - 1, d));
  return last.getUTCMonth() === m - 1 ? last.toISOString().slice(0, 10) : addDays(`${y + DEFAULT_TERM_YEARS}-${String(m).padStart(2, '0')}-01`, -1);
}

/** The moment a voucher whose last day is `day` stops: the start of the next day in `tz`. */
export const expiryInstant = (day: string, tz: string): string => dayStartUtc(addDays(day, 1), tz);

export function voucherState(v: { status: string; balance: number; expires_at: string | null }, now: Date): 'valid' | 'cancelled' | 'expired' | 'spent' {
  if (v.status === 'cancelled') return 'cancelled';
  if (v.expires_at && v.expires_at <= now.toISOString()) return 'expired';
  return Number(v.balance) > 0 ? 'valid' : 'spent';
}

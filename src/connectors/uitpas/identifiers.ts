// What a cashier or buyer may type for a pass, without I/O: a UiTPAS number (13 digits), an INSZ
// (rijksregisternummer: 11 digits with a check number, also printed as 85.07.30-033.28) or the chip
// number a card reader types (hex, e.g. 04363CDAEE3880). UiTPAS resolves any of them (GET /passes).

export type PassIdentifier =
  | { kind: 'uitpasNumber'; value: string }
  | { kind: 'insz'; value: string }
  | { kind: 'chip'; value: string };

export const UITPAS_NUMBER = /^\d{13}$/;
const CHIP = /^[0-9A-F]{8,20}$/;

/** The INSZ check: 97 minus the first nine digits modulo 97 (born from 2000 on: with a 2 in front). */
export function validInsz(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check;
}

/** The identifier as UiTPAS wants it, or null when it is none of the three. */
export function parsePassIdentifier(raw: string): PassIdentifier | null {
  const compact = raw.replace(/\s+/g, '');
  if (UITPAS_NUMBER.test(compact)) return { kind: 'uitpasNumber', value: compact };
  const digits = compact.replace(/[.-]/g, '');
  if (/^[\d.-]+$/.test(compact) && validInsz(digits)) return { kind: 'insz', value: digits };
  const hex = compact.toUpperCase();
  // A chip number has hex letters or is 14 characters (7 bytes); a run of digits of another length is a mistyped number.
  if (CHIP.test(hex) && (/[A-F]/.test(hex) || hex.length === 14)) return { kind: 'chip', value: hex };
  return null;
}

// Phone numbers compared by their digits only, and by their end: "06-1234 5678", "0612345678" and
// "+31 6 1234 5678" are one number. The last 8 digits decide (a Belgian landline has 8 after its
// trunk 0, a Dutch or Belgian mobile 9), so a trunk 0 or a country code in front never matters.

/** The digits of a stored phone number, or null when it has none. */
export const phoneDigits = (phone: string | null | undefined): string | null => {
  const d = (phone ?? '').replace(/\D/g, '');
  return d || null;
};

const PHONE_LIKE = /^[0-9 +()./-]+$/;
/** Digits a search term needs before it is read as a phone number (fewer would match postal codes). */
export const MIN_PHONE_DIGITS = 6;
const COMPARED_DIGITS = 8;

/** The digits a stored number must end with to match the search term `q`; undefined: not a phone search. */
export function phoneSuffix(q: string): string | undefined {
  const term = q.trim();
  if (!PHONE_LIKE.test(term)) return undefined;
  const d = term.replace(/\D/g, '');
  return d.length < MIN_PHONE_DIGITS ? undefined : d.slice(-COMPARED_DIGITS);
}

// An organisation's slug: its short name in public addresses (/shop/<slug>/).

export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$';
const SLUG_RE = new RegExp(SLUG_PATTERN);

/** "Théâtre de Namur" -> "theatre-de-namur": lower case letters, digits and dashes, at most 40. */
export function slugOf(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40).replace(/^-+|-+$/g, '');
  return s || 'theater';
}

export const isSlug = (s: string): boolean => SLUG_RE.test(s);

/** The n-th candidate for a slug that is taken: "stadsschouwburg", "stadsschouwburg-2", … */
export const slugCandidate = (base: string, n: number): string => (n < 2 ? base : `${base.slice(0, 36)}-${n}`);

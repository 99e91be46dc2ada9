// One audit entry's changes, each field as before → after; amounts of money (cents in the trail) in
// euros as the user's language writes them ("€ 25,00", "25,00 €", "€25.00").
import type { Lang } from '../../i18n/dictionary.js';
import { numbersFor } from '../../reports/charts/numbers.js';

/**
 * Whether a field of an entry about `subject` holds cents. A price list's fields are its prices, one per
 * ticket type and rank ("Normaal · 1", src/pricing/price-lists.ts priceChanges), beside vatRate and
 * copiedFrom; a quota's fields are ticket type names with a number of places, whatever the name says;
 * elsewhere a field named for money (a pack's or a stream's price).
 */
export function isMoney(subject: string, field: string): boolean {
  if (subject === 'price-list') return / · \d+$/.test(field);
  if (subject === 'quota') return false;
  return /price|amount|cents/i.test(field);
}

export function ChangeList({ subject, changes, empty, lang, say }: {
  subject: string; changes: Record<string, [unknown, unknown]>; empty: string; lang: Lang;
  /** A value in words, where the trail keeps a code; null: shown as it is. */
  say?: (subject: string, field: string, v: unknown) => string | null;
}) {
  const fields = Object.entries(changes);
  if (fields.length === 0) return null;
  const { euros } = numbersFor(lang);
  const shown = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return empty;
    const said = say?.(subject, field, v);
    if (said) return said;
    if (typeof v === 'number' && isMoney(subject, field)) return euros(v);
    if (typeof v === 'string') return v;
    return JSON.stringify(v);
  };
  return (
    <ul className="changes">
      {fields.map(([field, [before, after]]) => (
        <li key={field} data-field={field}>
          <code>{field}</code>: <span className="before">{shown(field, before)}</span> → <span className="after">{shown(field, after)}</span>
        </li>
      ))}
    </ul>
  );
}

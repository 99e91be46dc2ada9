// Places named as the ticket names them ("Zaal, rij 2, stoel 10"), in every language, for messages.
import type { Db } from '../platform/db.js';
import type { Text } from '../platform/i18n.js';
import { Problem } from '../platform/problems.js';

export interface PlaceLabels {
  section: string;
  row_label: string;
  seat_label: string;
  zone_id: string | null;
}

const WORDS = { nl: ['rij', 'stoel'], fr: ['rang', 'siège'], en: ['row', 'seat'] } as const;

export function placeNames(places: PlaceLabels[]): Text {
  const name = (p: PlaceLabels, lang: keyof typeof WORDS) => (p.zone_id || !p.row_label
    ? p.section
    : `${p.section}, ${WORDS[lang][0]} ${p.row_label}, ${WORDS[lang][1]} ${p.seat_label}`);
  const list = (lang: keyof typeof WORDS) => [...new Set(places.map((p) => name(p, lang)))].join('; ');
  return { nl: list('nl'), fr: list('fr'), en: list('en') };
}

/**
 * Many places in a few words, as the ticket names them: a row's seats in runs, "Zaal, rij 2, stoel
 * 10–13, 15"; general-admission places by zone and number, "Staanplaatsen (6)".
 */
export function placeSummary(places: (PlaceLabels & { pos: number })[]): Text {
  const groups = new Map<string, { first: PlaceLabels; items: (PlaceLabels & { pos: number })[] }>();
  for (const p of places) {
    const key = p.zone_id ? `z/${p.zone_id}` : `s/${p.section}/${p.row_label}`;
    const g = groups.get(key) ?? { first: p, items: [] };
    g.items.push(p);
    groups.set(key, g);
  }
  const runsOf = (items: (PlaceLabels & { pos: number })[]) => {
    const sorted = [...items].sort((a, b) => a.pos - b.pos);
    const runs: string[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      // Next to each other, or numbered on across an aisle (seat 12, then 13).
      const next = (a: PlaceLabels & { pos: number }, b: PlaceLabels & { pos: number }) =>
        b.pos === a.pos + 1 || (/^\d+$/.test(a.seat_label) && Number(b.seat_label) === Number(a.seat_label) + 1);
      while (j + 1 < sorted.length && next(sorted[j], sorted[j + 1])) j++;
      runs.push(j === i ? sorted[i].seat_label : `${sorted[i].seat_label}–${sorted[j].seat_label}`);
      i = j + 1;
    }
    return runs.join(', ');
  };
  const name = (lang: keyof typeof WORDS) => [...groups.values()].map(({ first, items }) => (first.zone_id || !first.row_label
    ? `${first.section} (${items.length})`
    : `${first.section}, ${WORDS[lang][0]} ${first.row_label}, ${WORDS[lang][1]} ${runsOf(items)}`)).join('; ');
  return { nl: name('nl'), fr: name('fr'), en: name('en') };
}

/** The problem for places of a performance that could not be had, naming them as the ticket would. */
export async function seatsUnavailable(db: Db, performanceId: string, itemIds: string[]): Promise<Problem> {
  const places = itemIds.length
    ? await db.selectFrom('inventory').select(['section', 'row_label', 'seat_label', 'zone_id'])
      .where('performance_id', '=', performanceId).where('item_id', 'in', itemIds).orderBy('sort').execute()
    : [];
  return new Problem('seats-unavailable', { seats: placeNames(places) }, [], { unavailableSeatIds: itemIds });
}

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

/** The problem for places of a performance that could not be had, naming them as the ticket would. */
export async function seatsUnavailable(db: Db, performanceId: string, itemIds: string[]): Promise<Problem> {
  const places = itemIds.length
    ? await db.selectFrom('inventory').select(['section', 'row_label', 'seat_label', 'zone_id'])
      .where('performance_id', '=', performanceId).where('item_id', 'in', itemIds).orderBy('sort').execute()
    : [];
  return new Problem('seats-unavailable', { seats: placeNames(places) }, [], { unavailableSeatIds: itemIds });
}

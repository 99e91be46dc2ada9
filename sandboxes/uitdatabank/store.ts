// The sandbox's data and the search over it: free text (all or some terms, best matches first),
// exact ids, postal code, a date range that overlaps the event (permanent events always match),
// the UiTPAS flag, and the default filters (approved or ready for validation, in Belgium).
import type { EventQuery } from './parameters.js';
import type { SandboxClient, SandboxEvent, SandboxOrganizer, SandboxPlace } from './model.js';
import { NO_SEARCH_CLIENT, SEARCH_CLIENT, seedEvents, seedOrganizers, seedPlaces } from './seed.js';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** An event takes part in UiTPAS when UiTdatabank gave it a card system's label. */
export const isUitpasLabel = (label: string) => /^uitpas\b/i.test(label) || /^paspartoe$/i.test(label);

export class UitdatabankStore {
  places: SandboxPlace[] = [];
  organizers: SandboxOrganizer[] = [];
  events: SandboxEvent[] = [];
  clients: SandboxClient[] = [];

  constructor(private readonly now: () => Date, private readonly extraClients: SandboxClient[] = []) {
    this.reset();
  }

  reset(): void {
    this.places = seedPlaces();
    this.organizers = seedOrganizers();
    this.events = seedEvents(this.now());
    this.clients = [SEARCH_CLIENT, NO_SEARCH_CLIENT, ...this.extraClients];
  }

  place(id: string) { return this.places.find((p) => p.id === id); }
  organizer(id: string | null) { return id ? this.organizers.find((o) => o.id === id) : undefined; }

  /** Terms of the text, without the AND/OR operators and brackets the Search API reads as grouping. */
  private terms(text: string): string[] {
    return words(text.replace(/\b(AND|OR|NOT)\b/g, ' ')).filter((w) => w.length > 0);
  }

  search(q: EventQuery): { total: number; events: SandboxEvent[] } {
    const terms = q.text ? this.terms(q.text) : [];
    const scored: { e: SandboxEvent; score: number }[] = [];
    for (const e of this.events) {
      const place = this.place(e.locationId)!;
      if (q.workflowStatuses && !q.workflowStatuses.includes(e.workflowStatus)) continue;
      if (q.addressCountry && place.address.addressCountry !== q.addressCountry) continue;
      if (q.id && e.id !== q.id) continue;
      if (q.organizerId && e.organizerId !== q.organizerId) continue;
      if (q.locationId && e.locationId !== q.locationId) continue;
      if (q.postalCode && place.address.postalCode !== q.postalCode) continue;
      if (q.uitpas !== undefined && [...e.labels, ...e.hiddenLabels].some(isUitpasLabel) !== q.uitpas) continue;
      if (e.calendarType !== 'permanent') {
        if (q.dateFrom && Date.parse(e.endDate!) < q.dateFrom.getTime()) continue;
        if (q.dateTo && Date.parse(e.startDate!) > q.dateTo.getTime()) continue;
      }
      let score = 1;
      if (terms.length) {
        const organizer = this.organizer(e.organizerId);
        const haystack = new Set(words([...Object.values(e.name), ...Object.values(e.description ?? {}), ...Object.values(place.name),
          ...Object.values(organizer?.name ?? {})].join(' ')));
        score = terms.filter((t) => haystack.has(t)).length;
        if (score === 0) continue;
      }
      scored.push({ e, score });
    }
    scored.sort((a, b) => b.score - a.score || a.e.id.localeCompare(b.e.id));
    return { total: scored.length, events: scored.slice(q.start, q.start + q.limit).map((s) => s.e) };
  }
}

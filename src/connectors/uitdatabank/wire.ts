// The one place that knows Search API v3's JSON-LD shapes (held to sandboxes/uitdatabank/contract.json by the tests).
export interface WireLocalized { nl?: string; fr?: string; de?: string; en?: string }

export interface WireAddress { postalCode?: string; addressLocality?: string; streetAddress?: string; addressCountry?: string }

export interface WireEvent {
  '@id': string;
  '@type': string;
  name?: WireLocalized;
  calendarType?: string;
  startDate?: string;
  endDate?: string;
  subEvent?: { startDate: string; endDate: string }[];
  labels?: string[];
  hiddenLabels?: string[];
  workflowStatus?: string;
  location?: { '@id'?: string; name?: WireLocalized; address?: Record<string, WireAddress> };
  organizer?: { '@id': string; name?: WireLocalized | string; labels?: string[]; hiddenLabels?: string[] };
}

export interface WirePage { itemsPerPage: number; totalItems: number; member: WireEvent[] }

export interface WireProblem { type: string; title?: string; status?: number; detail?: string }

/** The id at the end of a UiTdatabank URI (".../event/<uuid>"). */
export const idOf = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);

/** The name in the user's language, else Dutch, else any. */
export function localized(v: WireLocalized | string | undefined, lang: string): string | null {
  if (v === undefined) return null;
  if (typeof v === 'string') return v;
  const r = v as Record<string, string | undefined>;
  return r[lang] ?? r.nl ?? Object.values(r).find(Boolean) ?? null;
}

/** A label UiTdatabank gives an event (or organizer) in a UiTPAS card system: "UiTPAS Gent", "Paspartoe". */
export const isUitpasLabel = (label: string): boolean => /^uitpas\b/i.test(label) || /^paspartoe$/i.test(label);

/** Dates as the Search API reads them: seconds and an offset, no milliseconds ("2027-01-15T00:00:00+01:00"). */
export const ATOM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

// GET /events query parameters as the Search API checks them: an unknown name or a value it cannot
// read answers 404 url/not-found with the reason in `detail`, as publiq's search service does. Known
// parameters the sandbox does not filter on answer 501, so a connector never relies on a filter the
// sandbox silently ignored.
export const GLOBAL_PARAMETERS = ['apiKey', 'clientId', 'embed', 'start', 'limit'];

/** Parameters /events knows (publiq's Search API v3 reference). */
export const EVENT_PARAMETERS = [
  'q', 'text', 'name', 'id', 'locationId', 'organizerId', 'labels', 'locationLabels', 'organizerLabels', 'postalCode', 'addressCountry',
  'regions', 'coordinates', 'distance', 'bounds', 'dateFrom', 'dateTo', 'localTimeFrom', 'localTimeTo', 'calendarType', 'availableFrom',
  'availableTo', 'createdFrom', 'createdTo', 'modifiedFrom', 'modifiedTo', 'creator', 'contributors', 'minAge', 'maxAge', 'allAges',
  'audienceType', 'attendanceMode', 'bookingAvailability', 'status', 'termIds', 'uitpas', 'hasChildcare', 'childrenOnly', 'hasVideos',
  'hasMediaObjects', 'hasImages', 'mainLanguage', 'languages', 'completedLanguages', 'price', 'minPrice', 'maxPrice', 'facets',
  'embedCalendarSummaries', 'embedUitpasPrices', 'groupBy', 'workflowStatus', 'disableDefaultFilters', 'departurePlaces', 'hasOvernight',
  'isDuplicate', 'birthdateRangeFrom', 'birthdateRangeTo', 'sort',
];

/** What the sandbox filters on. */
export const SANDBOX_FILTERS = ['text', 'name', 'id', 'organizerId', 'locationId', 'postalCode', 'dateFrom', 'dateTo', 'uitpas', 'workflowStatus', 'disableDefaultFilters', 'addressCountry'];

export class ParameterProblem extends Error {
  constructor(readonly status: number, readonly type: string, readonly title: string, detail: string) {
    super(detail);
  }
}

const notFound = (detail: string) => new ParameterProblem(404, 'https://api.publiq.be/probs/url/not-found', 'Not Found', detail);

export interface EventQuery {
  embed: boolean;
  start: number;
  limit: number;
  text?: string;
  id?: string;
  organizerId?: string;
  locationId?: string;
  postalCode?: string;
  dateFrom?: Date;
  dateTo?: Date;
  uitpas?: boolean;
  /** null: every workflow status ("*"). */
  workflowStatuses: string[] | null;
  /** null: any country. */
  addressCountry: string | null;
}

type Raw = Record<string, string | string[] | undefined>;

/** Parameter names as sent: `labels[]` counts as `labels`, `sort[created]` as `sort`. */
const baseName = (name: string) => name.replace(/\[.*$/, '');

function one(raw: Raw, name: string): string | undefined {
  const v = raw[name];
  if (Array.isArray(v)) throw notFound(`${name} should be given once`);
  return v;
}

function bool(raw: Raw, name: string): boolean | undefined {
  const v = one(raw, name);
  if (v === undefined) return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw notFound(`${name} should be true or false`);
}

function int(raw: Raw, name: string, fallback: number, max: number): number {
  const v = one(raw, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw notFound(`${name} should be an integer`);
  const n = Number(v);
  if (n > max) throw notFound(`The "${name}" parameter should be between 0 and ${max}`);
  return n;
}

/** ISO-8601 with seconds and an offset (PHP's DATE_ATOM); a space stands for the + a URL turned into one. */
function atom(raw: Raw, name: string): Date | undefined {
  const v = one(raw, name)?.replace(/ /g, '+');
  if (v === undefined || v === '*') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
    throw notFound(`${name} should be an ISO-8601 datetime, for example 2017-04-26T12:20:05+01:00`);
  }
  return new Date(v);
}

export function parseEventQuery(raw: Raw): EventQuery {
  const names = Object.keys(raw).map(baseName);
  const unknown = names.filter((n) => !GLOBAL_PARAMETERS.includes(n) && !EVENT_PARAMETERS.includes(n));
  if (unknown.length) throw notFound(`Unknown query parameter(s): ${unknown.join(', ')}`);
  const unsupported = names.filter((n) => EVENT_PARAMETERS.includes(n) && !SANDBOX_FILTERS.includes(n));
  if (unsupported.length) {
    throw new ParameterProblem(501, 'about:blank', 'Not Implemented', `The UiTdatabank sandbox does not filter on: ${unsupported.join(', ')}`);
  }
  const all = bool(raw, 'disableDefaultFilters') === true;
  const wf = one(raw, 'workflowStatus');
  const country = one(raw, 'addressCountry');
  const text = one(raw, 'text') ?? one(raw, 'name');
  return {
    embed: bool(raw, 'embed') ?? false,
    start: int(raw, 'start', 0, 10000),
    limit: int(raw, 'limit', 30, 2000),
    ...(text !== undefined ? { text } : {}),
    ...(raw.id !== undefined ? { id: one(raw, 'id') } : {}),
    ...(raw.organizerId !== undefined ? { organizerId: one(raw, 'organizerId') } : {}),
    ...(raw.locationId !== undefined ? { locationId: one(raw, 'locationId') } : {}),
    ...(raw.postalCode !== undefined ? { postalCode: one(raw, 'postalCode') } : {}),
    ...(raw.dateFrom !== undefined ? { dateFrom: atom(raw, 'dateFrom') } : {}),
    ...(raw.dateTo !== undefined ? { dateTo: atom(raw, 'dateTo') } : {}),
    ...(raw.uitpas !== undefined ? { uitpas: bool(raw, 'uitpas') } : {}),
    workflowStatuses: wf === '*' || (all && wf === undefined) ? null : wf ? wf.split(',') : ['APPROVED', 'READY_FOR_VALIDATION'],
    addressCountry: country === '*' || (all && country === undefined) ? null : country ?? 'BE',
  };
}

// Finding a performance's UiTdatabank event: GET /events by the production's title, the
// performance's day and the venue's postal code, each result shown with what UiTPAS needs of it
// (seed 003's preconditions): the event carries a UiTPAS label, and its organizer is a UiTPAS
// organizer (the one the UiTPAS settings act for, when set). What falls short is a warning.
import type { Ctx } from '../../platform/context.js';
import type { Lang } from '../../platform/i18n.js';
import { invalidField, notFound, Problem } from '../../platform/problems.js';
import { addDays, formatInZone, localDate, zonedToUtc } from '../../platform/time.js';
import { searchEvents, UitdatabankUnavailable, type SearchAnswer } from './client.js';
import { uitdatabankConnection } from './settings.js';
import { idOf, isUitpasLabel, localized, type WireEvent } from './wire.js';

export const WARNINGS = ['no-uitpas-label', 'organizer-not-uitpas', 'other-uitpas-organizer', 'other-time'] as const;
export type WarningCode = (typeof WARNINGS)[number];

const TEXTS: Record<WarningCode, Record<Lang, string>> = {
  'no-uitpas-label': {
    nl: 'Dit evenement heeft geen UiTPAS-label: UiTPAS is er in UiTdatabank niet voor aangezet, dus UiTPAS aanvaardt er geen kansentarief voor.',
    fr: "Cet événement n'a pas de label UiTPAS : UiTPAS n'y est pas activé dans UiTdatabank, UiTPAS n'y accepte donc pas de tarif social.",
    en: 'This event has no UiTPAS label: UiTPAS is not switched on for it in UiTdatabank, so UiTPAS accepts no social tariff for it.',
  },
  'organizer-not-uitpas': {
    nl: 'De organisator van dit evenement is geen UiTPAS-organisator.',
    fr: "L'organisateur de cet événement n'est pas un organisateur UiTPAS.",
    en: "This event's organizer is not a UiTPAS organizer.",
  },
  'other-uitpas-organizer': {
    nl: 'Dit evenement hoort bij een andere organisator dan die van de UiTPAS-instellingen; UiTPAS kan de verkoop weigeren.',
    fr: "Cet événement appartient à un autre organisateur que celui des paramètres UiTPAS ; UiTPAS peut refuser la vente.",
    en: 'This event belongs to another organizer than the one in the UiTPAS settings; UiTPAS may refuse the sale.',
  },
  'other-time': {
    nl: 'Dit evenement begint op een ander uur dan de voorstelling.',
    fr: "Cet événement commence à une autre heure que la représentation.",
    en: 'This event starts at another time than the performance.',
  },
};

async function performanceOf(ctx: Ctx, performanceId: string) {
  const p = await ctx.db.selectFrom('performances')
    .innerJoin('productions', 'productions.id', 'performances.production_id')
    .innerJoin('halls', 'halls.id', 'performances.hall_id')
    .innerJoin('venues', 'venues.id', 'halls.venue_id')
    .select(['performances.id', 'performances.starts_at', 'performances.uitdatabank_event_id', 'productions.title', 'venues.postal_code', 'venues.time_zone'])
    .where('performances.id', '=', performanceId).where('performances.organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!p) throw notFound('performance');
  return p;
}
type Perf = Awaited<ReturnType<typeof performanceOf>>;

/** Free text the Search API reads as plain words: its AND/OR operators, brackets and quotes taken out. */
export function searchText(title: string): string {
  return title.replace(/[^\p{L}\p{N}'’]+/gu, ' ').replace(/\b(AND|OR|NOT)\b/g, (w) => w.toLowerCase()).trim().replace(/\s+/g, ' ');
}

async function ask(ctx: Ctx, query: Record<string, string>): Promise<SearchAnswer & { ok: true }> {
  const conn = await uitdatabankConnection(ctx.db, ctx.orgId);
  let answer: SearchAnswer;
  try {
    answer = await searchEvents(conn.searchUrl, conn.clientId, query);
  } catch (err) {
    if (err instanceof UitdatabankUnavailable) throw new Problem('uitdatabank-unavailable', { reason: err.message });
    throw err;
  }
  if (!answer.ok) throw new Problem('uitdatabank-refused', { message: [answer.problem.type, answer.problem.detail ?? answer.problem.title].filter(Boolean).join(': ') });
  return answer;
}

async function uitpasOrganizerId(ctx: Ctx): Promise<string | null> {
  const s = await ctx.db.selectFrom('uitpas_settings').select('organizer_id').where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  return s?.organizer_id ?? null;
}

function candidate(ctx: Ctx, e: WireEvent, p: Perf, organizerId: string | null) {
  const address = e.location?.address ? (e.location.address[ctx.lang] ?? e.location.address.nl ?? Object.values(e.location.address)[0]) : undefined;
  const eventLabels = [...(e.labels ?? []), ...(e.hiddenLabels ?? [])].filter(isUitpasLabel);
  const organizerLabels = [...(e.organizer?.labels ?? []), ...(e.organizer?.hiddenLabels ?? [])].filter(isUitpasLabel);
  const organizer = e.organizer ? { id: idOf(e.organizer['@id']), name: localized(e.organizer.name, ctx.lang) } : null;
  const starts = (e.subEvent ?? (e.startDate ? [{ startDate: e.startDate }] : [])).map((s) => Date.parse(s.startDate));
  const warnings: WarningCode[] = [];
  if (!eventLabels.length) warnings.push('no-uitpas-label');
  if (!organizerLabels.length) warnings.push('organizer-not-uitpas');
  else if (organizerId && organizer && organizer.id !== organizerId) warnings.push('other-uitpas-organizer');
  if (e.calendarType !== 'permanent' && starts.length && !starts.includes(Date.parse(p.starts_at))) warnings.push('other-time');
  const id = idOf(e['@id']);
  return {
    eventId: id,
    title: localized(e.name, ctx.lang),
    calendarType: e.calendarType ?? null,
    startDate: e.startDate ? formatInZone(e.startDate, p.time_zone) : null,
    endDate: e.endDate ? formatInZone(e.endDate, p.time_zone) : null,
    location: { name: localized(e.location?.name, ctx.lang), postalCode: address?.postalCode ?? null, city: address?.addressLocality ?? null },
    organizer,
    uitpasLabels: eventLabels,
    organizerUitpasLabels: organizerLabels,
    linked: id === p.uitdatabank_event_id,
    ok: warnings.length === 0,
    warnings: warnings.map((code) => ({ code, message: TEXTS[code][ctx.lang] })),
  };
}

/** The events UiTdatabank lists for the performance's title (or `text`), day and venue postal code. */
export async function findEvents(ctx: Ctx, performanceId: string, text?: string) {
  const p = await performanceOf(ctx, performanceId);
  const day = localDate(p.starts_at, p.time_zone);
  const query = {
    text: searchText(text ?? p.title),
    dateFrom: formatInZone(zonedToUtc(`${day}T00:00:00`, p.time_zone), p.time_zone),
    dateTo: formatInZone(new Date(zonedToUtc(`${addDays(day, 1)}T00:00:00`, p.time_zone).getTime() - 1000), p.time_zone),
    postalCode: p.postal_code,
    embed: 'true',
    limit: '20',
  };
  const answer = await ask(ctx, query);
  const organizerId = await uitpasOrganizerId(ctx);
  return {
    performanceId: p.id, linkedEventId: p.uitdatabank_event_id, query, totalItems: answer.page.totalItems,
    candidates: answer.page.member.map((e) => candidate(ctx, e, p, organizerId)),
  };
}

/** One UiTdatabank event by its id, with the same checks (default: the event the performance is linked to). */
export async function checkEvent(ctx: Ctx, performanceId: string, eventId?: string) {
  const p = await performanceOf(ctx, performanceId);
  const id = eventId ?? p.uitdatabank_event_id;
  if (!id) {
    throw invalidField('eventId', {
      en: 'is required: the performance has no UiTdatabank event yet', nl: 'is verplicht: de voorstelling heeft nog geen UiTdatabank-evenement',
      fr: "est obligatoire : la représentation n'a pas encore d'événement UiTdatabank",
    });
  }
  const answer = await ask(ctx, { id, embed: 'true' });
  const event = answer.page.member.find((e) => idOf(e['@id']) === id);
  if (!event) throw new Problem('uitdatabank-event-not-found', { eventId: id });
  return candidate(ctx, event, p, await uitpasOrganizerId(ctx));
}

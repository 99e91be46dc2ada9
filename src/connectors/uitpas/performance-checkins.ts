// Per performance: whether admitting a UiTPAS holder's ticket checks them in at UiTPAS, and what
// became of those check-ins (counts and the list, for staff on the evening and after).
import { audit } from '../../audit/service.js';
import type { Ctx } from '../../platform/context.js';
import type { Lang } from '../../platform/i18n.js';
import { notFound, Problem } from '../../platform/problems.js';
import type { CheckinMessage } from './checkins.js';
import { CHECKIN_STATUSES, type CheckinStatus } from './tables.js';
import { endUserText } from './wire.js';

const GAVE_UP: Record<Lang, string> = {
  nl: 'UiTPAS bleef onbereikbaar; de pashouder is niet ingecheckt',
  fr: "UiTPAS est resté injoignable ; le détenteur n'a pas été enregistré",
  en: 'UiTPAS stayed unreachable; the passholder was not checked in',
};
const REFUSED: Record<Lang, string> = { nl: 'UiTPAS weigerde', fr: 'UiTPAS a refusé', en: 'UiTPAS refused' };

/** The message staff see, in their language: UiTPAS's own words where it gave them. */
export function checkinMessage(stored: string | null, lang: Lang): string | null {
  if (!stored) return null;
  const m = JSON.parse(stored) as CheckinMessage;
  if ('endUserMessage' in m) return endUserText(m.endUserMessage, lang);
  if ('gaveUp' in m) return `${GAVE_UP[lang]} (${m.gaveUp})`;
  return `${REFUSED[lang]}: ${m.problem}`;
}

async function performanceOf(ctx: Ctx, performanceId: string) {
  const p = await ctx.db.selectFrom('performances').select(['id', 'uitpas_enabled', 'uitdatabank_event_id'])
    .where('id', '=', performanceId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!p) throw notFound('performance');
  return p;
}

export async function performanceCheckins(ctx: Ctx, performanceId: string) {
  const p = await performanceOf(ctx, performanceId);
  const setting = await ctx.db.selectFrom('uitpas_performance_settings').select(['checkins', 'updated_at'])
    .where('performance_id', '=', p.id).executeTakeFirst();
  const rows = await ctx.db.selectFrom('uitpas_checkins')
    .innerJoin('tickets', 'tickets.id', 'uitpas_checkins.ticket_id')
    .select(['uitpas_checkins.id', 'uitpas_checkins.ticket_id', 'tickets.barcode', 'uitpas_checkins.uitpas_number', 'uitpas_checkins.event_id',
      'uitpas_checkins.status', 'uitpas_checkins.points', 'uitpas_checkins.message', 'uitpas_checkins.created_at', 'uitpas_checkins.updated_at'])
    .where('uitpas_checkins.performance_id', '=', p.id).where('uitpas_checkins.organisation_id', '=', ctx.orgId)
    .orderBy('uitpas_checkins.created_at').orderBy('uitpas_checkins.id').execute();
  const counts = Object.fromEntries(CHECKIN_STATUSES.map((s) => [s, 0])) as Record<CheckinStatus, number>;
  for (const r of rows) counts[r.status] += 1;
  return {
    performanceId: p.id,
    enabled: setting?.checkins === 1,
    uitpasEnabled: p.uitpas_enabled === 1,
    eventId: p.uitdatabank_event_id,
    updatedAt: setting?.updated_at ?? null,
    counts: { queued: counts.queued, checkedIn: counts['checked-in'], refused: counts.refused, failed: counts.failed },
    checkins: rows.map((r) => ({
      id: r.id, ticketId: r.ticket_id, barcode: r.barcode, uitpasNumber: r.uitpas_number, eventId: r.event_id, status: r.status,
      points: r.points, message: checkinMessage(r.message, ctx.lang), queuedAt: r.created_at, updatedAt: r.updated_at,
    })),
  };
}

/** Switches check-ins at the door on or off; on needs a UiTPAS performance with its UiTdatabank event id. */
export async function setPerformanceCheckins(ctx: Ctx, performanceId: string, input: { enabled: boolean }) {
  const p = await performanceOf(ctx, performanceId);
  if (input.enabled && (p.uitpas_enabled !== 1 || !p.uitdatabank_event_id)) throw new Problem('uitpas-not-enabled');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('uitpas_performance_settings').select('checkins').where('performance_id', '=', p.id).executeTakeFirst();
    const checkins = input.enabled ? 1 : 0;
    await tx.insertInto('uitpas_performance_settings').values({ performance_id: p.id, organisation_id: ctx.orgId, checkins, updated_at: now })
      .onConflict((oc) => oc.column('performance_id').doUpdateSet({ checkins, updated_at: now })).execute();
    await audit(tx, ctx, {
      subject: 'performance', subjectId: p.id, action: 'changed', label: 'UiTPAS check-ins',
      before: { uitpasCheckins: (before?.checkins ?? 0) === 1 }, after: { uitpasCheckins: input.enabled },
    });
  });
  return performanceCheckins(ctx, performanceId);
}

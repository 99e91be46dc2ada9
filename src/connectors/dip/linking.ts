// Linking Foyer performances to DIP performance numbers: DIP's list with link state and
// suggestions, link / unlink, and Foyer's DIP performances that are not linked yet.
import type { Ctx } from '../../platform/context.js';
import { conflict, invalidField, notFound, Problem } from '../../platform/problems.js';
import { formatInZone } from '../../platform/time.js';
import { findPerformance } from '../../productions/service.js';
import { DipClient, DipUnavailable } from './client.js';
import type { CheckDetail } from './read-back.js';
import { findLinkByNumber, getLink, getSettings, linksOf, newLinkRow, performanceExists } from './store.js';
import { DEFAULT_PUSH_DAYS_AFTER, openDipSecret } from './settings.js';
import type { DipLink } from './tables.js';
import { formatDipNumber, parseDipNumber, parsePerformanceList, type DipListedPerformance } from './wire.js';
import './problems.js';

export interface Suggestion {
  performanceId: string;
  title: string;
  startsAt: string;
  /** Why: the production's DIP id matches, or only the title does. */
  match: 'production' | 'title';
}

const normalTitle = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const linkView = (l: DipLink) => ({
  performanceId: l.performance_id,
  dipNumber: formatDipNumber({ productionNumber: l.production_number, performanceNumber: l.performance_number }),
  state: l.state,
  lastAcceptedAt: l.last_accepted_at,
  lastError: l.last_error,
  lastErrorAt: l.last_error_at,
  /** DIP's own status as last seen by a run; `cancellation`: no longer pushed. */
  dipStatus: l.dip_status,
  check: l.check_state ? { state: l.check_state, at: l.check_at!, ...(JSON.parse(l.check_detail ?? '{}') as Partial<CheckDetail>) } : null,
});

async function fetchDipPerformances(ctx: Ctx): Promise<DipListedPerformance[]> {
  const s = await getSettings(ctx.db, ctx.orgId);
  if (!s || !s.client_id || !s.client_secret) throw new Problem('dip-not-configured');
  const clientSecret = await openDipSecret(ctx.db, s.client_secret, ctx.clock.now());
  const client = new DipClient({ baseUrl: s.base_url, clientId: s.client_id, clientSecret }, ctx.clock, { timeoutMs: s.timeout_seconds * 1000, paceMs: s.pace_ms });
  try {
    const answer = await client.call('GET', '/theaters/performances');
    if (answer.status !== 200) throw new DipUnavailable(`HTTP ${answer.status}`);
    return parsePerformanceList(JSON.parse(answer.text));
  } catch (err) {
    // Unreachable, credentials refused, an unreadable list: all mean "DIP cannot be asked now".
    throw new Problem('dip-unavailable', { reason: (err as Error).message.slice(0, 300) });
  }
}

/** Every Foyer performance with what suggestions need. */
function foyerPerformances(ctx: Ctx) {
  return ctx.db.selectFrom('performances')
    .innerJoin('productions', 'productions.id', 'performances.production_id')
    .innerJoin('halls', 'halls.id', 'performances.hall_id')
    .innerJoin('venues', 'venues.id', 'halls.venue_id')
    .select(['performances.id', 'performances.starts_at', 'performances.status', 'productions.title', 'productions.dip_production_id', 'venues.time_zone'])
    .where('performances.organisation_id', '=', ctx.orgId);
}

export async function listDipPerformances(ctx: Ctx) {
  const dip = await fetchDipPerformances(ctx);
  const links = await linksOf(ctx.db, ctx.orgId);
  const byNumber = new Map(links.map((l) => [formatDipNumber({ productionNumber: l.production_number, performanceNumber: l.performance_number }), l]));
  const linkedIds = new Set(links.map((l) => l.performance_id));
  const ours = (await foyerPerformances(ctx).execute()).map((p) => ({ ...p, local: formatInZone(p.starts_at, p.time_zone).slice(0, 16) }));
  return dip.map((d) => {
    const link = byNumber.get(d.dipNumber);
    const suggestions: Suggestion[] = link ? [] : ours
      .filter((p) => !linkedIds.has(p.id) && p.local === d.date.slice(0, 16))
      .map((p) => ({ p, match: p.dip_production_id === d.productionNumber ? 'production' as const : normalTitle(p.title) === normalTitle(d.title) ? 'title' as const : null }))
      .filter((x): x is { p: typeof x.p; match: 'production' | 'title' } => x.match !== null)
      .sort((a, b) => (a.match === b.match ? 0 : a.match === 'production' ? -1 : 1))
      .map(({ p, match }) => ({ performanceId: p.id, title: p.title, startsAt: formatInZone(p.starts_at, p.time_zone), match }));
    return {
      ...d, linkedPerformanceId: link?.performance_id ?? null, linkState: link?.state ?? null,
      checkState: link?.check_state ?? null, checkAt: link?.check_at ?? null,
      checkRefused: link?.check_state === 'refused' ? (JSON.parse(link.check_detail ?? '{}') as Partial<CheckDetail>).refused ?? null : null,
      suggestions,
    };
  });
}

export async function linkPerformance(ctx: Ctx, performanceId: string, dipNumber: string) {
  const ref = parseDipNumber(dipNumber);
  if (!ref) throw invalidField('dipNumber', 'pattern');
  const perf = await findPerformance(ctx, performanceId);
  const production = await ctx.db.selectFrom('productions').select('dip_production_id').where('id', '=', perf.production_id).executeTakeFirstOrThrow();
  if (production.dip_production_id && production.dip_production_id !== ref.productionNumber) {
    const msg = `belongs to production ${ref.productionNumber}, but this performance's production is ${production.dip_production_id} in DIP`;
    throw invalidField('dipNumber', { en: msg, nl: msg, fr: msg });
  }
  let other = await findLinkByNumber(ctx.db, ctx.orgId, ref.productionNumber, ref.performanceNumber);
  if (other && other.performance_id !== performanceId && !(await performanceExists(ctx.db, ctx.orgId, other.performance_id))) {
    // Left over from a deleted performance: the number is free again.
    await ctx.db.deleteFrom('dip_links').where('organisation_id', '=', ctx.orgId).where('performance_id', '=', other.performance_id).execute();
    other = undefined;
  }
  if (other && other.performance_id !== performanceId) throw conflict(`DIP number ${dipNumber} is already linked to performance ${other.performance_id}`);
  if (other) return linkView(other);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('dip_links').where('organisation_id', '=', ctx.orgId).where('performance_id', '=', performanceId).execute();
    await tx.insertInto('dip_links').values(newLinkRow(ctx.orgId, performanceId, ref.productionNumber, ref.performanceNumber, now)).execute();
  });
  return linkView((await getLink(ctx.db, ctx.orgId, performanceId))!);
}

export async function unlinkPerformance(ctx: Ctx, performanceId: string): Promise<void> {
  await findPerformance(ctx, performanceId);
  const r = await ctx.db.deleteFrom('dip_links').where('organisation_id', '=', ctx.orgId).where('performance_id', '=', performanceId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound('DIP link');
}

/** Foyer performances of productions with a DIP production id, not linked, not past the push window. */
export async function unlinkedPerformances(ctx: Ctx) {
  const s = await getSettings(ctx.db, ctx.orgId);
  const since = new Date(ctx.clock.now().getTime() - (s?.push_days_after ?? DEFAULT_PUSH_DAYS_AFTER) * 86_400_000).toISOString();
  const rows = await foyerPerformances(ctx)
    .where('productions.dip_production_id', 'is not', null)
    .where('performances.starts_at', '>=', since)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('dip_links').select('dip_links.performance_id').whereRef('dip_links.performance_id', '=', 'performances.id'))))
    .orderBy('performances.starts_at').execute();
  return rows.map((p) => ({
    performanceId: p.id, title: p.title, startsAt: formatInZone(p.starts_at, p.time_zone), status: p.status, dipProductionId: p.dip_production_id!,
  }));
}

export async function performanceDip(ctx: Ctx, performanceId: string) {
  await findPerformance(ctx, performanceId);
  const l = await getLink(ctx.db, ctx.orgId, performanceId);
  if (!l) return { performanceId, dipNumber: null, state: null, lastAcceptedAt: null, lastFigures: null, lastError: null, lastErrorAt: null, dipStatus: null, check: null };
  return { ...linkView(l), lastFigures: l.last_figures ? JSON.parse(l.last_figures) as unknown : null };
}

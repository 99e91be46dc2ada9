// Whether a performance may be sold on a basket's channel, and what a place costs: the
// performance, its sales window, the ticket type and its price list. `saleTerms` reads them in one
// query, because in an on-sale rush every round trip of a buy counts.
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import type { TimeZone } from '../platform/time.js';
import { Problem, invalidField } from '../platform/problems.js';
import type { Channel, Performance } from '../productions/tables.js';
import { findPerformance } from '../productions/service.js';
import { ticketTypeName } from '../pricing/service.js';
import type { TicketType } from '../pricing/tables.js';
import { saleBlocker } from './rules.js';
import { blockerText } from '../platform/words.js';
import { saleTermsCache } from '../platform/sale-terms-cache.js';

type Window = { opens_at: string | null; closes_at: string | null } | undefined;

const unknownPerformance = () => invalidField('performanceId', { en: 'no such performance', nl: 'onbekende voorstelling', fr: 'représentation inconnue' });

function assertSellable(ctx: Ctx, perf: Performance, window: Window, channel: Channel): void {
  const blocker = saleBlocker({ status: perf.status, startsAt: perf.starts_at, durationMinutes: perf.duration_minutes, window }, channel, ctx.clock.now().toISOString());
  if (blocker) throw new Problem('not-on-sale', { channel, reason: blockerText(blocker) });
  if (!perf.standard_ticket_type_id) throw new Problem('not-on-sale', { channel, reason: blockerText('no standard ticket type') });
}

type TypeFacts = Pick<TicketType, 'archived' | 'sell_online' | 'sell_boxoffice' | 'dip_category' | 'uitpas' | 'uitpas_group' | 'name_nl' | 'name_fr' | 'name_en'>;

export interface Pricer {
  price(rank: number): number;
}

/** The ticket type may be sold on the channel; its price per rank from the price list rows. */
function pricer(ctx: Ctx, tt: TypeFacts | undefined, channel: Channel, rows: { rank: number; amount: number }[]): Pricer {
  if (!tt || tt.archived) throw invalidField('ticketTypeId', { en: 'no such ticket type', nl: 'onbekend tickettype', fr: 'type de billet inconnu' });
  if (!(channel === 'online' ? tt.sell_online : tt.sell_boxoffice)) {
    throw new Problem('ticket-type-not-allowed', { ticketType: ticketTypeName(tt, ctx.lang), channel });
  }
  // A UiTPAS tariff is only ever set by the UiTPAS connector, for a pass UiTPAS accepted, so that
  // every UiTPAS ticket sold is registered at UiTPAS.
  if (tt.uitpas || tt.uitpas_group) throw new Problem('ticket-type-uitpas-only', { ticketType: ticketTypeName(tt, ctx.lang) });
  const byRank = new Map(rows.map((r) => [r.rank, r.amount]));
  return {
    price(rank: number): number {
      // DIP's free tickets are given away: paid at zero whatever the price list says.
      if (tt.dip_category === 'free') return 0;
      const amount = byRank.get(rank);
      if (amount === undefined) throw new Problem('no-price', { ticketType: ticketTypeName(tt, ctx.lang), rank });
      return amount;
    },
  };
}

/** The performance, if it can be sold on the basket's channel now. */
export async function sellablePerformance(ctx: Ctx, basket: { channel: Channel }, performanceId: string): Promise<Performance> {
  const perf = await findPerformance(ctx, performanceId).catch(() => {
    throw unknownPerformance();
  });
  const window = await ctx.db.selectFrom('sales_windows').select(['opens_at', 'closes_at'])
    .where('performance_id', '=', perf.id).where('channel', '=', basket.channel).executeTakeFirst();
  assertSellable(ctx, perf, window, basket.channel);
  return perf;
}

/** Price per rank for one ticket type of a performance, checking the type may be sold on the channel. */
export async function priceTable(ctx: Ctx, performanceId: string, ticketTypeId: string, channel: Channel): Promise<Pricer> {
  const tt = await ctx.db.selectFrom('ticket_types').selectAll().where('id', '=', ticketTypeId).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  const rows = tt
    ? await ctx.db.selectFrom('prices').select(['rank', 'amount']).where('performance_id', '=', performanceId).where('ticket_type_id', '=', ticketTypeId).execute()
    : [];
  return pricer(ctx, tt, channel, rows);
}

export interface SaleTerms extends Pricer {
  perf: Performance;
  ticketTypeId: string;
  /** What a basket line shows of them: the production's title, the venue's time zone, the type's names. */
  title: string;
  timeZone: TimeZone;
  typeNames: Pick<TicketType, 'name_nl' | 'name_fr' | 'name_en'>;
}

const termsRows = (db: Db, orgId: string, channel: Channel, performanceId: string, ticketTypeId: string | undefined) => db.selectFrom('performances as p')
  .leftJoin('sales_windows as sw', (j) => j.onRef('sw.performance_id', '=', 'p.id').on('sw.channel', '=', channel))
  .leftJoin('ticket_types as tt', (j) => (ticketTypeId ? j.on('tt.id', '=', ticketTypeId) : j.onRef('tt.id', '=', 'p.standard_ticket_type_id'))
    .on('tt.organisation_id', '=', orgId))
  .leftJoin('prices as pr', (j) => j.onRef('pr.performance_id', '=', 'p.id').onRef('pr.ticket_type_id', '=', 'tt.id'))
  .innerJoin('productions as pn', 'pn.id', 'p.production_id')
  .innerJoin('halls as h', 'h.id', 'p.hall_id')
  .innerJoin('venues as v', 'v.id', 'h.venue_id')
  .selectAll('p')
  .select([
    'pn.title as production_title', 'v.time_zone as venue_time_zone',
    'sw.channel as window_channel', 'sw.opens_at', 'sw.closes_at',
    'tt.id as tt_id', 'tt.archived', 'tt.sell_online', 'tt.sell_boxoffice', 'tt.dip_category', 'tt.uitpas', 'tt.uitpas_group', 'tt.name_nl', 'tt.name_fr', 'tt.name_en',
    'pr.rank as price_rank', 'pr.amount as price_amount',
  ])
  .where('p.id', '=', performanceId).where('p.organisation_id', '=', orgId)
  .execute();
type TermsRow = Awaited<ReturnType<typeof termsRows>>[number];

/**
 * `sellablePerformance` and `priceTable` for the given ticket type (the performance's standard type
 * when none is given), in one query: a row per price of the type, or one row without a price. The
 * rows are kept a moment (src/platform/sale-terms-cache.ts); the verdict is reached anew every time. `db` runs the
 * query when it is not kept (a transaction of the caller's).
 */
export async function saleTerms(ctx: Ctx, channel: Channel, performanceId: string, ticketTypeId?: string, db: Db = ctx.db): Promise<SaleTerms> {
  const key = `${ctx.orgId}\u0000${performanceId}\u0000${channel}\u0000${ticketTypeId ?? ''}`;
  const rows = (await saleTermsCache.get(ctx.db, key, () => termsRows(db, ctx.orgId, channel, performanceId, ticketTypeId))) as readonly TermsRow[];
  const first = rows[0];
  if (!first) throw unknownPerformance();
  const { window_channel, opens_at, closes_at, tt_id, archived, sell_online, sell_boxoffice, dip_category, uitpas, uitpas_group, name_nl, name_fr, name_en,
    price_rank: _rank, price_amount: _amount, production_title, venue_time_zone, ...perf } = first;
  assertSellable(ctx, perf, window_channel ? { opens_at, closes_at } : undefined, channel);
  // a left join: the ticket type's columns are all there or all null
  const tt = tt_id ? { archived, sell_online, sell_boxoffice, dip_category, uitpas, uitpas_group, name_nl, name_fr, name_en } as TypeFacts : undefined;
  const prices = rows.flatMap((r) => (r.price_rank !== null && r.price_amount !== null ? [{ rank: r.price_rank, amount: r.price_amount }] : []));
  return {
    perf, ticketTypeId: ticketTypeId ?? perf.standard_ticket_type_id!, title: production_title, timeZone: venue_time_zone,
    typeNames: { name_nl: name_nl!, name_fr: name_fr!, name_en: name_en! }, ...pricer(ctx, tt, channel, prices),
  };
}

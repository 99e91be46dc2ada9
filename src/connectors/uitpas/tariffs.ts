// A UiTPAS pass in a basket: read the pass, ask UiTPAS which tariffs it gets for each line's event and
// regular price, and turn the chosen lines into the organisation's UiTPAS ticket type at that tariff.
import type { Ctx } from '../../platform/context.js';
import { Problem, invalidField, notFound } from '../../platform/problems.js';
import { isUniqueViolation } from '../../platform/jobs.js';
import { basketView, findBasket, openBasket } from '../../baskets/service.js';
import type { Basket } from '../../baskets/tables.js';
import { guardQuotas } from '../../quotas/store.js';
import { connection, unreachable, type Connection } from './settings.js';
import type { PassType } from './tables.js';
import { parsePassIdentifier, type PassIdentifier } from './identifiers.js';
import { endUserText, problemName, toCents, toEuros, type WirePass, type WireProblem, type WireTariffs } from './wire.js';

/** GET /tariffs answers these as a 400 where a pass has no social tariff now: no tariff, UiTPAS's message. */
const NO_SOCIAL_TARIFF = new Set(['uitpas/social-tariff-expired', 'uitpas/social-tariff-suspended']);

export interface ApplyPassInput {
  /** A UiTPAS number, an INSZ or a chip number: UiTPAS resolves it to the pass's UiTPAS number. */
  uitpasNumber: string;
  lineIds?: string[];
  /** A tariff id from the offers (e.g. a coupon); default: the social tariff. */
  tariffId?: string;
}

/** A UiTPAS problem as a Foyer Problem that shows the buyer UiTPAS's own words. */
export function refusal(p: WireProblem, lang: string, extra: Record<string, unknown> = {}): Problem {
  const message = endUserText(p.endUserMessage, lang) ?? p.detail ?? p.title ?? problemName(p);
  return new Problem('uitpas-refused', { message }, [], { uitpasProblem: problemName(p), endUserMessage: message, ...extra });
}

async function basketLines(ctx: Ctx, basketId: string) {
  return ctx.db.selectFrom('basket_lines')
    .innerJoin('performances', 'performances.id', 'basket_lines.performance_id')
    .innerJoin('inventory', (j) => j.onRef('inventory.performance_id', '=', 'basket_lines.performance_id').onRef('inventory.item_id', '=', 'basket_lines.item_id'))
    .leftJoin('basket_line_uitpas', 'basket_line_uitpas.basket_line_id', 'basket_lines.id')
    .select([
      'basket_lines.id', 'basket_lines.performance_id', 'basket_lines.ticket_type_id', 'basket_lines.price', 'inventory.rank',
      'performances.uitpas_enabled', 'performances.uitdatabank_event_id', 'performances.standard_ticket_type_id',
      'basket_line_uitpas.uitpas_number', 'basket_line_uitpas.pass_type',
    ])
    .where('basket_lines.basket_id', '=', basketId)
    .orderBy('basket_lines.created_at').orderBy('inventory.sort')
    .execute();
}
type Line = Awaited<ReturnType<typeof basketLines>>[number];

const eligible = (l: Line) => l.uitpas_enabled === 1 && !!l.uitdatabank_event_id && l.ticket_type_id === l.standard_ticket_type_id && !l.uitpas_number;

/** The lines the pass goes on: the ones asked for, or every eligible line (one per performance for an individual pass). */
function targetLines(all: Line[], passType: PassType, uitpasNumber: string, input: ApplyPassInput): Line[] {
  if (input.lineIds) {
    const byId = new Map(all.map((l) => [l.id, l]));
    const unknown = input.lineIds.filter((id) => !byId.has(id));
    if (unknown.length) {
      throw invalidField('lineIds', { en: `not in this basket: ${unknown.join(', ')}`, nl: `niet in deze winkelmand: ${unknown.join(', ')}`, fr: `pas dans ce panier : ${unknown.join(', ')}` });
    }
    const lines = [...new Set(input.lineIds)].map((id) => byId.get(id)!);
    if (lines.some((l) => l.uitpas_enabled !== 1 || !l.uitdatabank_event_id)) throw new Problem('uitpas-not-enabled');
    if (lines.some((l) => !eligible(l))) throw new Problem('uitpas-no-lines');
    return lines;
  }
  const open = all.filter(eligible);
  if (passType === 'GROUP') return open;
  const used = new Set(all.filter((l) => l.uitpas_number === uitpasNumber).map((l) => l.performance_id));
  return open.filter((l) => !used.has(l.performance_id) && (used.add(l.performance_id), true));
}

export async function readPass(ctx: Ctx, conn: Connection, uitpasNumber: string): Promise<WirePass> {
  const answer = await conn.client.call<WirePass>('GET', '/passes', { query: { identifier: uitpasNumber } }).catch(unreachable);
  if (!answer.ok) throw refusal(answer.problem, ctx.lang);
  return answer.body;
}

interface Offer {
  performanceId: string;
  eventId: string;
  /** The price rank of the standard ticket type; null for a line whose price is no rank's. */
  rank: number | null;
  regularPrice: number;
  /** Sent to UiTPAS with the price, so its financial reports tell price classes apart. */
  regularPriceLabel: string;
  lineIds: string[];
  tariffs: { id: string; name: string; type: string; price: number; remaining: number }[];
  endUserMessage: string | null;
}

type PriceClass = Omit<Offer, 'tariffs' | 'endUserMessage'>;

/**
 * Every priced rank of the standard ticket type of the lines' performances (a UiTPAS tariff is asked
 * for each, as publiq's counter app does), with the lines at that rank and price.
 */
async function priceClasses(ctx: Ctx, lines: Line[]): Promise<PriceClass[]> {
  const perfIds = [...new Set(lines.map((l) => l.performance_id))];
  const rows = await ctx.db.selectFrom('prices')
    .innerJoin('performances', 'performances.id', 'prices.performance_id')
    .innerJoin('ticket_types', 'ticket_types.id', 'prices.ticket_type_id')
    .select(['prices.performance_id', 'prices.rank', 'prices.amount', 'ticket_types.name_nl'])
    .where('prices.performance_id', 'in', perfIds).where('prices.organisation_id', '=', ctx.orgId)
    .whereRef('prices.ticket_type_id', '=', 'performances.standard_ticket_type_id').where('prices.amount', '>', 0)
    .orderBy('prices.performance_id').orderBy('prices.rank').execute();
  const classes: PriceClass[] = [];
  for (const perfId of perfIds) {
    const mine = lines.filter((l) => l.performance_id === perfId);
    const eventId = mine[0].uitdatabank_event_id!;
    const ranks = rows.filter((r) => r.performance_id === perfId);
    const label = (rank: number | null, fallback: string) => {
      const r = ranks.find((x) => x.rank === rank);
      return r ? (ranks.length > 1 ? `${r.name_nl} rang ${r.rank}` : r.name_nl) : fallback;
    };
    const placed = new Set<string>();
    for (const r of ranks) {
      const at = mine.filter((l) => l.rank === r.rank && l.price === r.amount);
      at.forEach((l) => placed.add(l.id));
      classes.push({ performanceId: perfId, eventId, rank: r.rank, regularPrice: r.amount, regularPriceLabel: label(r.rank, r.name_nl), lineIds: at.map((l) => l.id) });
    }
    // A line at a price no rank has (changed after it was put in the basket): asked on its own.
    for (const l of mine.filter((x) => !placed.has(x.id))) {
      const same = classes.find((c) => c.performanceId === perfId && c.rank === null && c.regularPrice === l.price);
      if (same) same.lineIds.push(l.id);
      else classes.push({ performanceId: perfId, eventId, rank: null, regularPrice: l.price, regularPriceLabel: label(l.rank, `rang ${l.rank}`), lineIds: [l.id] });
    }
  }
  return classes.filter((c) => c.regularPrice > 0);
}

async function askTariffs(ctx: Ctx, conn: Connection, uitpasNumber: string, lines: Line[]): Promise<Offer[]> {
  const offers: Offer[] = [];
  for (const c of await priceClasses(ctx, lines)) {
    const answer = await conn.client.call<WireTariffs>('GET', '/tariffs', {
      query: { eventId: c.eventId, uitpasNumber, regularPrice: toEuros(c.regularPrice), regularPriceLabel: c.regularPriceLabel, type: 'ANY' },
    }).catch(unreachable);
    if (!answer.ok && NO_SOCIAL_TARIFF.has(problemName(answer.problem))) {
      const p = answer.problem;
      offers.push({ ...c, tariffs: [], endUserMessage: endUserText(p.endUserMessage, ctx.lang) ?? p.detail ?? p.title ?? problemName(p) });
      continue;
    }
    if (!answer.ok) throw refusal(answer.problem, ctx.lang);
    offers.push({
      ...c,
      tariffs: answer.body.available.map((t) => ({ id: t.id, name: t.name, type: t.type, price: toCents(t.price), remaining: t.remaining ?? 1 })),
      endUserMessage: endUserText(answer.body.endUserMessage, ctx.lang),
    });
  }
  return offers;
}

async function uitpasTicketType(ctx: Ctx, passType: PassType): Promise<string> {
  const column = passType === 'GROUP' ? 'uitpas_group' : 'uitpas';
  const t = await ctx.db.selectFrom('ticket_types').select('id').where('organisation_id', '=', ctx.orgId)
    .where(column, '=', 1).where('archived', '=', 0).executeTakeFirst();
  if (!t) throw new Problem('uitpas-no-ticket-type', { kind: passType === 'GROUP' ? 'UiTPAS groepspas' : 'UiTPAS' });
  return t.id;
}

/** Reads the pass, answers the tariffs per line group, and applies the chosen tariff where UiTPAS grants it. */
/** What was typed for a pass as UiTPAS wants it; a field error on `uitpasNumber` when it is no pass identifier. */
export function passIdentifier(typed: string): PassIdentifier {
  const identifier = parsePassIdentifier(typed);
  if (!identifier) {
    throw invalidField('uitpasNumber', {
      en: 'must be a UiTPAS number (13 digits), a national register number (11 digits) or the chip number a card reader gives',
      nl: 'moet een UiTPAS-nummer (13 cijfers), een rijksregisternummer (11 cijfers) of het chipnummer van een kaartlezer zijn',
      fr: 'doit être un numéro UiTPAS (13 chiffres), un numéro de registre national (11 chiffres) ou le numéro de puce d’un lecteur de carte',
    });
  }
  return identifier;
}

export async function applyPass(ctx: Ctx, basketId: string, input: ApplyPassInput) {
  const identifier = passIdentifier(input.uitpasNumber);
  const basket = await openBasket(ctx, basketId);
  const conn = await connection(ctx.db, ctx.orgId, ctx.clock.now());
  if (!conn.acceptsChannel(basket.channel)) throw new Problem('uitpas-off', { channel: basket.channel });
  const pass = await readPass(ctx, conn, identifier.value);
  // From here on the pass is its UiTPAS number, whatever was typed.
  const uitpasNumber = pass.uitpasNumber;
  const all = await basketLines(ctx, basket.id);
  const lines = targetLines(all, pass.passType, uitpasNumber, input);
  if (!lines.length) {
    // An individual pass already on every performance that could take it: say so, not "nothing to apply to".
    if (pass.passType === 'INDIVIDUAL' && all.some(eligible)) throw new Problem('uitpas-pass-used', { uitpasNumber });
    throw new Problem('uitpas-no-lines');
  }
  if (pass.passType === 'INDIVIDUAL') {
    const perfs = lines.map((l) => l.performance_id);
    const used = all.some((l) => l.uitpas_number === uitpasNumber && perfs.includes(l.performance_id));
    if (used || new Set(perfs).size !== perfs.length) throw new Problem('uitpas-pass-used', { uitpasNumber });
  }
  const offers = await askTariffs(ctx, conn, uitpasNumber, lines);
  const applied = await applyOffers(ctx, basket, pass, all, offers, input);
  const view = basketView(ctx, await findBasket(ctx, basket.id));
  return {
    pass: {
      uitpasNumber: pass.uitpasNumber, passType: pass.passType, firstName: pass.firstName ?? null,
      socialTariff: pass.socialTariff?.status ?? 'NONE', messages: (pass.messages ?? []).map((m) => m.text),
    },
    offers,
    appliedLineIds: applied,
    endUserMessage: offers.find((o) => o.endUserMessage)?.endUserMessage ?? null,
    basket: await view,
  };
}

async function applyOffers(ctx: Ctx, basket: Basket, pass: WirePass, all: Line[], offers: Offer[], input: ApplyPassInput): Promise<string[]> {
  const plan: { lineId: string; regularTypeId: string; offer: Offer; tariff: Offer['tariffs'][number] }[] = [];
  const takenPerPerformance = new Map<string, number>();
  for (const offer of offers) {
    const tariff = input.tariffId ? offer.tariffs.find((t) => t.id === input.tariffId) : offer.tariffs.find((t) => t.type === 'SOCIALTARIFF');
    if (!tariff) continue;
    const inBasket = all.filter((l) => l.uitpas_number === pass.uitpasNumber && l.performance_id === offer.performanceId).length;
    const left = tariff.remaining - inBasket - (takenPerPerformance.get(offer.performanceId) ?? 0);
    if (input.lineIds && offer.lineIds.length > left) throw new Problem('uitpas-too-many-lines', { remaining: Math.max(0, left) });
    const lineIds = offer.lineIds.slice(0, Math.max(0, left));
    takenPerPerformance.set(offer.performanceId, (takenPerPerformance.get(offer.performanceId) ?? 0) + lineIds.length);
    for (const lineId of lineIds) plan.push({ lineId, regularTypeId: all.find((l) => l.id === lineId)!.ticket_type_id, offer, tariff });
  }
  if (input.tariffId && !plan.length) {
    const message = offers.find((o) => o.endUserMessage)?.endUserMessage ?? `Tariff ${input.tariffId} is not available for this pass.`;
    throw new Problem('uitpas-refused', { message }, [], { uitpasProblem: 'tariff-not-available', endUserMessage: message });
  }
  if (!plan.length) return [];
  const typeId = await uitpasTicketType(ctx, pass.passType);
  const now = ctx.clock.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (tx) => {
      const open = await tx.updateTable('baskets').set({ updated_at: now }).where('id', '=', basket.id).where('status', '=', 'open').executeTakeFirst();
      if (Number(open.numUpdatedRows) !== 1) throw new Problem('basket-closed', { status: 'changed' });
      await guardQuotas(tx, plan.filter((p) => p.regularTypeId !== typeId)
        .map((p) => ({ performanceId: p.offer.performanceId, ticketTypeId: typeId, count: 1 })), now);
      for (const p of plan) {
        const r = await tx.updateTable('basket_lines').set({ ticket_type_id: typeId, price: p.tariff.price })
          .where('id', '=', p.lineId).where('ticket_type_id', '=', p.regularTypeId).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new Problem('uitpas-no-lines');
        await tx.insertInto('basket_line_uitpas').values({
          basket_line_id: p.lineId, basket_id: basket.id, organisation_id: ctx.orgId, performance_id: p.offer.performanceId,
          uitpas_number: pass.uitpasNumber, pass_type: pass.passType, event_id: p.offer.eventId, tariff_id: p.tariff.id,
          tariff_name: p.tariff.name, tariff_type: p.tariff.type, ticket_type_id: typeId, price: p.tariff.price,
          regular_ticket_type_id: p.regularTypeId, regular_price: p.offer.regularPrice, regular_price_label: p.offer.regularPriceLabel, created_at: now,
        }).execute();
      }
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Problem('uitpas-pass-used', { uitpasNumber: pass.uitpasNumber });
    throw e;
  }
  return plan.map((p) => p.lineId);
}

/** Takes a pass off the basket: its lines get their standard ticket type and price back. */
export async function removePass(ctx: Ctx, basketId: string, uitpasNumber: string) {
  const basket = await openBasket(ctx, basketId);
  const rows = await ctx.db.selectFrom('basket_line_uitpas').selectAll()
    .where('basket_id', '=', basket.id).where('uitpas_number', '=', uitpasNumber).execute();
  if (!rows.length) throw notFound('UiTPAS pass in this basket');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    // Back to the standard type: that type's quota may have been sold up in the meantime.
    await guardQuotas(tx, rows.filter((r) => r.regular_ticket_type_id !== r.ticket_type_id)
      .map((r) => ({ performanceId: r.performance_id, ticketTypeId: r.regular_ticket_type_id, count: 1 })), now);
    for (const r of rows) {
      await tx.updateTable('basket_lines').set({ ticket_type_id: r.regular_ticket_type_id, price: r.regular_price })
        .where('id', '=', r.basket_line_id).where('ticket_type_id', '=', r.ticket_type_id).execute();
    }
    await tx.deleteFrom('basket_line_uitpas').where('basket_id', '=', basket.id).where('uitpas_number', '=', uitpasNumber).execute();
  });
  return basketView(ctx, await findBasket(ctx, basket.id));
}

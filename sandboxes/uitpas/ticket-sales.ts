// POST /ticket-sales (all-or-nothing), DELETE /ticket-sales/{id}, GET /ticket-sales.
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../src/platform/clock.js';
import { clientOf, hasPermission, requireEventPermission } from './auth.js';
import type { Client, Pass, Sale, TariffRule, UitpasEvent } from './model.js';
import { passForSale } from './passes.js';
import { probs, UitpasProblem } from './problems.js';
import { quoteTariffs, type Quote } from './rules.js';
import type { SandboxStore } from './store.js';
import { messages } from './texts.js';

export interface SaleRequest { regularPrice: number; regularPriceLabel?: string; tariff: { id: string }; eventId: string; uitpasNumber: string }

const SaleRequestSchema = {
  type: 'object',
  required: ['regularPrice', 'tariff', 'eventId', 'uitpasNumber'],
  properties: {
    regularPrice: { type: 'number', minimum: 0, maximum: 100000 },
    regularPriceLabel: { type: 'string', maxLength: 255 },
    tariff: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1 } } },
    eventId: { type: 'string', minLength: 1 },
    uitpasNumber: { type: 'string', minLength: 1 },
  },
};
const SearchQuery = {
  type: 'object',
  properties: {
    eventId: { type: 'string', minLength: 1 }, passholderId: { type: 'string', minLength: 1 },
    organizerId: { type: 'array', items: { type: 'string', minLength: 1 } }, eventTitle: { type: 'string' },
    start: { type: 'integer', minimum: 0, default: 0 }, limit: { type: 'integer', minimum: 0, default: 20 },
  },
} as const;
export const MAX_LIMIT = 500;

export function saleView(store: SandboxStore, s: Sale): Record<string, unknown> {
  return {
    id: s.id,
    creationDate: s.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    regularPrice: s.regularPrice,
    ...(s.regularPriceLabel !== undefined ? { regularPriceLabel: s.regularPriceLabel } : {}),
    tariff: s.tariff,
    eventId: s.eventId,
    eventTitle: store.event(s.eventId)?.name ?? '',
    uitpasNumber: s.uitpasNumber,
  };
}

/** The problem for a tariff that the pass does not get for this event. */
function refusal(quote: Quote, pass: Pass, tariffId: string, pointer: string): UitpasProblem {
  const p = probs.problem;
  const endUserMessage = quote.endUserMessage;
  if (tariffId === 'SOCIALTARIFF') {
    switch (quote.socialRefusal) {
      case 'expired': return probs.socialTariffExpired();
      case 'suspended': return probs.socialTariffSuspended();
      case 'other-region': return p('uitpas/passholder-no-active-cardsystems', 400, 'Passholder has no active card system for this event', { endUserMessage });
      case 'limit': return p('uitpas/maximum-reached', 400, 'Maximum reached', { endUserMessage });
      default: return p('uitpas/social-tariff-not-available', 400, 'Social tariff not available', { endUserMessage: messages.socialTariffNone() });
    }
  }
  const why = quote.couponRefusals.get(tariffId);
  if (why === 'limit') return p('uitpas/maximum-reached', 400, 'Maximum reached', { endUserMessage });
  if (why || pass.coupons.some((c) => c.id === tariffId) || /^COUPON/i.test(tariffId)) {
    return p('uitpas/invalid-coupon', 400, 'Invalid coupon', { detail: `Coupon ${tariffId} cannot be used for this event.`, endUserMessage: messages.invalidCoupon() });
  }
  return probs.bodyInvalidData([{ jsonPointer: `${pointer}/tariff/id`, error: `Unknown tariff id ${tariffId}` }]);
}

export function ticketSaleRoutes(app: FastifyInstance, store: SandboxStore, clock: Clock, defaultRule: TariffRule): void {
  const regionName = (id: number) => store.cardSystem(id)?.name ?? `kaartsysteem ${id}`;
  const quote = (pass: Pass, event: UitpasEvent, sales: Sale[], regularPrice: number) =>
    quoteTariffs({ pass, event, sales, now: clock.now(), regularPrice, type: 'ANY', defaultRule, regionName });

  /** Checks one item against what is stored plus the items accepted before it in this request. */
  function accept(client: Client, item: SaleRequest, accepted: Sale[], pointer: string): Sale {
    const event = store.event(item.eventId);
    if (!event) throw probs.eventNotFound(item.eventId);
    requireEventPermission(client, event, 'TICKETSALES_REGISTER');
    const pass = passForSale(store, item.uitpasNumber);
    const stored = store.salesOfPass(pass.uitpasNumber);
    const earlier = accepted.filter((s) => s.uitpasNumber === pass.uitpasNumber);
    const id = item.tariff.id;
    const before = quote(pass, event, stored, item.regularPrice);
    const offer = before.available.find((t) => t.id === id);
    if (!offer) throw refusal(before, pass, id, pointer);
    const sameKey = earlier.filter((s) => s.eventId === event.id && s.tariff.id === id).length;
    const stillOffered = quote(pass, event, [...stored, ...earlier], item.regularPrice).available.some((t) => t.id === id);
    if (sameKey >= offer.remaining || !stillOffered) {
      throw probs.problem('uitpas/invalid-number-of-tickets', 400, 'Invalid number of tickets', {
        detail: `At most ${offer.remaining} ticket(s) at tariff ${id} for this pass and event in one registration.`,
        endUserMessage: messages.tooManyTickets(offer.remaining),
      });
    }
    const { remaining: _remaining, ...tariff } = offer;
    return {
      id: '', createdAt: clock.now(), eventId: event.id, uitpasNumber: pass.uitpasNumber, regularPrice: item.regularPrice,
      ...(item.regularPriceLabel !== undefined ? { regularPriceLabel: item.regularPriceLabel } : {}),
      tariff, couponId: tariff.type === 'COUPON' ? tariff.id : null, clientId: client.clientId,
    };
  }

  app.post<{ Body: SaleRequest[] }>('/ticket-sales', {
    schema: { body: { type: 'array', minItems: 1, maxItems: 500, items: SaleRequestSchema } },
  }, async (req) => {
    const client = clientOf(req);
    const accepted: Sale[] = [];
    req.body.forEach((item, i) => {
      try {
        accepted.push(accept(client, item, accepted, `/${i}`));
      } catch (e) {
        if (e instanceof UitpasProblem && e.body.status === 400 && !e.body.schemaErrors) e.body.jsonPointer = `/${i}`;
        throw e;
      }
    });
    for (const s of accepted) s.id = store.newId();
    store.addSales(accepted);
    return accepted.map((s) => saleView(store, s));
  });

  app.delete<{ Params: { ticketSaleId: string } }>('/ticket-sales/:ticketSaleId', async (req, reply) => {
    const sale = store.sale(req.params.ticketSaleId);
    if (!sale) throw probs.ticketSaleNotFound(req.params.ticketSaleId);
    const event = store.event(sale.eventId);
    if (event) requireEventPermission(clientOf(req), event, 'TICKETSALES_REGISTER');
    store.cancel(sale.id, clock.now());
    return reply.code(204).send();
  });

  app.get<{ Querystring: { eventId?: string; passholderId?: string; organizerId?: string[]; eventTitle?: string; start: number; limit: number } }>(
    '/ticket-sales', { schema: { querystring: SearchQuery } }, async (req) => {
      const q = req.query;
      const client = clientOf(req);
      if (q.limit > MAX_LIMIT) throw probs.queryLimitExceeded(MAX_LIMIT);
      if (!q.eventId && !q.passholderId) throw probs.queryMissing('eventId or passholderId');
      if (q.passholderId && !q.organizerId?.length) throw probs.queryMissing('organizerId');
      let sales = store.allSales();
      if (q.eventId) {
        const event = store.event(q.eventId);
        if (!event) return { totalItems: 0, member: [] };
        requireEventPermission(client, event, 'TICKETSALES_SEARCH');
        sales = sales.filter((s) => s.eventId === event.id);
      }
      if (q.organizerId?.length) {
        for (const org of q.organizerId) {
          if (!hasPermission(client, org, 'TICKETSALES_SEARCH')) throw probs.forbidden(`Client ${client.clientId} lacks permission TICKETSALES_SEARCH for organizer ${org}.`);
        }
        sales = sales.filter((s) => q.organizerId!.includes(store.event(s.eventId)?.organizerId ?? ''));
      }
      if (q.passholderId) sales = sales.filter((s) => store.pass(s.uitpasNumber)?.holder?.id === q.passholderId);
      if (q.eventTitle) {
        const t = q.eventTitle.toLowerCase();
        sales = sales.filter((s) => (store.event(s.eventId)?.name ?? '').toLowerCase().includes(t));
      }
      return { totalItems: sales.length, member: sales.slice(q.start, q.start + q.limit).map((s) => saleView(store, s)) };
    });
}

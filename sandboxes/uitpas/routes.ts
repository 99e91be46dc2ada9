// Read calls of UiTPAS API 4.0: passes, tariffs, permissions, event card systems and settings.
import type { FastifyInstance } from 'fastify';
import { clientOf, requireAnyPermission, requireEventPermission } from './auth.js';
import type { Permission, TariffRule } from './model.js';
import { passByIdentifier, passForSale, passView } from './passes.js';
import { probs } from './problems.js';
import { quoteTariffs, socialTariffPrice } from './rules.js';
import type { SandboxStore } from './store.js';
import type { Clock } from '../../src/platform/clock.js';

const LABELS: Record<Permission, { nl: string; en: string }> = {
  TARIFFS_READ: { nl: 'Tarieven opvragen', en: 'Read tariffs' },
  TICKETSALES_REGISTER: { nl: 'Ticketsales registreren', en: 'Register ticket sales' },
  TICKETSALES_SEARCH: { nl: 'Ticketsales zoeken', en: 'Search ticket sales' },
  PASSES_READ: { nl: 'Passen opvragen', en: 'Read passes' },
  EVENT_SETTINGS_READ: { nl: 'Evenementinstellingen opvragen', en: 'Read event settings' },
  CHECKINS_WRITE: { nl: 'Check-ins registreren', en: 'Register check-ins' },
  PASSHOLDER_COUPONS_READ: { nl: 'Bonnen van pashouders opvragen', en: 'Read passholder coupons' },
  REWARDS_PASSHOLDERS_READ: { nl: 'Voordelen voor pashouders opvragen', en: 'Read rewards for passholders' },
};

const Price = { type: 'number', minimum: 0, maximum: 100000 };
const TariffsQuery = {
  type: 'object',
  required: ['regularPrice', 'eventId', 'uitpasNumber'],
  properties: {
    regularPrice: Price, regularPriceLabel: { type: 'string', maxLength: 255 }, eventId: { type: 'string', minLength: 1 },
    uitpasNumber: { type: 'string', minLength: 1 },
    type: { type: 'string', enum: ['ANY', 'SOCIALTARIFF', 'COUPON'], default: 'ANY' },
  },
} as const;
const StaticQuery = { type: 'object', required: ['regularPrice', 'eventId'], properties: { regularPrice: Price, eventId: { type: 'string', minLength: 1 } } } as const;
const EventParams = { type: 'object', required: ['eventId'], properties: { eventId: { type: 'string' } } } as const;

export function readRoutes(app: FastifyInstance, store: SandboxStore, clock: Clock, defaultRule: TariffRule): void {
  const regionName = (id: number) => store.cardSystem(id)?.name ?? `kaartsysteem ${id}`;
  const eventOr = (eventId: string, status = 400) => {
    const event = store.event(eventId);
    if (!event) throw probs.eventNotFound(eventId, status);
    return event;
  };

  app.get<{ Querystring: { identifier: string } }>('/passes', {
    schema: { querystring: { type: 'object', required: ['identifier'], properties: { identifier: { type: 'string', minLength: 1 } } } },
  }, async (req) => {
    requireAnyPermission(clientOf(req), 'PASSES_READ');
    return passView(store, passByIdentifier(store, req.query.identifier), clock.now());
  });

  app.get<{ Querystring: { regularPrice: number; eventId: string; uitpasNumber: string; type: 'ANY' | 'SOCIALTARIFF' | 'COUPON' } }>(
    '/tariffs', { schema: { querystring: TariffsQuery } }, async (req) => {
      const q = req.query;
      const event = eventOr(q.eventId);
      requireEventPermission(clientOf(req), event, 'TARIFFS_READ');
      const pass = passForSale(store, q.uitpasNumber);
      const quote = quoteTariffs({
        pass, event, sales: store.salesOfPass(pass.uitpasNumber), now: clock.now(), regularPrice: q.regularPrice, type: q.type, defaultRule, regionName,
      });
      // An expired or suspended social tariff is a 400 when nothing else is offered (or only the social tariff was asked).
      const noSocial = quote.socialRefusal === 'expired' || quote.socialRefusal === 'suspended';
      if (noSocial && (q.type === 'SOCIALTARIFF' || !quote.available.length)) {
        throw quote.socialRefusal === 'expired' ? probs.socialTariffExpired() : probs.socialTariffSuspended();
      }
      return { available: quote.available, ...(quote.endUserMessage ? { endUserMessage: quote.endUserMessage } : {}) };
    });

  app.get<{ Querystring: { regularPrice: number; eventId: string } }>('/tariffs/static', { schema: { querystring: StaticQuery } }, async (req) => {
    const event = eventOr(req.query.eventId);
    requireEventPermission(clientOf(req), event, 'TARIFFS_READ');
    if (event.cardSystemIds.length === 0) {
      throw probs.problem('uitpas/social-tariff-not-available', 400, 'Social tariff not available', { detail: `Event ${event.id} is not enabled for any card system.` });
    }
    const price = socialTariffPrice(req.query.regularPrice, event.tariffRule ?? defaultRule);
    return { available: [{ id: 'SOCIALTARIFF', name: 'Kansentarief', price, type: 'SOCIALTARIFF', remaining: 1 }] };
  });

  app.get('/permissions', async (req) => clientOf(req).organizers.map((o) => {
    const org = store.organizer(o.organizerId);
    const cardSystemIds = org?.cardSystemIds ?? [];
    return {
      organizer: {
        id: o.organizerId, name: org?.name ?? '', ...(org ? { address: org.address } : {}),
        cardSystems: cardSystemIds.map((id) => ({ id, name: regionName(id) })),
      },
      permissions: o.permissions,
      permissionDetails: o.permissions.map((p) => ({ id: p, label: LABELS[p], cardSystemIds })),
    };
  }));

  app.get<{ Params: { eventId: string } }>('/events/:eventId/card-systems', { schema: { params: EventParams } }, async (req) => {
    const event = eventOr(req.params.eventId, 404);
    const org = store.organizer(event.organizerId);
    const ids = [...new Set([...(org?.cardSystemIds ?? []), ...event.cardSystemIds])];
    return ids.map((id) => ({ id, name: regionName(id), enabled: event.cardSystemIds.includes(id) }));
  });

  app.get<{ Params: { eventId: string } }>('/events/:eventId/settings', { schema: { params: EventParams } }, async (req) => {
    const event = eventOr(req.params.eventId, 404);
    requireEventPermission(clientOf(req), event, 'EVENT_SETTINGS_READ');
    return { id: event.id, checkinPoints: 1, ...(event.passholderTicketLimit ? { passholderTicketLimit: event.passholderTicketLimit } : {}) };
  });
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../../platform/auth.js';
import type { Deps } from '../../platform/context.js';
import { IdParams, Nullable, Text } from '../../platform/schemas.js';
import { BasketView } from '../../baskets/schemas.js';
import { checkPermissions, getSettings, saveSettings } from './settings.js';
import { applyPass, removePass } from './tariffs.js';
import { passBenefits } from './benefits.js';
import { reconcilePerformance } from './reconciliation.js';
import { performanceCheckins, setPerformanceCheckins } from './performance-checkins.js';

const Url = Type.String({ minLength: 1, maxLength: 500, pattern: '^https?://' });
const UitpasNumber = Type.String({ minLength: 1, maxLength: 40 });

const SettingsView = Type.Object({
  configured: Type.Boolean(), clientId: Nullable(Type.String()), hasClientSecret: Type.Boolean(),
  accountUrl: Nullable(Type.String()), apiUrl: Nullable(Type.String()), organizerId: Nullable(Type.String()),
  channels: Type.Object({ boxoffice: Type.Boolean(), online: Type.Boolean() }), updatedAt: Nullable(Type.String()),
});

const CheckinsView = Type.Object({
  performanceId: Type.String(), enabled: Type.Boolean(), uitpasEnabled: Type.Boolean(), eventId: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  counts: Type.Object({ queued: Type.Integer(), checkedIn: Type.Integer(), refused: Type.Integer(), failed: Type.Integer() }),
  checkins: Type.Array(Type.Object({
    id: Type.String(), ticketId: Type.String(), barcode: Type.String(), uitpasNumber: Type.String(), eventId: Type.String(),
    status: Type.String(), points: Nullable(Type.Integer()), message: Nullable(Type.String()), queuedAt: Type.String(), updatedAt: Type.String(),
  })),
});

const Tariff = Type.Object({ id: Type.String(), name: Type.String(), type: Type.String(), price: Type.Integer(), remaining: Type.Integer() });
const PassAnswer = Type.Object({
  pass: Type.Object({
    uitpasNumber: Type.String(), passType: Type.String(), firstName: Nullable(Type.String()), socialTariff: Type.String(),
    messages: Type.Array(Type.String()),
  }),
  offers: Type.Array(Type.Object({
    performanceId: Type.String(), eventId: Type.String(), rank: Nullable(Type.Integer()), regularPrice: Type.Integer(),
    regularPriceLabel: Type.String(), lineIds: Type.Array(Type.String()),
    tariffs: Type.Array(Tariff), endUserMessage: Nullable(Type.String()),
  })),
  appliedLineIds: Type.Array(Type.String()),
  endUserMessage: Nullable(Type.String()),
  basket: BasketView,
});

export const uitpasRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const admin = requireRole(deps, 'admin');
  const sell = requireRole(deps, 'boxoffice');
  const staff = requireRole(deps, 'boxoffice', 'reporting');
  const evening = requireRole(deps, 'boxoffice', 'reporting', 'door');

  app.get('/api/uitpas/settings', {
    schema: { tags: ['uitpas'], summary: "The organisation's UiTPAS settings (the client secret is never shown)", response: { 200: SettingsView } },
    preHandler: admin,
  }, async (req) => getSettings(ctxOf(deps, req)));

  app.put('/api/uitpas/settings', {
    schema: {
      tags: ['uitpas'], summary: 'Set the UiTPAS credentials, URLs, organizer and channels',
      description: 'Leave clientSecret out to keep the stored one.',
      body: Type.Object({
        clientId: Text(200), clientSecret: Type.Optional(Text(500)), accountUrl: Url, apiUrl: Url, organizerId: Text(100),
        channels: Type.Object({ boxoffice: Type.Boolean(), online: Type.Boolean() }, { additionalProperties: false }),
      }, { additionalProperties: false }),
      response: { 200: SettingsView },
    },
    preHandler: admin,
  }, async (req) => saveSettings(ctxOf(deps, req), req.body));

  app.get('/api/uitpas/passes/:uitpasNumber/benefits', {
    schema: {
      tags: ['uitpas'], summary: "A passholder's points, coupons and the rewards their points buy, as UiTPAS answers them",
      description: 'The pass by UiTPAS number, INSZ or chip number. `null` lists: UiTPAS did not give them (listed in `unavailable`: the client lacks PASSHOLDER_COUPONS_READ or REWARDS_PASSHOLDERS_READ).',
      params: Type.Object({ uitpasNumber: UitpasNumber }),
      response: {
        200: Type.Object({
          uitpasNumber: Type.String(), points: Nullable(Type.Integer()),
          coupons: Nullable(Type.Array(Type.Object({
            name: Type.String(), description: Nullable(Type.String()), validUntil: Nullable(Type.String()),
            remaining: Nullable(Type.Object({ volume: Type.Integer(), period: Type.String() })),
          }))),
          rewards: Nullable(Type.Array(Type.Object({ title: Type.String(), points: Nullable(Type.Number()), description: Nullable(Type.String()) }))),
          unavailable: Type.Array(Type.String()),
        }),
      },
    },
    preHandler: sell,
  }, async (req) => passBenefits(ctxOf(deps, req), req.params.uitpasNumber));

  app.get('/api/uitpas/check', {
    schema: {
      tags: ['uitpas'], summary: 'Ask UiTPAS which permissions the client has for the organizer, and which are missing',
      response: {
        200: Type.Object({
          ok: Type.Boolean(), credentialsAccepted: Type.Boolean(), organizerId: Type.String(), organizerName: Nullable(Type.String()),
          permissions: Type.Array(Type.String()), missing: Type.Array(Type.String()),
        }),
      },
    },
    preHandler: admin,
  }, async (req) => checkPermissions(ctxOf(deps, req)));

  app.post('/api/baskets/:id/uitpas', {
    schema: {
      tags: ['selling', 'uitpas'], summary: 'Add a UiTPAS pass: read it, offer its tariffs, apply the social tariff (or the tariff asked for)',
      description: 'uitpasNumber takes a UiTPAS number, a national register number (INSZ) or a card chip number; the answer shows the UiTPAS number it belongs to. '
        + 'Offers: one per priced rank of each performance\'s standard ticket type. '
        + 'Without lineIds: every eligible line (an individual pass: one per performance; a group pass: up to its remaining tickets).',
      params: IdParams,
      body: Type.Object({
        uitpasNumber: UitpasNumber, lineIds: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 100 })),
        tariffId: Type.Optional(Text(100)),
      }, { additionalProperties: false }),
      response: { 200: PassAnswer },
    },
    preHandler: sell,
  }, async (req) => applyPass(ctxOf(deps, req), req.params.id, req.body));

  app.delete('/api/baskets/:id/uitpas/:uitpasNumber', {
    schema: {
      tags: ['selling', 'uitpas'], summary: 'Remove a pass: its lines return to the standard ticket type and price',
      params: Type.Object({ id: Text(100), uitpasNumber: UitpasNumber }), response: { 200: BasketView },
    },
    preHandler: sell,
  }, async (req) => removePass(ctxOf(deps, req), req.params.id, req.params.uitpasNumber));

  app.get('/api/uitpas/reconciliation', {
    schema: {
      tags: ['uitpas'], summary: "Compare a performance's UiTPAS tickets with the sales UiTPAS holds",
      querystring: Type.Object({ performance: Text(100) }, { additionalProperties: false }),
    },
    preHandler: staff,
  }, async (req) => reconcilePerformance(ctxOf(deps, req), req.query.performance));

  app.get('/api/uitpas/performances/:id/checkins', {
    schema: {
      tags: ['uitpas', 'checkin'], summary: "Whether admitting a UiTPAS holder checks them in at UiTPAS, and what became of the performance's check-ins",
      params: IdParams, response: { 200: CheckinsView },
    },
    preHandler: evening,
  }, async (req) => performanceCheckins(ctxOf(deps, req), req.params.id));

  app.put('/api/uitpas/performances/:id/checkins', {
    schema: {
      tags: ['uitpas', 'checkin'], summary: 'Switch UiTPAS check-ins at the door on or off for a performance',
      description: 'On: every admission of a ticket sold with a UiTPAS number queues a check-in at the performance\'s UiTdatabank event. '
        + 'Needs UiTPAS switched on for the performance and its UiTdatabank event id.',
      params: IdParams, body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }), response: { 200: CheckinsView },
    },
    preHandler: admin,
  }, async (req) => setPerformanceCheckins(ctxOf(deps, req), req.params.id, req.body));
};

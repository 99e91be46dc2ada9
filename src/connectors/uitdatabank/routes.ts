import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../../platform/auth.js';
import type { Deps } from '../../platform/context.js';
import { Nullable, Text } from '../../platform/schemas.js';
import { checkEvent, findEvents } from './search.js';
import { getUitdatabankSettings, saveUitdatabankSettings } from './settings.js';

const Url = Type.String({ minLength: 1, maxLength: 500, pattern: '^https?://' });
const Uuid = Type.String({ format: 'uuid' });

const SettingsView = Type.Object({
  configured: Type.Boolean(), searchUrl: Nullable(Type.String()), clientId: Nullable(Type.String()), updatedAt: Nullable(Type.String()),
});

const Candidate = Type.Object({
  eventId: Type.String(), title: Nullable(Type.String()), calendarType: Nullable(Type.String()),
  startDate: Nullable(Type.String()), endDate: Nullable(Type.String()),
  location: Type.Object({ name: Nullable(Type.String()), postalCode: Nullable(Type.String()), city: Nullable(Type.String()) }),
  organizer: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  uitpasLabels: Type.Array(Type.String()), organizerUitpasLabels: Type.Array(Type.String()),
  linked: Type.Boolean(), ok: Type.Boolean(),
  warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const uitdatabankRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const admin = requireRole(deps, 'admin');

  app.get('/api/uitdatabank/settings', {
    schema: { tags: ['uitpas'], summary: "The organisation's UiTdatabank Search API settings", response: { 200: SettingsView } },
    preHandler: admin,
  }, async (req) => getUitdatabankSettings(ctxOf(deps, req)));

  app.put('/api/uitdatabank/settings', {
    schema: {
      tags: ['uitpas'], summary: "Set the Search API's address (https://search.uitdatabank.be, or search-test) and the client id",
      body: Type.Object({ searchUrl: Url, clientId: Text(200) }, { additionalProperties: false }), response: { 200: SettingsView },
    },
    preHandler: admin,
  }, async (req) => saveUitdatabankSettings(ctxOf(deps, req), req.body));

  app.get('/api/uitdatabank/events', {
    schema: {
      tags: ['uitpas'], summary: "Search UiTdatabank for a performance's event: by the production's title (or text), the day and the venue's postal code",
      description: 'Each candidate says whether it carries a UiTPAS label and its organizer is a UiTPAS organizer, with warnings where not. '
        + "Link one with PATCH /api/performances/{id} {uitdatabankEventId}.",
      querystring: Type.Object({ performance: Text(100), text: Type.Optional(Text(200)) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          performanceId: Type.String(), linkedEventId: Nullable(Type.String()), totalItems: Type.Integer(),
          query: Type.Record(Type.String(), Type.String()), candidates: Type.Array(Candidate),
        }),
      },
    },
    preHandler: admin,
  }, async (req) => findEvents(ctxOf(deps, req), req.query.performance, req.query.text));

  app.get('/api/uitdatabank/check', {
    schema: {
      tags: ['uitpas'], summary: "Check a UiTdatabank event for a performance (default: the one it is linked to): UiTPAS label, UiTPAS organizer, time",
      querystring: Type.Object({ performance: Text(100), eventId: Type.Optional(Uuid) }, { additionalProperties: false }),
      response: { 200: Candidate },
    },
    preHandler: admin,
  }, async (req) => checkEvent(ctxOf(deps, req), req.query.performance, req.query.eventId));
};

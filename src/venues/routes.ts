import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { IdParams, Items, Nullable, StringEnum, Text, VisibleName } from '../platform/schemas.js';
import { TIME_ZONES } from '../platform/time.js';
import { COLOUR_PATTERN, LOGO_MAX_LENGTH, LOGO_PATTERN } from './branding.js';
import { MAX_RANK, MIN_RANK } from './rules.js';
import './problems.js';
import {
  createHall, createVenue, getHallWithMap, getVenue, listHalls, listVenues, updateHall, updateVenue, venueView,
} from './service.js';

const VenueBody = Type.Object({
  name: VisibleName(),
  address: Text(),
  postalCode: Type.String({ minLength: 1, maxLength: 20 }),
  city: Text(),
  country: Type.String({ pattern: '^[A-Z]{2}$' }),
  timeZone: StringEnum(TIME_ZONES),
  colour: Type.Optional(Nullable(Type.String({ pattern: COLOUR_PATTERN, description: 'For tickets and the shop: #rrggbb; null for Foyer\'s own' }))),
  logo: Type.Optional(Nullable(Type.String({
    pattern: LOGO_PATTERN, maxLength: LOGO_MAX_LENGTH, description: 'A PNG or JPEG of at most 150 kB as a data: URL (data:image/png;base64,…); null removes it',
  }))),
}, { additionalProperties: false });
const VenueView = Type.Object({
  id: Type.String(), name: Type.String(), address: Type.String(), postalCode: Type.String(),
  city: Type.String(), country: Type.String(), timeZone: Type.String(), colour: Nullable(Type.String()), logo: Nullable(Type.String()),
});

const Seat = Type.Object({
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' })),
  label: Type.String({ minLength: 1, maxLength: 20 }),
  rank: Type.Integer({ minimum: MIN_RANK, maximum: MAX_RANK }),
  x: Type.Integer({ minimum: 0, maximum: 100_000 }),
  y: Type.Integer({ minimum: 0, maximum: 100_000 }),
  wheelchair: Type.Optional(Type.Boolean()),
  companion: Type.Optional(Type.Boolean()),
  restrictedView: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
const SeatMap = Type.Object({
  sections: Type.Array(Type.Object({
    name: Text(100),
    rows: Type.Array(Type.Object({ label: Type.String({ minLength: 1, maxLength: 20 }), seats: Type.Array(Seat) }, { additionalProperties: false })),
  }, { additionalProperties: false })),
  zones: Type.Optional(Type.Array(Type.Object({
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' })),
    name: VisibleName(100),
    capacity: Type.Integer({ minimum: 1, maximum: 200_000 }),
    rank: Type.Optional(Type.Integer({ minimum: MIN_RANK, maximum: MAX_RANK })),
  }, { additionalProperties: false }))),
}, { additionalProperties: false });
const HallSummary = Type.Object({
  id: Type.String(), venueId: Type.String(), name: Type.String(),
  seatCount: Type.Integer(), zoneCapacity: Type.Integer(), capacity: Type.Integer(),
});
const HallWithMap = Type.Intersect([HallSummary, Type.Object({ seatMap: Type.Unknown() })]);

export const venueRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const read = requireRole(deps, 'boxoffice', 'reporting');
  const admin = requireRole(deps, 'admin');

  app.get('/api/venues', { schema: { tags: ['venues'], summary: 'Venues', response: { 200: Items(VenueView) } }, preHandler: read },
    async (req) => ({ items: await listVenues(ctxOf(deps, req)) }));

  app.post('/api/venues', { schema: { tags: ['venues'], summary: 'Create a venue', body: VenueBody, response: { 201: VenueView } }, preHandler: admin },
    async (req, reply) => reply.code(201).send(await createVenue(ctxOf(deps, req), req.body)));

  app.get('/api/venues/:id', { schema: { tags: ['venues'], params: IdParams, response: { 200: VenueView } }, preHandler: read },
    async (req) => venueView(await getVenue(ctxOf(deps, req), req.params.id)));

  app.patch('/api/venues/:id', {
    schema: { tags: ['venues'], summary: 'Change a venue', params: IdParams, body: Type.Partial(VenueBody, { additionalProperties: false }), response: { 200: VenueView } },
    preHandler: admin,
  }, async (req) => updateVenue(ctxOf(deps, req), req.params.id, req.body));

  app.get('/api/venues/:id/halls', { schema: { tags: ['venues'], params: IdParams, response: { 200: Items(HallSummary) } }, preHandler: read },
    async (req) => ({ items: await listHalls(ctxOf(deps, req), req.params.id) }));

  app.post('/api/venues/:id/halls', {
    schema: {
      tags: ['venues'],
      summary: 'Create a hall with its seat map (sections -> rows -> seats) and general-admission zones',
      params: IdParams,
      body: Type.Object({ name: VisibleName(), seatMap: SeatMap }, { additionalProperties: false }),
      response: { 201: HallWithMap },
    },
    preHandler: admin,
  }, async (req, reply) => reply.code(201).send(await createHall(ctxOf(deps, req), req.params.id, req.body.name, req.body.seatMap)));

  app.get('/api/halls/:id', { schema: { tags: ['venues'], summary: 'A hall with its seat map', params: IdParams, response: { 200: HallWithMap } }, preHandler: read },
    async (req) => getHallWithMap(ctxOf(deps, req), req.params.id));

  app.patch('/api/halls/:id', {
    schema: {
      tags: ['venues'],
      summary: 'Rename a hall or replace its seat map (refused if it drops seats in use)',
      params: IdParams,
      body: Type.Object({ name: Type.Optional(VisibleName()), seatMap: Type.Optional(SeatMap) }, { additionalProperties: false }),
      response: { 200: HallWithMap },
    },
    preHandler: admin,
  }, async (req) => updateHall(ctxOf(deps, req), req.params.id, req.body.name, req.body.seatMap));
};

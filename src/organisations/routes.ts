import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VisibleName } from '../platform/schemas.js';
import { requireRole, ctxOf } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { changeOrganisation, getOrganisation, organisationView } from './service.js';
import { SLUG_PATTERN } from './slug.js';

const OrganisationView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  slug: Type.Union([Type.String(), Type.Null()], { description: 'The address of its web shop: /shop/<slug>/' }),
  onlineHoldMinutes: Type.Integer(),
  boxofficeHoldMinutes: Type.Integer(),
  reservationHours: Type.Union([Type.Integer(), Type.Null()]),
});

export const organisationRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/organisation', {
    schema: { tags: ['organisation'], summary: "The caller's organisation and its settings", response: { 200: OrganisationView } },
    preHandler: requireRole(deps, 'boxoffice', 'reporting'),
  }, async (req) => organisationView(await getOrganisation(deps.db, ctxOf(deps, req).orgId)));

  app.patch('/api/organisation', {
    schema: {
      tags: ['organisation'],
      summary: 'Change the organisation name, its slug (the web shop address), hold times and reservation deadline (recorded in the audit trail)',
      body: Type.Object({
        name: Type.Optional(VisibleName()),
        slug: Type.Optional(Type.String({ pattern: SLUG_PATTERN, maxLength: 40 })),
        onlineHoldMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
        boxofficeHoldMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
        // One schema with a type list, not a union: Ajv's coercion would turn a refused 0 into null via the null branch.
        reservationHours: Type.Optional(Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: 24 * 365 })),
      }, { additionalProperties: false }),
      response: { 200: OrganisationView },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => organisationView(await changeOrganisation(ctxOf(deps, req), req.body)));
};

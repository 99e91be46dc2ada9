import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { AUDIT_SUBJECTS } from './rules.js';
import { listAudit } from './service.js';

const Ref = Type.Object({
  kind: Type.String(), name: Type.String(),
  names: Type.Optional(Type.Object({ nl: Type.String(), fr: Type.String(), en: Type.String() })),
  email: Type.Optional(Type.String()),
  startsAt: Type.Optional(Type.String({ description: 'a performance: its start, UTC' })),
  timeZone: Type.Optional(Type.String({ description: 'a performance: its venue\'s time zone' })),
});

const Event = Type.Object({
  id: Type.String(), at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() }),
  subject: Type.String(), subjectId: Type.String(), action: Type.String(), label: Type.String(),
  changes: Type.Record(Type.String(), Type.Array(Type.Unknown(), { minItems: 2, maxItems: 2 }), { description: 'field: [before, after]' }),
});

export const auditRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/audit', {
    schema: {
      tags: ['back office'], summary: 'The audit trail: who changed what and when (prices, performances, halls, users, settings), newest first',
      querystring: Type.Object({
        subject: Type.Optional(Type.Union(AUDIT_SUBJECTS.map((s) => Type.Literal(s)))),
        subjectId: Type.Optional(Type.String({ maxLength: 100 })),
        actorId: Type.Optional(Type.String({ maxLength: 100 })),
        from: Type.Optional(Type.String({ format: 'date', description: 'first day (UTC), inclusive' })),
        to: Type.Optional(Type.String({ format: 'date', description: 'last day (UTC), inclusive' })),
        limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        before: Type.Optional(Type.String({ maxLength: 200, description: 'the `next` cursor of the previous page' })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Event), next: Type.Union([Type.String(), Type.Null()]),
          refs: Type.Record(Type.String(), Ref, { description: 'the things the entries mention, by id (ticket types also as type:<Dutch name>); a thing deleted since is not here' }),
        }),
      },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => listAudit(ctxOf(deps, req), req.query));
};

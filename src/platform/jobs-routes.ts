import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { audit } from '../audit/service.js';
import { ctxOf, requireRole } from './auth.js';
import type { Deps } from './context.js';
import { JOB_STATUSES } from './jobs-tables.js';
import { countJobs, listJobs, retryJob } from './jobs-staff.js';
import { IdParams, Nullable, StringEnum } from './schemas.js';

const Status = StringEnum(JOB_STATUSES);
const JobView = Type.Object({
  id: Type.String(), kind: Type.String(), status: Status,
  attempts: Type.Integer(), maxAttempts: Type.Integer(), runAt: Type.String(),
  lockedUntil: Nullable(Type.String()), lastError: Nullable(Type.String()), dedupeKey: Nullable(Type.String()),
  payload: Type.Unknown(), createdAt: Type.String(), updatedAt: Type.String(),
});
const Counts = Type.Object({ pending: Type.Integer(), running: Type.Integer(), done: Type.Integer(), dead: Type.Integer() });

export const jobRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/jobs', {
    schema: {
      tags: ['jobs'],
      summary: 'Background jobs of the organisation (DIP pushes, UiTPAS calls, e-mails), newest first, with counts per status',
      querystring: Type.Object({
        status: Type.Optional(Status),
        kind: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        offset: Type.Integer({ minimum: 0, default: 0 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(JobView), counts: Counts }) },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => {
    const ctx = ctxOf(deps, req);
    const { status, kind, limit, offset } = req.query;
    return {
      items: await listJobs(ctx.db, ctx.orgId, { status, kind, limit, offset }, ctx.clock.now()),
      counts: await countJobs(ctx.db, ctx.orgId, kind),
    };
  });

  app.post('/api/jobs/:id/retry', {
    schema: {
      tags: ['jobs'],
      summary: 'Try a dead job again now, with a fresh set of attempts',
      params: IdParams,
      response: { 200: JobView },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => {
    const ctx = ctxOf(deps, req);
    // Who tried which job again, and when, in the same transaction as the retry.
    return ctx.db.transaction().execute(async (tx) => {
      const job = await retryJob(tx, ctx.orgId, req.params.id, ctx.clock.now());
      await audit(tx, ctx, { subject: 'job', subjectId: job.id, action: 'retried', label: job.kind, changes: { status: ['dead', 'pending'] } });
      return job;
    });
  });
};

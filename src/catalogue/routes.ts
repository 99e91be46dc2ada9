import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { IdParams, Text } from '../platform/schemas.js';
import { createKey, listKeys, revokeKey } from './keys.js';

/** Admin routes for the catalogue API's application keys. */
export const catalogueKeyRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const admin = requireRole(deps);

  app.post('/api/catalogue/keys', {
    schema: {
      tags: ['catalogue'], summary: 'Create an application key for the /v1 catalogue API; the secret is shown in this answer only',
      body: Type.Object({ label: Text(200) }, { additionalProperties: false }),
    },
    preHandler: admin,
  }, async (req, reply) => reply.code(201).send(await createKey(ctxOf(deps, req), req.body.label)));

  app.get('/api/catalogue/keys', { schema: { tags: ['catalogue'], summary: 'Application keys (never their secrets)' }, preHandler: admin },
    async (req) => ({ items: await listKeys(ctxOf(deps, req)) }));

  app.delete('/api/catalogue/keys/:id', { schema: { tags: ['catalogue'], summary: 'Revoke a key: its signatures are refused at once', params: IdParams }, preHandler: admin },
    async (req) => revokeKey(ctxOf(deps, req), req.params.id));
};

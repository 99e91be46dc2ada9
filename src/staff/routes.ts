import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { bearerToken, ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { Problem } from '../platform/problems.js';
import { StringEnum, VisibleName } from '../platform/schemas.js';
import { ROLES } from './tables.js';
import {
  createApiClient, createUser, issueClientToken, listApiClients, listUsers, login, logout, me,
  revokeApiClient, updateUser, userView,
} from './service.js';

const Role = StringEnum(ROLES);
const Password = Type.String({ minLength: 10, maxLength: 200 });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const UserView = Type.Object({
  id: Type.String(), email: Type.String(), name: Type.String(), role: Role,
  disabled: Type.Boolean(), createdAt: Type.String(),
});
const ApiClientView = Type.Object({
  id: Type.String(), clientId: Type.String(), name: Type.String(), role: Role,
  createdAt: Type.String(), revokedAt: Type.Union([Type.String(), Type.Null()]),
});

export const staffRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.post('/api/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Log in as a staff user; answers a bearer token',
      body: Type.Object({
        email: Type.String({ minLength: 3, maxLength: 320 }),
        password: Type.String({ minLength: 1, maxLength: 200 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: UserView }) },
    },
  }, async (req) => login(deps, req.body.email, req.body.password, req.ip));

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'End this session', response: { 204: Type.Null() } },
  }, async (req, reply) => {
    const token = bearerToken(req);
    if (!token) throw new Problem('unauthenticated');
    await logout(deps, token);
    return reply.code(204).send(null);
  });

  app.get('/api/me', {
    schema: { tags: ['auth'], summary: 'Who am I' },
    preHandler: requireRole(deps, 'boxoffice', 'reporting'),
  }, async (req) => me(ctxOf(deps, req)));

  app.post('/api/oauth/token', {
    schema: {
      tags: ['auth'],
      summary: 'OAuth 2 client credentials (form or JSON; or HTTP Basic) -> bearer JWT',
      body: Type.Object({
        grant_type: Type.Literal('client_credentials'),
        client_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        client_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        scope: Type.Optional(Type.String()),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ access_token: Type.String(), token_type: Type.Literal('Bearer'), expires_in: Type.Integer() }) },
    },
  }, async (req) => {
    let { client_id: id, client_secret: secret } = req.body;
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0) [id, secret] = [decodeURIComponent(decoded.slice(0, i)), decodeURIComponent(decoded.slice(i + 1))];
    }
    if (!id || !secret) throw new Problem('invalid-client', {}, [], { error: 'invalid_client' });
    return issueClientToken(deps, id, secret);
  });

  app.get('/api/users', {
    schema: { tags: ['staff'], summary: 'Staff users of the organisation', response: { 200: Type.Object({ items: Type.Array(UserView) }) } },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => ({ items: await listUsers(ctxOf(deps, req)) }));

  app.post('/api/users', {
    schema: {
      tags: ['staff'],
      summary: 'Create a staff user',
      body: Type.Object({
        email: Type.String({ format: 'email', maxLength: 320 }),
        name: VisibleName(),
        role: Role,
        password: Password,
      }, { additionalProperties: false }),
      response: { 201: UserView },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    return reply.code(201).send(userView(await createUser(ctx.db, ctx.orgId, req.body, ctx.clock.now())));
  });

  app.patch('/api/users/:id', {
    schema: {
      tags: ['staff'],
      summary: 'Rename, change role, disable, or set a new password',
      params: IdParams,
      body: Type.Object({
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        role: Type.Optional(Role),
        disabled: Type.Optional(Type.Boolean()),
        password: Type.Optional(Password),
      }, { additionalProperties: false }),
      response: { 200: UserView },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => updateUser(ctxOf(deps, req), req.params.id, req.body));

  app.get('/api/api-clients', {
    schema: { tags: ['staff'], summary: 'API clients (applications); secrets are never shown again', response: { 200: Type.Object({ items: Type.Array(ApiClientView) }) } },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => ({ items: await listApiClients(ctxOf(deps, req)) }));

  app.post('/api/api-clients', {
    schema: {
      tags: ['staff'],
      summary: 'Create an API client; the answer holds its secret, shown this once',
      body: Type.Object({ name: VisibleName(), role: Role }, { additionalProperties: false }),
      response: { 201: Type.Intersect([ApiClientView, Type.Object({ clientSecret: Type.String() })]) },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req, reply) => {
    const ctx = ctxOf(deps, req);
    return reply.code(201).send(await createApiClient(ctx.db, ctx.orgId, req.body.name, req.body.role, ctx.clock.now()));
  });

  app.delete('/api/api-clients/:id', {
    schema: { tags: ['staff'], summary: 'Revoke an API client (its tokens stop working at once)', params: IdParams, response: { 204: Type.Null() } },
    preHandler: requireRole(deps, 'admin'),
  }, async (req, reply) => {
    await revokeApiClient(ctxOf(deps, req), req.params.id);
    return reply.code(204).send(null);
  });
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { bearerToken, ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { Problem } from '../platform/problems.js';
import { pickLang } from '../platform/i18n.js';
import { StringEnum, VisibleName } from '../platform/schemas.js';
import { ROLES } from './tables.js';
import {
  addApiClient, addUser, issueClientToken, listApiClients, listUsers, login, logout, me,
  revokeApiClient, updateUser,
} from './service.js';
import { issueReset, redeemReset } from './reset.js';
import { signInHistory, usersWithAccess } from './sign-ins.js';

const Role = StringEnum(ROLES);
const Password = Type.String({ minLength: 10, maxLength: 200 });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

const UserView = Type.Object({
  id: Type.String(), email: Type.String(), name: Type.String(), role: Role,
  disabled: Type.Boolean(), createdAt: Type.String(),
});
const LoginAnswer = Type.Object({ token: Type.String(), expiresAt: Type.String(), user: UserView });
const Email = Type.String({ minLength: 3, maxLength: 320 });
const UserListView = Type.Object({
  ...UserView.properties,
  lastSignInAt: Type.Union([Type.String(), Type.Null()]),
  resetOpenUntil: Type.Union([Type.String(), Type.Null()], { description: 'a reset code is open until then' }),
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
        email: Email,
        password: Type.String({ minLength: 1, maxLength: 200 }),
      }, { additionalProperties: false }),
      response: { 200: LoginAnswer },
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
    preHandler: requireRole(deps, 'boxoffice', 'reporting', 'door'),
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
    schema: { tags: ['staff'], summary: 'Staff users of the organisation, with their last sign-in', response: { 200: Type.Object({ items: Type.Array(UserListView) }) } },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => {
    const ctx = ctxOf(deps, req);
    return { items: await usersWithAccess(ctx, await listUsers(ctx)) };
  });

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
  }, async (req, reply) => reply.code(201).send(await addUser(ctxOf(deps, req), req.body)));

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

  app.post('/api/users/:id/password-reset', {
    schema: {
      tags: ['staff'],
      summary: 'Reset a user\'s password: a one-time code (shown this once, valid 24 hours) the user signs in with to choose a new password',
      description: 'The old password and the user\'s sessions stop working at once; an earlier open code too.',
      params: IdParams,
      response: { 201: Type.Object({ code: Type.String(), expiresAt: Type.String() }) },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req, reply) => reply.code(201).send(await issueReset(ctxOf(deps, req), req.params.id)));

  app.post('/api/auth/reset-password', {
    schema: {
      tags: ['auth'],
      summary: 'Choose a new password with the reset code a manager gave; answers as a login',
      body: Type.Object({
        email: Email,
        code: Type.String({ minLength: 1, maxLength: 40 }),
        password: Password,
      }, { additionalProperties: false }),
      response: { 200: LoginAnswer },
    },
  }, async (req) => redeemReset(deps, { ...req.body, ip: req.ip, lang: pickLang(req.headers['accept-language']), log: req.log }));

  app.get('/api/users/:id/sign-ins', {
    schema: {
      tags: ['staff'], summary: 'Sign-in history of a user, newest first (kept FOYER_KEEP_LOGIN_ATTEMPTS_DAYS)',
      params: IdParams,
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ at: Type.String(), ip: Type.String(), succeeded: Type.Boolean() })) }) },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => ({ items: await signInHistory(ctxOf(deps, req), req.params.id, req.query.limit) }));

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
  }, async (req, reply) => reply.code(201).send(await addApiClient(ctxOf(deps, req), req.body.name, req.body.role)));

  app.delete('/api/api-clients/:id', {
    schema: { tags: ['staff'], summary: 'Revoke an API client (its tokens stop working at once)', params: IdParams, response: { 204: Type.Null() } },
    preHandler: requireRole(deps, 'admin'),
  }, async (req, reply) => {
    await revokeApiClient(ctxOf(deps, req), req.params.id);
    return reply.code(204).send(null);
  });
};

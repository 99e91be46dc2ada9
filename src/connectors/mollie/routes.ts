import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../../platform/auth.js';
import type { Deps } from '../../platform/context.js';
import { Nullable } from '../../platform/schemas.js';
import { systemCtx } from '../../platform/system-ctx.js';
import { paymentChanged } from '../../payments/settle.js';
import { checkMollie } from './check.js';
import { getMollieSettings, saveMollieSettings } from './settings.js';

const Url = Type.String({ minLength: 1, maxLength: 500, pattern: '^https?://' });
const SettingsView = Type.Object({
  configured: Type.Boolean(), enabled: Type.Boolean(), hasApiKey: Type.Boolean(), apiKeyMode: Nullable(Type.String()),
  endpoint: Type.String(), webhookBaseUrl: Nullable(Type.String()), webhookUrl: Nullable(Type.String()), updatedAt: Nullable(Type.String()),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const mollieRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const admin = requireRole(deps, 'admin');

  app.get('/api/mollie/settings', {
    schema: { tags: ['payments'], summary: "The organisation's Mollie settings (the API key is never shown)", response: { 200: SettingsView } },
    preHandler: admin,
  }, async (req) => getMollieSettings(ctxOf(deps, req)));

  app.put('/api/mollie/settings', {
    schema: {
      tags: ['payments'], summary: 'Set the Mollie API key, endpoint, webhook base URL and on/off',
      description: 'Leave apiKey out to keep the stored one. The endpoint is https://api.mollie.com/v2/ unless given (a sandbox\'s /v2/).',
      body: Type.Object({
        apiKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), endpoint: Type.Optional(Url), enabled: Type.Boolean(),
        webhookBaseUrl: Type.Optional(Nullable(Url)),
      }, { additionalProperties: false }),
      response: { 200: SettingsView },
    },
    preHandler: admin,
  }, async (req) => saveMollieSettings(ctxOf(deps, req), req.body));

  app.post('/api/mollie/check', {
    schema: {
      tags: ['payments'], summary: 'Ask Mollie with the stored key (on or off) which methods it offers for 10 euro',
      description: 'A refused key or no answer is an answer too: ok false, credentialsAccepted false (refused) or null (no answer), with Mollie\'s message.',
      response: {
        200: Type.Object({
          ok: Type.Boolean(), credentialsAccepted: Nullable(Type.Boolean()), mode: Type.String(), enabled: Type.Boolean(),
          methods: Type.Array(Type.String()), message: Nullable(Type.String()),
        }),
      },
    },
    preHandler: admin,
  }, async (req) => checkMollie(ctxOf(deps, req)));

  // Mollie's "look at payment X": public, answers 200 with nothing whatever the id, and acts only on
  // what Foyer then reads from Mollie with the organisation's own key.
  app.post('/api/webhooks/mollie/:organisationId', {
    schema: {
      tags: ['payments'], summary: 'Mollie webhook (form-encoded id=tr_...)', security: [],
      params: Type.Object({ organisationId: Type.String({ maxLength: 100 }) }),
      body: Type.Object({ id: Type.Optional(Type.String({ maxLength: 100 })) }),
    },
  }, async (req, reply) => {
    const { organisationId } = req.params;
    const id = req.body?.id;
    if (id && /^tr_[A-Za-z0-9]{1,64}$/.test(id) && UUID.test(organisationId)) {
      const org = await deps.db.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
      if (org) await paymentChanged(systemCtx(deps, org.id, req.log), id, req.log);
    }
    return reply.code(200).send();
  });
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import { IdParams, Items, Nullable, StringEnum } from '../platform/schemas.js';
import { CustomerView } from '../customers/schemas.js';
import { PERSONAL_DATA_ACTIONS } from './tables.js';
import { eraseCustomer, exportCustomer, personalDataLog } from './service.js';

const OrderRef = Type.Object({ orderId: Type.String(), number: Type.String() });
const Upcoming = Type.Object({ orderId: Type.String(), number: Type.String(), tickets: Type.Integer(), firstStartsAt: Type.String() });

export const privacyRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const admin = requireRole(deps, 'admin');

  // A POST: each export is an act that is logged, not a read that may be repeated unseen.
  app.post('/api/customers/:id/export', {
    schema: {
      tags: ['customers'],
      summary: "Everything Foyer holds about a customer, as one JSON document (GDPR access and portability)",
      description: 'The customer record, consents, orders with tickets and payments, what the web shop recorded, packs, streams, '
        + 'UiTPAS passes used and e-mails. The export is logged (who, when) without personal data.',
      params: IdParams,
      response: {
        200: Type.Object({
          exportedAt: Type.String(),
          organisation: Type.Object({ id: Type.String(), name: Type.String() }),
          customer: Type.Unknown(), consents: Type.Unknown(),
          orders: Type.Array(Type.Unknown()), shopDetails: Type.Array(Type.Unknown()), packs: Type.Array(Type.Unknown()),
          streams: Type.Array(Type.Unknown()), uitpas: Type.Array(Type.Unknown()), emails: Type.Array(Type.Unknown()),
        }),
      },
    },
    preHandler: admin,
  }, async (req, reply) => {
    const doc = await exportCustomer(ctxOf(deps, req), req.params.id);
    return reply.header('content-disposition', `attachment; filename="customer-${req.params.id}.json"`).send(doc);
  });

  app.post('/api/customers/:id/erase', {
    schema: {
      tags: ['customers'],
      summary: "Erase a customer's personal data (GDPR); their orders stay for the books",
      description: 'Name, e-mail, phone, postal code, city, birth date, language and newsletter consent are removed, the shop forgets the '
        + "e-mail address, and the buyer's details on the customer's web shop baskets are emptied. The record keeps its id, so orders, "
        + 'reports, packs and streams still add up; search no longer finds it. With open reservations or tickets for performances '
        + 'still to come it answers 409 erase-needs-confirmation naming them, unless confirm is true.',
      params: IdParams,
      body: Type.Object({ confirm: Type.Optional(Type.Boolean({ default: false })) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          customer: CustomerView, ordersKept: Type.Integer(), reservations: Type.Array(OrderRef), upcoming: Type.Array(Upcoming),
        }),
      },
    },
    preHandler: admin,
  }, async (req) => eraseCustomer(ctxOf(deps, req), req.params.id, req.body.confirm ?? false));

  app.get('/api/customers/:id/personal-data-log', {
    schema: {
      tags: ['customers'],
      summary: "When a customer's data was exported or erased, and by whom",
      params: IdParams,
      response: {
        200: Items(Type.Object({
          action: StringEnum(PERSONAL_DATA_ACTIONS), at: Type.String(),
          by: Type.Object({ kind: Type.String(), id: Type.String(), name: Nullable(Type.String()) }),
        })),
      },
    },
    preHandler: admin,
  }, async (req) => ({ items: await personalDataLog(ctxOf(deps, req), req.params.id) }));
};

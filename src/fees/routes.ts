import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Deps } from '../platform/context.js';
import type { FeeSettings } from './rules.js';
import { allFeeSettings, saveFeeSettings } from './service.js';

const Cents = Type.Integer({ minimum: 0, maximum: 100_000, description: 'euro cents, VAT included' });
const Rate = Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points: 2100 = 21 %' });
const ChannelFees = Type.Object({ perTicket: Cents, perOrder: Cents, vatRate: Rate }, { additionalProperties: false });
const FeesView = Type.Object({ boxoffice: ChannelFees, online: ChannelFees });

const view = (all: FeeSettings[]) => {
  const of = (c: 'boxoffice' | 'online') => {
    const s = all.find((x) => x.channel === c)!;
    return { perTicket: s.perTicket, perOrder: s.perOrder, vatRate: s.vatRate };
  };
  return { boxoffice: of('boxoffice'), online: of('online') };
};

export const feeRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/fees', {
    schema: { tags: ['selling'], summary: 'Service fees per channel: per ticket, per order, and their VAT rate', response: { 200: FeesView } },
    preHandler: requireRole(deps, 'boxoffice', 'reporting'),
  }, async (req) => { const ctx = ctxOf(deps, req); return view(await allFeeSettings(ctx.db, ctx.orgId)); });

  app.put('/api/fees', {
    schema: {
      tags: ['selling'], summary: 'Set the service fees of one or both channels',
      description: 'A fee per ticket is charged on every ticket priced above zero, a fee per order once on an order with such a ticket. '
        + 'Fees apply to baskets checked out after the change; orders keep the fees they were sold with.',
      body: Type.Object({ boxoffice: Type.Optional(ChannelFees), online: Type.Optional(ChannelFees) }, { additionalProperties: false }),
      response: { 200: FeesView },
    },
    preHandler: requireRole(deps, 'admin'),
  }, async (req) => view(await saveFeeSettings(ctxOf(deps, req), req.body)));
};

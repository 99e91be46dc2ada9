// The public web shop API (/api/shops/{slug}/…: no login; a buyer's basket is found by the token in
// the Basket-Token header) and its settings (/api/shop-settings, admin).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ctxOf, requireRole } from '../platform/auth.js';
import type { Ctx, Deps } from '../platform/context.js';
import { gated } from '../platform/gate.js';
import { pickLang } from '../platform/i18n.js';
import { publicBase } from '../platform/public-url.js';
import { invalidField } from '../platform/problems.js';
import { Day, Nullable, StringEnum, Text, VisibleName } from '../platform/schemas.js';
import { linesBodyError, type LinesRequest } from '../baskets/rules.js';
import { MAX_RANK, MIN_RANK } from '../venues/rules.js';
import { SLUG_PATTERN } from '../organisations/slug.js';
import { getSettings as uitpasSettings } from '../connectors/uitpas/settings.js';
import { paymentMethods } from '../payments/online.js';
import {
  abandon, addPack, addPass, addPlaces, addStream, basketForToken, changeType, dropLine, dropPack, dropPass, dropStream,
  openShopBasket, shopBasketView,
} from './baskets.js';
import { setBuyer } from './buyer.js';
import { checkoutShopBasket, shopPaymentStatus } from './checkout.js';
import { availability, packPage, performancePage, programme, streamPage } from './programme.js';
import { COLOUR_PATTERN } from './rules.js';
import {
  Availability, CheckoutAnswer, OpenedBasket, PaymentStatusAnswer, PackPage, PassAnswer, PerformancePage, Programme, ShopBasketView, ShopInfo,
  ShopSettingsView, StreamPage,
} from './schemas.js';
import { getShopSettings, linksOf, openShop, saveShopSettings, settingsView, type Shop } from './settings.js';

export const BASKET_TOKEN_HEADER = 'basket-token';

const Slug = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 40 }) });
const SlugId = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 40 }), id: Text(100) });
const SlugLine = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 40 }), lineId: Text(100) });
const TokenHeader = Type.Object({ [BASKET_TOKEN_HEADER]: Type.Optional(Type.String({ maxLength: 200 })) });
const Url = Type.String({ maxLength: 2000, pattern: '^https?://' });

const LANGS = ['nl', 'fr', 'en'] as const;

export const shopRoutes = (deps: Deps): FastifyPluginAsyncTypebox => async (app) => {
  const admin = requireRole(deps, 'admin');

  /** The shop at the request's slug and a context acting for its anonymous buyer. */
  const shopCtx = async (req: FastifyRequest): Promise<{ shop: Shop; ctx: Ctx }> => {
    const shop = await openShop(deps.db, (req.params as { slug: string }).slug);
    const ctx: Ctx = {
      db: deps.db, dialect: deps.dialect, orgId: shop.org.id, clock: deps.clock, log: req.log,
      actor: { kind: 'client', id: 'shop', orgId: shop.org.id, role: 'boxoffice' },
      lang: pickLang(req.headers['accept-language'], 'nl'),
    };
    return { shop, ctx };
  };
  /** The shop, its buyer's context and the buyer's basket (404 for a token of any other basket or shop). */
  const withBasket = async (req: FastifyRequest) => {
    const { shop, ctx } = await shopCtx(req);
    const sb = await basketForToken(ctx, req.headers[BASKET_TOKEN_HEADER] as string | undefined);
    return { shop, ctx, sb };
  };
  const pub = (summary: string, extra: Record<string, unknown> = {}) => ({ tags: ['shop'], summary, security: [], ...extra });
  const withToken = (summary: string, extra: Record<string, unknown> = {}) => pub(summary, {
    description: `The buyer's basket token (from POST /api/shops/{slug}/baskets) goes in the \`Basket-Token\` header.`,
    headers: TokenHeader, ...extra,
  });

  // --- settings (admin) ------------------------------------------------------------------------
  app.get('/api/shop-settings', {
    schema: { tags: ['shop'], summary: "The organisation's web shop settings and address", response: { 200: ShopSettingsView } },
    preHandler: admin,
  }, async (req) => settingsView(await getShopSettings(ctxOf(deps, req)), publicBase(deps, req)));

  app.put('/api/shop-settings', {
    schema: {
      tags: ['shop'], summary: 'Turn the web shop on or off and set its name, logo, colour, embedding origins, terms and address (recorded in the audit trail)',
      description: 'Fields left out keep their value. `slug` changes the shop address (/shop/<slug>/) and the organisation\'s slug.',
      body: Type.Object({
        enabled: Type.Boolean(),
        slug: Type.Optional(Type.String({ pattern: SLUG_PATTERN, maxLength: 40 })),
        displayName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
        logoUrl: Type.Optional(Nullable(Url)),
        colour: Type.Optional(Nullable(Type.String({ pattern: COLOUR_PATTERN }))),
        embedOrigins: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 })),
        termsUrl: Type.Optional(Nullable(Url)),
        maxPlaces: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        buyerCancelHours: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 8760, description: 'Buyers may cancel a paid online order themselves up to this many hours before its first performance (refunded through the payment provider); null: they may not' }))),
      }, { additionalProperties: false }),
      response: { 200: ShopSettingsView },
    },
    preHandler: admin,
  }, async (req) => settingsView(await saveShopSettings(ctxOf(deps, req), req.body), publicBase(deps, req)));

  app.get('/api/shop-links', {
    schema: {
      tags: ['shop'], summary: "The web shop's address, for staff who send a buyer there",
      description: 'null while the shop is off. A performance is at `{home}performances/{id}`, a pack at `{home}packs/{id}`, a stream at `{home}streams/{id}`.',
      response: { 200: Type.Object({ home: Nullable(Type.String()) }) },
    },
    preHandler: requireRole(deps, 'boxoffice', 'reporting'),
  }, async (req) => {
    const ctx = ctxOf(deps, req);
    return { home: (await linksOf(ctx.db, ctx.orgId, publicBase(deps, req)))?.home ?? null };
  });

  // --- reading -----------------------------------------------------------------------------------
  app.get('/api/shops/:slug', { schema: { ...pub('The shop: its name, logo, colour, terms and limits'), params: Slug, response: { 200: ShopInfo } } },
    async (req) => {
      const { shop, ctx } = await shopCtx(req);
      const uitpas = await uitpasSettings(ctx);
      return {
        slug: shop.slug, name: shop.name, logoUrl: shop.logoUrl, colour: shop.colour, termsUrl: shop.termsUrl, maxPlaces: shop.maxPlaces,
        holdMinutes: shop.org.online_hold_minutes, uitpas: uitpas.configured && uitpas.channels.online, languages: [...LANGS], defaultLanguage: 'nl',
      };
    });

  app.get('/api/shops/:slug/programme', {
    schema: {
      ...pub('Productions with performances to come, by date; packs and streams on sale'), params: Slug,
      querystring: Type.Object({
        from: Type.Optional(Day), to: Type.Optional(Day),
        venue: Type.Optional(Text(100)), genre: Type.Optional(Text(100)),
      }, { additionalProperties: false }),
      response: { 200: Programme },
    },
  }, async (req) => programme((await shopCtx(req)).ctx, { from: req.query.from, to: req.query.to, venueId: req.query.venue, genre: req.query.genre }));

  app.get('/api/shops/:slug/performances/:id', {
    schema: { ...pub("A performance's page: its seat map, zones and the ticket types sold online with their prices"), params: SlugId, response: { 200: PerformancePage } },
  }, async (req) => performancePage((await shopCtx(req)).ctx, req.params.id));

  app.get('/api/shops/:slug/performances/:id/availability', {
    schema: { ...pub('Which seats are taken and how many places are free per zone and rank (at most a second old)'), params: SlugId, response: { 200: Availability } },
  }, async (req) => availability((await shopCtx(req)).ctx, req.params.id));

  app.get('/api/shops/:slug/packs/:id', { schema: { ...pub('A pack on sale with its sets'), params: SlugId, response: { 200: PackPage } } },
    async (req) => packPage((await shopCtx(req)).ctx, req.params.id));

  app.get('/api/shops/:slug/streams/:id', { schema: { ...pub('A stream on sale'), params: SlugId, response: { 200: StreamPage } } },
    async (req) => streamPage((await shopCtx(req)).ctx, req.params.id));

  app.get('/api/shops/:slug/payment-methods', {
    schema: {
      ...pub('The payment methods the buyer may pick for this amount (cents), in their language',
        { description: 'Without online payments set up: 409 online-payments-off (the shop then shows no choice).' }),
      params: Slug,
      querystring: Type.Object({ amount: Type.Integer({ minimum: 0, maximum: 100_000_000 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), description: Type.String(), image: Nullable(Type.String()) })) }) },
    },
  }, async (req) => {
    const { ctx } = await shopCtx(req);
    const items = await paymentMethods(ctx, { amount: Math.max(1, req.query.amount), locale: ctx.lang });
    return { items: items.map((m) => ({ id: m.id, description: m.description, image: m.image })) };
  });

  // --- the buyer's basket ------------------------------------------------------------------------
  app.post('/api/shops/:slug/baskets', {
    schema: {
      ...pub('Open a basket: answers its token (keep it; it is shown once) and the basket',
        { description: 'In a rush this waits at the door, or answers 503 busy with Retry-After when too many wait.' }),
      params: Slug, response: { 201: OpenedBasket },
    },
  }, async (req, reply) => {
    const { ctx } = await shopCtx(req);
    const opened = await gated(deps, req, 'enter', () => openShopBasket(ctx));
    return reply.code(201).send({ token: opened.token, basket: await shopBasketView(ctx, opened.row) });
  });

  app.get('/api/shops/:slug/basket', { schema: { ...withToken('The basket: lines, packs, streams, total, hold, buyer and order'), params: Slug, response: { 200: ShopBasketView } } },
    async (req) => { const { ctx, sb } = await withBasket(req); return shopBasketView(ctx, sb); });

  app.delete('/api/shops/:slug/basket', {
    schema: { ...withToken('Give the basket up: its places return to sale at once'), params: Slug, response: { 204: Type.Null() } },
  }, async (req, reply) => { const { ctx, sb } = await withBasket(req); await abandon(ctx, sb); return reply.code(204).send(null); });

  app.post('/api/shops/:slug/basket/lines', {
    schema: {
      ...withToken('Add places: chosen seats, the best N (in a rank), or N places of a general-admission zone',
        { description: 'Wheelchair spaces need wheelchairConfirmed: true (else 409 wheelchair-confirm with wheelchairSeatIds). At most the shop\'s maxPlaces per basket.' }),
      params: Slug,
      body: Type.Object({
        performanceId: Text(100),
        seatIds: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 100 })),
        quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
        rank: Type.Optional(Type.Integer({ minimum: MIN_RANK, maximum: MAX_RANK })),
        zoneId: Type.Optional(Text(100)),
        ticketTypeId: Type.Optional(Text(100)),
        wheelchairConfirmed: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 200: ShopBasketView },
    },
  }, async (req) => {
    const { wheelchairConfirmed, ...lines } = req.body;
    const wrong = linesBodyError(lines);
    if (wrong) throw invalidField(wrong.field, wrong.message);
    const { shop, ctx, sb } = await withBasket(req);
    return gated(deps, req, 'hold', () => addPlaces(ctx, shop, sb, { ...(lines as LinesRequest), wheelchairConfirmed }));
  });

  app.patch('/api/shops/:slug/basket/lines/:lineId', {
    schema: {
      ...withToken("Change a line's ticket type (one of its choices); the price follows"), params: SlugLine,
      body: Type.Object({ ticketTypeId: Text(100) }, { additionalProperties: false }), response: { 200: ShopBasketView },
    },
  }, async (req) => { const { ctx, sb } = await withBasket(req); return changeType(ctx, sb, req.params.lineId, req.body.ticketTypeId); });

  app.delete('/api/shops/:slug/basket/lines/:lineId', {
    schema: { ...withToken('Remove a line; its place returns to sale'), params: SlugLine, response: { 200: ShopBasketView } },
  }, async (req) => { const { ctx, sb } = await withBasket(req); return dropLine(ctx, sb, req.params.lineId); });

  app.post('/api/shops/:slug/basket/packs', {
    schema: {
      ...withToken('Add a pack (a subscription with its performances holds their places at once)'), params: Slug,
      body: Type.Object({ packId: Text(100), performanceIds: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 100 })) }, { additionalProperties: false }),
      response: { 200: ShopBasketView },
    },
  }, async (req) => {
    const { ctx, sb } = await withBasket(req);
    return gated(deps, req, 'hold', () => addPack(ctx, sb, req.body.packId, req.body.performanceIds));
  });

  app.delete('/api/shops/:slug/basket/packs/:lineId', {
    schema: { ...withToken('Take a pack out, with the places held for it'), params: SlugLine, response: { 200: ShopBasketView } },
  }, async (req) => { const { ctx, sb } = await withBasket(req); return dropPack(ctx, sb, req.params.lineId); });

  app.post('/api/shops/:slug/basket/streams', {
    schema: {
      ...withToken('Add a stream (video on demand)'), params: Slug,
      body: Type.Object({ streamId: Text(100), quantity: Type.Integer({ minimum: 1, maximum: 10, default: 1 }) }, { additionalProperties: false }),
      response: { 200: ShopBasketView },
    },
  }, async (req) => { const { ctx, sb } = await withBasket(req); return addStream(ctx, sb, req.body.streamId, req.body.quantity); });

  app.delete('/api/shops/:slug/basket/streams/:lineId', {
    schema: { ...withToken('Take a stream out'), params: SlugLine, response: { 200: ShopBasketView } },
  }, async (req) => { const { ctx, sb } = await withBasket(req); return dropStream(ctx, sb, req.params.lineId); });

  app.post('/api/shops/:slug/basket/uitpas', {
    schema: {
      ...withToken('Add a UiTPAS pass number: its tariff goes on the lines it may have, or UiTPAS says why not',
        { description: 'A refusal is 409 uitpas-refused with UiTPAS\'s own message as detail. Several passes per basket; each once.' }),
      params: Slug,
      body: Type.Object({ uitpasNumber: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
      response: { 200: PassAnswer },
    },
  }, async (req) => { const { ctx, sb } = await withBasket(req); return addPass(ctx, sb, req.body.uitpasNumber.replace(/\s+/g, '')); });

  app.delete('/api/shops/:slug/basket/uitpas/:uitpasNumber', {
    schema: {
      ...withToken('Take a pass off: its lines get their regular type and price back'),
      params: Type.Object({ slug: Type.String({ minLength: 1, maxLength: 40 }), uitpasNumber: Type.String({ minLength: 1, maxLength: 40 }) }),
      response: { 200: ShopBasketView },
    },
  }, async (req) => { const { ctx, sb } = await withBasket(req); return dropPass(ctx, sb, req.params.uitpasNumber); });

  app.put('/api/shops/:slug/basket/buyer', {
    schema: {
      ...withToken("The buyer's details: name, e-mail (twice), phone, language, newsletter, terms",
        { description: 'The customer is found by e-mail address, or created: one person, one customer.' }),
      params: Slug,
      body: Type.Object({
        name: VisibleName(200),
        email: Type.String({ format: 'email', maxLength: 320 }),
        emailConfirm: Type.String({ maxLength: 320 }),
        phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9 +()./-]*$' }))),
        language: StringEnum(LANGS),
        newsletter: Type.Boolean({ default: false }),
        termsAccepted: Type.Boolean(),
      }, { additionalProperties: false }),
      response: { 200: ShopBasketView },
    },
  }, async (req) => {
    const { ctx, sb } = await withBasket(req);
    return shopBasketView(ctx, await setBuyer(ctx, sb, req.body));
  });

  app.post('/api/shops/:slug/basket/checkout', {
    schema: {
      ...withToken('Pay: answers the order and the payment page to send the buyer to',
        { description: 'A basket that owes nothing becomes a paid order at once; its checkoutUrl is the shop\'s return page.' }),
      params: Slug,
      body: Type.Object({ method: Type.Optional(Type.String({ maxLength: 50 })) }, { additionalProperties: false }),
      response: { 200: CheckoutAnswer },
    },
  }, async (req) => {
    const { shop, ctx, sb } = await withBasket(req);
    const token = req.headers[BASKET_TOKEN_HEADER] as string;
    const returnUrl = `${publicBase(deps, req)}/shop/${shop.slug}/return?basket=${encodeURIComponent(token)}`;
    return gated(deps, req, 'checkout', () => checkoutShopBasket(ctx, sb, { method: req.body.method, returnUrl }));
  });

  app.get('/api/shops/:slug/basket/payment', {
    schema: {
      ...withToken('How the payment went, when the buyer comes back from the payment page',
        { description: 'Asks the payment provider first (its webhook may not have come yet). `paid`: the tickets are valid and myOrderUrl opens them; `released`: the payment failed, was cancelled or expired and the places are back on sale; `awaiting_payment`: not decided yet (ask again in a few seconds), payment.checkoutUrl goes back to the payment page.' }),
      params: Slug,
      response: { 200: PaymentStatusAnswer },
    },
  }, async (req) => {
    const { ctx, sb } = await withBasket(req);
    return shopPaymentStatus(ctx, sb);
  });
};

// The calls of the Utick-compatible /v1 API Foyer answers: method, path (after normalising slashes), handler.
import type { Ctx } from '../platform/context.js';
import { applicationObject, type Access } from './access.js';
import { attraction, attractions, categories, category, event, eventStocks, events, venue, venues, type Scope } from './agenda.js';
import { contact, contacts, createContact, updateContact } from './contacts.js';
import { UtickError } from './envelope.js';
import { packDetails, pack, packs, stream, streamControl, streamStocks, streams } from './offers.js';
import { orders, ticketSets } from './orders.js';
import { clearOrder, createOrder, updateOrder, utickOrderObject } from './shop-orders.js';
import { product, products, removeAllProducts, removeProduct, requestStock, updateProduct } from './shop-products.js';
import { pickSeat, planCategories, stock, suggestions } from './shop-stocks.js';
import { createPayment, method, methods, molliePayment, payment, payments, refreshPayment, ticketsPdf } from './shop-payments.js';
import type { Lane } from '../platform/gate.js';
import { controlCodes, controllableEvents, deviceInfo } from './access-control.js';
import { applyPromoCode, promoCode, promoCodes } from './promocodes.js';
import { id, optionalId, optionalString, paging, type Params } from './params.js';

/** What a call gets: the scope it reads in, its parameters, its path's match, and a service context for writes. */
export interface Call {
  s: Scope;
  access: Access;
  p: Params;
  m: RegExpExecArray;
  ctx: () => Ctx;
  /** Runs selling work through the process's selling door (src/platform/gate.ts), as the shop's routes do. */
  sell: <T>(lane: Lane, work: () => Promise<T>) => Promise<T>;
  /** Foyer's public address (no trailing slash). */
  base: string;
}
type Handler = (c: Call) => Promise<unknown>;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: RegExp;
  handle: Handler;
  /** Answers the same for every id (Foyer has no such records): left out of the generated cross-organisation test. */
  noRecords?: true;
}

const get = (path: RegExp, handle: Handler, extra: Partial<Route> = {}): Route => ({ method: 'GET', path, handle, ...extra });
const post = (path: RegExp, handle: Handler): Route => ({ method: 'POST', path, handle });
const patch = (path: RegExp, handle: Handler): Route => ({ method: 'PATCH', path, handle });
const del = (path: RegExp, handle: Handler): Route => ({ method: 'DELETE', path, handle });
const ID = (m: RegExpExecArray) => id(m[1], 'id');

export const ROUTES: readonly Route[] = [
  get(/^\/system\/authenticate$/, async ({ access }) => applicationObject(access)),
  get(/^\/catalogue\/packs$/, ({ s, p }) => packs(s, paging(p))),
  get(/^\/catalogue\/packs\/details\/([^/]+)$/, ({ s, p, m }) => packDetails(s, ID(m), optionalId(p, 'stockid'))),
  get(/^\/catalogue\/packs\/([^/]+)$/, ({ s, m }) => pack(s, ID(m))),
  get(/^\/catalogue\/streams$/, ({ s, p }) => streams(s, paging(p))),
  get(/^\/catalogue\/streams\/([^/]+)\/control$/, ({ s, p, m }) => streamControl(s, ID(m), {
    contactId: optionalId(p, 'contactid'), accessCode: optionalString(p, 'accesscode', 100)?.toUpperCase(),
  })),
  get(/^\/catalogue\/streams\/([^/]+)$/, ({ s, m }) => stream(s, ID(m))),
  get(/^\/agenda\/venues$/, ({ s, p }) => venues(s, paging(p))),
  get(/^\/agenda\/venues\/([^/]+)$/, ({ s, m }) => venue(s, ID(m))),
  get(/^\/agenda\/attractions\/categories$/, ({ s, p }) => categories(s, paging(p))),
  get(/^\/agenda\/attractions\/categories\/([^/]+)$/, ({ s, m }) => category(s, ID(m))),
  get(/^\/agenda\/attractions$/, ({ s, p }) => attractions(s, paging(p), {
    externalId: optionalString(p, 'externalid', 100), categoryId: optionalId(p, 'categoryid'),
  })),
  get(/^\/agenda\/attractions\/([^/]+)$/, ({ s, m }) => attraction(s, ID(m))),
  get(/^\/agenda\/events$/, ({ s, p }) => {
    const eventId = optionalId(p, 'eventid');
    return events(s, { eventIds: eventId ? [eventId] : undefined, attractionId: optionalId(p, 'attractionid'), venueId: optionalId(p, 'venueid') }, paging(p));
  }),
  get(/^\/agenda\/events\/([^/]+)$/, ({ s, m }) => event(s, ID(m))),
  // Foyer has no time slots: no event has them (hastimeslots is false), so every list is empty.
  get(/^\/agenda\/timeslots$/, async ({ p }) => {
    optionalId(p, 'eventid');
    paging(p);
    return [];
  }),
  get(/^\/agenda\/timeslots\/([^/]+)$/, async ({ m }) => {
    ID(m);
    throw UtickError.notFound('timeslot');
  }, { noRecords: true }),
  get(/^\/shop\/products\/stocks$/, async ({ s, p }) => {
    const page = paging(p);
    const eventId = optionalId(p, 'eventid');
    const streamId = optionalId(p, 'streamid');
    if (eventId) return eventStocks(s, [eventId]);
    if (streamId) return streamStocks(s, streamId);
    const listed = await events(s, {}, page);
    return eventStocks(s, listed.map((e) => e.id.toLowerCase()));
  }),
  get(/^\/shop\/orders$/, ({ s, p }) => orders(s, { contactId: optionalId(p, 'contactid') }, paging(p))),
  get(/^\/shop\/orders\/tickets$/, async ({ s, p }) => {
    const orderId = optionalId(p, 'orderid');
    const contactId = optionalId(p, 'contactid');
    if (!orderId && !contactId) throw new UtickError(400, 'tickets-need-filter');
    return ticketSets(s, { orderId, contactId });
  }),
  get(/^\/shop\/orders\/tickets\/pdf$/, (c) => ticketsPdf(c)),
  post(/^\/shop\/orders$/, (c) => createOrder(c)),
  get(/^\/shop\/orders\/payments$/, (c) => payments(c)),
  post(/^\/shop\/orders\/payments$/, (c) => createPayment(c)),
  patch(/^\/shop\/orders\/payments$/, (c) => molliePayment(c)),
  get(/^\/shop\/orders\/payments\/([^/]+)$/, (c) => payment(c, ID(c.m))),
  patch(/^\/shop\/orders\/payments\/([^/]+)$/, (c) => refreshPayment(c, ID(c.m))),
  del(/^\/shop\/orders\/payments\/([^/]+)$/, async (c) => {
    await payment(c, ID(c.m));
    throw new UtickError(409, 'payment-fixed');
  }),
  get(/^\/shop\/orders\/([^/]+)$/, (c) => utickOrderObject(c, ID(c.m))),
  patch(/^\/shop\/orders\/([^/]+)$/, (c) => updateOrder(c, ID(c.m))),
  del(/^\/shop\/orders\/([^/]+)$/, (c) => clearOrder(c, ID(c.m))),
  get(/^\/shop\/products$/, (c) => {
    const orderId = optionalId(c.p, 'orderid');
    if (!orderId) throw new UtickError(400, 'order-required');
    return products(c, orderId);
  }),
  post(/^\/shop\/products$/, (c) => requestStock(c)),
  del(/^\/shop\/products$/, (c) => removeAllProducts(c)),
  get(/^\/shop\/products\/stocks\/suggestions\/([^/]+)$/, (c) => suggestions(c, ID(c.m), c.p)),
  get(/^\/shop\/products\/stocks\/plancategories\/([^/]+)$/, (c) => planCategories(c, ID(c.m))),
  patch(/^\/shop\/products\/stocks\/plancategories\/([^/]+)$/, (c) => pickSeat(c, ID(c.m))),
  get(/^\/shop\/products\/stocks\/([^/]+)$/, (c) => stock(c, ID(c.m))),
  get(/^\/shop\/products\/([^/]+)$/, (c) => product(c, ID(c.m))),
  patch(/^\/shop\/products\/([^/]+)$/, (c) => updateProduct(c, ID(c.m))),
  del(/^\/shop\/products\/([^/]+)$/, (c) => removeProduct(c, ID(c.m))),
  get(/^\/shop\/promocodes$/, (c) => promoCodes(c)),
  get(/^\/shop\/promocodes\/([^/]+)$/, (c) => promoCode(c, ID(c.m))),
  post(/^\/shop\/promocodes\/([^/]+)$/, async (c) => products(c, await applyPromoCode(c, ID(c.m)))),
  get(/^\/shop\/paymentmethods$/, (c) => methods(c)),
  get(/^\/shop\/paymentmethods\/([^/]+)$/, (c) => method(c, c.m[1]), { noRecords: true }),
  get(/^\/accesscontrol\/deviceinfo$/, (c) => deviceInfo(c)),
  get(/^\/accesscontrol\/events$/, (c) => controllableEvents(c)),
  patch(/^\/accesscontrol\/events\/([^/]+)\/control$/, (c) => controlCodes(c, ID(c.m), 'in')),
  del(/^\/accesscontrol\/events\/([^/]+)\/control$/, (c) => controlCodes(c, ID(c.m), 'out')),
  get(/^\/contacts$/, ({ s, p }) => contacts(s, p, paging(p))),
  { method: 'POST', path: /^\/contacts$/, handle: ({ s, p, ctx }) => createContact(ctx(), s, p) },
  get(/^\/contacts\/([^/]+)$/, ({ s, m }) => contact(s, ID(m))),
  { method: 'PATCH', path: /^\/contacts\/([^/]+)$/, handle: ({ s, p, m, ctx }) => updateContact(ctx(), s, ID(m), p) },
];

const template = (re: RegExp) => re.source.replace(/^\^|\$$/g, '').replace(/\\\//g, '/').replace(/\(\[\^\/\]\+\)/g, '{id}');

/**
 * The GET calls under /v1 besides /ping that read an organisation's records, as templates
 * ("/catalogue/packs/{id}"), for tests generated from them.
 */
export const CATALOGUE_CALLS: readonly string[] = ROUTES.filter((r) => r.method === 'GET' && !r.noRecords).map((r) => template(r.path));

/** Every call Foyer answers, as "GET /agenda/events/{id}". */
export const ALL_CALLS: readonly string[] = ['GET /ping', ...ROUTES.map((r) => `${r.method} ${template(r.path)}`)];

// The Utick-compatible catalogue API under /v1. One catch-all route: clients send doubled slashes
// ("catalogue/packs//") and JSON bodies on GET, which Fastify's router and body parser do not take.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../platform/context.js';
import { attractions, eventStocks, events, venues, type Scope } from './agenda.js';
import { UtickError, failure, success, type UtickLanguage } from './envelope.js';
import { packDetails, pack, packs, stream, streamControl, streamStocks, streams } from './offers.js';
import { foyerLang, id, language, optionalId, optionalString, paging, type Params } from './params.js';
import { authenticateApplication } from './signature.js';
import { linksOf } from '../shop/settings.js';
import { publicBase } from '../platform/public-url.js';

declare module 'fastify' {
  interface FastifyRequest {
    utickBody?: unknown;
  }
}

type Handler = (s: Scope, p: Params, m: RegExpExecArray) => Promise<unknown>;

const ROUTES: [RegExp, Handler][] = [
  [/^\/catalogue\/packs$/, (s, p) => packs(s, paging(p))],
  [/^\/catalogue\/packs\/details\/([^/]+)$/, (s, p, m) => packDetails(s, id(m[1], 'id'), optionalId(p, 'stockid'))],
  [/^\/catalogue\/packs\/([^/]+)$/, (s, _p, m) => pack(s, id(m[1], 'id'))],
  [/^\/catalogue\/streams$/, (s, p) => streams(s, paging(p))],
  [/^\/catalogue\/streams\/([^/]+)\/control$/, (s, p, m) => streamControl(s, id(m[1], 'id'), {
    contactId: optionalId(p, 'contactid'), accessCode: optionalString(p, 'accesscode', 100)?.toUpperCase(),
  })],
  [/^\/catalogue\/streams\/([^/]+)$/, (s, _p, m) => stream(s, id(m[1], 'id'))],
  [/^\/agenda\/venues$/, (s, p) => venues(s, paging(p))],
  [/^\/agenda\/attractions$/, (s, p) => attractions(s, paging(p))],
  [/^\/agenda\/events$/, (s, p) => {
    const eventId = optionalId(p, 'eventid');
    return events(s, { eventIds: eventId ? [eventId] : undefined, attractionId: optionalId(p, 'attractionid'), venueId: optionalId(p, 'venueid') }, paging(p));
  }],
  [/^\/shop\/products\/stocks$/, async (s, p) => {
    const page = paging(p);
    const eventId = optionalId(p, 'eventid');
    const streamId = optionalId(p, 'streamid');
    if (eventId) return eventStocks(s, [eventId]);
    if (streamId) return streamStocks(s, streamId);
    const listed = await events(s, {}, page);
    return eventStocks(s, listed.map((e) => e.id.toLowerCase()));
  }],
];

/** The calls under /v1 besides /ping, as templates ("/catalogue/packs/{id}"), for tests generated from them. */
export const CATALOGUE_CALLS: readonly string[] = ROUTES.map(([re]) =>
  re.source.replace(/^\^|\$$/g, '').replace(/\\\//g, '/').replace(/\(\[\^\/\]\+\)/g, '{id}'));

/** "/v1//catalogue/packs//" -> "/catalogue/packs". */
export const normalisePath = (url: string): string =>
  url.split('?')[0].replace(/\/{2,}/g, '/').replace(/^\/v1(?=\/|$)/, '').replace(/\/$/, '');

const MAX_GET_BODY = 64 * 1024;

async function readRawBody(req: FastifyRequest): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req.raw) {
    size += (c as Buffer).length;
    if (size > MAX_GET_BODY) throw new UtickError(413, 'the body is too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function paramsOf(req: FastifyRequest): Params {
  const body = req.body ?? req.utickBody;
  const fromBody = body && typeof body === 'object' && !Array.isArray(body) ? (body as Params) : {};
  return { ...fromBody, ...((req.query ?? {}) as Params) };
}

export const catalogueApi = (deps: Deps) => async (app: FastifyInstance) => {
  const environment = 'prod' as const;
  const meta = (lang: UtickLanguage) => ({ now: deps.clock.now(), language: lang, environment });

  // Fastify does not read a GET's body; Utick clients put their parameters there.
  app.addHook('onRequest', async (req) => {
    const length = req.headers['content-length'];
    const hasBody = (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
    if (req.method === 'GET' && hasBody) {
      const text = await readRawBody(req);
      try {
        req.utickBody = text.trim() ? JSON.parse(text) : undefined;
      } catch {
        throw new UtickError(400, 'the body is not valid JSON');
      }
    }
  });

  const handle = async (req: FastifyRequest, reply: FastifyReply) => {
    const p = paramsOf(req);
    let lang: UtickLanguage = 'fr';
    try {
      lang = language(p);
      const path = normalisePath(req.url);
      if (path === '/ping') return reply.send(success({ message: 'pong' }, meta(lang)));
      const route = ROUTES.map(([re, h]) => [re.exec(path), h] as const).find(([m]) => m);
      if (!route) throw new UtickError(404, `no such call: ${path || '/'}`);
      const orgId = await authenticateApplication(deps.db, p, deps.clock.now());
      const shop = await linksOf(deps.db, orgId, publicBase(deps, req));
      const scope: Scope = { db: deps.db, orgId, lang: foyerLang(lang), now: deps.clock.now(), shop };
      return reply.send(success(await route[1](scope, p, route[0]!), meta(lang)));
    } catch (e) {
      if (e instanceof UtickError) return reply.code(e.code).send(failure(e, meta(lang)));
      req.log.error({ err: e }, 'catalogue api error');
      return reply.code(500).send(failure(new UtickError(500, 'internal error'), meta(lang)));
    }
  };

  const errorHandler = (error: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
    const e = error instanceof UtickError ? error : new UtickError(error.statusCode && error.statusCode < 500 ? error.statusCode : 400, 'the request could not be read');
    return reply.code(e.code).send(failure(e, meta('fr')));
  };

  const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
  for (const url of ['/v1', '/v1/*']) {
    app.route({ method: [...methods], url, schema: { hide: true }, errorHandler, handler: handle });
  }
};

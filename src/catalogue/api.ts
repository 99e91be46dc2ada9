// The Utick-compatible catalogue API under /v1. One catch-all route: clients send doubled slashes
// ("catalogue/packs//") and JSON bodies on GET, which Fastify's router and body parser do not take.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx, Deps } from '../platform/context.js';
import { authenticate } from './access.js';
import type { Scope } from './agenda.js';
import { ROUTES } from './calls.js';
import { unsupported } from './unsupported.js';
import { fromProblem } from './foyer-problems.js';
import { Problem } from '../platform/problems.js';
import { UtickError, failure, success, type UtickLanguage } from './envelope.js';
import { foyerLang, language, type Params } from './params.js';
import { linksOf } from '../shop/settings.js';
import { publicBase } from '../platform/public-url.js';
import { gated, type Lane } from '../platform/gate.js';

declare module 'fastify' {
  interface FastifyRequest {
    utickBody?: unknown;
  }
}

export { CATALOGUE_CALLS } from './calls.js';

/** "/v1//catalogue/packs//" -> "/catalogue/packs". */
export const normalisePath = (url: string): string =>
  url.split('?')[0].replace(/\/{2,}/g, '/').replace(/^\/v1(?=\/|$)/, '').replace(/\/$/, '');

function notAllowed(path: string, method: string, allowed: string[], reply: FastifyReply): UtickError {
  const list = [...new Set(allowed)].join(', ');
  reply.header('allow', list);
  return new UtickError(405, 'method-not-allowed', { path: `${path}/`, method, allowed: list });
}

const MAX_GET_BODY = 64 * 1024;

async function readRawBody(req: FastifyRequest): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req.raw) {
    size += (c as Buffer).length;
    if (size > MAX_GET_BODY) throw new UtickError(413, 'body-too-large');
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
        throw new UtickError(400, 'body-not-json');
      }
    }
  });

  const handle = async (req: FastifyRequest, reply: FastifyReply) => {
    const p = paramsOf(req);
    let lang: UtickLanguage = 'fr';
    try {
      lang = language(p);
      const path = normalisePath(req.url);
      const method = req.method.toUpperCase();
      if (path === '/ping') {
        if (method !== 'GET') throw notAllowed(path, method, ['GET'], reply);
        return reply.send(success({ message: 'pong', params: p }, meta(lang)));
      }
      const what = unsupported(method, path);
      if (what) throw new UtickError(501, 'not-supported', { what });
      const matching = ROUTES.map((r) => [r, r.path.exec(path)] as const).filter(([, m]) => m);
      if (!matching.length) throw new UtickError(404, 'no-such-call', { path: path || '/' });
      const found = matching.find(([r]) => r.method === method);
      if (!found) throw notAllowed(path, method, matching.map(([r]) => r.method), reply);
      const now = deps.clock.now();
      const access = await authenticate(deps.db, p, now);
      const shop = await linksOf(deps.db, access.orgId, publicBase(deps, req));
      const s: Scope = {
        db: deps.db, orgId: access.orgId, orgName: access.orgName, lang: foyerLang(lang), language: lang, now, shop, device: access.device,
      };
      const ctx = (): Ctx => ({
        db: deps.db, dialect: deps.dialect, orgId: access.orgId, clock: deps.clock, log: req.log, lang: foyerLang(lang),
        actor: { kind: 'client', id: access.keyId, orgId: access.orgId, role: 'boxoffice', label: access.keyLabel },
      });
      const sell = <T>(lane: Lane, work: () => Promise<T>) => gated(deps, req, lane, work);
      const base = publicBase(deps, req).replace(/\/+$/, '');
      return reply.send(success(await found[0].handle({ s, access, p, m: found[1]!, ctx, sell, base }), meta(lang)));
    } catch (e) {
      if (e instanceof Problem) {
        if (e.code === 'busy') reply.header('retry-after', '2');
        const u = fromProblem(e);
        return reply.code(u.code).send(failure(u, meta(lang)));
      }
      if (e instanceof UtickError) return reply.code(e.code).send(failure(e, meta(lang)));
      req.log.error({ err: e }, 'catalogue api error');
      return reply.code(500).send(failure(new UtickError(500, 'internal'), meta(lang)));
    }
  };

  // The body could not be read, so only the query string can say which language the caller reads.
  const errorHandler = (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const e = error instanceof UtickError ? error : new UtickError(error.statusCode && error.statusCode < 500 ? error.statusCode : 400, 'unreadable');
    let lang: UtickLanguage = 'fr';
    try {
      lang = language((req.query ?? {}) as Params);
    } catch { /* an unknown language: French, as without one */ }
    return reply.code(e.code).send(failure(e, meta(lang)));
  };

  const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
  for (const url of ['/v1', '/v1/*']) {
    app.route({ method: [...methods], url, schema: { hide: true }, errorHandler, handler: handle });
  }
};

// Security headers on every answer (@fastify/helmet): a Content-Security-Policy that the box office app, /docs
// (swagger-ui) and the API all work under, no MIME sniffing, no referrer, and no framing by default.
// A page that a venue may embed in its own site (the web shop) calls allowFraming.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';

/** The policy of every answer; `frame-ancestors 'none'` unless a route allows framing. */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** What @fastify/helmet is told: frameguard deny, no referrer, no HSTS, no Cross-Origin-Embedder-Policy. */
const HELMET_OPTIONS = {
  global: true,
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
  // Foyer may run on plain HTTP inside a venue's network; HSTS is for the TLS proxy in front.
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
};

// The headers are the same on every answer, so @fastify/helmet computes them once per process, on a
// probe instance: registered on the app itself it builds helmet's whole middleware again on every
// request (parsing the policy each time), 4% of what the server allocated per buy in the rush and 2%
// of its time.
let computed: Promise<[string, string][]> | undefined;
function securityHeaders(): Promise<[string, string][]> {
  computed ??= (async () => {
    const probe = Fastify({ logger: false });
    await probe.register(helmet, HELMET_OPTIONS);
    probe.get('/', async () => '');
    const res = await probe.inject({ url: '/' });
    await probe.close();
    const own = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
    return Object.entries(res.headers).filter(([name]) => !own.has(name)).map(([name, value]) => [name, String(value)]);
  })();
  return computed;
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = await securityHeaders();
  // On the raw response, as helmet does: they stay on answers a route writes itself (reply.hijack) and on errors.
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

/**
 * /docs (swagger-ui) sets inline styles as it renders (React style attributes and <style> it
 * injects), so its answers allow inline styles; scripts stay as strict as everywhere else (plus
 * the hashes swagger-ui lists for its own inline scripts, if any).
 */
export function docsCsp(app: FastifyInstance): (header: string | number | string[]) => string {
  return (header) => {
    const hashes = (app as unknown as { swaggerCSP?: { script: string[]; style: string[] } }).swaggerCSP;
    // Not with style hashes: a hash in style-src makes browsers ignore 'unsafe-inline'.
    let csp = withSources(String(header), 'style-src', ["'unsafe-inline'"]);
    if (hashes?.script.length) csp = withSources(csp, 'script-src', hashes.script);
    return csp;
  };
}

function withSources(csp: string, directive: string, sources: string[]): string {
  return csp.split(';').map((d) => (d.trim().split(/\s+/)[0] === directive ? `${d.trim()} ${sources.join(' ')}` : d.trim())).join(';');
}

const ORIGIN_RE = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/** An origin a venue may embed Foyer's pages from: `https://www.schouwburg.nl` (scheme, host, port; nothing else), or `'self'`. */
export const isFramingOrigin = (origin: string): boolean => origin === "'self'" || (ORIGIN_RE.test(origin) && !origin.endsWith('.'));

/**
 * Lets the sites at `origins` show this answer in a frame (e.g. a venue's own site embedding the
 * web shop): CSP `frame-ancestors` becomes those origins and X-Frame-Options is dropped (it cannot
 * name origins; browsers that know frame-ancestors ignore it anyway). Origins that are not plain
 * origins are ignored; with none left, framing stays denied. Call it from a handler or a hook
 * before the answer is sent.
 */
export function allowFraming(reply: FastifyReply, origins: readonly string[]): void {
  const allowed = [...new Set(origins.filter(isFramingOrigin).map((o) => (o === "'self'" ? o : o.toLowerCase())))];
  if (!allowed.length) return;
  const current = String(reply.getHeader('content-security-policy') ?? '');
  const others = current.split(';').map((d) => d.trim()).filter((d) => d && d.split(/\s+/)[0] !== 'frame-ancestors');
  reply.header('content-security-policy', [...others, `frame-ancestors ${allowed.join(' ')}`].join('; '));
  reply.removeHeader('x-frame-options');
}

/** An image source for img-src: the origin of an http(s) URL (nothing of its path), or undefined. */
export function imageOrigin(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && isFramingOrigin(u.origin) ? u.origin.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lets this answer's page show images from `origins` too (a venue's logo on its own site, a payment
 * provider's method icons): they join img-src, each as a plain origin; anything else is ignored.
 */
export function allowImages(reply: FastifyReply, origins: readonly string[]): void {
  const extra = [...new Set(origins.filter((o) => isFramingOrigin(o) && o !== "'self'").map((o) => o.toLowerCase()))];
  if (!extra.length) return;
  reply.header('content-security-policy', withSources(String(reply.getHeader('content-security-policy') ?? ''), 'img-src', extra));
}

/**
 * An onSend hook for a route prefix: each answer may be framed by the origins `originsOf` finds
 * for the request (e.g. the organisation's configured shop origins). Register it in the plugin
 * that holds the prefix's routes: `app.addHook('onSend', framingHook(async (req) => ...))`.
 */
export function framingHook(originsOf: (req: FastifyRequest) => Promise<readonly string[]> | readonly string[]) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    allowFraming(reply, await originsOf(req));
    return payload;
  };
}

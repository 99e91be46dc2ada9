// Serves the box office app (web/dist) at `/`, the web shop app at `/shop/<slug>/…` and the door
// scanner at `/scan/`. Unknown GET paths that ask for HTML get their app's page so its own routes
// survive a reload; /api, /v1 and /docs keep the API's problem documents.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { allowFraming, allowImages } from '../platform/security-headers.js';

/** The project folder: the nearest one up with package.json, from src/web or from the dist/ bundle alike. */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const WEB_DIST = path.join(projectRoot(), 'web', 'dist') + path.sep;
const API_PREFIXES = ['/api/', '/v1/', '/docs'];

const isApiPath = (url: string) => url === '/api' || url === '/v1' || API_PREFIXES.some((p) => url.startsWith(p));
const SCANNER = '/scan/';

/** A file inside `root` for this URL path, or null (missing, a directory, or outside the root). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = path.resolve(root, `.${decoded}`);
  if (!full.startsWith(path.resolve(root) + path.sep) || decoded.includes('\0')) return null;
  try {
    return fs.statSync(full).isFile() ? path.relative(root, full) : null;
  } catch {
    return null;
  }
}

export interface WebOptions {
  /** The origins that may show a shop's pages in a frame (its embedding origins); none: only Foyer itself. */
  frameAncestors?: (slug: string) => Promise<string[]>;
  /** The origins a shop's pages show images from besides Foyer (its logo, posters, payment method icons). */
  imageSources?: (slug: string) => Promise<string[]>;
}

const SHOP_PAGE = /^\/shop\/([a-z0-9-]{1,40})(\/|$)/;

export function webStatic(root = WEB_DIST, opts: WebOptions = {}): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      app.log.warn({ root }, 'box office app not built (npm run build:web): / answers 404');
      return;
    }
    await app.register(fastifyStatic, { root, serve: false });
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const urlPath = req.url.split('?')[0];
      if (isApiPath(urlPath)) return reply.callNotFound();
      // The scanner's service worker controls /scan/ and below, so the app lives under the slash.
      if (urlPath === '/scan') return reply.redirect(SCANNER);
      const page = urlPath.startsWith(SCANNER) ? 'scan/index.html' : 'index.html';
      const file = urlPath === '/' || urlPath === SCANNER ? null : fileFor(root, urlPath);
      if (file) {
        const hashed = file.startsWith(`assets${path.sep}`);
        // The venue's own site loads the shop's embed script: another origin, which same-origin CORP would refuse.
        if (file === path.join('shop', 'embed.js')) reply.header('cross-origin-resource-policy', 'cross-origin');
        return reply.sendFile(file, { maxAge: hashed ? 365 * 24 * 3600 * 1000 : 0, immutable: hashed });
      }
      const acceptsHtml = urlPath === '/' || urlPath === SCANNER || (req.headers.accept ?? '').includes('text/html');
      if (!acceptsHtml) return reply.callNotFound();
      reply.header('cache-control', 'no-cache');
      const shop = SHOP_PAGE.exec(urlPath);
      if (shop && fs.existsSync(path.join(root, 'shop.html'))) {
        const origins = (await opts.frameAncestors?.(shop[1])) ?? [];
        allowFraming(reply, ["'self'", ...origins]);
        allowImages(reply, (await opts.imageSources?.(shop[1])) ?? []);
        return reply.sendFile('shop.html', { maxAge: 0 });
      }
      return reply.sendFile(page, { maxAge: 0 });
    });
  };
}

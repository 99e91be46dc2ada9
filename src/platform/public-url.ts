// The address buyers and staff reach this Foyer at (FOYER_PUBLIC_URL), for links in answers, pages
// and e-mails.
import type { FastifyRequest } from 'fastify';
import type { Deps } from './context.js';

/** The base URL the outside sees: FOYER_PUBLIC_URL, else the address this request came to. */
export const publicBase = (deps: Deps, req: FastifyRequest): string =>
  deps.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`;

// For work no request started (an e-mail's links): one per process, set at start from the configuration.
let base: string | undefined;

export function setPublicUrl(url: string): void {
  base = url.replace(/\/+$/, '');
}

/** The public base URL without a trailing slash, for links made outside a request. */
export function publicUrl(): string {
  if (base === undefined) {
    const host = process.env.HOST || '127.0.0.1';
    setPublicUrl(process.env.FOYER_PUBLIC_URL || `http://${host}:${process.env.PORT || '3000'}`);
  }
  return base!;
}

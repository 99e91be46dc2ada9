import type { FastifyRequest } from 'fastify';
import type { Deps } from './context.js';

/** The base URL the outside sees: FOYER_PUBLIC_URL, else the address this request came to. */
export const publicBase = (deps: Deps, req: FastifyRequest): string =>
  deps.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.headers.host ?? 'localhost'}`;

// The sale terms' short memory (src/baskets/terms.ts: a performance, its sales window, a ticket type and its
// prices, the production's title and the venue's time zone, read by every add of places). Apart
// from the baskets so that the modules whose writes change them (productions, pricing, venues) can
// forget them without importing the baskets, which import them.
//
// How old the terms may be: a change made through this process is seen by the next add at once
// (the writer calls forgetSaleTerms after its commit); one made through another process (a second
// Foyer process on the same PostgreSQL database) within SALE_TERMS_TTL_MS. Time itself is never
// cached: whether the sales window is open is decided on every add against the clock.
import { ShortCache } from './short-cache.js';

export const SALE_TERMS_TTL_MS = 2000;

/** Rows of the terms query by organisation, performance, channel and ticket type; an unknown performance is not kept. */
export const saleTermsCache = new ShortCache<readonly unknown[]>(SALE_TERMS_TTL_MS, 2000, (rows) => rows.length > 0);

/** Call after committing a change to performances, sales windows, prices, ticket types, productions or venues. */
export const forgetSaleTerms = (): void => saleTermsCache.forget();

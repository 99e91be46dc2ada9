// The buyer's basket, kept by its token in this browser. Opening one passes the selling door: when
// that is slow or the door answers 503 busy, the buyer sees the waiting room and the app tries again
// by itself after Retry-After, without a reload.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ShopError, type Basket, type Checkout, type Opened, type Pass } from './api.js';

/** Opening a basket taking longer than this shows the waiting room. */
const SLOW_MS = 1500;

export interface Queue { retryAt: number | null }

export interface BasketApi {
  basket: Basket | null;
  token: string | null;
  queue: Queue | null;
  /** Milliseconds the server's clock is ahead of this one (for the countdown). */
  skew: number;
  add(body: Record<string, unknown>): Promise<Basket>;
  removeLine(lineId: string): Promise<void>;
  setType(lineId: string, ticketTypeId: string): Promise<void>;
  addPass(uitpasNumber: string): Promise<Pass>;
  removePass(uitpasNumber: string): Promise<void>;
  addPack(packId: string, performanceIds?: string[]): Promise<void>;
  addStream(streamId: string): Promise<void>;
  setBuyer(body: Record<string, unknown>): Promise<void>;
  checkout(method?: string): Promise<Checkout>;
  refresh(): Promise<Basket | null>;
  forget(): void;
}

const Ctx = createContext<BasketApi | null>(null);
export const useBasket = (): BasketApi => {
  const v = useContext(Ctx);
  if (!v) throw new Error('useBasket outside BasketProvider');
  return v;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function BasketProvider({ slug, children }: { slug: string; children: ReactNode }) {
  const key = `foyer.shop.${slug}.basket`;
  const [token, setToken] = useState<string | null>(() => localStorage.getItem(key));
  const [basket, setBasketState] = useState<Basket | null>(null);
  const [skew, setSkew] = useState(0);
  const [queue, setQueue] = useState<Queue | null>(null);
  const opening = useRef<Promise<string> | null>(null);
  const base = `/api/shops/${encodeURIComponent(slug)}`;

  const setBasket = useCallback((b: Basket | null) => {
    setBasketState(b);
    if (b) setSkew(Date.parse(b.now) - Date.now());
  }, []);
  const keep = useCallback((t: string | null) => {
    if (t) localStorage.setItem(key, t); else localStorage.removeItem(key);
    setToken(t);
  }, [key]);

  const read = useCallback(async (t: string): Promise<Basket | null> => {
    try {
      const b = await api<Basket>(`${base}/basket`, { token: t });
      // A basket that was paid for, given up or lapsed takes no more places: the next one is new.
      if (b.status !== 'open') { keep(null); setBasket(null); return null; }
      setBasket(b);
      return b;
    } catch (e) {
      if (e instanceof ShopError && e.status === 404) { keep(null); setBasket(null); return null; }
      throw e;
    }
  }, [base, keep, setBasket]);

  useEffect(() => { if (token) void read(token).catch(() => {}); }, []);

  /** A basket token that can still take places: the current one, or a new basket (through the waiting room). */
  const ensure = useCallback(async (): Promise<string> => {
    if (token && basket?.status === 'open' && Date.parse(basket.expiresAt) > Date.now() + skew) return token;
    if (opening.current) return opening.current;
    opening.current = (async () => {
      try {
        for (;;) {
          const slow = setTimeout(() => setQueue((q) => q ?? { retryAt: null }), SLOW_MS);
          try {
            const opened = await api<Opened>(`${base}/baskets`, { method: 'POST' });
            keep(opened.token);
            setBasket(opened.basket);
            return opened.token;
          } catch (e) {
            if (!(e instanceof ShopError) || !(e.is('busy') || e.status === 0)) throw e;
            const wait = ((e.retryAfter ?? 2) + Math.random()) * 1000;
            setQueue({ retryAt: Date.now() + wait });
            await sleep(wait);
          } finally {
            clearTimeout(slow);
          }
        }
      } finally {
        setQueue(null);
        opening.current = null;
      }
    })();
    return opening.current;
  }, [token, basket, skew, base, keep, setBasket]);

  const withToken = useCallback(async <T,>(f: (t: string) => Promise<T>): Promise<T> => {
    if (!token) throw new ShopError(404, { type: '/problems/not-found' }, null);
    return f(token);
  }, [token]);

  const value = useMemo<BasketApi>(() => ({
    basket, token, queue, skew,
    async add(body) {
      let t = await ensure();
      try {
        const b = await api<Basket>(`${base}/basket/lines`, { method: 'POST', body, token: t });
        setBasket(b);
        return b;
      } catch (e) {
        // The hold ran out meanwhile: a fresh basket, once.
        if (!(e instanceof ShopError && e.is('basket-closed'))) throw e;
        keep(null);
        setBasket(null);
        opening.current = null;
        const opened = await api<Opened>(`${base}/baskets`, { method: 'POST' });
        keep(opened.token);
        t = opened.token;
        const b = await api<Basket>(`${base}/basket/lines`, { method: 'POST', body, token: t });
        setBasket(b);
        return b;
      }
    },
    removeLine: (lineId) => withToken(async (t) => setBasket(await api<Basket>(`${base}/basket/lines/${lineId}`, { method: 'DELETE', token: t }))),
    setType: (lineId, ticketTypeId) => withToken(async (t) => setBasket(await api<Basket>(`${base}/basket/lines/${lineId}`, { method: 'PATCH', body: { ticketTypeId }, token: t }))),
    addPass: (uitpasNumber) => withToken(async (t) => {
      const answer = await api<Pass>(`${base}/basket/uitpas`, { method: 'POST', body: { uitpasNumber }, token: t });
      setBasket(answer.basket);
      return answer;
    }),
    removePass: (n) => withToken(async (t) => setBasket(await api<Basket>(`${base}/basket/uitpas/${encodeURIComponent(n)}`, { method: 'DELETE', token: t }))),
    async addPack(packId, performanceIds) {
      const t = await ensure();
      setBasket(await api<Basket>(`${base}/basket/packs`, { method: 'POST', body: { packId, ...(performanceIds?.length ? { performanceIds } : {}) }, token: t }));
    },
    async addStream(streamId) {
      const t = await ensure();
      setBasket(await api<Basket>(`${base}/basket/streams`, { method: 'POST', body: { streamId, quantity: 1 }, token: t }));
    },
    setBuyer: (body) => withToken(async (t) => setBasket(await api<Basket>(`${base}/basket/buyer`, { method: 'PUT', body, token: t }))),
    checkout: (method) => withToken((t) => api<Checkout>(`${base}/basket/checkout`, { method: 'POST', body: method ? { method } : {}, token: t })),
    refresh: () => (token ? read(token) : Promise.resolve(null)),
    forget() { keep(null); setBasket(null); },
  }), [basket, token, queue, skew, ensure, base, keep, setBasket, withToken, read]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

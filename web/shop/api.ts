// The shop app's one door to the server: JSON in and out, the buyer's language, the basket token,
// problem documents as ShopError.
import type { Static } from 'typebox';
import type {
  Availability, CheckoutAnswer, OpenedBasket, PackPage, PassAnswer, PaymentStatusAnswer, PerformancePage, Programme, ShopBasketView, ShopInfo, StreamPage,
} from '../../src/shop/schemas.js';
import type { MyOrderAnswer } from '../../src/my-order/schemas.js';

export type Shop = Static<typeof ShopInfo>;
export type ProgrammeData = Static<typeof Programme>;
export type Performance = Static<typeof PerformancePage>;
export type PlaceAvailability = Static<typeof Availability>;
export type Basket = Static<typeof ShopBasketView>;
export type BasketLine = Basket['lines'][number];
export type Opened = Static<typeof OpenedBasket>;
export type Pass = Static<typeof PassAnswer>;
export type Checkout = Static<typeof CheckoutAnswer>;
export type PaymentStatus = Static<typeof PaymentStatusAnswer>;
export type MyOrderData = Static<typeof MyOrderAnswer>;
export type Pack = Static<typeof PackPage>;
export type Stream = Static<typeof StreamPage>;
export type ProgrammeState = Performance['state'];

export interface Problem { type?: string; title?: string; detail?: string; errors?: { field: string; message: string }[]; [k: string]: unknown }

export class ShopError extends Error {
  constructor(readonly status: number, readonly problem: Problem, readonly retryAfter: number | null) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
  is(code: string): boolean { return this.problem.type === `/problems/${code}`; }
}

let lang = 'nl';
export const setApiLang = (l: string): void => { lang = l; };

export interface Call { method?: string; body?: unknown; token?: string | null }

export async function api<T>(path: string, c: Call = {}): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': lang };
  if (c.token) headers['basket-token'] = c.token;
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method: c.method ?? 'GET', headers, body: c.body === undefined ? undefined : JSON.stringify(c.body) });
  } catch {
    throw new ShopError(0, { type: '/problems/offline' }, 3);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  if (!res.ok) {
    const retry = res.headers.get('retry-after');
    throw new ShopError(res.status, typeof body === 'object' && body ? body as Problem : { title: text }, retry ? Number(retry) : null);
  }
  return body as T;
}

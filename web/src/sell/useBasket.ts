// The basket being sold: created on the first place added, replaced by a fresh one after checkout.
// Its id is kept in the tab's sessionStorage, so a visit to another tab (the Till, to open a shift)
// or a reload comes back to the same open basket.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, get, post } from '../api/client.js';
import type { Basket } from '../api/types.js';

export type AddBody =
  | { performanceId: string; seatIds: string[] }
  | { performanceId: string; quantity: number; rank?: number; zoneId?: string };

const KEPT = 'foyer.basket';

export function useBasket() {
  const [basket, setShown] = useState<Basket | null>(null);
  const setBasket = useCallback((b: Basket | null) => {
    setShown(b);
    if (b?.status === 'open') sessionStorage.setItem(KEPT, b.id); else sessionStorage.removeItem(KEPT);
  }, []);
  useEffect(() => {
    const id = sessionStorage.getItem(KEPT);
    if (!id) return;
    get<Basket>(`/api/baskets/${id}`).then((b) => setBasket(b.status === 'open' ? b : null), () => setBasket(null));
  }, [setBasket]);

  const ensure = useCallback(async (): Promise<Basket> => {
    if (basket && basket.status === 'open') return basket;
    const b = await post<Basket>('/api/baskets', { channel: 'boxoffice' });
    setBasket(b);
    return b;
  }, [basket]);

  const add = useCallback(async (body: AddBody) => {
    const b = await ensure();
    try {
      setBasket(await post<Basket>(`/api/baskets/${b.id}/lines`, body));
    } catch (e) {
      // The basket lapsed (its holds expired) while the desk was idle: start a fresh one once.
      if (!(e instanceof ApiError && String(e.problem.type).endsWith('basket-closed'))) throw e;
      const fresh = await post<Basket>('/api/baskets', { channel: 'boxoffice' });
      setBasket(await post<Basket>(`/api/baskets/${fresh.id}/lines`, body));
    }
  }, [ensure]);

  const removeLine = useCallback(async (lineId: string) => {
    if (!basket) return;
    setBasket(await api<Basket>('DELETE', `/api/baskets/${basket.id}/lines/${lineId}`));
  }, [basket]);

  const setTicketType = useCallback(async (lineId: string, ticketTypeId: string) => {
    if (!basket) return;
    setBasket(await api<Basket>('PATCH', `/api/baskets/${basket.id}/lines/${lineId}`, { body: { ticketTypeId } }));
  }, [basket]);

  const setCustomer = useCallback(async (body: { customerId: string | null } | Record<string, string | null>) => {
    const b = await ensure();
    setBasket(await api<Basket>('PUT', `/api/baskets/${b.id}/customer`, { body }));
  }, [ensure]);

  /** A gift voucher of `amount` cents as a line of the basket (src/vouchers). */
  const addVoucher = useCallback(async (amount: number) => {
    const b = await ensure();
    await post(`/api/baskets/${b.id}/vouchers`, { amount });
    setBasket(await get<Basket>(`/api/baskets/${b.id}`));
  }, [ensure]);

  const removeVoucher = useCallback(async (lineId: string) => {
    if (!basket) return;
    await api('DELETE', `/api/baskets/${basket.id}/vouchers/${lineId}`);
    setBasket(await get<Basket>(`/api/baskets/${basket.id}`));
  }, [basket]);

  const clear = useCallback(async () => {
    if (basket?.status === 'open') await api('DELETE', `/api/baskets/${basket.id}`);
    setBasket(null);
  }, [basket]);

  return { basket, setBasket, add, removeLine, setTicketType, setCustomer, addVoucher, removeVoucher, clear, reset: () => setBasket(null) };
}
export type BasketApi = ReturnType<typeof useBasket>;

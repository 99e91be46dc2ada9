// Find an order by number, barcode or customer; open it to pay, print, reprint or cancel.
import { useEffect, useRef, useState } from 'react';
import { get, qs } from '../api/client.js';
import type { OrderSummary } from '../api/types.js';
import { localDateTime } from '../format.js';
import { useI18n, useMoney } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { OrderDetail } from './OrderDetail.js';

export function OrdersScreen({ openOrderId }: { openOrderId: string | null }) {
  const money = useMoney();
  const { t, w, lang } = useI18n();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<OrderSummary[]>([]);
  const [openId, setOpenId] = useState<string | null>(openOrderId);
  const [error, setError] = useState<unknown>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => { searchRef.current?.focus(); }, []);
  const search = (term: string) => get<{ items: OrderSummary[] }>(`/api/orders${qs({ q: term, limit: 50 })}`).then((r) => {
    setItems(r.items);
    setError(null);
    if (r.items.length === 1 && term.trim()) setOpenId(r.items[0].id);
  }, setError);
  useEffect(() => {
    const timer = setTimeout(() => void search(q), 250);
    return () => clearTimeout(timer);
  }, [q]);

  return (
    <div className="orders">
      <section className="list">
        <input ref={searchRef} type="search" name="order-search" placeholder={`${t('searchOrders')} (F3)`} value={q}
          onChange={(e) => setQ(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void search(q); }} />
        <ErrorLine error={error} />
        {items.length === 0 && <p className="muted">{t('noOrders')}</p>}
        <ul>
          {items.map((o) => (
            <li key={o.id}>
              <button className={openId === o.id ? 'order active' : 'order'} data-order={o.number} onClick={() => setOpenId(o.id)}>
                <strong>{o.number}</strong> <span className={`status ${o.status}`}>{w('status', o.status)}</span> {money(o.total)}
                <br /><small>{o.customerName ?? '—'} · {localDateTime(o.createdAt, lang)}</small>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="detail">{openId && <OrderDetail key={openId} orderId={openId} onChanged={() => void search(q)} />}</section>
    </div>
  );
}

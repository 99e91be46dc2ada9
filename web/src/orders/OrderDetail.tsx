import { useEffect, useRef, useState } from 'react';
import { get, post } from '../api/client.js';
import type { Order } from '../api/types.js';
import { localDateTime } from '../format.js';
import { useI18n, useMoney } from '../i18n/i18n.js';
import { ShiftRequired } from '../till/ShiftRequired.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import { useHotkeys } from '../ui/useHotkeys.js';
import { printTickets } from './printTickets.js';
import { SplitPayment } from '../basket/SplitPayment.js';
import { useTill } from '../till/words.js';

const REFUND_METHODS = ['cash', 'pin', 'card', 'invoice'] as const;

export function OrderDetail({ orderId, onChanged }: { orderId: string; onChanged(): void }) {
  const money = useMoney();
  const { t, w, lang } = useI18n();
  const [order, setOrder] = useState<Order | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [refund, setRefund] = useState<(typeof REFUND_METHODS)[number]>('cash');
  const [split, setSplit] = useState(false);
  const { tw } = useTill();
  const { busy, error, run } = useAction();
  const cancelKey = useRef(crypto.randomUUID());

  useEffect(() => { void run(async () => setOrder(await get<Order>(`/api/orders/${orderId}`))); }, [orderId, run]);
  const changed = (o: Order) => { setOrder(o); setChosen(new Set()); cancelKey.current = crypto.randomUUID(); onChanged(); };
  const cancel = (ticketIds?: string[]) => {
    if (!window.confirm(t('confirmCancel'))) return;
    void run(async () => changed(await post<Order>(`/api/orders/${orderId}/cancel`, { ...(ticketIds ? { ticketIds } : {}), refundMethod: refund },
      { 'idempotency-key': cancelKey.current })));
  };
  const print = (ids?: string[]) => run(async () => {
    await printTickets(orderId, ids);
    setOrder(await get<Order>(`/api/orders/${orderId}`));
  });
  const pay = (method: string) => run(async () => changed(await post<Order>(`/api/orders/${orderId}/payments`, { method }, { 'idempotency-key': crypto.randomUUID() })));
  useHotkeys({ F9: () => { if (order) void print(); } });

  if (!order) return <ErrorLine error={error} />;
  const active = order.tickets.filter((tk) => tk.status !== 'cancelled');
  const anyPrinted = order.tickets.some((tk) => tk.printCount > 0);
  return (
    <article className="order-detail card" data-order={order.number}>
      <h2>{order.number} <span className={`status ${order.status}`}>{w('status', order.status)}</span></h2>
      <p>{order.customer?.name ?? t('noCustomer')} · {localDateTime(order.createdAt, lang)}</p>
      {order.status === 'reserved' && order.reservationExpiresAt && (
        <p className="expires">{t('expiresAt')} <time dateTime={order.reservationExpiresAt}>{localDateTime(order.reservationExpiresAt, lang)}</time></p>
      )}
      <p>{t('total')} {money(order.total)} · {t('paid')} {money(order.paid)} · {t('balance')} <span className="balance">{money(order.balance)}</span></p>
      <table className="tickets">
        <tbody>
          {order.tickets.map((tk) => (
            <tr key={tk.id} data-ticket={tk.id} data-status={tk.status}>
              <td><input type="checkbox" aria-label={tk.barcode} disabled={tk.status === 'cancelled'} checked={chosen.has(tk.id)}
                onChange={(e) => setChosen((s) => { const n = new Set(s); if (e.target.checked) n.add(tk.id); else n.delete(tk.id); return n; })} /></td>
              <td>{tk.title}<br /><small>{localDateTime(tk.startsAt, lang)}</small></td>
              <td>{tk.seatId ? `${tk.section} ${t('row')} ${tk.row} ${t('seat')} ${tk.seat}` : tk.section}</td>
              <td>{tk.ticketTypeName}</td>
              <td className="num">{money(tk.price)}</td>
              <td><span className={`status ${tk.status}`}>{w('status', tk.status)}</span>{tk.printCount > 0 && <small> · {t('printed')} {tk.printCount}×</small>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button className="primary" disabled={busy || !active.length} onClick={() => void print(chosen.size ? [...chosen] : undefined)}>
          {anyPrinted ? t('reprint') : t('print')} (F9)
        </button>
        {order.balance > 0 && order.status !== 'cancelled' && REFUND_METHODS.map((m) => (
          <button key={m} disabled={busy} name={`pay-order-${m}`} onClick={() => void pay(m)}>{t('payNow')}: {t(m)}</button>
        ))}
        {order.status === 'reserved' && order.balance > 0 && (
          <button name="pay-order-split" disabled={busy} onClick={() => setSplit(true)}>{tw('split')}</button>
        )}
      </div>
      {split && order.status === 'reserved' && (
        <SplitPayment total={order.balance} onClose={() => setSplit(false)} onDone={(o) => { setSplit(false); changed(o); }}
          pay={(payments, key) => post<Order>(`/api/orders/${orderId}/payments`, { payments }, { 'idempotency-key': key })} />
      )}
      {active.length > 0 && (
        <div className="row cancel">
          <label>{t('refundMethod')} <select name="refund-method" value={refund} onChange={(e) => setRefund(e.target.value as typeof refund)}>
            {REFUND_METHODS.map((m) => <option key={m} value={m}>{t(m)}</option>)}
          </select></label>
          <button disabled={busy || chosen.size === 0} onClick={() => cancel([...chosen])}>{t('cancelSelected')}</button>
          <button className="danger" disabled={busy} onClick={() => cancel()}>{t('cancelOrder')}</button>
        </div>
      )}
      {order.payments.length > 0 && (
        <ul className="payments">
          {order.payments.map((p) => <li key={p.id}>{w('kind', p.kind)} · {w('method', p.method)} · {money(p.amount)} · {localDateTime(p.createdAt, lang)}</li>)}
        </ul>
      )}
      <ErrorLine error={error} />
      <ShiftRequired error={error} />
    </article>
  );
}

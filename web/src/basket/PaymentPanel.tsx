// Checkout: cash (with change due), pin, card, invoice, or a reservation paid later. One Idempotency-Key
// per basket and choice, so a retry after a lost answer returns the same order instead of a second one.
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { post } from '../api/client.js';
import type { Basket, Order } from '../api/types.js';
import { parseEuros } from '../format.js';
import { useI18n, useMoney } from '../i18n/i18n.js';
import { ShiftRequired } from '../till/ShiftRequired.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import { useTill } from '../till/words.js';
import { SplitPayment } from './SplitPayment.js';

type Method = 'cash' | 'pin' | 'card' | 'invoice' | 'reserve';
const METHODS = ['cash', 'pin', 'card', 'invoice'] as const;

interface Props { basket: Basket; cashRef: RefObject<HTMLInputElement | null>; pinRef: RefObject<HTMLButtonElement | null>; cashOpen: boolean; setCashOpen(v: boolean): void; onDone(o: Order): void }

export function PaymentPanel({ basket, cashRef, pinRef, cashOpen, setCashOpen, onDone }: Props) {
  const money = useMoney();
  const { t } = useI18n();
  const [received, setReceived] = useState('');
  const [split, setSplit] = useState(false);
  const { tw } = useTill();
  const keys = useRef(new Map<string, string>());
  const { busy, error, run } = useAction();

  const checkout = (method: Method) => run(async () => {
    const k = `${basket.id}:${method}`;
    if (!keys.current.has(k)) keys.current.set(k, crypto.randomUUID());
    const body = method === 'reserve' ? {} : { payment: { method } };
    const order = await post<Order>(`/api/baskets/${basket.id}/checkout`, body, { 'idempotency-key': keys.current.get(k)! });
    setCashOpen(false);
    setReceived('');
    onDone(order);
  });

  const receivedCents = parseEuros(received);
  const change = receivedCents === null ? null : receivedCents - basket.total;
  const payCash = (e: FormEvent) => { e.preventDefault(); if (change === null || change >= 0) void checkout('cash'); };

  return (
    <section className="payment">
      <div className="methods">
        {METHODS.map((m) => (
          <button key={m} className={m === 'cash' ? 'primary' : ''} disabled={busy} ref={m === 'pin' ? pinRef : undefined} name={`pay-${m}`}
            onClick={() => (m === 'cash' ? setCashOpen(true) : void checkout(m))}>
            {t(m)}{m === 'cash' ? ' (F8)' : m === 'pin' ? ' (F7)' : ''}
          </button>
        ))}
        <button name="pay-split" disabled={busy} onClick={() => { setCashOpen(false); setSplit(true); }}>{tw('split')}</button>
        <button name="reserve" disabled={busy || !basket.customer} title={basket.customer ? undefined : t('customerNeeded')}
          onClick={() => void checkout('reserve')}>{t('reserveLater')}</button>
      </div>
      {!basket.customer && <small className="muted reserve-hint">{t('customerNeeded')}</small>}
      {split && !cashOpen && (
        <SplitPayment total={basket.total} onClose={() => setSplit(false)} onDone={(o) => { setSplit(false); onDone(o); }}
          pay={(payments, key) => post<Order>(`/api/baskets/${basket.id}/checkout`, { payments }, { 'idempotency-key': key })} />
      )}
      {cashOpen && (
        <form className="cash row" onSubmit={payCash}>
          <label>{t('received')}
            <input ref={cashRef} name="cash-received" inputMode="decimal" placeholder={money(basket.total)} value={received}
              onChange={(e) => setReceived(e.target.value)} autoFocus />
          </label>
          <span className="change">{t('changeDue')}: <output className={change !== null && change < 0 ? 'short' : ''} name="change-due">{money(Math.max(0, change ?? 0))}</output></span>
          <button type="submit" className="primary" disabled={busy || (change !== null && change < 0)}>{t('confirm')} ↵</button>
        </form>
      )}
      <ErrorLine error={error} />
      <ShiftRequired error={error} />
    </section>
  );
}

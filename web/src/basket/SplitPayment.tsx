// A payment split over methods: an amount per method (cash with the change due on what was handed
// over, pin, a gift voucher by its code with its balance shown); confirmed once the parts add up.
// The same panel pays a new sale (a basket's checkout) and a reservation later (the order's payments).
import { useRef, useState, type FormEvent } from 'react';
import { get } from '../api/client.js';
import type { Order } from '../api/types.js';
import { parseEuros } from '../format.js';
import { ShiftRequired } from '../till/ShiftRequired.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import type { Voucher } from '../till/types.js';
import { useTill } from '../till/words.js';
import { useI18n, useMoney } from '../i18n/i18n.js';

const cents = (s: string) => (s.trim() ? parseEuros(s) : 0);

export interface SplitPart { method: 'cash' | 'pin' | 'voucher'; amount: number; voucherCode?: string }

interface Props {
  /** What is to be paid (cents). */
  total: number;
  /** Sends the parts with an Idempotency-Key that stays the same for a retry of the same parts. */
  pay(payments: SplitPart[], idempotencyKey: string): Promise<Order>;
  onDone(o: Order): void;
  onClose(): void;
}

export function SplitPayment({ total, pay, onDone, onClose }: Props) {
  const money = useMoney();
  const { tw } = useTill();
  const { t } = useI18n();
  const [cash, setCash] = useState('');
  const [pin, setPin] = useState('');
  const [voucher, setVoucher] = useState('');
  const [code, setCode] = useState('');
  const [received, setReceived] = useState('');
  const [found, setFound] = useState<Voucher | null>(null);
  const keys = useRef(new Map<string, string>());
  const { busy, error, run } = useAction();
  const lookup = useAction();

  const parts = { cash: cents(cash), pin: cents(pin), voucher: cents(voucher) };
  const valid = Object.values(parts).every((n) => n !== null);
  const sum = (parts.cash ?? 0) + (parts.pin ?? 0) + (parts.voucher ?? 0);
  const remaining = total - sum;
  const receivedCents = received.trim() ? parseEuros(received) : null;
  const change = receivedCents === null ? null : receivedCents - (parts.cash ?? 0);
  const rest = (current: string, set: (v: string) => void) => () => {
    const now = cents(current) ?? 0;
    set(((now + remaining) / 100).toFixed(2).replace('.', ','));
  };

  const confirm = (e: FormEvent) => {
    e.preventDefault();
    if (!valid || remaining !== 0) return;
    const payments: SplitPart[] = [
      ...(parts.cash ? [{ method: 'cash' as const, amount: parts.cash }] : []),
      ...(parts.pin ? [{ method: 'pin' as const, amount: parts.pin }] : []),
      ...(parts.voucher ? [{ method: 'voucher' as const, amount: parts.voucher, voucherCode: code.trim() }] : []),
    ];
    void run(async () => {
      const k = JSON.stringify(payments);
      if (!keys.current.has(k)) keys.current.set(k, crypto.randomUUID());
      onDone(await pay(payments, keys.current.get(k)!));
    });
  };
  const check = () => void lookup.run(async () => {
    const v = await get<Voucher>(`/api/vouchers/${encodeURIComponent(code.trim())}`);
    setFound(v);
    if (!voucher.trim() && v.state === 'valid') setVoucher((Math.min(v.balance, total - (parts.cash ?? 0) - (parts.pin ?? 0)) / 100).toFixed(2).replace('.', ','));
  });

  return (
    <form className="split card" onSubmit={confirm}>
      <div className="row">
        <label>{tw('m_cash')} <input name="split-cash" inputMode="decimal" value={cash} onChange={(e) => setCash(e.target.value)} /></label>
        <button type="button" className="link" onClick={rest(cash, setCash)}>{tw('payAll')}</button>
        <label>{t('received')} <input name="split-received" inputMode="decimal" value={received} onChange={(e) => setReceived(e.target.value)} /></label>
        <span className="change">{t('changeDue')}: <output name="split-change" className={change !== null && change < 0 ? 'short' : ''}>{money(Math.max(0, change ?? 0))}</output></span>
      </div>
      <div className="row">
        <label>{tw('m_pin')} <input name="split-pin" inputMode="decimal" value={pin} onChange={(e) => setPin(e.target.value)} /></label>
        <button type="button" className="link" onClick={rest(pin, setPin)}>{tw('payAll')}</button>
      </div>
      <div className="row">
        <label>{tw('voucherCode')} <input name="split-voucher-code" value={code} onChange={(e) => { setCode(e.target.value); setFound(null); }} /></label>
        <button type="button" name="check-voucher" disabled={!code.trim() || lookup.busy} onClick={check}>{tw('checkBalance')}</button>
        <label>{tw('m_voucher')} <input name="split-voucher" inputMode="decimal" value={voucher} onChange={(e) => setVoucher(e.target.value)} /></label>
        {found && <span className="voucher-balance">{tw('balance')} <output name="split-voucher-balance">{money(found.balance)}</output> · {tw(`state_${found.state}`)}</span>}
      </div>
      <ErrorLine error={lookup.error} />
      <div className="row">
        <span>{t('total')} {money(total)} · {tw('remaining')}: <output name="split-remaining" className={remaining ? 'short' : ''}>{money(remaining)}</output></span>
        <button type="submit" className="primary" name="split-confirm" disabled={busy || !valid || remaining !== 0 || (parts.voucher! > 0 && !code.trim())}>{t('confirm')} ↵</button>
        <button type="button" onClick={onClose}>{t('cancel')}</button>
      </div>
      <ErrorLine error={error} />
      <ShiftRequired error={error} />
    </form>
  );
}

// Selling a gift voucher: a value typed in euros becomes a line of the basket (money, not a ticket).
import { useState, type FormEvent } from 'react';
import type { Basket } from '../api/types.js';
import { parseEuros } from '../format.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import { useTill } from '../till/words.js';
import { useI18n, useMoney } from '../i18n/i18n.js';

interface Props { basket: Basket | null; onAdd(amount: number): Promise<void>; onRemove(lineId: string): Promise<void> }

export function VoucherSale({ basket, onAdd, onRemove }: Props) {
  const money = useMoney();
  const { tw } = useTill();
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const { busy, error, run } = useAction();
  const cents = parseEuros(value);
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (cents === null || cents <= 0) return;
    void run(async () => { await onAdd(cents); setValue(''); });
  };
  return (
    <section className="voucher-sale">
      {(basket?.vouchers ?? []).map((v) => (
        <div key={v.id} className="basket-voucher row" data-voucher-line={v.id}>
          <span>{tw('voucher')} {money(v.amount)}</span>
          <button className="link" onClick={() => void run(() => onRemove(v.id))}>{t('remove')}</button>
        </div>
      ))}
      <form className="row" onSubmit={add}>
        <label>{tw('voucherValue')} <input name="voucher-value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} /></label>
        <button type="submit" name="sell-voucher" disabled={busy || cents === null || cents <= 0}>{tw('sellVoucher')}</button>
      </form>
      <ErrorLine error={error} />
    </section>
  );
}

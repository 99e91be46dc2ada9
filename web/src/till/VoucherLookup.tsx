import { useState, type FormEvent } from 'react';
import { get } from '../api/client.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import type { Voucher } from './types.js';
import { useTill } from './words.js';
import { useMoney } from '../i18n/i18n.js';

export function VoucherLookup() {
  const money = useMoney();
  const { tw } = useTill();
  const [code, setCode] = useState('');
  const [voucher, setVoucher] = useState<Voucher | null>(null);
  const { busy, error, run } = useAction();
  const look = (e: FormEvent) => { e.preventDefault(); void run(async () => setVoucher(await get<Voucher>(`/api/vouchers/${encodeURIComponent(code.trim())}`))); };
  return (
    <section className="card voucher-lookup">
      <h3>{tw('lookUpVoucher')}</h3>
      <form className="row" onSubmit={look}>
        <label>{tw('voucherCode')} <input name="lookup-code" value={code} onChange={(e) => setCode(e.target.value)} /></label>
        <button type="submit" disabled={busy || !code.trim()}>{tw('checkBalance')}</button>
      </form>
      {voucher && (
        <p className="voucher-found" data-state={voucher.state}>
          <code>{voucher.code}</code> · {tw('balance')} <output name="voucher-balance">{money(voucher.balance)}</output> / {money(voucher.value)}
          {' · '}{tw(`state_${voucher.state}`)}{voucher.lastDay && <> · {tw('validUntil')} {voucher.lastDay.split('-').reverse().join('-')}</>}
        </p>
      )}
      <ErrorLine error={error} />
    </section>
  );
}

// After a sale: the gift vouchers it sold, their codes in groups of four (to read aloud), and print.
import { useEffect, useState } from 'react';
import { apiBlob, get } from '../api/client.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import type { Voucher } from '../till/types.js';
import { useTill } from '../till/words.js';
import { useMoney } from '../i18n/i18n.js';

export function SoldVouchers({ orderId }: { orderId: string }) {
  const money = useMoney();
  const { tw } = useTill();
  const [vouchers, setVouchers] = useState<Voucher[]>([]);
  const { error, run } = useAction();
  useEffect(() => { void get<{ items: Voucher[] }>(`/api/orders/${orderId}/vouchers`).then((r) => setVouchers(r.items), () => setVouchers([])); }, [orderId]);
  if (!vouchers.length) return null;
  const print = () => void run(async () => {
    const blob = await apiBlob('POST', `/api/orders/${orderId}/vouchers/print`);
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
  });
  return (
    <section className="sold-vouchers card">
      <h4>{tw('soldVouchers')}</h4>
      <ul>{vouchers.map((v) => <li key={v.id}><code className="voucher-code">{v.code}</code> · {money(v.value)}{v.lastDay && <> · {tw('validUntil')} {v.lastDay.split('-').reverse().join('-')}</>}</li>)}</ul>
      <button name="print-vouchers" onClick={print}>{tw('printVouchers')}</button>
      <ErrorLine error={error} />
    </section>
  );
}

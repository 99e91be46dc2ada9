import type { MethodLine } from './types.js';
import { useTill } from './words.js';
import { useMoney } from '../i18n/i18n.js';

export function CashUpTable({ lines, name }: { lines: MethodLine[]; name: string }) {
  const money = useMoney();
  const amount = (n: number | null) => (n === null ? '—' : money(n));
  const { tw, method } = useTill();
  return (
    <table className="cash-up" data-table={name}>
      <thead><tr><th>{tw('method')}</th><th>{tw('taken')}</th><th>{tw('refunded')}</th><th>{tw('expected')}</th><th>{tw('counted')}</th><th>{tw('difference')}</th></tr></thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.method} data-method={l.method}>
            <td>{method(l.method)}</td><td>{money(l.taken)}</td><td>{money(l.refunded)}</td>
            <td className="expected">{money(l.expected)}</td><td className="counted">{amount(l.counted)}</td>
            <td className={l.difference ? 'difference short' : 'difference'}>{amount(l.difference)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

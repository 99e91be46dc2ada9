import { money } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { BarChart } from './Charts.js';
import { ExportButtons } from './ExportButtons.js';
import type { DailySales } from './types.js';
import { useReport } from './useReport.js';

export function DailySalesReport({ query }: { query: string }) {
  const { t, w } = useI18n();
  const path = `/api/reports/daily-sales${query}`;
  const { data, error } = useReport<DailySales>(path);
  const perDay = new Map<string, number>();
  for (const i of data?.items ?? []) perDay.set(i.date, (perDay.get(i.date) ?? 0) + i.revenue);
  return (
    <section className="report daily-sales">
      <div className="row"><h2 className="grow">{t('dailySales')}</h2><ExportButtons path={path} name="daily-sales" /></div>
      <ErrorLine error={error} />
      <BarChart data={[...perDay].sort().map(([label, value]) => ({ label, value }))} label={money} />
      {data && data.items.length === 0 && <p className="muted">{t('noData')}</p>}
      {data && data.items.length > 0 && (
        <table className="data">
          <thead><tr><th>{t('date')}</th><th>{t('ticketType')}</th><th>{t('category')}</th><th>{t('channel')}</th><th>{t('paymentMethod')}</th><th className="num">{t('tickets')}</th><th className="num">{t('revenue')}</th></tr></thead>
          <tbody>
            {data.items.map((i, n) => (
              <tr key={n}><td>{i.date}</td><td>{i.ticketTypeName}</td><td>{w('category', i.dipCategory)}</td><td>{w('channel', i.channel)}</td><td>{i.paymentMethod ? w('method', i.paymentMethod) : ''}</td>
                <td className="num">{i.tickets}</td><td className="num">{money(i.revenue)}</td></tr>
            ))}
          </tbody>
          <tfoot><tr><th colSpan={5}>{t('totals')}</th><th className="num total-tickets">{data.totals.tickets}</th><th className="num total-revenue">{money(data.totals.revenue)}</th></tr></tfoot>
        </table>
      )}
    </section>
  );
}

import { localDateTime } from '../format.js';
import { useI18n, useMoney } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { Chart } from './charts/Chart.js';
import { ExportButtons } from './ExportButtons.js';
import type { CustomerReportItem } from './types.js';
import { useReport } from './useReport.js';

export function CustomersReport({ query }: { query: string }) {
  const money = useMoney();
  const { t, lang } = useI18n();
  const path = `/api/reports/customers${query}`;
  const { data, error } = useReport<{ items: CustomerReportItem[]; total: number }>(`${path}&limit=100`);
  return (
    <section className="report customers">
      <div className="row"><h2 className="grow">{t('customersReport')}</h2><ExportButtons path={path} name="customers" /></div>
      <ErrorLine error={error} />
      {data && data.items.length > 0 && (
        <Chart name="customers" label={t('revenue')} spec={{
          kind: 'revenue', rows: data.items.slice(0, 15).map((c) => ({ key: c.customerId, channel: 'all', revenue: c.revenue })),
          keys: data.items.slice(0, 15).map((c) => ({ key: c.customerId, label: c.name })), channels: [{ code: 'all', name: t('revenue') }],
        }} />
      )}
      {data && data.items.length === 0 && <p className="muted">{t('noData')}</p>}
      {data && data.items.length > 0 && (
        <table className="data">
          <thead><tr><th>{t('name')}</th><th>{t('email')}</th><th>{t('postalCode')}</th><th className="num">{t('orders')}</th>
            <th className="num">{t('tickets')}</th><th className="num">{t('revenue')}</th><th>{t('lastVisit')}</th></tr></thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.customerId}><td>{c.name}</td><td>{c.email ?? ''}</td><td>{c.postalCode ?? ''}</td><td className="num">{c.orders}</td>
                <td className="num">{c.tickets}</td><td className="num">{money(c.revenue)}</td><td>{c.lastVisit ? localDateTime(c.lastVisit, lang) : ''}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

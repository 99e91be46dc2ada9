import { useState } from 'react';
import { localDateTime, money } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { BarChart, LineChart } from './Charts.js';
import { ExportButtons } from './ExportButtons.js';
import type { PerformanceReportItem, SalesPoint } from './types.js';
import { useReport } from './useReport.js';

export function PerformancesReport({ query }: { query: string }) {
  const { t, lang } = useI18n();
  const path = `/api/reports/performances${query}`;
  const { data, error } = useReport<{ items: PerformanceReportItem[] }>(path);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="report perf-report">
      <div className="row"><h2 className="grow">{t('performancesReport')}</h2><ExportButtons path={path} name="performances" /></div>
      <ErrorLine error={error} />
      <BarChart data={(data?.items ?? []).map((p) => ({ label: `${p.title} ${p.startsAt.slice(0, 10)}`, value: p.occupancy }))} label={(v) => `${v} %`} />
      {data && data.items.length === 0 && <p className="muted">{t('noData')}</p>}
      {data && data.items.length > 0 && (
        <table className="data">
          <thead><tr><th>{t('title')}</th><th>{t('date')}</th><th>{t('venue')}</th><th className="num">{t('capacity')}</th><th className="num">{t('sold')}</th>
            <th className="num">{t('revenue')}</th><th className="num">{t('reservations')}</th><th className="num">{t('blocked')}</th><th className="num">{t('occupancy')}</th></tr></thead>
          <tbody>
            {data.items.map((p) => (
              <tr key={p.performanceId} className={open === p.performanceId ? 'active' : ''} onClick={() => setOpen(p.performanceId)}>
                <td>{p.title}</td><td>{localDateTime(p.startsAt, lang)}</td><td>{p.venueName}</td><td className="num">{p.capacity}</td>
                <td className="num">{p.soldTickets}</td><td className="num">{money(p.revenue)}</td><td className="num">{p.reservations}</td>
                <td className="num">{p.blocked.definitive + p.blocked.conditional}</td><td className="num">{p.occupancy} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <SalesOverTime performanceId={open} />}
    </section>
  );
}

function SalesOverTime({ performanceId }: { performanceId: string }) {
  const { t } = useI18n();
  const path = `/api/reports/performances/${performanceId}/sales-over-time`;
  const { data, error } = useReport<{ points: SalesPoint[] }>(path);
  return (
    <div className="card">
      <div className="row"><h3 className="grow">{t('salesOverTime')}</h3><ExportButtons path={path} name="sales-over-time" /></div>
      <ErrorLine error={error} />
      <LineChart points={(data?.points ?? []).map((p) => ({ label: p.date, value: p.cumulativeTickets }))} label={(v) => `${v} ${t('tickets')}`} />
    </div>
  );
}

import { useMemo, useState } from 'react';
import { localDateTime } from '../format.js';
import { useI18n, useMoney } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { Chart } from './charts/Chart.js';
import { numbersFor } from './charts/numbers.js';
import type { ChartSpec } from './charts/spec.js';
import { useChartWords } from './charts/words.js';
import { ExportButtons } from './ExportButtons.js';
import { PerformanceCharts } from './PerformanceCharts.js';
import type { PerformanceReportItem } from './types.js';
import { useReport } from './useReport.js';

export function PerformancesReport({ query }: { query: string }) {
  const money = useMoney();
  const { t, lang } = useI18n();
  const cw = useChartWords();
  const path = `/api/reports/performances${query}`;
  const { data, error } = useReport<{ items: PerformanceReportItem[] }>(path);
  const [open, setOpen] = useState<string | null>(null);
  const f = numbersFor(lang);
  const occupancy = useMemo((): ChartSpec | null => {
    if (!data?.items.length) return null;
    const nf = numbersFor(lang);
    return { kind: 'occupancy', words: { occupancy: cw('occupancy'), sold: cw('sold') }, items: data.items.map((p) => ({
      label: `${nf.day(p.startsAt.slice(0, 10))} ${p.startsAt.slice(11, 16)}`, title: p.title, when: localDateTime(p.startsAt, lang),
      sold: p.soldTickets, capacity: p.capacity, occupancy: p.occupancy,
    })) };
  }, [data, lang]); // cw follows lang
  const chosen = data?.items.find((p) => p.performanceId === open);
  return (
    <section className="report perf-report">
      <div className="row"><h2 className="grow">{t('performancesReport')}</h2><ExportButtons path={path} name="performances" /></div>
      <ErrorLine error={error} />
      <Chart name="occupancy" label={cw('occupancy')} spec={occupancy} />
      {data && data.items.length === 0 && <p className="muted">{t('noData')}</p>}
      {data && data.items.length > 0 && !chosen && <p className="muted">{cw('chooseHint')}</p>}
      {data && data.items.length > 0 && (
        <table className="data">
          <thead><tr><th>{t('title')}</th><th>{t('date')}</th><th>{t('venue')}</th><th className="num">{t('capacity')}</th><th className="num">{t('sold')}</th>
            <th className="num">{t('revenue')}</th><th className="num">{t('reservations')}</th><th className="num">{t('blocked')}</th><th className="num">{t('occupancy')}</th></tr></thead>
          <tbody>
            {data.items.map((p) => (
              <tr key={p.performanceId} data-performance={p.performanceId} className={open === p.performanceId ? 'active' : ''} onClick={() => setOpen(p.performanceId)}>
                <td>{p.title}</td><td>{localDateTime(p.startsAt, lang)}</td><td>{p.venueName}</td><td className="num">{f.num(p.capacity)}</td>
                <td className="num">{f.num(p.soldTickets)}</td><td className="num">{money(p.revenue)}</td><td className="num">{f.num(p.reservations)}</td>
                <td className="num">{f.num(p.blocked.definitive + p.blocked.conditional)}</td><td className="num">{f.pct(p.occupancy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && <PerformanceCharts key={chosen.performanceId} performance={chosen} />}
    </section>
  );
}

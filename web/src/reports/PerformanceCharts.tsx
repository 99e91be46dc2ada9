// One performance of the performances report: its sales over time against its capacity, and the pace of its on-sale by the minute.
import { useMemo, useState } from 'react';
import { qs } from '../api/client.js';
import { localDateTime } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { Chart } from './charts/Chart.js';
import { numbersFor } from './charts/numbers.js';
import type { ChartSpec } from './charts/spec.js';
import { useChartWords } from './charts/words.js';
import { ExportButtons } from './ExportButtons.js';
import type { OnSalePace, PerformanceReportItem, SalesPoint } from './types.js';
import { useReport } from './useReport.js';

const PACE_MINUTES = [15, 60, 240, 1440];

export function PerformanceCharts({ performance: p }: { performance: PerformanceReportItem }) {
  const { t, w, lang } = useI18n();
  const cw = useChartWords();
  const path = `/api/reports/performances/${p.performanceId}/sales-over-time`;
  const sales = useReport<{ points: SalesPoint[] }>(path);
  const [minutes, setMinutes] = useState(60);
  const pace = useReport<OnSalePace>(`/api/reports/performances/${p.performanceId}/on-sale-pace${qs({ minutes })}`);
  const specs = useMemo((): { sales: ChartSpec | null; pace: ChartSpec | null } => ({
      sales: sales.data?.points.length
        ? { kind: 'sales', points: sales.data.points, capacity: p.capacity, words: { perDay: cw('perDay'), soldSoFar: cw('soldSoFar'), capacity: cw('capacity') } }
        : null,
      pace: pace.data?.points.length
        ? { kind: 'pace', points: pace.data.points, channels: ['boxoffice', 'online'].map((code) => ({ code, name: w('channel', code) })), words: { soldTotal: cw('soldTotal') } }
        : null,
  }), [sales.data, pace.data, p.capacity, lang, w]); // cw follows lang
  return (
    <div className="card performance-charts">
      <div className="row"><h3 className="grow">{p.title} · {localDateTime(p.startsAt, lang)}</h3><ExportButtons path={path} name="sales-over-time" /></div>
      <ErrorLine error={sales.error ?? pace.error} />
      {sales.data && sales.data.points.length === 0 && <p className="muted">{t('noData')}</p>}
      <div className="report-charts">
        <Chart name="sales-over-time" label={cw('salesOverTime')} spec={specs.sales} />
        <div>
          <Chart name="on-sale-pace" label={cw('pace')} spec={specs.pace} />
          <p className="row muted">
            {pace.data?.start && <span className="grow">{cw('paceFrom')} {localDateTime(pace.data.start, lang)} ({cw(`source.${pace.data.source ?? 'first-sale'}`)})</span>}
            {pace.data && !pace.data.start && <span className="grow">{cw('noPace')}</span>}
            <label>{cw('minutes')} <select name="pace-minutes" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              {PACE_MINUTES.map((m) => <option key={m} value={m}>{numbersFor(lang).num(m)}</option>)}
            </select></label>
          </p>
        </div>
      </div>
    </div>
  );
}

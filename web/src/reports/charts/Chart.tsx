// A report chart: ECharts is loaded on first use (a chunk of its own), so the box office's first load stays as it was.
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import type { ChartSpec } from './spec.js';
import './charts.css';

const EChart = lazy(() => import('./EChart.js'));

export function Chart({ spec, label, name, height = 260 }: { spec: ChartSpec | null; label: string; name: string; height?: number }) {
  const { lang } = useI18n();
  if (!spec) return null;
  return (
    <figure className="report-chart" data-chart={name}>
      <figcaption>{label}</figcaption>
      <Suspense fallback={<div className="echart loading" style={{ height }} />}>
        <EChart spec={spec} lang={lang} label={label} height={height} />
      </Suspense>
    </figure>
  );
}

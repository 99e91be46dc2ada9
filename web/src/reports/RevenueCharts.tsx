// The daily sales report's charts: revenue per day and per ticket type, each stacked by channel (channel names translated).
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { Chart } from './charts/Chart.js';
import { numbersFor } from './charts/numbers.js';
import type { ChartSpec } from './charts/spec.js';
import { useChartWords } from './charts/words.js';
import type { DailySalesItem } from './types.js';

export function RevenueCharts({ items }: { items: DailySalesItem[] }) {
  const { w, lang } = useI18n();
  const cw = useChartWords();
  const specs = useMemo((): { perDay: ChartSpec; perType: ChartSpec } => {
    const f = numbersFor(lang);
    const channels = [...new Set(items.map((i) => i.channel))].sort().map((code) => ({ code, name: w('channel', code) }));
    const days = [...new Set(items.map((i) => i.date))].sort().map((d) => ({ key: d, label: f.day(d) }));
    const types = [...new Map(items.map((i) => [i.ticketTypeId, i.ticketTypeName])).entries()]
      .map(([key, label]) => ({ key, label })).sort((a, b) => a.label.localeCompare(b.label, lang));
    return {
      perDay: { kind: 'revenue', rows: items.map((i) => ({ key: i.date, channel: i.channel, revenue: i.revenue })), keys: days, channels },
      perType: { kind: 'revenue', rows: items.map((i) => ({ key: i.ticketTypeId, channel: i.channel, revenue: i.revenue })), keys: types, channels },
    };
  }, [items, lang, w]);
  return (
    <div className="report-charts">
      <Chart name="revenue-per-day" label={cw('revenuePerDay')} spec={specs.perDay} />
      <Chart name="revenue-by-type" label={cw('revenueByType')} spec={specs.perType} />
    </div>
  );
}

// What each report chart shows, as ECharts options: plain data, no I/O, every text in the user's
// language (the words come with the spec, numbers from numbers.ts). Loaded with ECharts (EChart.tsx).
import type { EChartsOption } from 'echarts';
import type { Numbers } from './numbers.js';
import type { ChartSpec, OccupancyItem, PaceMinute, RevenueRow, SalesDay } from './spec.js';

export type ChartOption = EChartsOption;

export function optionFor(spec: ChartSpec, f: Numbers): ChartOption {
  switch (spec.kind) {
    case 'sales': return salesOverTimeOption(spec.points, spec.capacity, f, spec.words);
    case 'occupancy': return occupancyOption(spec.items, f, spec.words);
    case 'pace': return paceOption(spec.points, spec.channels, f, spec.words);
    case 'revenue': return revenueOption(spec.rows, spec.keys, spec.channels, f);
  }
}

const COLOURS = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#455a64'];
const CAPACITY = '#c62828';
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const base = (f: Numbers): ChartOption => ({
  color: COLOURS, animation: false,
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
  legend: { top: 0, type: 'scroll' },
  tooltip: { trigger: 'axis', valueFormatter: (v) => f.num(Number(v)) },
});

/** Tickets per day as bars, the running total as a line, and the performance's capacity as a dashed line. */
export function salesOverTimeOption(points: SalesDay[], capacity: number, f: Numbers, w: { perDay: string; soldSoFar: string; capacity: string }): ChartOption {
  return {
    ...base(f),
    legend: { top: 0, type: 'scroll', data: [w.perDay, w.soldSoFar, { name: w.capacity, lineStyle: { width: 2, type: 'dashed', color: CAPACITY } }] },
    xAxis: { type: 'category', data: points.map((p) => f.day(p.date)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', max: (v: { max: number }) => Math.max(v.max, capacity), axisLabel: { formatter: (v: number) => f.num(v) } },
    series: [
      { name: w.perDay, type: 'bar', data: points.map((p) => p.tickets), barMaxWidth: 28 },
      { name: w.soldSoFar, type: 'line', data: points.map((p) => p.cumulativeTickets), showSymbol: points.length <= 60 },
      // The capacity as a mark line across the whole grid: a line series of equal values draws nothing
      // over a single day (no segment, no symbol); the values stay for the tooltip.
      {
        name: w.capacity, type: 'line', data: points.map(() => capacity), showSymbol: false,
        lineStyle: { type: 'dashed', color: CAPACITY, width: 0 }, itemStyle: { color: CAPACITY },
        markLine: {
          silent: true, symbol: 'none', data: [{ yAxis: capacity }],
          lineStyle: { type: 'dashed', color: CAPACITY, width: 2 }, label: { position: 'insideEndTop', formatter: () => f.num(capacity), color: CAPACITY },
        },
      },
    ],
  };
}

/** The season: occupancy per performance in percent, with sold / capacity in the tooltip; a zoom bar under many performances. */
export function occupancyOption(items: OccupancyItem[], f: Numbers, w: { occupancy: string; sold: string }): ChartOption {
  const many = items.length > 24;
  return {
    ...base(f),
    legend: { show: false },
    grid: { left: 8, right: 16, top: 16, bottom: many ? 40 : 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (ps) => {
        const p = (Array.isArray(ps) ? ps[0] : ps) as { dataIndex: number };
        const i = items[p.dataIndex];
        return `<b>${esc(i.title)}</b><br>${esc(i.when)}<br>${f.num(i.sold)} / ${f.num(i.capacity)} ${esc(w.sold)}: <b>${f.pct(i.occupancy)}</b>`;
      },
    },
    xAxis: { type: 'category', data: items.map((i) => i.label), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => f.pct(v) } },
    series: [{ name: w.occupancy, type: 'bar', data: items.map((i) => i.occupancy), barMaxWidth: 36, label: { show: items.length <= 16, position: 'top', formatter: (p) => f.pct(Number(p.value)) } }],
    ...(many ? { dataZoom: [{ type: 'slider', height: 18, bottom: 4, startValue: 0, endValue: 23 }, { type: 'inside' }] } : {}),
  };
}

/** The on-sale by the minute: tickets per channel stacked, the running total on the right axis. */
export function paceOption(points: PaceMinute[], channels: { code: string; name: string }[], f: Numbers, w: { soldTotal: string }): ChartOption {
  return {
    ...base(f),
    xAxis: { type: 'category', data: points.map((p) => p.at.slice(11, 16)), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => f.num(v) } },
      { type: 'value', minInterval: 1, splitLine: { show: false }, axisLabel: { formatter: (v: number) => f.num(v) } },
    ],
    series: [
      ...channels.map((c) => ({ name: c.name, type: 'bar' as const, stack: 'minute', data: points.map((p) => p.byChannel[c.code] ?? 0) })),
      { name: w.soldTotal, type: 'line', yAxisIndex: 1, data: points.map((p) => p.cumulativeTickets), showSymbol: false },
    ],
  };
}

/** Revenue per category (ticket type, or day) stacked by channel; money in the tooltip and on the axis. */
export function revenueOption(rows: RevenueRow[], keys: { key: string; label: string }[], channels: { code: string; name: string }[], f: Numbers): ChartOption {
  const sum = new Map<string, number>();
  for (const r of rows) sum.set(`${r.key}\u0000${r.channel}`, (sum.get(`${r.key}\u0000${r.channel}`) ?? 0) + r.revenue);
  return {
    ...base(f),
    tooltip: { trigger: 'axis', valueFormatter: (v) => f.euros(Number(v)) },
    xAxis: { type: 'category', data: keys.map((k) => k.label), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.euros(v) } },
    series: channels.map((c) => ({
      name: c.name, type: 'bar' as const, stack: 'revenue', barMaxWidth: 48, data: keys.map((k) => sum.get(`${k.key}\u0000${c.code}`) ?? 0),
    })),
  };
}

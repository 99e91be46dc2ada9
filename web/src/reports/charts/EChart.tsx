// One Apache ECharts chart, drawn as SVG (crisp, and its texts are in the page). This module and
// ECharts itself load only when a report draws its first chart (Chart.tsx), never with the box office.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Lang } from '../../i18n/dictionary.js';
import { numbersFor } from './numbers.js';
import { optionFor } from './options.js';
import type { ChartSpec } from './spec.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, DataZoomComponent, SVGRenderer]);

export default function EChart({ spec, lang, label, height }: { spec: ChartSpec; lang: Lang; label: string; height: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // ECharts' own words are never shown: every axis, legend and tooltip text comes from options.ts
    const chart = echarts.init(el, null, { renderer: 'svg', locale: 'EN' });
    chart.setOption(optionFor(spec, numbersFor(lang)) as echarts.EChartsCoreOption);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => { resize.disconnect(); chart.dispose(); };
  }, [spec, lang]);
  return <div ref={box} className="echart" role="img" aria-label={label} style={{ height }} />;
}

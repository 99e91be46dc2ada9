// What a report asks a chart to draw: data and words only. The ECharts options are made from it
// inside the lazily loaded chunk (options.ts), so none of that code is in the box office's first load.
export interface SalesDay { date: string; tickets: number; cumulativeTickets: number }
export interface OccupancyItem { label: string; title: string; when: string; sold: number; capacity: number; occupancy: number }
export interface PaceMinute { at: string; byChannel: Record<string, number>; cumulativeTickets: number }
export interface RevenueRow { key: string; channel: string; revenue: number }
export interface Named { code: string; name: string }

export type ChartSpec =
  | { kind: 'sales'; points: SalesDay[]; capacity: number; words: { perDay: string; soldSoFar: string; capacity: string } }
  | { kind: 'occupancy'; items: OccupancyItem[]; words: { occupancy: string; sold: string } }
  | { kind: 'pace'; points: PaceMinute[]; channels: Named[]; words: { soldTotal: string } }
  | { kind: 'revenue'; rows: RevenueRow[]; keys: { key: string; label: string }[]; channels: Named[] };

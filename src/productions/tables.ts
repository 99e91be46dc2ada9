import type { Selectable } from 'kysely';

export const PERFORMANCE_STATUSES = ['draft', 'on_sale', 'sold_out', 'cancelled'] as const;
export type PerformanceStatus = (typeof PERFORMANCE_STATUSES)[number];
export const CHANNELS = ['boxoffice', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ProductionTable {
  id: string;
  organisation_id: string;
  title: string;
  producer: string;
  genre: string;
  description: string;
  image_url: string | null;
  dip_production_id: string | null;
  created_at: string;
  subtitle: string;
  /** Minutes; the default for its new performances. */
  duration_minutes: number | null;
  age_advice: string;
  uitdatabank_event_id: string | null;
  /** The default for its new performances (UiTPAS is per event: each performance has its own). */
  uitpas_enabled: number;
  /** Languages the texts are in, comma separated ("nl,fr"). */
  languages: string;
}
export type Production = Selectable<ProductionTable>;

export interface PerformanceTable {
  id: string;
  organisation_id: string;
  production_id: string;
  hall_id: string;
  /** UTC instant, ISO string. */
  starts_at: string;
  duration_minutes: number;
  /** Minutes before the start that the doors open. */
  doors_open_minutes: number;
  status: PerformanceStatus;
  extra_info: string;
  standard_ticket_type_id: string | null;
  /** VAT in basis points: 900 = 9 %. */
  vat_rate: number;
  uitpas_enabled: number;
  uitdatabank_event_id: string | null;
  created_at: string;
  updated_at: string;
}
export type Performance = Selectable<PerformanceTable>;

export interface SalesWindowTable {
  performance_id: string;
  channel: Channel;
  organisation_id: string;
  opens_at: string | null;
  closes_at: string | null;
}
export type SalesWindow = Selectable<SalesWindowTable>;

export interface ProductionTables {
  productions: ProductionTable;
  performances: PerformanceTable;
  sales_windows: SalesWindowTable;
}

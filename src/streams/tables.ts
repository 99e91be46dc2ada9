import type { Selectable } from 'kysely';

/** Utick stream status: 10 published, 11 published without booking, 20 cancelled. */
export const STREAM_STATUSES = [10, 11, 20] as const;
export type StreamStatus = (typeof STREAM_STATUSES)[number];

export interface StreamTable {
  id: string;
  organisation_id: string;
  label: string;
  description: string;
  starts_at: string | null;
  ends_at: string | null;
  /** After this instant nobody gets access. */
  access_ends_at: string | null;
  url: string;
  shop_url: string | null;
  /** Hours of access after the first granted access; null: no limit. */
  access_duration_hours: number | null;
  status: number;
  venue_id: string | null;
  production_id: string | null;
  freeaccess_seats: number;
  freeaccess_packs: number;
  price: number;
  created_at: string;
  updated_at: string;
}
export type Stream = Selectable<StreamTable>;

export interface BasketStreamTable {
  id: string;
  organisation_id: string;
  basket_id: string;
  stream_id: string;
  price: number;
  created_at: string;
}

export interface StreamPurchaseTable {
  id: string;
  organisation_id: string;
  stream_id: string;
  order_id: string;
  customer_id: string | null;
  access_code: string;
  price: number;
  status: 'valid' | 'cancelled';
  created_at: string;
  cancelled_at: string | null;
}
export type StreamPurchase = Selectable<StreamPurchaseTable>;

export interface StreamAccessClockTable {
  stream_id: string;
  subject: string;
  first_access_at: string;
}

export interface StreamTables {
  streams: StreamTable;
  basket_streams: BasketStreamTable;
  stream_purchases: StreamPurchaseTable;
  stream_access_clocks: StreamAccessClockTable;
}

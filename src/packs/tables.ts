import type { Selectable } from 'kysely';

/** Utick pack types: 1 standard bundle, 10 shopping, 20 passport ("Pass de 10 places"), 100 card. */
export const PACK_TYPES = [1, 10, 20, 100] as const;
export type PackType = (typeof PACK_TYPES)[number];

export interface PackTable {
  id: string;
  organisation_id: string;
  label: string;
  description: string;
  type_id: number;
  image_url: string | null;
  shop_url: string | null;
  main_pack_id: string | null;
  /** Cents, VAT included. */
  price: number;
  /** The ticket type redeemed places get (their price is 0: the pack paid for them). */
  ticket_type_id: string;
  valid_from: string | null;
  valid_until: string | null;
  /** How many places one holding may take for the same performance. */
  per_performance_max: number;
  published: number;
  created_at: string;
  updated_at: string;
}
export type Pack = Selectable<PackTable>;

export interface PackSetTable {
  id: string;
  organisation_id: string;
  pack_id: string;
  label: string;
  description: string;
  itemnb_min: number;
  itemnb_max: number;
  sort: number;
}
export type PackSet = Selectable<PackSetTable>;

export interface PackSetStockTable {
  id: string;
  organisation_id: string;
  pack_id: string;
  set_id: string;
  performance_id: string | null;
  stream_id: string | null;
  /** Comma-separated ranks the pack may take ("" = any). */
  ranks: string;
  sort: number;
}
export type PackSetStock = Selectable<PackSetStockTable>;

export interface PackHoldingTable {
  id: string;
  organisation_id: string;
  pack_id: string;
  order_id: string;
  customer_id: string | null;
  status: 'valid' | 'cancelled';
  credits_total: number;
  /** Taken by conditional UPDATE (credits_left > 0): concurrent redemptions of the last credit, one wins. */
  credits_left: number;
  price: number;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}
export type PackHolding = Selectable<PackHoldingTable>;

export interface PackRedemptionTable {
  id: string;
  organisation_id: string;
  holding_id: string;
  set_id: string;
  performance_id: string;
  item_id: string;
  ticket_id: string;
  order_id: string;
  status: 'valid' | 'cancelled';
  created_at: string;
  cancelled_at: string | null;
}
export type PackRedemption = Selectable<PackRedemptionTable>;

export interface BasketPackTable {
  id: string;
  organisation_id: string;
  basket_id: string;
  pack_id: string;
  price: number;
  created_at: string;
}

export interface BasketPackSeatTable {
  id: string;
  organisation_id: string;
  basket_id: string;
  /** A pick of a pack bought in this basket… */
  basket_pack_id: string | null;
  /** …or a credit of a pack the customer already holds. */
  holding_id: string | null;
  performance_id: string;
  item_id: string;
}

export interface PackTables {
  packs: PackTable;
  pack_sets: PackSetTable;
  pack_set_stocks: PackSetStockTable;
  pack_holdings: PackHoldingTable;
  pack_redemptions: PackRedemptionTable;
  basket_packs: BasketPackTable;
  basket_pack_seats: BasketPackSeatTable;
}

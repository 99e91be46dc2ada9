import type { Selectable } from 'kysely';

/** One row per organisation that has set up its web shop; no row: the shop is off. */
export interface ShopSettingsTable {
  organisation_id: string;
  enabled: number;
  /** The name the shop shows; null: the organisation's name. */
  display_name: string | null;
  logo_url: string | null;
  /** The venue's colour, "#8e1537". */
  colour: string | null;
  /** JSON array of origins ("https://www.theater.nl") that may show the shop in a frame. */
  embed_origins: string;
  terms_url: string | null;
  /** Places one online basket may hold at once. */
  max_places: number;
  /** Buyers may cancel a paid online order up to this many hours before its first performance; null: not at all. */
  buyer_cancel_hours: number | null;
  updated_at: string;
}
export type ShopSettingsRow = Selectable<ShopSettingsTable>;

/** A buyer's basket, found by the hash of the token the buyer's browser keeps. */
export interface ShopBasketTable {
  token_hash: string;
  basket_id: string;
  organisation_id: string;
  buyer_name: string | null;
  buyer_email: string | null;
  buyer_phone: string | null;
  language: string | null;
  newsletter: number;
  terms_accepted_at: string | null;
  created_at: string;
}
export type ShopBasket = Selectable<ShopBasketTable>;

/** The customer the shop uses for an e-mail address (one person, one customer). */
export interface CustomerEmailKeyTable {
  organisation_id: string;
  email: string;
  customer_id: string;
}

export interface ShopTables {
  shop_settings: ShopSettingsTable;
  shop_baskets: ShopBasketTable;
  customer_email_keys: CustomerEmailKeyTable;
}

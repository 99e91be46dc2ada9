import type { Selectable } from 'kysely';
import type { Channel } from '../productions/tables.js';

export const BASKET_STATUSES = ['open', 'checked_out', 'abandoned', 'expired'] as const;
export type BasketStatus = (typeof BASKET_STATUSES)[number];

export interface BasketTable {
  id: string;
  organisation_id: string;
  channel: Channel;
  status: BasketStatus;
  expires_at: string;
  customer_id: string | null;
  order_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export type Basket = Selectable<BasketTable>;

/** One line per place (seat or GA place) in the basket. */
export interface BasketLineTable {
  id: string;
  basket_id: string;
  organisation_id: string;
  performance_id: string;
  item_id: string;
  ticket_type_id: string;
  /** Cents, VAT included. */
  price: number;
  created_at: string;
}
export type BasketLine = Selectable<BasketLineTable>;

export interface BasketTables {
  baskets: BasketTable;
  basket_lines: BasketLineTable;
}

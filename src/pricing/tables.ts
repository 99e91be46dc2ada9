import type { Selectable } from 'kysely';

export const DIP_CATEGORIES = ['normal', 'discount', 'free', 'other'] as const;
export type DipCategory = (typeof DIP_CATEGORIES)[number];

export interface TicketTypeTable {
  id: string;
  organisation_id: string;
  name_nl: string;
  name_fr: string;
  name_en: string;
  dip_category: DipCategory;
  sell_boxoffice: number;
  sell_online: number;
  /** The organisation's UiTPAS ticket type (social tariff replaces the standard type). */
  uitpas: number;
  /** The UiTPAS group-pass ticket type. */
  uitpas_group: number;
  archived: number;
  created_at: string;
}
export type TicketType = Selectable<TicketTypeTable>;

export interface PriceTable {
  performance_id: string;
  ticket_type_id: string;
  rank: number;
  organisation_id: string;
  amount: number;
}
export type Price = Selectable<PriceTable>;

/** A production's price list: what its performances copy. */
export interface ProductionPriceTable {
  production_id: string;
  ticket_type_id: string;
  rank: number;
  organisation_id: string;
  amount: number;
}

/** At most `max_count` tickets of a type for a performance, held or sold, on every channel. */
export interface TicketTypeQuotaTable {
  performance_id: string;
  ticket_type_id: string;
  organisation_id: string;
  max_count: number;
  updated_at: string;
}
export type TicketTypeQuota = Selectable<TicketTypeQuotaTable>;

export interface PricingTables {
  ticket_types: TicketTypeTable;
  prices: PriceTable;
  production_prices: ProductionPriceTable;
  ticket_type_quotas: TicketTypeQuotaTable;
}

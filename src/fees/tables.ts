import type { Channel } from '../productions/tables.js';

/** Service fees an organisation charges on a channel; no row: no fees. */
export interface FeeSettingsTable {
  organisation_id: string;
  channel: Channel;
  /** Cents per ticket priced above zero. */
  per_ticket: number;
  /** Cents once per order. */
  per_order: number;
  /** The fee's VAT rate, basis points. */
  vat_rate: number;
  updated_at: string;
}

export interface FeeTables {
  fee_settings: FeeSettingsTable;
}

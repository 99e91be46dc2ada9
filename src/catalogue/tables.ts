import type { Selectable } from 'kysely';

/** An application's key for the catalogue API; the secret is stored encrypted, shown once. */
export interface CatalogueKeyTable {
  id: string;
  organisation_id: string;
  label: string;
  public_key: string;
  /** AES-256-GCM under a server secret: iv.tag.ciphertext, base64url. */
  secret_enc: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  /** When the key last signed a /v1 request, to within LAST_USED_PRECISION_MS (null: never). */
  last_used_at: string | null;
}
export type CatalogueKey = Selectable<CatalogueKeyTable>;

/**
 * An order made through /v1: its id is the basket's while it is being filled, and the order's once
 * checkout made one (the same id). Utick's fields Foyer's orders do not have.
 */
export interface UtickOrderTable {
  id: string;
  organisation_id: string;
  /** The application key that made it: only that application may fill it. */
  api_key_id: string;
  name: string;
  language: string;
  country: string;
  postal_code: string;
  notes: string;
  /** JSON object text. */
  metadata: string;
  created_at: string;
  updated_at: string;
}
export type UtickOrder = Selectable<UtickOrderTable>;

/** A gift voucher a website applied to a /v1 order (a Utick promo code): spent when the order is paid. */
export interface UtickOrderVoucherTable {
  /** The product id the voucher has in the order. */
  id: string;
  organisation_id: string;
  order_id: string;
  voucher_id: string;
  created_at: string;
}

export interface CatalogueTables {
  catalogue_keys: CatalogueKeyTable;
  utick_orders: UtickOrderTable;
  utick_order_vouchers: UtickOrderVoucherTable;
}

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
}
export type CatalogueKey = Selectable<CatalogueKeyTable>;

export interface CatalogueTables {
  catalogue_keys: CatalogueKeyTable;
}

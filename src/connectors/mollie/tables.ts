import type { Selectable } from 'kysely';

/** Per organisation: how Foyer reaches Mollie. */
export interface MollieSettingsTable {
  organisation_id: string;
  /** Sealed (platform/sealed.ts); never answered or logged. */
  api_key: string;
  /** test or live, read from the key when it was saved (shown instead of the key). */
  api_key_mode: 'test' | 'live';
  /** https://api.mollie.com/v2/, or a sandbox's /v2/. */
  endpoint: string;
  enabled: number;
  /** Foyer's public base URL as Mollie reaches it; null: no webhooks, Foyer only asks itself. */
  webhook_base_url: string | null;
  updated_at: string;
}
export type MollieSettingsRow = Selectable<MollieSettingsTable>;

export interface MollieTables {
  mollie_settings: MollieSettingsTable;
}

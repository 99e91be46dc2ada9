import type { Insertable, Selectable } from 'kysely';

export interface OrganisationTable {
  id: string;
  name: string;
  /** The organisation's address in public URLs (its web shop: /shop/<slug>/); unique. */
  slug: string | null;
  /** Minutes seats stay held in an online basket. */
  online_hold_minutes: number;
  /** Minutes seats stay held in a box-office basket. */
  boxoffice_hold_minutes: number;
  /** Hours an unpaid reservation lives; null: until the performance starts. */
  reservation_hours: number | null;
  created_at: string;
}
export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;

export interface ServerSecretTable {
  name: string;
  value: string;
  created_at: string;
}

export interface OrganisationTables {
  organisations: OrganisationTable;
  server_secrets: ServerSecretTable;
}

import type { Selectable } from 'kysely';
import type { Actor } from '../platform/context.js';

export const PERSONAL_DATA_ACTIONS = ['export', 'erase'] as const;
export type PersonalDataAction = (typeof PERSONAL_DATA_ACTIONS)[number];

/** Who exported or erased whose data, and when. Ids only: the line itself holds no personal data. */
export interface PersonalDataLogTable {
  id: string;
  organisation_id: string;
  customer_id: string;
  action: PersonalDataAction;
  actor_kind: Actor['kind'];
  actor_id: string;
  at: string;
}
export type PersonalDataLogRow = Selectable<PersonalDataLogTable>;

export interface PrivacyTables {
  personal_data_log: PersonalDataLogTable;
}

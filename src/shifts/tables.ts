import type { Selectable } from 'kysely';

export interface ShiftTable {
  id: string;
  organisation_id: string;
  venue_id: string;
  /** The cashier: a shift belongs to one user. */
  user_id: string;
  status: 'open' | 'closed';
  /** Cash counted into the drawer at the start. */
  float: number;
  counted_cash: number | null;
  /** The pin terminal's own total at the close, when the cashier typed it. */
  counted_pin: number | null;
  note: string | null;
  opened_at: string;
  closed_at: string | null;
}
export type Shift = Selectable<ShiftTable>;

export interface ShiftSettingsTable {
  organisation_id: string;
  /** 1: a box-office sale or payment by a staff user needs that user's open shift. */
  require_open_shift: number;
  updated_at: string;
}

export interface ShiftTables {
  shifts: ShiftTable;
  shift_settings: ShiftSettingsTable;
}

import type { Selectable } from 'kysely';

/** Per organisation: how Foyer talks to UiTPAS, and in which channels passes are accepted. */
export interface UitpasSettingsTable {
  organisation_id: string;
  client_id: string;
  /** Encrypted with the server's key (credentials.ts); never returned or logged. */
  client_secret: string;
  account_url: string;
  api_url: string;
  /** The UiTPAS organizer (UiTdatabank organizer id) the client acts for. */
  organizer_id: string;
  boxoffice: number;
  online: number;
  updated_at: string;
}
export type UitpasSettingsRow = Selectable<UitpasSettingsTable>;

export const PASS_TYPES = ['INDIVIDUAL', 'GROUP'] as const;
export type PassType = (typeof PASS_TYPES)[number];

/** A pass on a basket line: the tariff UiTPAS granted, and what to restore when the pass is removed. */
export interface BasketLineUitpasTable {
  basket_line_id: string;
  basket_id: string;
  organisation_id: string;
  performance_id: string;
  uitpas_number: string;
  pass_type: PassType;
  event_id: string;
  tariff_id: string;
  tariff_name: string;
  tariff_type: string;
  /** The UiTPAS (or group-pass) ticket type the line got. */
  ticket_type_id: string;
  /** Cents: the tariff's price. */
  price: number;
  regular_ticket_type_id: string;
  regular_price: number;
  /** The price class sent as regularPriceLabel: the standard ticket type's name and the rank. */
  regular_price_label: string | null;
  created_at: string;
}
export type BasketLineUitpas = Selectable<BasketLineUitpasTable>;

/**
 * One checkout's POST /ticket-sales. pending: recorded before the call; registered: UiTPAS answered
 * with ids; confirmed: the order exists; failed: UiTPAS refused or was not reached (nothing there);
 * unknown: no answer, so UiTPAS may hold the sales (the reconcile job decides); undone: cancelled again.
 */
export const REGISTRATION_STATUSES = ['pending', 'registered', 'confirmed', 'failed', 'unknown', 'undone'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export interface UitpasRegistrationTable {
  id: string;
  organisation_id: string;
  basket_id: string;
  status: RegistrationStatus;
  error: string | null;
  created_at: string;
  updated_at: string;
}
export type UitpasRegistration = Selectable<UitpasRegistrationTable>;

/**
 * One ticket sale at UiTPAS, from intent to cancellation. pending -> registered -> sold (ticket_id
 * set) -> cancelling (a DELETE job is queued) -> cancelled; or pending -> failed.
 */
export const SALE_STATUSES = ['pending', 'registered', 'sold', 'failed', 'cancelling', 'cancelled'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export interface UitpasSaleTable {
  id: string;
  registration_id: string;
  organisation_id: string;
  /** Index of the item in the POST body. */
  position: number;
  performance_id: string;
  item_id: string;
  event_id: string;
  uitpas_number: string;
  tariff_id: string;
  regular_price: number;
  regular_price_label: string | null;
  price: number;
  /** UiTPAS's id of the sale, once known. */
  sale_id: string | null;
  ticket_id: string | null;
  status: SaleStatus;
  created_at: string;
  cancelled_at: string | null;
}
export type UitpasSale = Selectable<UitpasSaleTable>;

/** Per performance: whether admitting a UiTPAS holder's ticket checks them in at UiTPAS (a point). */
export interface UitpasPerformanceSettingsTable {
  performance_id: string;
  organisation_id: string;
  checkins: number;
  updated_at: string;
}

/**
 * A UiTPAS check-in for an admitted ticket: queued (the job will ask UiTPAS) -> checked-in, or
 * refused (UiTPAS said no: `message` is its end-user message), or failed (the job gave up).
 */
export const CHECKIN_STATUSES = ['queued', 'checked-in', 'refused', 'failed'] as const;
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];

export interface UitpasCheckinTable {
  id: string;
  organisation_id: string;
  ticket_id: string;
  performance_id: string;
  event_id: string;
  uitpas_number: string;
  status: CheckinStatus;
  points: number | null;
  /** UiTPAS's id of the check-in. */
  checkin_id: string | null;
  message: string | null;
  created_at: string;
  updated_at: string;
}

export interface UitpasTables {
  uitpas_settings: UitpasSettingsTable;
  uitpas_performance_settings: UitpasPerformanceSettingsTable;
  uitpas_checkins: UitpasCheckinTable;
  basket_line_uitpas: BasketLineUitpasTable;
  uitpas_registrations: UitpasRegistrationTable;
  uitpas_sales: UitpasSaleTable;
}

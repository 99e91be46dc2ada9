import type { Selectable } from 'kysely';

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A way into the hall: "Hoofdingang", "Balkon". Scans are counted per door. */
export interface CheckinDoorTable {
  id: string;
  organisation_id: string;
  name: string;
  created_at: string;
  archived_at: string | null;
}
export type CheckinDoor = Selectable<CheckinDoorTable>;

/** A phone or scanner registered by a manager; door staff sign in on it with its short code. */
export interface CheckinDeviceTable {
  id: string;
  organisation_id: string;
  door_id: string;
  name: string;
  /** sha256 of the normalised code; the code itself is shown once. */
  code_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
}
export type CheckinDevice = Selectable<CheckinDeviceTable>;

export interface CheckinDeviceSessionTable {
  /** sha256 of the bearer token. */
  token_hash: string;
  device_id: string;
  organisation_id: string;
  /** Who said they hold the device, typed at sign-in (may be empty). */
  steward_name: string;
  created_at: string;
  expires_at: string;
}

/** Failed and successful device-code sign-ins, counted per address in the database (every process). */
export interface CheckinCodeAttemptTable {
  id: string;
  ip: string;
  succeeded: number;
  at: string;
}

export interface CheckinSettingsTable {
  organisation_id: string;
  /** 1: tickets may leave and come back in (exits are scanned). */
  reentry: number;
  updated_at: string;
}

export interface CheckinPerformanceSettingsTable {
  performance_id: string;
  organisation_id: string;
  /** null: the organisation's setting. */
  reentry: number | null;
  updated_at: string;
}

/**
 * Where a ticket is: one row from its first admission on. The admission is the conditional write on
 * this row (inserted by exactly one scan; re-entry only when outside), so a ticket admits once
 * however many doors and processes scan it at the same moment.
 */
export interface CheckinTicketTable {
  ticket_id: string;
  organisation_id: string;
  performance_id: string;
  inside: number;
  first_admitted_at: string;
  last_at: string;
  last_door_id: string;
  last_scan_id: string;
  entries: number;
  /** Bumped by every change: offline uploads merge by compare-and-set on it. */
  version: number;
}

export const SCAN_OUTCOMES = ['applied', 'conflict', 'ignored'] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

/** Every admission and exit a door made, online or uploaded later, and what the server made of it. */
export interface CheckinScanTable {
  id: string;
  organisation_id: string;
  performance_id: string;
  ticket_id: string;
  direction: Direction;
  door_id: string;
  device_id: string | null;
  user_id: string | null;
  staff_name: string;
  /** When the door scanned (device time for offline scans, corrected for the device's clock). */
  scanned_at: string;
  recorded_at: string;
  offline: number;
  /** The device's own id for an offline scan: an upload sent twice applies once. */
  client_scan_id: string | null;
  outcome: ScanOutcome;
}
export type CheckinScan = Selectable<CheckinScanTable>;

export const CONFLICT_KINDS = ['double-admission', 'cancelled', 'not-paid', 'other-performance'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** An offline admission the server could not agree with; never silent: door staff and managers see it. */
export interface CheckinConflictTable {
  id: string;
  organisation_id: string;
  performance_id: string;
  ticket_id: string;
  kind: ConflictKind;
  /** The offline scan that did not fit. */
  scan_id: string;
  /** The admission it collides with (double admission). */
  other_scan_id: string | null;
  detected_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}
export type CheckinConflict = Selectable<CheckinConflictTable>;

export interface CheckinTables {
  checkin_doors: CheckinDoorTable;
  checkin_devices: CheckinDeviceTable;
  checkin_device_sessions: CheckinDeviceSessionTable;
  checkin_code_attempts: CheckinCodeAttemptTable;
  checkin_settings: CheckinSettingsTable;
  checkin_performance_settings: CheckinPerformanceSettingsTable;
  checkin_tickets: CheckinTicketTable;
  checkin_scans: CheckinScanTable;
  checkin_conflicts: CheckinConflictTable;
}

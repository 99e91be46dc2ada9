import type { Selectable } from 'kysely';

export interface DipSettingsTable {
  organisation_id: string;
  base_url: string;
  client_id: string;
  /** Never returned by the API nor logged. */
  client_secret: string;
  enabled: number;
  /** When pushes run (croner, Europe/Amsterdam); at least daily. */
  cron: string;
  blocked_seats_path: string;
  /** Performances are pushed until this many days after they took place. */
  push_days_after: number;
  /** The latest cron occurrence a sync job was enqueued for. */
  last_scheduled_at: string | null;
  /** One sync run per organisation at a time, across processes: the job holding it, until when. */
  run_lock_by: string | null;
  run_lock_until: string | null;
  /** How long one call to DIP may take (DIP's large answers take over 15 s). */
  timeout_seconds: number;
  /** At least this long between the starts of two calls to DIP (integrators keep ~0.5 s). */
  pace_ms: number;
  /** A run reads back what DIP holds when the last read-back is older than this. */
  check_every_hours: number;
  last_check_at: string | null;
  /** The latest run: when it ended, how (RUN_OUTCOMES), and DIP's message when it did not finish. */
  last_run_at: string | null;
  last_run_outcome: RunOutcome | null;
  last_run_message: string | null;
  updated_at: string;
}

/** done: finished; stopped: DIP refused the run as a whole (no retry until the next run); failed: DIP unreachable, retried. */
export const RUN_OUTCOMES = ['done', 'stopped', 'failed'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/** What the last read-back found: DIP holds what Foyer last pushed, something else, or refused the read. */
export const CHECK_STATES = ['in_sync', 'differs', 'refused'] as const;
export type CheckState = (typeof CHECK_STATES)[number];
export type DipSettingsRow = Selectable<DipSettingsTable>;

export const LINK_STATES = ['new', 'ok', 'failing'] as const;
export type LinkState = (typeof LINK_STATES)[number];

export interface DipLinkTable {
  performance_id: string;
  organisation_id: string;
  /** "NL-26-101-0004711": a string (leading zeros, last group of varying length). */
  production_number: string;
  performance_number: number;
  state: LinkState;
  /** Hash of the figures DIP last accepted; a run pushes a performance when its hash differs. */
  last_hash: string | null;
  /** Those figures as JSON (DipFigures). */
  last_figures: string | null;
  /** Capacity DIP last accepted: capacity is its own call, sent only when it changed. */
  last_capacity: number | null;
  last_accepted_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  /** DIP's own status of the performance (`agreed`, `cancellation`) as last seen; a cancelled one is not pushed. */
  dip_status: string | null;
  dip_status_at: string | null;
  check_state: CheckState | null;
  check_at: string | null;
  /** JSON: DIP's figures and `updated` (CheckDetail), or its refusal. */
  check_detail: string | null;
  created_at: string;
}
export type DipLink = Selectable<DipLinkTable>;

export const PUSH_OUTCOMES = ['accepted', 'rejected', 'unauthorized', 'failed'] as const;
export type PushOutcome = (typeof PUSH_OUTCOMES)[number];

/** One HTTP call to DIP that carried figures. */
export interface DipPushTable {
  id: string;
  organisation_id: string;
  job_id: string | null;
  kind: 'tickets' | 'reservations' | 'blockedseats' | 'capacity';
  method: string;
  path: string;
  request_body: string;
  /** null: no answer (network error, timeout). */
  http_status: number | null;
  response_body: string | null;
  outcome: PushOutcome;
  duration_ms: number;
  performances: number;
  sent_at: string;
}
export type DipPush = Selectable<DipPushTable>;

export interface DipPushPerformanceTable {
  push_id: string;
  performance_id: string;
  organisation_id: string;
}

/** A write that may have changed a linked performance's DIP figures (rows added by triggers, see migration 2026-12-05T0700). */
export interface DipChangeTable {
  performance_id: string;
  organisation_id: string;
  /** The sync run that saw this row; it deletes the row when it has finished. */
  claimed_by: string | null;
}

export interface DipTables {
  dip_changes: DipChangeTable;
  dip_settings: DipSettingsTable;
  dip_links: DipLinkTable;
  dip_pushes: DipPushTable;
  dip_push_performances: DipPushPerformanceTable;
}

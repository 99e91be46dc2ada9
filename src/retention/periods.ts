// How long Foyer keeps what grows with use. Each period is a setting (src/config.ts, README).
// Orders, tickets and payments are the books and are never cleaned up.

export interface RetentionPeriods {
  /** Stored answers to Idempotency-Key requests (pretix keeps them 24 h too). */
  idempotencyHours: number;
  /** Expired and abandoned baskets with their lines, counted from the basket's expiry. */
  basketDays: number;
  /** Login attempts (the limit looks back 15 minutes; the rest is the record of who tried). */
  loginAttemptDays: number;
  /** Staff sessions, counted from their expiry. */
  sessionDays: number;
  /** Done jobs: the record of what went out. */
  doneJobDays: number;
  /** Dead jobs, counted from the moment staff first saw them in the job list. */
  deadJobDays: number;
  /** Dead jobs nobody has looked at, counted from their death. */
  unseenDeadJobDays: number;
  /** The DIP push audit (every call, what it sent, what DIP answered). */
  dipAuditDays: number;
}

export const DEFAULT_RETENTION: RetentionPeriods = {
  idempotencyHours: 24,
  basketDays: 7,
  loginAttemptDays: 30,
  sessionDays: 7,
  doneJobDays: 30,
  deadJobDays: 90,
  unseenDeadJobDays: 365,
  dipAuditDays: 90,
};

/** The environment variable of each period and the least it may be. */
export const RETENTION_SETTINGS: Record<keyof RetentionPeriods, { env: string; min: number }> = {
  idempotencyHours: { env: 'FOYER_KEEP_IDEMPOTENCY_HOURS', min: 1 },
  basketDays: { env: 'FOYER_KEEP_BASKETS_DAYS', min: 1 },
  // The login limit counts the last 15 minutes; it must never lose them.
  loginAttemptDays: { env: 'FOYER_KEEP_LOGIN_ATTEMPTS_DAYS', min: 1 },
  sessionDays: { env: 'FOYER_KEEP_SESSIONS_DAYS', min: 0 },
  doneJobDays: { env: 'FOYER_KEEP_DONE_JOBS_DAYS', min: 1 },
  deadJobDays: { env: 'FOYER_KEEP_DEAD_JOBS_DAYS', min: 7 },
  unseenDeadJobDays: { env: 'FOYER_KEEP_UNSEEN_DEAD_JOBS_DAYS', min: 30 },
  dipAuditDays: { env: 'FOYER_KEEP_DIP_AUDIT_DAYS', min: 1 },
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The moment before which each kind of row goes. */
export interface Cutoffs {
  idempotency: string;
  baskets: string;
  loginAttempts: string;
  sessions: string;
  doneJobs: string;
  seenDeadJobs: string;
  unseenDeadJobs: string;
  dipAudit: string;
}

export function cutoffs(now: Date, p: RetentionPeriods): Cutoffs {
  const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
  return {
    idempotency: before(p.idempotencyHours * HOUR),
    baskets: before(p.basketDays * DAY),
    loginAttempts: before(p.loginAttemptDays * DAY),
    sessions: before(p.sessionDays * DAY),
    doneJobs: before(p.doneJobDays * DAY),
    seenDeadJobs: before(p.deadJobDays * DAY),
    unseenDeadJobs: before(p.unseenDeadJobDays * DAY),
    dipAudit: before(p.dipAuditDays * DAY),
  };
}

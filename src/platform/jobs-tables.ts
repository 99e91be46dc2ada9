import type { Selectable } from 'kysely';

export const JOB_STATUSES = ['pending', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobTable {
  id: string;
  organisation_id: string | null;
  kind: string;
  payload: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: string;
  /** While running: the lease; a job whose lease ran out is taken again (its worker died). */
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  /** Jobs with the same key are the same job: enqueueing it again while pending is a no-op. */
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
  /** A dead job: when staff first saw it (GET /api/jobs); its keeping period starts then. */
  seen_at: string | null;
}
export type Job = Selectable<JobTable>;

export interface ScheduleTable {
  name: string;
  next_run_at: string;
  last_run_at: string | null;
}

export interface JobTables {
  jobs: JobTable;
  schedules: ScheduleTable;
}

// What staff see of the job queue: their organisation's jobs, counts per status, and "try again"
// for a dead job. Jobs without an organisation (system work) are not shown to any organisation.
import { iso } from './clock.js';
import type { Db } from './db.js';
import { isUniqueViolation } from './jobs.js';
import { JOB_STATUSES, type Job, type JobStatus } from './jobs-tables.js';
import { conflict, notFound } from './problems.js';

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedUntil: string | null;
  lastError: string | null;
  dedupeKey: string | null;
  payload: unknown;
  createdAt: string;
  updatedAt: string;
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export const jobView = (j: Job): JobView => ({
  id: j.id,
  kind: j.kind,
  status: j.status,
  attempts: j.attempts,
  maxAttempts: j.max_attempts,
  runAt: j.run_at,
  lockedUntil: j.locked_until,
  lastError: j.last_error,
  dedupeKey: j.dedupe_key,
  payload: parsed(j.payload),
  createdAt: j.created_at,
  updatedAt: j.updated_at,
});

export interface JobQuery {
  status?: JobStatus;
  kind?: string;
  limit: number;
  offset: number;
}

/**
 * The organisation's jobs, newest first. The dead ones among them count as seen by staff from now:
 * their keeping period (src/retention) starts at the first time a list showed them.
 */
export async function listJobs(db: Db, orgId: string, q: JobQuery, now = new Date()): Promise<JobView[]> {
  let query = db.selectFrom('jobs').selectAll().where('organisation_id', '=', orgId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.kind) query = query.where('kind', '=', q.kind);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute();
  const unseen = rows.filter((j) => j.status === 'dead' && !j.seen_at).map((j) => j.id);
  if (unseen.length) {
    await db.updateTable('jobs').set({ seen_at: iso(now) })
      .where('id', 'in', unseen).where('status', '=', 'dead').where('seen_at', 'is', null).execute();
  }
  return rows.map(jobView);
}

/** How many of the organisation's jobs are in each status (every status present, 0 when none). */
export async function countJobs(db: Db, orgId: string, kind?: string): Promise<Record<JobStatus, number>> {
  let query = db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', orgId);
  if (kind) query = query.where('kind', '=', kind);
  const rows = await query.groupBy('status').execute();
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** A dead job back to pending, due now, with a fresh set of attempts; its last error stays for reference. */
export async function retryJob(db: Db, orgId: string, id: string, now: Date): Promise<JobView> {
  let updated: Job | undefined;
  try {
    updated = await db
      .updateTable('jobs')
      .set({ status: 'pending', attempts: 0, run_at: iso(now), locked_until: null, locked_by: null, updated_at: iso(now), seen_at: null })
      .where('id', '=', id)
      .where('organisation_id', '=', orgId)
      .where('status', '=', 'dead')
      .returningAll()
      .executeTakeFirst();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('an equal job (same dedupe key) is already waiting to run');
    throw err;
  }
  if (updated) return jobView(updated);
  const job = await db.selectFrom('jobs').select('status').where('id', '=', id).where('organisation_id', '=', orgId).executeTakeFirst();
  if (!job) throw notFound('job');
  throw conflict(`only a dead job can be retried; this one is ${job.status}`);
}

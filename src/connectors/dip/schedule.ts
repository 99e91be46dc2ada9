// The DIP part of the worker: a minutely schedule that enqueues a sync job for each organisation
// whose own cron is due (in the schedule's claiming transaction, so each due time is enqueued once
// across processes), and the job handler that runs the sync.
import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import { iso } from '../../platform/clock.js';
import type { Tx } from '../../platform/db.js';
import { enqueue, PermanentJobError, type JobHandler } from '../../platform/jobs.js';
import type { ScheduleDefinition, ScheduleTick } from '../../platform/schedules.js';
import { DipRefused } from './client.js';
import { DIP_TIME_ZONE } from './settings.js';
import { enabledSettings } from './store.js';
import { runDipSync } from './sync.js';

export const DIP_SYNC_JOB = 'dip.sync';

export interface DipSyncPayload {
  force?: boolean;
  forcedAt?: string;
  check?: boolean;
}

/** Latest occurrence of `expr` after `from` and at or before `now` (missed ones fold into it), or null. */
export function latestDue(expr: string, from: Date, now: Date): Date | null {
  const cron = new Cron(expr, { timezone: DIP_TIME_ZONE, paused: true });
  let due = cron.nextRun(from);
  if (!due || due > now) return null;
  for (let i = 0; i < 100_000; i++) {
    const next = cron.nextRun(due);
    if (!next || next > now) break;
    due = next;
  }
  return due;
}

export async function enqueueDueDipSyncs(tx: Tx, tick: ScheduleTick, log?: FastifyBaseLogger): Promise<number> {
  let enqueued = 0;
  for (const s of await enabledSettings(tx)) {
    let due: Date | null;
    try {
      due = latestDue(s.cron, new Date(s.last_scheduled_at ?? s.updated_at), tick.now);
    } catch (err) {
      log?.error({ err, organisationId: s.organisation_id }, 'DIP: stored cron expression is not valid');
      continue;
    }
    if (!due) continue;
    await enqueue(tx, {
      kind: DIP_SYNC_JOB, organisationId: s.organisation_id, payload: {} satisfies DipSyncPayload,
      dedupeKey: `dip-sync:${s.organisation_id}:${iso(due)}`,
    }, tick.now);
    await tx.updateTable('dip_settings').set({ last_scheduled_at: iso(due) }).where('organisation_id', '=', s.organisation_id).execute();
    enqueued++;
  }
  return enqueued;
}

export function dipSchedule(log?: FastifyBaseLogger): ScheduleDefinition {
  return { name: 'dip.sync', everyMs: 60_000, work: async (tx, tick) => { await enqueueDueDipSyncs(tx, tick, log); } };
}

export const dipSyncHandler: JobHandler<DipSyncPayload> = async (job, { deps, log }) => {
  if (!job.organisationId) throw new PermanentJobError('a DIP sync job needs an organisation');
  try {
    await runDipSync(deps, job.organisationId, { force: job.payload?.force, forcedAt: job.payload?.forcedAt, check: job.payload?.check, jobId: job.id, log });
  } catch (err) {
    if (err instanceof DipRefused) throw new PermanentJobError(err.message);
    throw err;
  }
};

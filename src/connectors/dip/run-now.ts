// POST /api/dip/sync: enqueue a run now, and with `wait` run the queue until that job is settled.
import { iso } from '../../platform/clock.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { enqueue, JobRunner } from '../../platform/jobs.js';
import { Problem } from '../../platform/problems.js';
import { DIP_SYNC_JOB, dipSyncHandler, type DipSyncPayload } from './schedule.js';
import { getSettings } from './store.js';
import './problems.js';

export interface SyncRequestResult {
  jobId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  /** Calls to DIP this job made so far. */
  requests: number;
}

async function jobState(ctx: Ctx, jobId: string): Promise<SyncRequestResult> {
  const job = await ctx.db.selectFrom('jobs').select(['id', 'status', 'attempts', 'last_error', 'run_at']).where('id', '=', jobId).executeTakeFirstOrThrow();
  const count = await ctx.db.selectFrom('dip_pushes').select((eb) => eb.fn.countAll<number>().as('n')).where('job_id', '=', jobId).executeTakeFirstOrThrow();
  return { jobId, status: job.status, attempts: job.attempts, lastError: job.last_error, requests: Number(count.n) };
}

export async function requestSync(deps: Deps, ctx: Ctx, opts: { force: boolean; check: boolean }, wait: boolean): Promise<SyncRequestResult> {
  const { force, check } = opts;
  const settings = await getSettings(ctx.db, ctx.orgId);
  if (!settings || !settings.client_id || !settings.client_secret) throw new Problem('dip-not-configured');
  if (settings.enabled !== 1) throw new Problem('dip-off');
  const now = ctx.clock.now();
  const dedupeKey = `dip-sync:${ctx.orgId}:manual${force ? '-force' : ''}${check ? '-check' : ''}`;
  const payload: DipSyncPayload = { ...(force ? { force, forcedAt: iso(now) } : {}), ...(check ? { check } : {}) };
  const id = (await enqueue(ctx.db, { kind: DIP_SYNC_JOB, organisationId: ctx.orgId, payload, dedupeKey }, now))
    ?? (await ctx.db.selectFrom('jobs').select('id').where('dedupe_key', '=', dedupeKey).where('status', '=', 'pending').executeTakeFirst())?.id;
  if (!id) throw new Problem('busy');
  if (wait) await settle(deps, ctx, id);
  return jobState(ctx, id);
}

/** Runs due DIP jobs in this process until `jobId` is done, dead, or waiting for a retry. */
async function settle(deps: Deps, ctx: Ctx, jobId: string): Promise<void> {
  const runner = new JobRunner({ deps, log: ctx.log, batchSize: 1 }).register(DIP_SYNC_JOB, dipSyncHandler);
  for (let i = 0; i < 600; i++) {
    const job = await ctx.db.selectFrom('jobs').select(['status', 'run_at']).where('id', '=', jobId).executeTakeFirstOrThrow();
    if (job.status === 'done' || job.status === 'dead') return;
    if (job.status === 'pending' && job.run_at > iso(ctx.clock.now())) return;
    if (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 200)); // another process runs it
      continue;
    }
    await runner.runDue(1);
  }
}

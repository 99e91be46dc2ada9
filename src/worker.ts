// The background work of a Foyer process: the durable job queue and the schedules. Every process
// may run it; the database decides which process does which job or tick.
import './sale-steps.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from './platform/context.js';
import { deleteFinishedJobs, enqueue, JobRunner } from './platform/jobs.js';
import { Scheduler } from './platform/schedules.js';
import { sweepSelling } from './orders/sweeper.js';
import { registerUitpasJobs } from './connectors/uitpas/jobs.js';
import { registerPaymentJobs } from './payments/jobs.js';
import { DIP_SYNC_JOB, dipSchedule, dipSyncHandler } from './connectors/dip/schedule.js';
import { registerReportJobs } from './reports/jobs.js';

export interface Worker {
  runner: JobRunner;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

/** Registers every job kind and schedule; `start` false builds without polling (tests drive it). */
export function createWorker(deps: Deps, log: FastifyBaseLogger, start = true): Worker {
  const runner = new JobRunner({ deps, log });
  const scheduler = new Scheduler({ deps, log });

  runner.register('selling.sweep', async () => {
    await sweepSelling(deps, log);
  });
  scheduler.add({
    name: 'selling.sweep',
    everyMs: 30_000,
    work: async (tx, tick) => {
      await enqueue(tx, { kind: 'selling.sweep', payload: {}, dedupeKey: tick.key, maxAttempts: 3 }, tick.now);
    },
  });

  // Done jobs are the audit of what went out; keep them 30 days.
  scheduler.add({
    name: 'jobs.cleanup',
    cron: '15 4 * * *',
    work: async (tx, tick) => {
      await deleteFinishedJobs(tx, new Date(tick.now.getTime() - 30 * 86400_000));
    },
  });

  runner.register(DIP_SYNC_JOB, dipSyncHandler);
  scheduler.add(dipSchedule(log));

  registerUitpasJobs(runner, scheduler, deps, log);
  registerPaymentJobs(runner, scheduler, deps, log);
  registerReportJobs(runner, scheduler, deps, log);

  if (start) {
    runner.start();
    scheduler.start();
  }
  return {
    runner,
    scheduler,
    async stop() {
      await scheduler.stop();
      await runner.stop();
    },
  };
}

// The background work of a Foyer process: the durable job queue and the schedules. Every process
// may run it; the database decides which process does which job or tick.
import './sale-steps.js';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from './platform/context.js';
import { enqueue, JobRunner } from './platform/jobs.js';
import { Scheduler } from './platform/schedules.js';
import { sweepSelling } from './orders/sweeper.js';
import { registerUitpasJobs } from './connectors/uitpas/jobs.js';
import { registerPaymentJobs } from './payments/jobs.js';
import { DIP_SYNC_JOB, dipSchedule, dipSyncHandler } from './connectors/dip/schedule.js';
import { registerReportJobs } from './reports/jobs.js';
import { DEFAULT_RETENTION, type RetentionPeriods } from './retention/periods.js';
import { registerRetention } from './retention/service.js';
import { registerMailJobs } from './mail/jobs.js';

export interface Worker {
  runner: JobRunner;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

/** Registers every job kind and schedule; `start` false builds without polling (tests drive it). */
export function createWorker(deps: Deps, log: FastifyBaseLogger, start = true, retention: RetentionPeriods = DEFAULT_RETENTION): Worker {
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

  // Old jobs, idempotency keys, baskets, login attempts, sessions and DIP audit rows (src/retention).
  registerRetention(runner, scheduler, deps, log, retention);

  runner.register(DIP_SYNC_JOB, dipSyncHandler);
  scheduler.add(dipSchedule(log));

  registerUitpasJobs(runner, scheduler, deps, log);
  registerPaymentJobs(runner, scheduler, deps, log);
  registerReportJobs(runner, scheduler, deps, log);
  registerMailJobs(runner, scheduler, deps, log);

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

// Returns lapsed holds and reservations to sale. Reads also treat a lapsed hold as free, so this
// only tidies up; it is safe to run in any number of processes at once.
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../platform/context.js';
import { systemCtx } from '../platform/system-ctx.js';
import { releaseExpiredHolds } from '../inventory/store.js';
import { expireReservations } from './service.js';

export async function sweepSelling(deps: Deps, log: FastifyBaseLogger) {
  const now = deps.clock.now().toISOString();
  const holds = await releaseExpiredHolds(deps.db, now);
  const baskets = await deps.db.updateTable('baskets').set({ status: 'expired', updated_at: now })
    .where('status', '=', 'open').where('expires_at', '<=', now).executeTakeFirst();
  const reservations = await expireReservations(systemCtx(deps, '', log));
  const result = { holds, baskets: Number(baskets.numUpdatedRows), reservations };
  if (holds || reservations) log.info(result, 'selling sweep');
  return result;
}

// An online order became paid (in the transaction that made it so). What follows for the buyer:
// the confirmation e-mail with the e-tickets.
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';

/**
 * MAIL CALL SITE (issue 15): when the mail capability (src/mail) is on main, this queues the
 * confirmation e-mail with e-tickets here, in the caller's transaction:
 *   await queueOrderConfirmation(tx, ctx, orderId);
 */
export async function orderPaidOnline(_tx: Db, _ctx: Ctx, _orderId: string): Promise<void> {
  // Nothing yet: see above.
}

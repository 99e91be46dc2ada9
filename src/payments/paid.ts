// An online order became paid (in the transaction that made it so). What follows for the buyer:
// the confirmation e-mail with the e-tickets, queued in that same transaction.
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { queueOrderConfirmation } from '../mail/service.js';

export async function orderPaidOnline(tx: Db, ctx: Ctx, orderId: string): Promise<void> {
  await queueOrderConfirmation(tx, ctx, orderId);
}

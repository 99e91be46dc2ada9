// UiTPAS as a step of every sale (orders/steps.ts): the basket's UiTPAS lines are registered before
// the checkout transaction and cancelled again if it does not commit; once it has, each sale is
// linked to its ticket. A cancelled ticket's sale is cancelled at UiTPAS through the job queue.
import { registerSaleStep } from '../../orders/steps.js';
import { confirmUitpasSales, queueUitpasCancellations, registerUitpasSales, undoUitpasSales } from './registrations.js';

registerSaleStep<string>({
  name: 'uitpas',
  rank: 30,
  basketTable: 'basket_line_uitpas',
  prepare: async (ctx, sale) => (await registerUitpasSales(ctx, sale.basket)) ?? undefined,
  undo: (ctx, registrationId) => undoUitpasSales(ctx.db, registrationId, ctx.clock.now()),
  after: async (ctx, sale, registrationId) => {
    if (registrationId) await confirmUitpasSales(ctx.db, registrationId, sale.orderId, ctx.clock.now());
  },
  ticketsCancelled: async (db, ticketIds, now) => {
    await queueUitpasCancellations(db, ticketIds, now);
  },
});

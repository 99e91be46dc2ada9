// Tickets printed at the box office: the shared ticket layout (src/tickets), a page per ticket.
import type { Ctx } from '../platform/context.js';
import { invalidField } from '../platform/problems.js';
import { renderTicketsPdf, type TicketLayout } from '../tickets/layout.js';
import { issuableTickets } from '../tickets/rules.js';
import { documentTickets } from '../tickets/store.js';
import { findOrder } from './service.js';

/**
 * Marks tickets printed and answers the PDF, labels in the request's language. A ticket printed
 * before is marked as a reprint (its count goes up and the page says so).
 */
export async function printTickets(ctx: Ctx, orderId: string, ticketIds?: string[], layout: TicketLayout = 'page'): Promise<Buffer> {
  const order = await findOrder(ctx, orderId);
  const all = await documentTickets(ctx.db, ctx.orgId, orderId);
  if (ticketIds && !ticketIds.every((id) => all.some((t) => t.id === id))) {
    throw invalidField('ticketIds', { en: 'not all tickets belong to this order', nl: 'niet alle kaarten horen bij deze bestelling', fr: "tous les billets n'appartiennent pas à cette commande" });
  }
  const rows = issuableTickets(all, ticketIds);
  const now = ctx.clock.now().toISOString();
  const counts = await ctx.db.transaction().execute(async (tx) => {
    const out: number[] = [];
    for (const t of rows) {
      // Counted in SQL so two desks printing at once both count.
      const r = await tx.updateTable('tickets').set((eb) => ({ print_state: 'printed', print_count: eb('print_count', '+', 1), printed_at: now }))
        .where('id', '=', t.id).returning('print_count').executeTakeFirstOrThrow();
      out.push(Number(r.print_count));
    }
    return out;
  });
  return renderTicketsPdf(rows.map((ticket, i) => ({ ticket, printCount: counts[i] })), { lang: ctx.lang, layout, title: `Foyer ${order.number}` });
}

// Tickets as a PDF, one ticket per page, with a Code 128 barcode.
import type { Ctx } from '../platform/context.js';
import { fill } from '../platform/i18n.js';
import { Problem, invalidField } from '../platform/problems.js';
import { formatInZone } from '../platform/time.js';
import { ticketTypeName } from '../pricing/service.js';
import { findOrder, ticketRows, type TicketRow } from './service.js';

const LABELS = {
  row: { en: 'Row', nl: 'Rij', fr: 'Rang' },
  seat: { en: 'Seat', nl: 'Stoel', fr: 'Siège' },
  place: { en: 'General admission', nl: 'Vrije plaats', fr: 'Placement libre' },
  order: { en: 'Order {number}', nl: 'Bestelling {number}', fr: 'Commande {number}' },
  reprint: { en: 'REPRINT {n}', nl: 'HERDRUK {n}', fr: 'RÉIMPRESSION {n}' },
};

const euros = (cents: number) => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

// pdfkit and bwip-js are loaded on the first print, not at start: together ~40 MB a server that
// never prints should not carry.
async function barcodePng(text: string): Promise<Buffer> {
  const { default: bwipjs } = await import('bwip-js');
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 2, height: 14, includetext: true, textxalign: 'center' });
}

async function render(ctx: Ctx, orderNumber: string, tickets: (TicketRow & { reprint: number })[]): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: [420, 595], margin: 32, autoFirstPage: false, info: { Title: `Foyer ${orderNumber}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const t of tickets) {
    doc.addPage();
    doc.fontSize(20).text(t.title);
    doc.moveDown(0.3).fontSize(12).text(formatInZone(t.starts_at, t.time_zone).slice(0, 16).replace('T', ' '));
    doc.text(`${t.venue_name} — ${t.hall_name}`);
    doc.moveDown();
    doc.fontSize(16).text(t.zone_id
      ? `${t.section}: ${LABELS.place[ctx.lang]}`
      : `${t.section}  ${LABELS.row[ctx.lang]} ${t.row_label}  ${LABELS.seat[ctx.lang]} ${t.seat_label}`);
    doc.moveDown(0.5).fontSize(12).text(`${ticketTypeName(t, ctx.lang)}   ${euros(t.price)}`);
    doc.text(fill(LABELS.order[ctx.lang], { number: orderNumber }));
    if (t.reprint > 1) doc.moveDown(0.5).fillColor('#b00').text(fill(LABELS.reprint[ctx.lang], { n: t.reprint - 1 })).fillColor('#000');
    doc.image(await barcodePng(t.barcode), 32, 420, { width: 356 });
  }
  doc.end();
  return done;
}

/**
 * Marks tickets printed at the box office and answers the PDF. A ticket printed before is marked
 * as a reprint (its count goes up and the page says so).
 */
export async function printTickets(
  ctx: Ctx, orderId: string, ticketIds?: string[], as: 'printed' | 'delivered' = 'printed',
): Promise<Buffer> {
  const order = await findOrder(ctx, orderId);
  const all = await ticketRows(ctx.db, [orderId]);
  if (ticketIds && !ticketIds.every((id) => all.some((t) => t.id === id))) {
    throw invalidField('ticketIds', { en: 'not all tickets belong to this order', nl: 'niet alle kaarten horen bij deze bestelling', fr: "tous les billets n'appartiennent pas à cette commande" });
  }
  const rows = all.filter((t) => t.status === 'valid' && (!ticketIds || ticketIds.includes(t.id)));
  if (!rows.length) throw new Problem('nothing-to-print');
  if (order.status === 'reserved' && rows.some((t) => t.dip_category !== 'free')) throw new Problem('order-unpaid');
  const now = ctx.clock.now().toISOString();
  if (as === 'delivered') {
    // An e-ticket: the buyer gets the PDF. A ticket printed at the counter stays 'printed'.
    await ctx.db.updateTable('tickets').set({ print_state: 'delivered', printed_at: now })
      .where('id', 'in', rows.map((t) => t.id)).where('print_state', '=', 'none').execute();
    return render(ctx, order.number, rows.map((t) => ({ ...t, reprint: 0 })));
  }
  await ctx.db.transaction().execute(async (tx) => {
    for (const t of rows) {
      // Counted in SQL so two desks printing at once both count.
      const r = await tx.updateTable('tickets').set((eb) => ({ print_state: 'printed', print_count: eb('print_count', '+', 1), printed_at: now }))
        .where('id', '=', t.id).returning('print_count').executeTakeFirstOrThrow();
      t.print_count = Number(r.print_count);
    }
  });
  return render(ctx, order.number, rows.map((t) => ({ ...t, reprint: t.print_count })));
}

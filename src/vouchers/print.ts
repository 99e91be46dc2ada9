// The gift vouchers of an order as a PDF, one A6 page each: value, code in groups of four, last day.
import type { Ctx } from '../platform/context.js';
import type { Lang, Text } from '../platform/i18n.js';
import { findOrder } from '../orders/service.js';
import { orderVouchers, type VoucherView } from './service.js';

const L: Record<string, Text> = {
  title: { en: 'Gift voucher', nl: 'Cadeaubon', fr: 'Chèque-cadeau' },
  code: { en: 'Code', nl: 'Code', fr: 'Code' },
  until: { en: 'Valid until', nl: 'Geldig tot en met', fr: "Valable jusqu'au" },
  how: {
    en: 'Spend it at the box office: give this code. What you do not spend stays on the voucher.',
    nl: 'Te besteden aan de kassa: geef deze code. Wat u niet besteedt, blijft op de bon staan.',
    fr: "À utiliser au guichet : donnez ce code. Ce que vous ne dépensez pas reste sur le chèque.",
  },
};

const euros = (cents: number): string => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

export async function printVouchers(ctx: Ctx, orderId: string): Promise<Buffer> {
  const order = await findOrder(ctx, orderId);
  const vouchers = (await orderVouchers(ctx, orderId)).filter((v) => v.state !== 'cancelled');
  const org = await ctx.db.selectFrom('organisations').select('name').where('id', '=', ctx.orgId).executeTakeFirstOrThrow();
  return renderVouchersPdf(vouchers, org.name, ctx.lang, `Foyer ${order.number}`);
}

async function renderVouchersPdf(vouchers: VoucherView[], orgName: string, lang: Lang, title: string): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A6', layout: 'landscape', margin: 24, autoFirstPage: false, info: { Title: title }, lang });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  for (const v of vouchers) {
    doc.addPage();
    doc.font('Helvetica').fontSize(10).fillColor('#555555').text(orgName);
    doc.font('Helvetica-Bold').fontSize(22).fillColor('#000000').text(`${L.title[lang]} ${euros(v.value)}`);
    doc.moveDown(0.5).font('Helvetica').fontSize(9).fillColor('#555555').text(L.code[lang]);
    doc.font('Courier-Bold').fontSize(16).fillColor('#000000').text(v.code);
    if (v.lastDay) doc.moveDown(0.4).font('Helvetica').fontSize(10).text(`${L.until[lang]} ${v.lastDay.split('-').reverse().join('-')}`);
    doc.moveDown(0.6).fontSize(8).fillColor('#555555').text(L.how[lang]);
  }
  doc.end();
  return done;
}

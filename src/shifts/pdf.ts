// The cash-up of a shift, and a venue's daily closing, as an A4 PDF in the request's language.
import type { Lang, Text } from '../platform/i18n.js';
import { paramWord } from '../platform/words.js';
import type { CashUp, DailyClosing } from './service.js';
import type { MethodLine } from './rules.js';

const L: Record<string, Text> = {
  cashUp: { en: 'Cash-up', nl: 'Kasopmaak', fr: 'Clôture de caisse' },
  closing: { en: 'Daily closing', nl: 'Dagafsluiting', fr: 'Clôture journalière' },
  cashier: { en: 'Cashier', nl: 'Kassamedewerker', fr: 'Caissier' },
  opened: { en: 'Opened', nl: 'Geopend', fr: 'Ouvert' },
  closed: { en: 'Closed', nl: 'Gesloten', fr: 'Clôturé' },
  stillOpen: { en: 'still open', nl: 'nog open', fr: 'encore ouvert' },
  float: { en: 'Float', nl: 'Wisselgeld', fr: 'Fonds de caisse' },
  method: { en: 'Method', nl: 'Betaalwijze', fr: 'Moyen' },
  taken: { en: 'Taken', nl: 'Ontvangen', fr: 'Encaissé' },
  refunded: { en: 'Refunded', nl: 'Terugbetaald', fr: 'Remboursé' },
  expected: { en: 'Expected', nl: 'Verwacht', fr: 'Attendu' },
  counted: { en: 'Counted', nl: 'Geteld', fr: 'Compté' },
  difference: { en: 'Difference', nl: 'Verschil', fr: 'Écart' },
  vouchersSold: { en: 'Gift vouchers sold', nl: 'Cadeaubonnen verkocht', fr: 'Chèques-cadeaux vendus' },
  orders: { en: 'Orders', nl: 'Bestellingen', fr: 'Commandes' },
  net: { en: 'Net taken', nl: 'Netto ontvangen', fr: 'Net encaissé' },
  shifts: { en: 'Shifts', nl: 'Diensten', fr: 'Services' },
};

const euros = (cents: number): string => `${cents < 0 ? '−' : ''}€ ${(Math.abs(cents) / 100).toFixed(2).replace('.', ',')}`;
const when = (s: string) => `${s.slice(8, 10)}-${s.slice(5, 7)}-${s.slice(0, 4)} ${s.slice(11, 16)}`;

type Doc = PDFKit.PDFDocument;

function table(doc: Doc, lines: MethodLine[], lang: Lang) {
  const cols = [L.method, L.taken, L.refunded, L.expected, L.counted, L.difference].map((t) => t[lang]);
  const x0 = 50;
  const widths = [110, 75, 75, 75, 75, 75];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = x0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    cells.forEach((c, i) => { doc.text(c, x, y, { width: widths[i] - 6, align: i === 0 ? 'left' : 'right', lineBreak: false }); x += widths[i]; });
    doc.x = x0;
    doc.y = y + 16;
  };
  row(cols, true);
  for (const l of lines) {
    row([paramWord('method', l.method, lang), euros(l.taken), euros(l.refunded), euros(l.expected),
      l.counted === null ? '—' : euros(l.counted), l.difference === null ? '—' : euros(l.difference)]);
  }
}

async function render(title: string, lang: Lang, made: Date, draw: (doc: Doc) => void): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, CreationDate: made }, lang });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  draw(doc);
  doc.end();
  return done;
}

function header(doc: Doc, c: CashUp, lang: Lang) {
  doc.font('Helvetica').fontSize(11)
    .text(`${L.cashier[lang]}: ${c.cashier.name}`)
    .text(`${L.opened[lang]}: ${when(c.openedAt)}   ${L.closed[lang]}: ${c.closedAt ? when(c.closedAt) : L.stillOpen[lang]}`)
    .text(`${L.float[lang]}: ${euros(c.float)}   ${L.orders[lang]}: ${c.orders}`);
  doc.moveDown(0.6);
}

export function cashUpPdf(c: CashUp, lang: Lang): Promise<Buffer> {
  // Made at the shift's opening: the same shift answers the same document.
  return render(`${L.cashUp[lang]} ${c.venue.name}`, lang, new Date(c.openedAt), (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(`${L.cashUp[lang]} · ${c.venue.name}`);
    doc.moveDown(0.4);
    header(doc, c, lang);
    table(doc, c.methods, lang);
    doc.moveDown(0.6).font('Helvetica').fontSize(11)
      .text(`${L.vouchersSold[lang]}: ${c.vouchersSold.count} · ${euros(c.vouchersSold.value)}`, 50)
      .text(`${L.net[lang]}: ${euros(c.net)}`)
      .font('Helvetica-Bold').text(`${L.difference[lang]}: ${c.difference === null ? '—' : euros(c.difference)}`);
    if (c.note) doc.moveDown(0.4).font('Helvetica').text(c.note);
  });
}

export function closingPdf(d: DailyClosing, lang: Lang): Promise<Buffer> {
  return render(`${L.closing[lang]} ${d.venue.name} ${d.day}`, lang, new Date(`${d.day}T00:00:00Z`), (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(`${L.closing[lang]} · ${d.venue.name} · ${d.day.split('-').reverse().join('-')}`);
    doc.moveDown(0.4).font('Helvetica').fontSize(11).text(`${L.shifts[lang]}: ${d.shifts.length}`);
    doc.moveDown(0.4);
    table(doc, d.methods, lang);
    doc.moveDown(0.4).font('Helvetica').fontSize(11)
      .text(`${L.vouchersSold[lang]}: ${d.vouchersSold.count} · ${euros(d.vouchersSold.value)}`, 50).text(`${L.net[lang]}: ${euros(d.net)}`);
    for (const c of d.cashiers) {
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(`${L.cashier[lang]}: ${c.cashier.name}`, 50);
      doc.moveDown(0.2);
      table(doc, c.methods, lang);
    }
  });
}

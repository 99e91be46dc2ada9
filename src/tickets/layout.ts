// The ticket as a PDF page: one layout for e-tickets, the box office and the my-order page. `page`
// is A5 (prints at home, reads on a phone); `narrow` fits an 80 mm thermal ticket printer. The QR
// code is drawn as vector squares so it stays sharp at any printer's resolution.
import type { Lang } from '../platform/i18n.js';
import { logoImage } from '../venues/branding.js';
import { fill } from '../platform/i18n.js';
import { ticketTypeName } from '../pricing/service.js';
import { TICKET_LABELS as L, euros, localDateText, localTimeText } from './labels.js';
import { qrMatrix } from './qr.js';
import type { DocumentTicket } from './store.js';

export const TICKET_LAYOUTS = ['page', 'narrow'] as const;
export type TicketLayout = (typeof TICKET_LAYOUTS)[number];

/** One ticket as printed: a document row, and how often it was printed before this print. */
export interface TicketPage {
  ticket: DocumentTicket;
  /** 0 or 1: an original; 2 and up: the n-1'th reprint. */
  printCount: number;
}

interface Geometry {
  size: [number, number];
  margin: number;
  title: number;
  body: number;
  small: number;
  qr: number;
}

const GEOMETRY: Record<TicketLayout, Geometry> = {
  // A5 portrait
  page: { size: [420, 595], margin: 30, title: 22, body: 11, small: 7.5, qr: 180 },
  // 80 mm paper with a 72 mm print width
  narrow: { size: [227, 470], margin: 12, title: 15, body: 9, small: 6.5, qr: 150 },
};

const GREY = '#555555';

type Doc = PDFKit.PDFDocument;

function placeCells(t: DocumentTicket, lang: Lang, withHall: boolean): [string, string][] {
  const hall: [string, string][] = withHall ? [[L.hall[lang], t.hall_name]] : [];
  if (t.zone_id) return [...hall, [L.zone[lang], t.section], ['', L.place[lang]]];
  return [...hall, [L.section[lang], t.section], [L.row[lang], t.row_label], [L.seat[lang], t.seat_label]];
}

/** Writes `text` on one line within `width`: smaller type down to `min`, then cut with an ellipsis. */
function oneLine(doc: Doc, text: string, x: number, y: number, width: number, size: number, min: number, align: 'left' | 'center' | 'right' = 'left'): void {
  let s = size;
  doc.fontSize(s);
  while (s > min && doc.widthOfString(text) > width) doc.fontSize((s -= 0.5));
  let shown = text;
  while (shown.length > 1 && doc.widthOfString(shown) > width) shown = `${shown.slice(0, -2)}…`;
  doc.text(shown, x, y, { width, align, lineBreak: false });
}

async function drawQr(doc: Doc, text: string, x: number, y: number, width: number): Promise<void> {
  const { size, dark } = await qrMatrix(text);
  const quiet = 4;
  const m = width / (size + 2 * quiet);
  doc.save();
  doc.rect(x, y, width, width).fill('#ffffff');
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) if (dark[r * size + c]) doc.rect(x + (c + quiet) * m, y + (r + quiet) * m, m, m);
  }
  doc.fill('#000000');
  doc.restore();
}

/** The venue's logo, decoded once per document. */
type Logos = Map<string, Buffer | undefined>;
function logoOf(logos: Logos, dataUrl: string | null): Buffer | undefined {
  if (!dataUrl) return undefined;
  if (!logos.has(dataUrl)) logos.set(dataUrl, logoImage(dataUrl)?.bytes);
  return logos.get(dataUrl);
}

async function drawTicket(doc: Doc, g: Geometry, p: TicketPage, lang: Lang, logos: Logos): Promise<void> {
  const t = p.ticket;
  const [w, h] = g.size;
  const inner = w - 2 * g.margin;
  const x = g.margin;
  const narrow = g === GEOMETRY.narrow;

  // The venue's colour as a band along the top (not on thermal paper, which prints it black).
  if (t.venue_colour && !narrow) doc.save().rect(0, 0, w, g.margin * 0.4).fill(t.venue_colour).restore();
  // Its logo at the top right, beside the title.
  const logo = logoOf(logos, t.venue_logo);
  const logoBox: [number, number] = [inner * 0.3, g.title * 2.2];
  let titleWidth = inner;
  if (logo) {
    try {
      doc.image(logo, x + inner - logoBox[0], g.margin + g.small * 2.2, { fit: logoBox, align: 'right' });
      titleWidth = inner - logoBox[0] - 6;
    } catch { /* an image pdfkit cannot read: the ticket without it */ }
  }

  doc.font('Helvetica').fillColor(GREY);
  oneLine(doc, t.organisation_name, x, g.margin, inner * 0.55, g.small, g.small);
  oneLine(doc, fill(L.order[lang], { number: t.order_number }), x + inner * 0.55, g.margin, inner * 0.45, g.small, g.small, 'right');

  doc.fillColor('#000000').font('Helvetica-Bold').fontSize(g.title);
  doc.text(t.title, x, g.margin + g.small * 2.2, { width: titleWidth, height: g.title * 2.5, ellipsis: true });
  doc.moveDown(0.2).font('Helvetica-Bold').fontSize(g.body + 2);
  const date = localDateText(t.starts_at, t.time_zone, lang);
  const time = localTimeText(t.starts_at, t.time_zone, lang);
  doc.text(narrow ? `${date}\n${time}` : `${date} · ${time}`, { width: inner });
  doc.font('Helvetica').fontSize(g.body);
  if (t.doors_open_minutes > 0) {
    const doors = new Date(new Date(t.starts_at).getTime() - t.doors_open_minutes * 60_000);
    doc.text(fill(L.doors[lang], { time: localTimeText(doors, t.time_zone, lang) }), { width: inner });
  }
  doc.moveDown(0.4).font('Helvetica-Bold');
  oneLine(doc, t.venue_name, x, doc.y, inner, g.body, g.small);
  doc.moveDown(0.1);
  doc.font('Helvetica').text(`${t.venue_address}, ${t.venue_postal_code} ${t.venue_city}`, { width: inner, height: g.body * 2.6, ellipsis: true });

  // The place, in a box: what an usher asks for.
  if (narrow) doc.moveDown(0.4).font('Helvetica-Bold').text(`${L.hall[lang]}: ${t.hall_name}`, { width: inner, lineBreak: false, ellipsis: true });
  const cells = placeCells(t, lang, !narrow);
  const boxY = doc.y + g.body * 0.6;
  const boxH = g.body * 3.6;
  doc.lineWidth(0.8).strokeColor('#000000').rect(x, boxY, inner, boxH).stroke();
  const cw = inner / cells.length;
  cells.forEach(([label, value], i) => {
    const cx = x + i * cw + 4;
    doc.font('Helvetica').fillColor(GREY);
    oneLine(doc, label, cx, boxY + 4, cw - 8, g.small, g.small);
    doc.font('Helvetica-Bold').fillColor('#000000');
    oneLine(doc, value, cx, boxY + 4 + g.small * 1.5, cw - 8, g.body + 4, g.body - 1);
  });
  doc.font('Helvetica').fillColor('#000000');
  oneLine(doc, `${L.ticketType[lang]}: ${ticketTypeName(t, lang)} · ${euros(t.price)}`, x, boxY + boxH + g.body * 0.6, inner, g.body, g.small);
  doc.moveDown(0.2);

  const conditionsH = g.small * 6;
  const qrY = Math.max(doc.y + g.body, h - g.margin - conditionsH - g.qr - g.body * 2.5);
  await drawQr(doc, t.barcode, (w - g.qr) / 2, qrY, g.qr);
  doc.font('Courier').fontSize(g.body).fillColor('#000000')
    .text(t.barcode.replace(/(.{5})(?=.)/g, '$1 '), x, qrY + g.qr + 2, { width: inner, align: 'center', lineBreak: false });
  if (p.printCount > 1) {
    doc.font('Helvetica-Bold').fontSize(g.body).fillColor('#b00000')
      .text(fill(L.reprint[lang], { n: p.printCount - 1 }), x, qrY - g.body * 1.4, { width: inner, align: 'center', lineBreak: false });
  }
  doc.font('Helvetica').fontSize(g.small).fillColor(GREY)
    .text(L.conditions[lang], x, h - g.margin - conditionsH, { width: inner, height: conditionsH, ellipsis: true });
}

/** One PDF, a page per ticket, labels in `lang`. */
export async function renderTicketsPdf(
  pages: TicketPage[], opts: { lang: Lang; layout?: TicketLayout; title: string; /** The file's date (now): the same date, the same bytes. */ createdAt?: Date },
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const g = GEOMETRY[opts.layout ?? 'page'];
  // margin 0: pdfkit would otherwise start a new page for text placed near the bottom edge
  const doc = new PDFDocument({ size: g.size, margin: 0, autoFirstPage: false, info: { Title: opts.title, CreationDate: opts.createdAt ?? new Date() }, lang: opts.lang });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const logos: Logos = new Map();
  for (const p of pages) {
    doc.addPage();
    await drawTicket(doc, g, p, opts.lang, logos);
  }
  doc.end();
  return done;
}

// The ticket layout on its own: each page shows what the holder needs in their language, and its QR
// code decodes to exactly the ticket's barcode (what the door scans).
import { describe, expect, it } from 'vitest';
import { renderTicketsPdf } from '../../src/tickets/layout.js';
import { sampleTicket } from './sample.js';
import { isPdf, pdfPageCount, pdfPageTexts, pdfQrCodes } from '../helpers/pdf.js';

describe('ticket layout', () => {
  it('shows production, local date and time, doors, venue, place, type and price, order number in the buyer language', async () => {
    const pdf = await renderTicketsPdf([{ ticket: sampleTicket(), printCount: 0 }], { lang: 'nl', title: 'x' });
    expect(isPdf(pdf)).toBe(true);
    expect(pdfPageCount(pdf)).toBe(1);
    const [text] = pdfPageTexts(pdf);
    for (const s of ['Hamlet', 'vrijdag 15 januari 2055 · 20:15', 'Zaal open 19:30', 'Stadsschouwburg', 'Lucasbolwerk 24, 3512 EJ Utrecht',
      'Grote Zaal', 'Parterre', 'Rij', '7', 'Stoel', '12', 'Kaartsoort: Normaal · € 32,50', 'Bestelling F7K2-9QXM', 'K7Q2M 9XRT4 VB8N3 PZC6H', 'Geldig voor één toegang']) {
      expect(text).toContain(s);
    }
    const fr = pdfPageTexts(await renderTicketsPdf([{ ticket: sampleTicket(), printCount: 0 }], { lang: 'fr', title: 'x' }))[0];
    for (const s of ['vendredi 15 janvier 2055 · 20:15', 'Ouverture des portes 19:30', 'Rang', 'Siège', 'Tarif: Plein tarif', 'Commande F7K2-9QXM']) expect(fr).toContain(s);
    const en = pdfPageTexts(await renderTicketsPdf([{ ticket: sampleTicket(), printCount: 0 }], { lang: 'en', title: 'x' }))[0];
    for (const s of ['Friday, 15 January 2055 · 20:15', 'Doors open 19:30', 'Row', 'Seat', 'Ticket: Standard', 'Order F7K2-9QXM']) expect(en).toContain(s);
  });

  it('a general-admission place names its zone, a performance without doors time shows none, a reprint says so', async () => {
    const t = sampleTicket({ zone_id: 'staan', section: 'Staanplaatsen', row_label: '', seat_label: '', doors_open_minutes: 0 });
    const [text] = pdfPageTexts(await renderTicketsPdf([{ ticket: t, printCount: 3 }], { lang: 'nl', title: 'x' }));
    expect(text).toContain('Staanplaatsen');
    expect(text).toContain('Vrije plaats');
    expect(text).not.toContain('Rij');
    expect(text).not.toContain('Zaal open');
    expect(text).toContain('HERDRUK 2');
  });

  it('one page per ticket, each with a QR code that decodes to its own barcode, on both layouts', async () => {
    const tickets = ['AAAAABBBBBCCCCCDDDDD', 'K7Q2M9XRT4VB8N3PZC6H', '0123456789ABCDEFGHJK'].map((barcode, i) => ({ ticket: sampleTicket({ id: `t${i}`, barcode }), printCount: 0 }));
    for (const layout of ['page', 'narrow'] as const) {
      const pdf = await renderTicketsPdf(tickets, { lang: 'en', layout, title: 'x' });
      expect(pdfPageCount(pdf)).toBe(3);
      expect(pdfQrCodes(pdf)).toEqual(tickets.map((t) => t.ticket.barcode));
    }
    const narrow = await renderTicketsPdf(tickets.slice(0, 1), { lang: 'en', layout: 'narrow', title: 'x' });
    expect(/\/MediaBox \[0 0 227 470\]/.test(narrow.toString('latin1'))).toBe(true);
  });

  it('a long title and address stay on the one page', async () => {
    const t = sampleTicket({ title: 'Een heel lange titel van een voorstelling die maar doorgaat en doorgaat, '.repeat(4), venue_address: 'Straat '.repeat(30) });
    for (const layout of ['page', 'narrow'] as const) {
      const pdf = await renderTicketsPdf([{ ticket: t, printCount: 0 }], { lang: 'nl', layout, title: 'x' });
      expect(pdfPageCount(pdf)).toBe(1);
      expect(pdfQrCodes(pdf)).toEqual([t.barcode]);
    }
  });
});

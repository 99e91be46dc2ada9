// A venue's colour and logo on its tickets: a band in its colour along the top and the logo beside the
// title on A5; thermal tickets keep the logo but no band; the QR code still reads.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderTicketsPdf } from '../../src/tickets/layout.js';
import { pdfPageTexts, pdfQrCodes } from '../helpers/pdf.js';
import { sampleTicket } from './sample.js';

// A 1x1 PNG
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const BAND = '0.5568627450980392 0.08235294117647059 0.21568627450980393 scn'; // #8e1537

const images = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype\s*\/Image/g) ?? []).length;
function drawing(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    try { out.push(zlib.inflateSync(pdf.subarray(m.index + m[0].length)).toString('latin1')); } catch { /* not deflated */ }
  }
  return out.join('\n');
}

describe('venue colour and logo on tickets', () => {
  it('draws the band and the logo when the venue has them, and neither when it has not', async () => {
    const branded = sampleTicket({ venue_colour: '#8e1537', venue_logo: PNG });
    const pdf = await renderTicketsPdf([{ ticket: branded, printCount: 0 }, { ticket: { ...branded, id: 't2', barcode: 'Q7K2M9XRT4VB8N3PZC6H' }, printCount: 0 }], { lang: 'nl', title: 'x' });
    expect(images(pdf)).toBeGreaterThanOrEqual(1);
    expect(drawing(pdf)).toContain(BAND);
    expect(pdfPageTexts(pdf)[0]).toContain('Hamlet');
    expect(await pdfQrCodes(pdf)).toEqual(['K7Q2M9XRT4VB8N3PZC6H', 'Q7K2M9XRT4VB8N3PZC6H']);

    const plain = await renderTicketsPdf([{ ticket: sampleTicket(), printCount: 0 }], { lang: 'nl', title: 'x' });
    expect(images(plain)).toBe(0);
    expect(drawing(plain)).not.toContain(BAND);

    const thermal = await renderTicketsPdf([{ ticket: branded, printCount: 0 }], { lang: 'nl', title: 'x', layout: 'narrow' });
    expect(images(thermal)).toBeGreaterThanOrEqual(1);
    expect(drawing(thermal)).not.toContain(BAND);
  });

  it('prints the ticket without the logo when the stored image cannot be read', async () => {
    const broken = sampleTicket({ venue_logo: 'data:image/png;base64,iVBORw0KGgoAAAAA' });
    const pdf = await renderTicketsPdf([{ ticket: broken, printCount: 0 }], { lang: 'nl', title: 'x' });
    expect(images(pdf)).toBe(0);
    expect(pdfPageTexts(pdf)[0]).toContain('Hamlet');
  });
});

// The box office's tickets PDF over HTTP: the shared layout in the request's language, a QR code per
// ticket that decodes to its barcode, and the narrow layout for thermal printers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { pdfPageCount, pdfPageTexts, pdfQrCodes } from '../helpers/pdf.js';
import { sellingKit } from '../selling/kit.js';

describe.each(DIALECTS)('printed tickets on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let c: Catalogue;
  const kit = sellingKit(() => s, () => token);
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    c = await buildCatalogue(s, token);
  });
  afterAll(async () => { await s?.close(); });

  const print = async (orderId: string, lang: string | undefined, body: unknown = {}) => {
    const res = await fetch(`${s.baseUrl}/api/orders/${orderId}/print`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it('prints in the language the desk asks for, each page with a QR code of its ticket barcode', async () => {
    const order = await kit.sell(c.performanceId, ['r2s4', 'r2s5']);
    const fr = await print(order.id, 'fr-BE,fr;q=0.9');
    expect(pdfPageCount(fr)).toBe(2);
    const [first] = pdfPageTexts(fr);
    for (const s of ['Hamlet', 'vendredi 15 janvier 2055 · 20:15', 'Stadsschouwburg', 'Plein 1, 1000 AA Utrecht', 'Grote Zaal', 'Rang', 'Siège',
      `Commande ${order.number}`, '€ 30,00']) expect(first).toContain(s);
    expect(pdfQrCodes(fr)).toEqual(order.tickets.map((t: { barcode: string }) => t.barcode));

    const nl = pdfPageTexts(await print(order.id, 'nl'))[0];
    expect(nl).toContain('vrijdag 15 januari 2055 · 20:15');
    expect(nl).toContain(`Bestelling ${order.number}`);
    expect(nl).toContain('HERDRUK 1');
  });

  it('the narrow layout is 80 mm wide, still one ticket per page with a scannable code', async () => {
    const order = await kit.sell(c.performanceId, ['r3s4', 'r3s5', 'r3s6']);
    const pdf = await print(order.id, 'nl', { layout: 'narrow' });
    expect(pdfPageCount(pdf)).toBe(3);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 227 470]');
    expect(pdfQrCodes(pdf)).toEqual(order.tickets.map((t: { barcode: string }) => t.barcode));
    const bad = await kit.req('POST', `/api/orders/${order.id}/print`, { layout: 'poster' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('layout');
  });
});

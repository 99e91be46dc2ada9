// The buyer's order page's API over real HTTP: found by the token in the e-mail alone, in the buyer's
// language, with only what the buyer may see; the tickets PDF, a ticket's QR code and the calendar
// file only for tickets that admit; a released order says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { decodeQrSvg, isPdf, pdfPageCount, pdfQrCodes } from '../helpers/pdf.js';
import { choose, startPaymentKit, until, type PaymentKit } from '../payments/kit.js';
import { buyer, expectProblem, ok } from '../shop/kit.js';
import { fold, icsText } from '../../src/my-order/ics.js';

describe.each(DIALECTS)('my order on %s', (dialect) => {
  let k: PaymentKit;
  let slug: string;
  let paid: { token: string; number: string; barcodes: string[]; ticketIds: string[] };
  let released: string;
  let pay: (seatIds: string[], outcome: string, email: string) => Promise<string>;

  const raw = (path: string, lang = 'nl') => fetch(k.s.baseUrl + path, { headers: { 'accept-language': lang } });
  const tokenOf = (url: string) => url.split('/order/')[1];

  beforeAll(async () => {
    k = await startPaymentKit(dialect);
    slug = ok(await k.s.request('PUT', '/api/shop-settings', { token: k.token, body: { enabled: true } })).slug;
    pay = async (seatIds: string[], outcome: string, email: string) => {
      const u = buyer(k.s, slug);
      await u.open();
      ok(await u.add({ performanceId: k.c.performanceId, seatIds }));
      ok(await u.details(email));
      const paying = ok(await u.call('POST', '/basket/checkout', { method: 'ideal' }));
      await choose(k, paying.checkoutUrl, outcome);
      const want = outcome === 'paid' ? 'paid' : 'released';
      await until(async () => ok(await u.call('GET', '/basket/payment')).status === want, want);
      return paying.orderId as string;
    };
    const orderId = await pay(['r1s1', 'r1s2'], 'paid', 'anna@example.nl');
    const staffView = ok(await k.s.request('GET', `/api/orders/${orderId}`, { token: k.token }));
    const { orderToken } = await import('../../src/my-order/links.js');
    paid = {
      token: await orderToken(k.s.deps.db, orderId), number: staffView.number,
      barcodes: staffView.tickets.map((t: { barcode: string }) => t.barcode), ticketIds: staffView.tickets.map((t: { id: string }) => t.id),
    };
    released = await orderToken(k.s.deps.db, await pay(['r2s1'], 'failed', 'bram@example.be'));
    expect(tokenOf(`/shop/${slug}/order/${paid.token}`)).toBe(paid.token);
  }, 90_000);
  afterAll(async () => k?.close());

  it("shows the order as the buyer sees it, in the buyer's language, without anything staff-only", async () => {
    const nl = ok(await k.s.request('GET', `/api/my-order/${paid.token}`, { lang: 'nl' }));
    expect(nl).toMatchObject({ number: paid.number, status: 'paid', statusText: 'Betaald', notice: null, downloadable: true, shopSlug: slug });
    expect(nl.performances).toHaveLength(1);
    expect(nl.performances[0]).toMatchObject({
      title: 'Hamlet', startsAt: '2055-01-15T20:15:00+01:00', date: 'vrijdag 15 januari 2055', time: '20:15',
      venueName: 'Stadsschouwburg', venueAddress: 'Plein 1, 1000 AA Utrecht', hallName: 'Grote Zaal',
    });
    expect(nl.performances[0].tickets.map((t: { place: string; status: string; statusText: string }) => [t.place, t.status, t.statusText]))
      .toEqual([['Zaal, rij 1, stoel 1', 'valid', 'Geldig'], ['Zaal, rij 1, stoel 2', 'valid', 'Geldig']]);
    expect(nl.performances[0].tickets[0]).toMatchObject({ ticketTypeName: 'Normaal', price: 3000, barcode: paid.barcodes[0], downloadable: true });
    expect(nl.totals.total).toBe(6000);
    const text = JSON.stringify(nl);
    for (const secret of ['anna@example.nl', 'Anna de Vries', k.orgId, 'created_by', 'printState', 'channel']) expect(text).not.toContain(secret);

    const fr = ok(await k.s.request('GET', `/api/my-order/${paid.token}`, { lang: 'fr' }));
    expect(fr.statusText).toBe('Paiement reçu');
    expect(fr.performances[0].date).toBe('vendredi 15 janvier 2055');
    expect(fr.performances[0].tickets[0].place).toBe('Zaal, rang 1, siège 1');
    expect(ok(await k.s.request('GET', `/api/my-order/${paid.token}?lang=en`, { lang: 'fr' })).statusText).toBe('Paid');
  });

  it('the tickets PDF is a page per ticket with their codes; each QR code on screen is the ticket\'s; no shared cache keeps them', async () => {
    const res = await raw(`/api/my-order/${paid.token}/tickets.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="e-tickets-${paid.number}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(isPdf(pdf)).toBe(true);
    expect(pdfPageCount(pdf)).toBe(2);
    expect(pdfQrCodes(pdf)).toEqual(paid.barcodes);

    const qr = await raw(`/api/my-order/${paid.token}/tickets/${paid.ticketIds[1]}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(decodeQrSvg(await qr.text())).toBe(paid.barcodes[1]);
  });

  it('the calendar file has one event per performance, in UTC, with escaped text', async () => {
    const res = await raw(`/api/my-order/${paid.token}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(unfolded).toContain('DTSTART:20550115T191500Z\r\n');
    expect(unfolded).toContain('DTEND:20550115T');
    expect(unfolded).toContain('SUMMARY:Hamlet\r\n');
    expect(unfolded).toContain('LOCATION:Stadsschouwburg\\, Plein 1\\, 1000 AA Utrecht\r\n');
    expect(unfolded).toMatch(new RegExp(`DESCRIPTION:Bestelling ${paid.number}\\\\nGrote Zaal\\\\, Zaal\\\\, rij 1\\\\, stoel 1 – Normaal`));
    expect(unfolded).toContain(`/order/${paid.token}`);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // The rules themselves, on text no fixture has.
    expect(icsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const long = fold(`SUMMARY:${'é'.repeat(60)}`);
    expect(long.split('\r\n ').join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
    for (const line of long.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('a released order says so and hands out nothing', async () => {
    const view = ok(await k.s.request('GET', `/api/my-order/${released}`, { lang: 'nl' }));
    expect(view).toMatchObject({ status: 'released', statusText: 'Niet betaald', downloadable: false, totals: { total: 0 } });
    expect(view.notice).toContain('weer vrij in de verkoop');
    expect(view.performances[0].tickets[0]).toMatchObject({ status: 'cancelled', barcode: null, downloadable: false });
    expectProblem(await k.s.request('GET', `/api/my-order/${released}/tickets.pdf`), 409, 'nothing-to-print');
    expectProblem(await k.s.request('GET', `/api/my-order/${released}/calendar.ics`), 409, 'nothing-to-print');
    const ticketId = (await k.s.deps.db.selectFrom('tickets').innerJoin('order_links', 'order_links.order_id', 'tickets.order_id')
      .select('tickets.id').where('order_links.token', '=', released).executeTakeFirstOrThrow()).id;
    expectProblem(await k.s.request('GET', `/api/my-order/${released}/tickets/${ticketId}/qr.svg`), 409, 'nothing-to-print');
  });

  it('a wrong token, or a ticket of another order, is 404 in the asked language', async () => {
    for (const path of ['', '/tickets.pdf', '/calendar.ics', `/tickets/${paid.ticketIds[0]}/qr.svg`]) {
      const wrong = await k.s.request('GET', `/api/my-order/${'x'.repeat(43)}${path}`, { lang: 'fr' });
      expectProblem(wrong, 404, 'not-found');
      expect(wrong.body.detail).toContain('commande');
      expectProblem(await k.s.request('GET', `/api/my-order/short${path}`), 404, 'not-found');
    }
    expectProblem(await k.s.request('GET', `/api/my-order/${released}/tickets/${paid.ticketIds[0]}/qr.svg`), 404, 'not-found');
  });

  it('the totals name the service fees apart from the tickets, and add up to what was paid', async () => {
    ok(await k.s.request('PUT', '/api/fees', { token: k.token, body: { online: { perTicket: 150, perOrder: 200, vatRate: 2100 } } }));
    const { orderToken } = await import('../../src/my-order/links.js');
    const token = await orderToken(k.s.deps.db, await pay(['r1s3'], 'paid', 'cas@example.nl'));
    const view = ok(await k.s.request('GET', `/api/my-order/${token}`, { lang: 'nl' }));
    expect(view.totals).toEqual({ lines: [{ label: 'Tickets', amount: 3000 }, { label: 'Servicekosten', amount: 350 }], total: 3350 });
    expect(view.performances[0].tickets[0].price).toBe(3000);
  });
});

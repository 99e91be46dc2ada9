// E-mails as the buyer receives them, through a real SMTP server: the confirmation with its e-tickets
// in the buyer's language, the refund confirmation, and what the box office sees in the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from 'mailparser';
import { DIALECTS } from '../helpers/databases.js';
import { isPdf, pdfPageCount, pdfPageTexts, pdfQrCodes } from '../helpers/pdf.js';
import { systemCtx } from '../../src/platform/system-ctx.js';
import { queueOrderConfirmation, queueRefundConfirmation } from '../../src/mail/service.js';
import { MAIL_FROM, eTickets, expectAccepted, startMailKit, type MailKit } from './kit.js';

const pdfOf = (attachments: Attachment[]) => {
  expect(attachments).toHaveLength(1);
  expect(attachments[0].contentType).toBe('application/pdf');
  return attachments[0].content;
};

describe.each(DIALECTS)('e-mail delivery on %s', (dialect) => {
  let k: MailKit;
  beforeAll(async () => { k = await startMailKit(dialect); });
  afterAll(async () => { await k?.close(); });

  it('the box office e-mails the e-tickets: in Dutch for a Dutch customer, a PDF page per ticket with scannable codes, the my-order link', async () => {
    const { order } = await k.sellTo({ name: 'Anna de Vries', email: 'Anna@Example.nl', language: 'nl' }, ['r1s1', 'r1s2', 'r1s3']);
    const queued = expectAccepted(await eTickets(k, order.id, {}, 'en'));
    expect(queued.status).toBe('queued');
    expect(queued.recipient).toBe('anna@example.nl');
    expect(queued.language).toBe('nl');
    // not delivered until the mail server has it
    const before = k.kit.ok(await k.kit.req('GET', `/api/orders/${order.id}`));
    expect(before.tickets.map((t: { printState: string }) => t.printState)).toEqual(['none', 'none', 'none']);

    await k.drain();
    expect(k.smtp.delivered).toHaveLength(1);
    const { mail, from, to } = k.smtp.delivered[0];
    expect(from).toBe(MAIL_FROM);
    expect(to).toEqual(['anna@example.nl']);
    expect(mail.from?.value[0]).toEqual({ name: 'Stadsschouwburg Utrecht', address: MAIL_FROM });
    expect(mail.subject).toBe(`Je tickets voor Hamlet – bestelling ${order.number}`);
    expect(mail.messageId).toBe((await k.outbox(queued.id)).message_id);
    for (const s of ['Beste Anna de Vries,', `Bedankt voor je bestelling ${order.number} bij Stadsschouwburg Utrecht.`, 'vrijdag 15 januari 2055 om 20:15',
      'Stadsschouwburg, Plein 1, 1000 AA Utrecht', 'Grote Zaal, Zaal, rij 1, stoel 1 – Normaal – € 30,00', 'Totaal: € 90,00', `${k.s.baseUrl}/shop/${k.slug}/order/`]) {
      expect(mail.text).toContain(s);
    }
    expect(mail.html).toContain('<a href="' + k.s.baseUrl + '/shop/');
    const pdf = pdfOf(mail.attachments);
    expect(isPdf(pdf)).toBe(true);
    expect(pdfPageCount(pdf)).toBe(3);
    expect(pdfQrCodes(pdf)).toEqual(order.tickets.map((t: { barcode: string }) => t.barcode));
    expect(pdfPageTexts(pdf)[0]).toContain('Rij');

    const row = await k.outbox(queued.id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(1);
    expect(row.smtp_response).toContain('250');
    const after = k.kit.ok(await k.kit.req('GET', `/api/orders/${order.id}`));
    expect(after.tickets.map((t: { printState: string }) => t.printState)).toEqual(['delivered', 'delivered', 'delivered']);
  });

  it('French and English buyers read their own language, in the mail and on the tickets', async () => {
    k.smtp.delivered.length = 0;
    const fr = await k.sellTo({ name: 'Camille Dubois', email: 'camille@exemple.be', language: 'fr' }, ['r2s1']);
    const en = await k.sellTo({ name: 'John Smith', email: 'john@example.com' }, ['r2s2', 'r2s3']);
    expectAccepted(await eTickets(k, fr.order.id));
    expectAccepted(await eTickets(k, en.order.id, { language: 'en' }));
    await k.drain();
    const byTo = (a: string) => k.smtp.delivered.find((d) => d.to[0] === a)!.mail;
    const m1 = byTo('camille@exemple.be');
    expect(m1.subject).toBe(`Vos billets pour Hamlet – commande ${fr.order.number}`);
    expect(m1.text).toContain('Bonjour Camille Dubois,');
    expect(m1.text).toContain('vendredi 15 janvier 2055 à 20:15');
    expect(m1.text).toContain('Grote Zaal, Zaal, rang 2, siège 1 – Normaal – € 30,00');
    expect(pdfPageTexts(pdfOf(m1.attachments))[0]).toContain(`Commande ${fr.order.number}`);
    const m2 = byTo('john@example.com');
    expect(m2.subject).toBe(`Your tickets for Hamlet – order ${en.order.number}`);
    expect(m2.text).toContain('Friday, 15 January 2055 at 20:15');
    const pdf = pdfOf(m2.attachments);
    expect(pdfPageCount(pdf)).toBe(2);
    expect(pdfPageTexts(pdf)[1]).toContain(`Order ${en.order.number}`);
  });

  it('the box office may send to another address and only some tickets; refuses without any address, for unpaid or foreign tickets', async () => {
    k.smtp.delivered.length = 0;
    const { order } = await k.sellTo({ name: 'Piet' }, ['r3s1', 'r3s2']);
    const none = await eTickets(k, order.id);
    expect(none.status).toBe(409);
    expect(none.body.type).toBe('/problems/no-recipient');
    expectAccepted(await eTickets(k, order.id, { email: 'piet@elders.nl', ticketIds: [order.tickets[1].id] }));
    await k.drain();
    const pdf = pdfOf(k.smtp.delivered[0].mail.attachments);
    expect(pdfPageCount(pdf)).toBe(1);
    expect(pdfQrCodes(pdf)).toEqual([order.tickets[1].barcode]);

    const foreign = await eTickets(k, order.id, { email: 'piet@elders.nl', ticketIds: ['nope'] });
    expect(foreign.status).toBe(400);
    const reserved = await k.sellTo({ name: 'Later', email: 'later@example.nl' }, ['r3s5'], { unpaid: true });
    expect((await eTickets(k, reserved.order.id)).body.type).toBe('/problems/order-unpaid');
    expect((await k.s.request('POST', '/api/orders/not-an-order/e-tickets', { token: k.token, body: {} })).status).toBe(404);
    const bad = await eTickets(k, order.id, { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('email');
  });

  it('the confirmation of a paid order is queued once however often the payment is reported, in the transaction of the change', async () => {
    const { order } = await k.sellTo({ name: 'Online Koper', email: 'koper@example.nl', language: 'nl' }, ['r4s1']);
    const ctx = systemCtx(k.s.deps, k.orgId, k.s.app.log);
    const ids = await Promise.all([1, 2, 3].map(() => k.s.deps.db.transaction().execute((tx) => queueOrderConfirmation(tx, ctx, order.id))));
    expect(ids.filter(Boolean)).toHaveLength(1);
    // a transaction that rolls back leaves no e-mail behind
    await expect(k.s.deps.db.transaction().execute(async (tx) => {
      await queueRefundConfirmation(tx, ctx, order.id, 3000);
      throw new Error('the refund failed');
    })).rejects.toThrow('the refund failed');
    const rows = await k.s.deps.db.selectFrom('mail_outbox').select(['template']).where('order_id', '=', order.id).execute();
    expect(rows.map((r) => r.template)).toEqual(['order-confirmation']);
  });

  it('a refund confirmation names the amount in the buyer language', async () => {
    k.smtp.delivered.length = 0;
    const { order } = await k.sellTo({ name: 'Jan Peeters', email: 'jan@example.be', language: 'nl' }, ['r4s5', 'r4s6']);
    const ctx = systemCtx(k.s.deps, k.orgId, k.s.app.log, 'fr');
    const id = await k.s.deps.db.transaction().execute((tx) => queueRefundConfirmation(tx, ctx, order.id, 3000));
    await k.drain();
    const mail = k.smtp.delivered.find((d) => d.to[0] === 'jan@example.be')!.mail;
    expect(mail.subject).toBe(`Terugbetaling voor bestelling ${order.number}`);
    expect(mail.text).toContain(`We hebben € 30,00 terugbetaald voor je bestelling ${order.number} bij Stadsschouwburg Utrecht.`);
    expect(mail.attachments).toHaveLength(0);
    expect((await k.outbox(id!)).amount).toBe(3000);
  });
});

// The order confirmation shows the service fees apart from the tickets, the total with them, and the
// VAT per rate, in the buyer's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { eTickets, expectAccepted, startMailKit, type MailKit } from './kit.js';

describe.each(DIALECTS)('service fees and VAT in e-mails on %s', (dialect) => {
  let k: MailKit;
  let seat = 0;
  beforeAll(async () => {
    k = await startMailKit(dialect);
    k.kit.ok(await k.kit.req('PUT', '/api/fees', { boxoffice: { perTicket: 150, perOrder: 200, vatRate: 2100 } }));
  });
  afterAll(async () => { await k?.close(); });

  const confirmation = async (language: string) => {
    const { order } = await k.sellTo({ name: 'Els Janssens', email: `els-${language}@example.be`, language }, [`r1s${++seat}`, `r1s${++seat}`]);
    expect(order.total).toBe(6500);
    const queued = expectAccepted(await eTickets(k, order.id));
    return (await k.s.request('GET', `/api/mail/outbox/${queued.id}`, { token: k.token })).body as { text: string; html: string };
  };

  const cases = [
    ['nl', ['Servicekosten: 2 × € 1,50 = € 3,00', 'Servicekosten per bestelling: € 2,00', 'Totaal: € 65,00', 'Inclusief btw:', 'btw 21%: € 0,87 over € 4,13', 'btw 9%: € 4,96 over € 55,04']],
    ['fr', ['Frais de service : 2 × € 1,50 = € 3,00', 'Frais de service par commande : € 2,00', 'Total : € 65,00', 'TVA comprise :', 'TVA 21 % : € 0,87 sur € 4,13', 'TVA 9 % : € 4,96 sur € 55,04']],
    ['en', ['Service fee: 2 × € 1,50 = € 3,00', 'Service fee per order: € 2,00', 'Total: € 65,00', 'VAT included:', 'VAT 21%: € 0,87 on € 4,13', 'VAT 9%: € 4,96 on € 55,04']],
  ] as const;

  for (const [lang, lines] of cases) {
    it(`lists the fees, the total and the VAT breakdown in ${lang}`, async () => {
      const mail = await confirmation(lang);
      const text = mail.text.split('\n');
      let at = -1;
      for (const line of lines) {
        const i = text.indexOf(line);
        expect(i, `${line}\n---\n${mail.text}`).toBeGreaterThan(at);
        at = i;
      }
      expect(mail.html).toContain(lines[0]);
      expect(mail.html).toContain(lines[5]);
      // the tickets keep their own price
      expect(mail.text).toContain('– € 30,00');
    });
  }
});

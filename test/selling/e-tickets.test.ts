import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type TestServer } from '../helpers/server.js';
import { pdfPages, sellingKit } from './kit.js';
import { JobRunner } from '../../src/platform/jobs.js';
import { MAIL_SEND_JOB } from '../../src/mail/service.js';
import { sendMailJob } from '../../src/mail/sender.js';
import { startSmtpSandbox } from '../../sandboxes/smtp/sandbox.js';

describe.each(DIALECTS)('e-tickets on %s', (dialect) => {
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

  it('e-mails e-tickets, and once the mail server has them a delivered free ticket counts as sold, not reserved', async () => {
    const smtp = await startSmtpSandbox();
    try {
      const b = await kit.basket('online');
      await kit.add(b.id, { performanceId: c.performanceId, seatIds: ['r2s1', 'r2s2'], ticketTypeId: c.ticketTypes.free });
      kit.ok(await kit.req('PUT', `/api/baskets/${b.id}/customer`, { name: 'Gast', email: 'gast@example.nl' }));
      const order = await kit.checkout(b.id);
      expect((await kit.figures(c.performanceId)).reservations.tickets).toBe(2);

      const res = await kit.req('POST', `/api/orders/${order.id}/e-tickets`);
      expect(res.status).toBe(202);
      expect((await kit.figures(c.performanceId)).reservations.tickets).toBe(2);
      const runner = new JobRunner({ deps: { ...s.deps, mail: { smtpUrl: smtp.url, from: 'kassa@example.nl' } } }).register(MAIL_SEND_JOB, sendMailJob);
      await runner.runDue();
      expect(smtp.delivered).toHaveLength(1);
      expect(pdfPages(smtp.delivered[0].mail.attachments[0].content)).toBe(2);

      const after = kit.ok(await kit.req('GET', `/api/orders/${order.id}`));
      expect(after.tickets.map((t: { printState: string }) => t.printState)).toEqual(['delivered', 'delivered']);
      const figures = await kit.figures(c.performanceId);
      expect(figures.sold.free.tickets).toBe(2);
      expect(figures.reservations.tickets).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it('print and cancel need no body at all, and ticket times are in the venue zone', async () => {
    const order = await kit.sell(c.performanceId, ['r3s1', 'r3s2']);
    expect(order.tickets[0].startsAt).toBe('2055-01-15T20:15:00+01:00');
    const bare = (path: string) => fetch(`${s.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const print = await bare(`/api/orders/${order.id}/print`);
    expect(print.status).toBe(200);
    expect(print.headers.get('content-type')).toBe('application/pdf');
    const cancel = await bare(`/api/orders/${order.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect((await cancel.json()).status).toBe('cancelled');
  });
});

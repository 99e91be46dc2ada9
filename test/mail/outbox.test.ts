// Without a mail server (no SMTP_URL, the embedded default) e-mails stay in the outbox, marked as
// such, and staff read them there; once a server is set up they can be sent from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { orgWithUser, userIn } from '../helpers/server.js';
import { eTickets, expectAccepted, startMailKit, type MailKit } from './kit.js';

describe.each(DIALECTS)('the outbox on %s', (dialect) => {
  let k: MailKit;
  beforeAll(async () => { k = await startMailKit(dialect); });
  afterAll(async () => { await k?.close(); });
  const api = (method: string, path: string, token = k.token) => k.s.request(method, path, { token });

  it('keeps e-mails unsent without SMTP_URL, lists them with counts, shows one with its text and HTML', async () => {
    const { order } = await k.sellTo({ name: 'Els Janssens', email: 'els@example.be', language: 'nl' }, ['r1s1', 'r1s2']);
    const queued = expectAccepted(await eTickets(k, order.id));
    await k.drain(k.runner(null));
    expect(k.smtp.delivered).toHaveLength(0);

    const list = await api('GET', '/api/mail/outbox');
    expect(list.status).toBe(200);
    expect(list.body.smtp).toEqual({ configured: false });
    expect(list.body.counts.not_sent).toBe(1);
    const [item] = list.body.items;
    expect(item).toMatchObject({
      id: queued.id, orderId: order.id, orderNumber: order.number, template: 'order-confirmation', recipient: 'els@example.be',
      language: 'nl', status: 'not_sent', subject: `Je tickets voor Hamlet – bestelling ${order.number}`, sentAt: null,
    });
    const one = await api('GET', `/api/mail/outbox/${queued.id}`);
    expect(one.status).toBe(200);
    expect(one.body.text).toContain('Beste Els Janssens,');
    expect(one.body.html).toContain('<p>Beste Els Janssens,</p>');
    expect(one.body.attachments).toEqual([{ kind: 'e-tickets', ticketIds: order.tickets.map((t: { id: string }) => t.id) }]);
    // not handed over: the tickets are not delivered
    const o = k.kit.ok(await k.kit.req('GET', `/api/orders/${order.id}`));
    expect(o.tickets.map((t: { printState: string }) => t.printState)).toEqual(['none', 'none']);

    expect((await api('GET', `/api/mail/outbox?q=${encodeURIComponent(order.number)}`)).body.items).toHaveLength(1);
    expect((await api('GET', '/api/mail/outbox?q=ELS@EXAMPLE')).body.items).toHaveLength(1);
    expect((await api('GET', '/api/mail/outbox?q=nobody')).body.items).toHaveLength(0);
    expect((await api('GET', `/api/mail/outbox?orderId=${order.id}&status=not_sent`)).body.items).toHaveLength(1);
    expect((await api('GET', '/api/mail/outbox?status=sent')).body.items).toHaveLength(0);

    // a mail server is set up: staff send it from the outbox, as the same message
    const again = expectAccepted(await k.s.request('POST', `/api/mail/outbox/${queued.id}/resend`, { token: k.token }));
    expect(again.id).toBe(queued.id);
    expect((await k.s.request('POST', `/api/mail/outbox/${queued.id}/resend`, { token: k.token })).body.type).toBe('/problems/mail-in-progress');
    await k.drain();
    expect(k.smtp.delivered).toHaveLength(1);
    expect(k.smtp.delivered[0].mail.messageId).toBe(again.messageId);

    // sent before: a resend is a new message, so the buyer's mail program does not drop it as a copy
    const copy = expectAccepted(await k.s.request('POST', `/api/mail/outbox/${queued.id}/resend`, { token: k.token }));
    expect(copy.id).not.toBe(queued.id);
    expect(copy.resendOf).toBe(queued.id);
    expect(copy.messageId).not.toBe(again.messageId);
    await k.drain();
    expect(k.smtp.delivered.map((d) => d.mail.messageId)).toEqual([again.messageId, copy.messageId]);
    expect(k.smtp.delivered[1].mail.subject).toBe(k.smtp.delivered[0].mail.subject);
  });

  it("another organisation's e-mails answer 404; reporting staff may not read the outbox", async () => {
    const { order } = await k.sellTo({ name: 'Privé', email: 'prive@example.nl' }, ['r2s1']);
    const mine = expectAccepted(await eTickets(k, order.id));
    const other = await orgWithUser(k.s, 'admin', 'Ander Theater');
    for (const [m, p] of [['GET', `/api/mail/outbox/${mine.id}`], ['POST', `/api/mail/outbox/${mine.id}/resend`]] as const) {
      const res = await api(m, p, other.token);
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('/problems/not-found');
    }
    expect((await api('GET', '/api/mail/outbox', other.token)).body.items).toHaveLength(0);
    const reporting = await userIn(k.s, k.orgId, 'reporting');
    expect((await api('GET', '/api/mail/outbox', reporting)).status).toBe(403);
    const nl = await k.s.request('GET', '/api/mail/outbox/nope', { token: k.token, lang: 'nl' });
    expect(nl.body.detail).toBe('Er is geen e-mail met deze id.');
  });
});

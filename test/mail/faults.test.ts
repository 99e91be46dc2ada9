// A mail server that is down or in trouble: the e-mail waits and is tried again with growing pauses,
// and reaches the buyer exactly once when the server is back. What cannot be delivered is marked
// failed; an e-mail taken without the server saying so comes again with the same Message-ID.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { TEST_BACKOFF, eTickets, expectAccepted, startMailKit, type MailKit } from './kit.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DIALECTS)('mail server faults on %s', (dialect) => {
  let k: MailKit;
  beforeAll(async () => { k = await startMailKit(dialect); });
  afterAll(async () => { await k?.close(); });
  beforeEach(() => {
    k.smtp.delivered.length = 0;
    k.smtp.log.length = 0;
    k.smtp.fault(null);
  });

  const queueFor = async (email: string, seat: string) => {
    const { order } = await k.sellTo({ name: 'Buyer', email, language: 'nl' }, [seat]);
    return expectAccepted(await eTickets(k, order.id)).id;
  };

  /** One try of the job, waiting until it is due. */
  const tryOnce = async (runner: ReturnType<MailKit['runner']>, outboxId: string) => {
    const job = await k.mailJob(outboxId);
    const wait = Date.parse(job.run_at) - Date.now();
    if (wait > 0) await sleep(wait + 20);
    const r = await runner.runDue(10);
    expect(r.claimed).toBe(1);
  };

  it('refused connections, then 4xx, then 5xx: tries again after 200, 400, 800 ms and delivers exactly one e-mail once the server is up', async () => {
    const id = await queueFor('wacht@example.nl', 'r1s1');
    const runner = k.runner();
    await k.smtp.down();
    await tryOnce(runner, id);
    let row = await k.outbox(id);
    expect(row.status).toBe('queued');
    expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    let job = await k.mailJob(id);
    expect(job.status).toBe('pending');
    const gaps: number[] = [Date.parse(job.run_at) - Date.parse(job.updated_at)];

    await k.smtp.up();
    k.smtp.fault({ at: 'mail', code: 451, message: 'sandbox: local problem, try later' });
    await tryOnce(runner, id);
    row = await k.outbox(id);
    expect(row.last_error).toContain('451');
    job = await k.mailJob(id);
    gaps.push(Date.parse(job.run_at) - Date.parse(job.updated_at));

    k.smtp.fault({ at: 'data', code: 554, message: 'sandbox: transaction failed' });
    await tryOnce(runner, id);
    row = await k.outbox(id);
    expect(row.status).toBe('queued');
    expect(row.last_error).toContain('554');
    job = await k.mailJob(id);
    gaps.push(Date.parse(job.run_at) - Date.parse(job.updated_at));
    // the pauses double (no jitter in the test)
    expect(gaps).toEqual([1, 2, 4].map((n) => TEST_BACKOFF.baseMs * n));
    expect(k.smtp.delivered).toHaveLength(0);

    k.smtp.fault(null);
    await tryOnce(runner, id);
    await k.drain(runner);
    expect(k.smtp.delivered).toHaveLength(1);
    row = await k.outbox(id);
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(4);
    expect(row.last_error).toBeNull();
    expect((await k.mailJob(id)).status).toBe('done');
    expect(k.smtp.delivered[0].mail.messageId).toBe(row.message_id);
  });

  it('two worker processes sending at once deliver every e-mail exactly once', async () => {
    const ids: string[] = [];
    for (const seat of ['r2s1', 'r2s2', 'r2s3', 'r2s4', 'r2s5', 'r2s6']) ids.push(await queueFor(`koper-${seat}@example.nl`, seat));
    const a = k.runner();
    const b = k.runner();
    await Promise.all([k.drain(a), k.drain(b)]);
    expect(k.smtp.delivered.map((d) => d.to[0]).sort()).toEqual(ids.map((_, i) => `koper-r2s${i + 1}@example.nl`).sort());
    for (const id of ids) expect((await k.outbox(id)).status).toBe('sent');
  });

  it('a recipient the server refuses for good is marked failed at once, not tried for hours', async () => {
    const id = await queueFor('bestaatniet@example.nl', 'r3s1');
    k.smtp.fault({ at: 'rcpt', code: 550, message: 'sandbox: no such user' });
    await k.drain();
    const row = await k.outbox(id);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('550');
    expect((await k.mailJob(id)).status).toBe('dead');
    expect(k.smtp.delivered).toHaveLength(0);
  });

  it('wrong credentials are not final (an operator can fix them): tried again, and sent once they are right', async () => {
    const id = await queueFor('creds@example.nl', 'r3s2');
    await k.drain(k.runner({ smtpUrl: k.smtp.url.replace(k.smtp.password, 'wrong'), from: 'tickets@schouwburg.test' }));
    expect(k.smtp.log).toContain('auth:535');
    expect((await k.outbox(id)).status).toBe('queued');
    expect((await k.mailJob(id)).status).toBe('pending');
    await tryOnce(k.runner(), id); // the password put right
    expect((await k.outbox(id)).status).toBe('sent');
  });

  it('taken by the server without it saying so: sent again with the same Message-ID, so the buyer can tell it is one e-mail', async () => {
    const id = await queueFor('dubbel@example.nl', 'r3s3');
    k.smtp.fault({ at: 'drop-after-data', times: 1 });
    const runner = k.runner();
    await tryOnce(runner, id);
    expect((await k.outbox(id)).status).toBe('queued');
    await tryOnce(runner, id);
    const row = await k.outbox(id);
    expect(row.status).toBe('sent');
    expect(k.smtp.delivered).toHaveLength(2);
    expect(new Set(k.smtp.delivered.map((d) => d.mail.messageId))).toEqual(new Set([row.message_id]));
  });

  it('after the last try the e-mail is marked failed and staff can send it again, as the same message', async () => {
    const id = await queueFor('laatste@example.nl', 'r3s4');
    await k.s.deps.db.updateTable('jobs').set({ max_attempts: 2 }).where('payload', 'like', `%${id}%`).execute();
    await k.smtp.down();
    const runner = k.runner();
    await tryOnce(runner, id);
    await tryOnce(runner, id);
    expect((await k.outbox(id)).status).toBe('failed');
    expect((await k.mailJob(id)).status).toBe('dead');
    await k.smtp.up();
    const again = expectAccepted(await k.s.request('POST', `/api/mail/outbox/${id}/resend`, { token: k.token }));
    expect(again.id).toBe(id);
    expect(again.status).toBe('queued');
    await k.drain(runner);
    expect(k.smtp.delivered).toHaveLength(1);
    expect(k.smtp.delivered[0].mail.messageId).toBe(again.messageId);
    expect((await k.outbox(id)).status).toBe('sent');
  });
});

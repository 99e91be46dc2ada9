// A Foyer with a sellable performance, the SMTP sandbox, and mail workers the test drives.
import { expect } from 'vitest';
import { JobRunner, type Backoff } from '../../src/platform/jobs.js';
import type { Deps, MailSettings } from '../../src/platform/context.js';
import type { Dialect } from '../../src/platform/db.js';
import { setPublicUrl } from '../../src/platform/public-url.js';
import { MAIL_SEND_JOB } from '../../src/mail/service.js';
import { sendMailJob } from '../../src/mail/sender.js';
import type { OutboxRow } from '../../src/mail/tables.js';
import { startSmtpSandbox, type SmtpSandbox } from '../../sandboxes/smtp/sandbox.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type StartOptions, type TestServer } from '../helpers/server.js';
import { sellingKit } from '../selling/kit.js';

export const MAIL_FROM = 'tickets@schouwburg.test';
/** Quick retries so a test sees several: 200 ms, 400 ms, 800 ms ... */
export const TEST_BACKOFF: Backoff = { baseMs: 200, capMs: 3200, jitter: 0 };

export interface MailKit {
  s: TestServer;
  token: string;
  orgId: string;
  /** The organisation's slug, as in its shop's URLs. */
  slug: string;
  c: Catalogue;
  smtp: SmtpSandbox;
  kit: ReturnType<typeof sellingKit>;
  /** A mail worker ("a process") sending through `settings` (default: the sandbox). */
  runner(settings?: MailSettings | null): JobRunner;
  /** Runs due mail jobs until none is due. */
  drain(runner?: JobRunner): Promise<void>;
  outbox(id: string): Promise<OutboxRow>;
  mailJob(outboxId: string): Promise<{ status: string; attempts: number; run_at: string; updated_at: string; last_error: string | null }>;
  /** A customer and an order of `seatIds` for them, paid in cash. */
  sellTo(customer: { name: string; email?: string; language?: string }, seatIds: string[], opts?: { unpaid?: boolean }): Promise<{ order: any; customerId: string }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export async function startMailKit(dialect: Dialect, opts: StartOptions = {}): Promise<MailKit> {
  const s = await startServer(dialect, opts);
  setPublicUrl(s.baseUrl);
  const { token, orgId } = await orgWithUser(s, 'admin', 'Stadsschouwburg Utrecht');
  const c = await buildCatalogue(s, token);
  const { slug } = await s.deps.db.selectFrom('organisations').select('slug').where('id', '=', orgId).executeTakeFirstOrThrow();
  const smtp = await startSmtpSandbox();
  const kit = sellingKit(() => s, () => token);
  const sandboxSettings: MailSettings = { smtpUrl: smtp.url, from: MAIL_FROM };
  const runners: JobRunner[] = [];
  const mk: MailKit = {
    s, token, orgId, slug: slug ?? orgId, c, smtp, kit,
    runner(settings = sandboxSettings) {
      const deps: Deps = { ...s.deps, mail: settings ?? undefined };
      const r = new JobRunner({ deps, backoff: TEST_BACKOFF, pollMs: 50 }).register(MAIL_SEND_JOB, sendMailJob);
      runners.push(r);
      return r;
    },
    async drain(runner) {
      const r = runner ?? mk.runner();
      for (let i = 0; i < 20; i++) if ((await r.runDue(50)).claimed === 0) return;
    },
    outbox: async (id) => s.deps.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    mailJob: async (outboxId) => s.deps.db.selectFrom('jobs').select(['status', 'attempts', 'run_at', 'updated_at', 'last_error'])
      .where('kind', '=', MAIL_SEND_JOB).where('payload', 'like', `%${outboxId}%`).orderBy('created_at', 'desc').executeTakeFirstOrThrow(),
    async sellTo(customer, seatIds, o = {}) {
      const cust = kit.ok(await kit.req('POST', '/api/customers', customer), 201);
      const b = await kit.basket();
      await kit.add(b.id, { performanceId: c.performanceId, seatIds });
      kit.ok(await kit.req('PUT', `/api/baskets/${b.id}/customer`, { customerId: cust.id }));
      const order = await kit.checkout(b.id, o.unpaid ? undefined : { method: 'cash' });
      return { order, customerId: cust.id };
    },
    async close() {
      await Promise.all(runners.map((r) => r.stop()));
      await smtp.close();
      await s.close();
    },
  };
  return mk;
}

/** POST /api/orders/{id}/e-tickets as the box office. */
export async function eTickets(k: MailKit, orderId: string, body: Record<string, unknown> = {}, lang?: string) {
  const res = await k.s.request('POST', `/api/orders/${orderId}/e-tickets`, { token: k.token, body, lang });
  return res;
}

export function expectAccepted<T>(res: { status: number; body: T }): T {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body;
}

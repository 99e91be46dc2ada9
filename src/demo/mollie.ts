// The demo pays online without a Mollie account: `npm start` runs the Mollie sandbox next to Foyer
// (same process) and points the demo organisation's Mollie settings at it, webhooks to this Foyer.
// Left alone when the demo organisation has a Mollie key of its own, or when the port is taken
// (then whatever answers there, e.g. `npm run sandbox:mollie`, gets the demo's payments).
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Deps } from '../platform/context.js';
import { systemCtx } from '../platform/system-ctx.js';
import { saveMollieSettings, storedMollieKey } from '../connectors/mollie/settings.js';
import { DEMO_API_KEY, startMollieSandbox, type RunningMollieSandbox } from '../../sandboxes/mollie/index.js';
import { DEMO_ADMIN } from './plan.js';

export type DemoMollie =
  | { running: true; sandbox: RunningMollieSandbox; organisationId: string }
  | { running: false; reason: string; organisationId: string };

/** The demo organisation, when this database has one. */
export async function demoOrganisation(deps: Deps): Promise<{ id: string; slug: string | null } | undefined> {
  return deps.db.selectFrom('users').innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['organisations.id', 'organisations.slug']).where('users.email', '=', DEMO_ADMIN.email).executeTakeFirst();
}

export async function startDemoMollie(deps: Deps, config: Config, log: FastifyBaseLogger): Promise<DemoMollie | null> {
  const org = await demoOrganisation(deps);
  if (!org) return null;
  const key = await storedMollieKey(deps.db, org.id, deps.clock.now());
  if (key !== null && key !== DEMO_API_KEY) return { running: false, reason: 'the demo organisation has a Mollie API key of its own', organisationId: org.id };
  const ctx = systemCtx(deps, org.id, log);
  const port = config.mollieSandboxPort;
  let sandbox: RunningMollieSandbox;
  try {
    sandbox = await startMollieSandbox({ host: config.host, port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    const elsewhere = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/v2/`;
    await saveMollieSettings(ctx, { apiKey: DEMO_API_KEY, endpoint: elsewhere, enabled: true, webhookBaseUrl: config.publicUrl });
    return { running: false, reason: `port ${port} is in use (set FOYER_MOLLIE_SANDBOX_PORT); the demo's payments go to ${elsewhere}`, organisationId: org.id };
  }
  await saveMollieSettings(ctx, { apiKey: DEMO_API_KEY, endpoint: sandbox.apiEndpoint, enabled: true, webhookBaseUrl: config.publicUrl });
  return { running: true, sandbox, organisationId: org.id };
}

/** What the start-up banner says about paying online and the e-mails. */
export function demoShopText(config: Config, slug: string | null, mollie: DemoMollie | null): string {
  const base = config.publicUrl.replace(/\/+$/, '');
  const lines = slug ? [`  Web shop:   ${base}/shop/${slug}/`] : [];
  if (mollie?.running) {
    lines.push(`  Payments:   Mollie sandbox at ${mollie.sandbox.baseUrl} (test mode: its checkout page lets you choose paid, failed, canceled or expired;`,
      `              every payment at ${mollie.sandbox.baseUrl}/_sandbox/payments)`);
  } else if (mollie) {
    lines.push(`  Payments:   Mollie sandbox not started: ${mollie.reason}`);
  }
  lines.push(config.smtpUrl
    ? `  E-mails:    sent through ${new URL(config.smtpUrl).host}; every one also in the outbox (box office app: E-mail)`
    : `  E-mails:    no SMTP_URL, so they are not sent: read them in the outbox (box office app: E-mail, or GET ${base}/api/mail/outbox)`);
  return lines.join('\n');
}

// Per-organisation Mollie settings (the API key sealed, never answered or logged), and the provider
// built from them, registered with payments/ at start-up.
import { audit } from '../../audit/service.js';
import { diff } from '../../audit/rules.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { sha256 } from '../../platform/ids.js';
import { invalidField } from '../../platform/problems.js';
import { seal, unseal } from '../../platform/sealed.js';
import { registerPaymentProvider } from '../../payments/provider.js';
import { mollieClient } from './client.js';
import { MollieProvider } from './provider.js';
import type { MollieSettingsRow } from './tables.js';

export const MOLLIE_ENDPOINT = 'https://api.mollie.com/v2/';
const PURPOSE = 'mollie-api-key';
const KEY = /^(test|live)_[A-Za-z0-9]{30,}$/;

/** Process-wide: how long a call to Mollie may take (tests shorten it). */
export const mollieOptions = { timeoutMs: 10_000 };

export interface MollieSettingsInput {
  /** Absent: keep the stored key. */
  apiKey?: string;
  endpoint?: string;
  enabled: boolean;
  webhookBaseUrl?: string | null;
}

const row = (db: Db, orgId: string) => db.selectFrom('mollie_settings').selectAll().where('organisation_id', '=', orgId).executeTakeFirst();

export const settingsView = (s: MollieSettingsRow | undefined, orgId: string) => ({
  configured: !!s,
  enabled: s?.enabled === 1,
  hasApiKey: !!s,
  apiKeyMode: s?.api_key_mode ?? null,
  endpoint: s?.endpoint ?? MOLLIE_ENDPOINT,
  webhookBaseUrl: s?.webhook_base_url ?? null,
  /** Where Mollie's calls about this organisation's payments go. */
  webhookUrl: s?.webhook_base_url ? webhookUrl(s.webhook_base_url, orgId) : null,
  updatedAt: s?.updated_at ?? null,
});

export const webhookUrl = (base: string, orgId: string): string => `${base.replace(/\/+$/, '')}/api/webhooks/mollie/${orgId}`;

/** What the audit trail compares (the key only as its mode). */
const auditView = (s: MollieSettingsRow, orgId: string) => {
  const { enabled, apiKeyMode, endpoint, webhookBaseUrl } = settingsView(s, orgId);
  return { enabled, mode: apiKeyMode, endpoint, webhookBaseUrl };
};

export async function getMollieSettings(ctx: Ctx) {
  return settingsView(await row(ctx.db, ctx.orgId), ctx.orgId);
}

export async function saveMollieSettings(ctx: Ctx, input: MollieSettingsInput) {
  const now = ctx.clock.now();
  const existing = await row(ctx.db, ctx.orgId);
  const msg = { en: 'a Mollie API key: test_ or live_ and 30 letters or digits', nl: 'een Mollie-API-sleutel: test_ of live_ en 30 letters of cijfers', fr: 'une clé API Mollie : test_ ou live_ et 30 lettres ou chiffres' };
  if (input.apiKey !== undefined && !KEY.test(input.apiKey)) throw invalidField('apiKey', msg);
  if (!existing && input.apiKey === undefined) throw invalidField('apiKey', msg);
  const endpoint = input.endpoint ?? existing?.endpoint ?? MOLLIE_ENDPOINT;
  const values = {
    api_key: input.apiKey ? await seal(ctx.db, PURPOSE, input.apiKey, now) : existing!.api_key,
    api_key_mode: (input.apiKey ? input.apiKey.slice(0, 4) : existing!.api_key_mode) as 'test' | 'live',
    endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`,
    enabled: input.enabled ? 1 : 0,
    webhook_base_url: input.webhookBaseUrl === undefined ? existing?.webhook_base_url ?? null : input.webhookBaseUrl?.replace(/\/+$/, '') ?? null,
    updated_at: now.toISOString(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('mollie_settings').values({ organisation_id: ctx.orgId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values)).execute();
    const changes = diff(existing ? auditView(existing, ctx.orgId) : null, auditView({ ...values, organisation_id: ctx.orgId }, ctx.orgId));
    if (input.apiKey) changes.apiKey = ['•••', '•••'];
    await audit(tx, ctx, { subject: 'settings', subjectId: 'mollie', action: existing ? 'changed' : 'created', label: 'Mollie', changes });
  });
  return getMollieSettings(ctx);
}

/** The organisation's stored API key (null: none), for the demo, which keeps a venue's own key alone. */
export async function storedMollieKey(db: Db, orgId: string, now: Date): Promise<string | null> {
  const s = await row(db, orgId);
  return s ? unseal(db, PURPOSE, s.api_key, now) : null;
}

/**
 * Where the methods' icons come from: Mollie serves them from www.mollie.com
 * (https://www.mollie.com/external/icons/payment-methods/ideal.svg); a sandbox from its own address.
 */
export const mollieImageOrigin = (endpoint: string): string =>
  (endpoint === MOLLIE_ENDPOINT ? 'https://www.mollie.com' : new URL(endpoint).origin);

const clients = new Map<string, ReturnType<typeof mollieClient>>();

/** The organisation's Mollie, as a provider, when it is set up and switched on. */
export async function mollieConnection(db: Db, orgId: string, now: Date) {
  const s = await row(db, orgId);
  if (!s || s.enabled !== 1) return null;
  const apiKey = await unseal(db, PURPOSE, s.api_key, now);
  const cacheKey = `${s.endpoint}|${sha256(apiKey)}|${mollieOptions.timeoutMs}`;
  let client = clients.get(cacheKey);
  if (!client) {
    if (clients.size > 1000) clients.clear();
    clients.set(cacheKey, (client = mollieClient({ apiKey, apiEndpoint: s.endpoint, timeoutMs: mollieOptions.timeoutMs })));
  }
  const hook = s.webhook_base_url ? webhookUrl(s.webhook_base_url, orgId) : null;
  return { provider: new MollieProvider(client, hook), webhookUrl: hook, imageOrigins: [mollieImageOrigin(s.endpoint)] };
}

registerPaymentProvider(mollieConnection);

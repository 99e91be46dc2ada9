// "Check" for the Mollie settings: with the stored key (switched on or not), ask Mollie which methods
// it offers for 10 euro. Every outcome is an answer for the manager (refused key, no answer, ok), never a 500.
import type { Ctx } from '../../platform/context.js';
import { Problem } from '../../platform/problems.js';
import { ProviderRefused } from '../../payments/provider.js';
import { mollieClient } from './client.js';
import { MollieProvider } from './provider.js';
import { mollieOptions, storedMollieKey } from './settings.js';
import '../../payments/problems.js';

export interface MollieCheck {
  ok: boolean;
  /** false: Mollie refused the key; null: Mollie did not answer. */
  credentialsAccepted: boolean | null;
  mode: 'test' | 'live';
  enabled: boolean;
  methods: string[];
  /** What went wrong, as Mollie or the network said it. */
  message: string | null;
}

export async function checkMollie(ctx: Ctx): Promise<MollieCheck> {
  const s = await ctx.db.selectFrom('mollie_settings').selectAll().where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!s) throw new Problem('online-payments-off');
  const apiKey = (await storedMollieKey(ctx.db, ctx.orgId, ctx.clock.now()))!;
  const provider = new MollieProvider(mollieClient({ apiKey, apiEndpoint: s.endpoint, timeoutMs: mollieOptions.timeoutMs }), null);
  const base = { mode: s.api_key_mode, enabled: s.enabled === 1 };
  try {
    const methods = (await provider.listMethods({ amount: 1000, locale: ctx.lang })).map((m) => m.id);
    return { ...base, ok: true, credentialsAccepted: true, methods, message: null };
  } catch (err) {
    const refused = err instanceof ProviderRefused && (err.status === 401 || err.status === 403);
    return { ...base, ok: false, credentialsAccepted: refused ? false : err instanceof ProviderRefused ? true : null, methods: [], message: (err as Error).message.slice(0, 300) };
  }
}

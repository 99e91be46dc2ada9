// "Test connection" for the DIP settings: with the stored credentials, ask DIP for a token and then
// for the theatre's performances. Every outcome is an answer for the manager, never a 500.
import type { Ctx } from '../../platform/context.js';
import { Problem } from '../../platform/problems.js';
import { DipClient, DipRefused } from './client.js';
import { openDipSecret } from './settings.js';
import { getSettings } from './store.js';
import { parsePerformanceList } from './wire.js';
import './problems.js';

export interface DipCheck {
  ok: boolean;
  credentialsAccepted: boolean | null;
  /** How many performances DIP lists for the theatre (null: not asked or not read). */
  performances: number | null;
  /** What went wrong, as DIP or the network said it. */
  message: string | null;
  durationMs: number;
}

export async function checkDipConnection(ctx: Ctx): Promise<DipCheck> {
  const s = await getSettings(ctx.db, ctx.orgId);
  if (!s || !s.client_id || !s.client_secret) throw new Problem('dip-not-configured');
  const clientSecret = await openDipSecret(ctx.db, s.client_secret, ctx.clock.now());
  // A token cached for these very credentials is used as a sync would; new credentials get their own.
  const client = new DipClient({ baseUrl: s.base_url, clientId: s.client_id, clientSecret }, ctx.clock, { timeoutMs: Math.min(s.timeout_seconds, 15) * 1000, paceMs: 0 });
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    await client.token();
  } catch (err) {
    return { ok: false, credentialsAccepted: err instanceof DipRefused ? false : null, performances: null, message: (err as Error).message.slice(0, 300), durationMs: took() };
  }
  try {
    const answer = await client.call('GET', '/theaters/performances');
    if (answer.status !== 200) {
      return { ok: false, credentialsAccepted: true, performances: null, message: `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`, durationMs: took() };
    }
    return { ok: true, credentialsAccepted: true, performances: parsePerformanceList(JSON.parse(answer.text)).length, message: null, durationMs: took() };
  } catch (err) {
    return { ok: false, credentialsAccepted: true, performances: null, message: (err as Error).message.slice(0, 300), durationMs: took() };
  }
}

// HTTP to publiq's Search API v3: GET /events identified by x-client-id, answers JSON-LD.
import type { WirePage, WireProblem } from './wire.js';

export class UitdatabankUnavailable extends Error {
  override name = 'UitdatabankUnavailable';
}

export type SearchAnswer = { ok: true; page: WirePage } | { ok: false; status: number; problem: WireProblem };

export async function searchEvents(
  searchUrl: string, clientId: string, query: Record<string, string>, timeoutMs = 10_000,
): Promise<SearchAnswer> {
  const url = new URL(`${searchUrl.replace(/\/+$/, '')}/events`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  let res: Response;
  try {
    res = await fetch(url, { headers: { 'x-client-id': clientId, accept: 'application/ld+json, application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const what = (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new UitdatabankUnavailable(`UiTdatabank at ${url.host} could not be reached: ${what}`);
  }
  const text = await res.text().catch(() => '');
  let body: unknown;
  try { body = text ? JSON.parse(text) : undefined; } catch { body = undefined; }
  if (res.status >= 500 || res.status === 429) throw new UitdatabankUnavailable(`UiTdatabank answered ${res.status}`);
  if (res.ok && body && typeof body === 'object' && Array.isArray((body as WirePage).member)) return { ok: true, page: body as WirePage };
  const problem = body && typeof body === 'object' && 'type' in body ? body as WireProblem : { type: 'about:blank', status: res.status, title: text.slice(0, 200) };
  return { ok: false, status: res.status, problem };
}

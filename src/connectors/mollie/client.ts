// The official Mollie client (@mollie/api-client) with Foyer's own transport underneath.
//
// Why not its own: version 4 sends every request through an https.Agent with a CA bundle of its own
// (Mozilla's, of 2021), so it cannot reach anything but api.mollie.com: not the plain-HTTP sandbox,
// not a sandbox with a local certificate. It also has no timeout (a hung Mollie would hang a buyer's
// checkout, and with it a place at the selling door) and retries 5xx answers itself with 2 s sleeps.
// The client's binders (paths, query strings, bodies, the resources it builds) stay the library's;
// only the function that sends one request is Foyer's: fetch with a timeout, no hidden retries,
// errors as the library's MollieApiError. The swap is checked when a client is made, so a library
// update that moves it fails loudly instead of quietly using the old transport.
import { createMollieClient, MollieApiError, type MollieClient } from '@mollie/api-client';

export interface MollieConnection {
  apiKey: string;
  /** https://api.mollie.com/v2/ in production; the sandbox's /v2/ in tests and the demo. */
  apiEndpoint: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
}

/** No answer came: the request may or may not have been carried out. */
export class MollieUnreachable extends Error {
  override name = 'MollieUnreachable';
  constructor(message: string, readonly timedOut: boolean, readonly refused: boolean) {
    super(message);
  }
}

interface RequestInit { method?: string; headers?: Record<string, string>; body?: string }
type Send = (pathname: string, init?: RequestInit) => Promise<unknown>;
interface Internals { networkClient?: { networkClient?: { request?: Send } } }

const LIBRARY_VERSION = '4';
const USER_AGENT = `Node/${process.version} Mollie/${LIBRARY_VERSION} Foyer/0.1`;

function transport(c: MollieConnection): Send {
  const endpoint = c.apiEndpoint.endsWith('/') ? c.apiEndpoint : `${c.apiEndpoint}/`;
  const timeoutMs = c.timeoutMs ?? 10_000;
  return async (pathname, init = {}) => {
    const url = new URL(pathname, endpoint);
    const headers: Record<string, string> = {
      authorization: `Bearer ${c.apiKey}`, accept: 'application/hal+json', 'content-type': 'application/json', 'user-agent': USER_AGENT,
      ...init.headers,
    };
    const method = init.method ?? 'GET';
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body: method === 'GET' ? undefined : init.body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const code = (err as { cause?: { code?: string } }).cause?.code;
      const timedOut = (err as Error).name === 'TimeoutError';
      const refused = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
      throw new MollieUnreachable(`Mollie at ${url.host} ${timedOut ? `gave no answer within ${timeoutMs} ms` : `could not be reached: ${code ?? (err as Error).message}`}`, timedOut, refused);
    }
    const idempotencyKey = headers['Idempotency-Key'] ?? headers['idempotency-key'];
    if (res.status === 204) return true;
    const text = await res.text();
    const ok = res.status >= 200 && res.status < 300;
    if (!text && ok) return true;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new MollieApiError(`Mollie answered ${res.status} without JSON`, { statusCode: res.status, idempotencyKey });
    }
    if (ok) return json;
    if (json && typeof json === 'object') throw MollieApiError.createFromResponse(json, idempotencyKey);
    throw new MollieApiError(`Mollie answered ${res.status}`, { statusCode: res.status, idempotencyKey });
  };
}

export function mollieClient(c: MollieConnection): MollieClient {
  const client = createMollieClient({ apiKey: c.apiKey, apiEndpoint: c.apiEndpoint, versionStrings: ['Foyer/0.1'] });
  const network = (client.payments as unknown as Internals).networkClient?.networkClient;
  if (!network || typeof network.request !== 'function') {
    throw new Error('@mollie/api-client changed its internals: Foyer cannot install its transport (see src/connectors/mollie/client.ts)');
  }
  network.request = transport(c);
  return client;
}

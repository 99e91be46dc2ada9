// Shared set-up for the catalogue tests: more performances of the catalogue's production, a pack
// ticket type, a customer, a Utick-style signed client.
import http from 'node:http';
import crypto from 'node:crypto';
import type { Catalogue } from '../helpers/catalogue.js';
import type { TestServer } from '../helpers/server.js';
import { formatInZone } from '../../src/platform/time.js';

export function ok<T extends { status: number; body: unknown }>(res: T, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** `n` more performances of the catalogue's production, on sale, a day apart from 2055-02-01. */
export async function morePerformances(s: TestServer, token: string, c: Catalogue, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(i + 1).padStart(2, '0');
    const perf = ok(await s.request('POST', '/api/performances', {
      token, body: { productionId: c.productionId, hallId: c.hallId, startsAt: `2055-02-${day}T20:00`, standardTicketTypeId: c.ticketTypes.normal },
    }), 'performance');
    const prices = [1, 2].flatMap((rank) => [
      { ticketTypeId: c.ticketTypes.normal, rank, amount: 3000 },
      { ticketTypeId: c.ticketTypes.free, rank, amount: 0 },
    ]);
    ok(await s.request('PUT', `/api/performances/${perf.body.id}/prices`, { token, body: { prices } }), 'prices');
    ok(await s.request('PATCH', `/api/performances/${perf.body.id}`, { token, body: { status: 'on_sale' } }), 'on sale');
    ids.push(perf.body.id);
  }
  return ids;
}

export async function customer(s: TestServer, token: string, name = 'Anna de Vries'): Promise<string> {
  return ok(await s.request('POST', '/api/customers', { token, body: { name, email: `${crypto.randomUUID()}@example.test` } }), 'customer').body.id;
}

/** Buys what `fill` puts in a fresh basket for `customerId`, paid in cash; answers the order. */
export async function buy(s: TestServer, token: string, customerId: string | null, fill: (basketId: string) => Promise<unknown>) {
  const basket = ok(await s.request('POST', '/api/baskets', { token, body: { channel: 'boxoffice' } }), 'basket').body;
  if (customerId) ok(await s.request('PUT', `/api/baskets/${basket.id}/customer`, { token, body: { customerId } }), 'customer');
  await fill(basket.id);
  return ok(await s.request('POST', `/api/baskets/${basket.id}/checkout`, { token, body: { payment: { method: 'cash' } } }), 'checkout').body;
}

export interface UtickAnswer {
  status: number;
  body: {
    success: boolean;
    response: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    error?: { code: number; message: string };
    environment: string; api_version: number; datetime: string; cached: boolean; status_code: number; language: string;
  };
}

/**
 * A client that talks like Utick's public PHP client: parameters (with publickey, timestamp and
 * signature = hex HMAC-SHA256 of publickey + timestamp) as a JSON body, GET included, and paths
 * ending in a doubled slash.
 */
export class UtickClient {
  constructor(private baseUrl: string, private publicKey: string, private secret: string, private now: () => Date) {}

  auth(overrides: Record<string, unknown> = {}) {
    const timestamp = formatInZone(this.now(), 'Europe/Brussels');
    const signature = crypto.createHmac('sha256', this.secret).update(this.publicKey + timestamp).digest('hex');
    return { publickey: this.publicKey, timestamp, signature, ...overrides };
  }

  call(path: string, params: Record<string, unknown> = {}, opts: { method?: string; auth?: Record<string, unknown> | false; raw?: boolean; body?: string } = {}): Promise<UtickAnswer> {
    const body = opts.body ?? JSON.stringify({ ...(opts.auth === false ? {} : this.auth(opts.auth ?? {})), ...params });
    const url = new URL(this.baseUrl + (opts.raw ? path : `/v1/${path}//`));
    return new Promise((resolve, reject) => {
      const req = http.request(url, {
        method: opts.method ?? 'GET',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
          } catch (e) {
            reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)} ${String(e)}`));
          }
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** A catalogue key made over the admin API, and a client signing with it. */
export async function utickClient(s: TestServer, token: string) {
  const key = ok(await s.request('POST', '/api/catalogue/keys', { token, body: { label: 'Website' } }), 'key').body;
  return { key, client: new UtickClient(s.baseUrl, key.publicKey, key.secret, () => s.clock.now()) };
}

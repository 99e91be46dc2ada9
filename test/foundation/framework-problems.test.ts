// Answers that Node's HTTP parser and Fastify give before any route runs are problem documents
// too, in the request's language when its headers could be read.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { problemMessage } from '../../src/platform/messages.js';
import { startServer, type TestServer } from '../helpers/server.js';

interface RawAnswer { status: number; headers: Record<string, string>; body: Record<string, unknown> | undefined; text: string }

/**
 * Writes `data` as is on a fresh connection (a function is awaited between the parts) and reads
 * every answer until the server closes the connection.
 */
function rawRequest(port: number, data: string | (string | (() => Promise<void>))[]): Promise<RawAnswer[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', async () => {
      for (const part of [data].flat()) {
        if (typeof part === 'string') socket.write(part);
        else await part();
      }
    });
    let out = '';
    socket.on('data', (d) => { out += d.toString('utf8'); });
    socket.on('error', reject);
    socket.on('close', () => {
      const answers: RawAnswer[] = [];
      let rest = out;
      while (rest.startsWith('HTTP/1.1')) {
        const end = rest.indexOf('\r\n\r\n');
        const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
        const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
        const length = Number(headers['content-length'] ?? 0);
        const text = rest.slice(end + 4, end + 4 + length);
        rest = rest.slice(end + 4 + length);
        answers.push({ status: Number(statusLine.split(' ')[1]), headers, text, body: text && headers['content-type']?.includes('json') ? JSON.parse(text) : undefined });
      }
      resolve(answers);
    });
    setTimeout(() => socket.destroy(), 5000);
  });
}

function expectRawProblem(a: RawAnswer | undefined, status: number, code: string, lang: 'en' | 'nl' | 'fr') {
  expect(a, 'an answer').toBeDefined();
  expect(a!.status, a!.text).toBe(status);
  expect(a!.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(a!.body).toMatchObject({ type: `/problems/${code}`, status, title: problemMessage(code)?.title[lang] });
  expect(typeof a!.body!.detail).toBe('string');
}

describe('framework answers', () => {
  let s: TestServer;
  let port: number;
  beforeAll(async () => {
    s = await startServer('sqlite');
    port = Number(new URL(s.baseUrl).port);
  });
  afterAll(async () => { await s?.close(); });

  it('headers too large: 431 problem in the language of the headers that were read', async () => {
    const [a] = await rawRequest(port, `GET /api/venues HTTP/1.1\r\nHost: x\r\nAccept-Language: nl\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectRawProblem(a, 431, 'headers-too-large', 'nl');
    const [b] = await rawRequest(port, `GET /api/venues HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectRawProblem(b, 431, 'headers-too-large', 'en');
  });

  it('a request that is not HTTP: 400 problem', async () => {
    expectRawProblem((await rawRequest(port, 'BLAH\r\n\r\n'))[0], 400, 'malformed-request', 'en');
    expectRawProblem((await rawRequest(port, 'GET / HTTP/1.1\r\nHost: x\r\nAccept-Language: fr\r\nBad Header\r\n\r\n'))[0], 400, 'malformed-request', 'fr');
    const [cl] = await rawRequest(port, 'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nAccept-Language: nl\r\nContent-Length: abc\r\n\r\n');
    expectRawProblem(cl, 400, 'malformed-request', 'nl');
  });

  it("Fastify's own refusals: unknown address, media type, unreadable JSON, size, address, forbidden keys", async () => {
    const cases: [() => Promise<Response>, number, string, 'en' | 'nl' | 'fr'][] = [
      [() => fetch(`${s.baseUrl}/api/nothing`, { headers: { 'accept-language': 'nl' } }), 404, 'route-not-found', 'nl'],
      [() => fetch(`${s.baseUrl}/api/auth/login`, { method: 'DELETE', headers: { 'accept-language': 'fr' } }), 404, 'route-not-found', 'fr'],
      [() => fetch(`${s.baseUrl}/docs/static/nothing.css`, { headers: { 'accept-language': 'nl' } }), 404, 'route-not-found', 'nl'],
      [() => fetch(`${s.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/xml', 'accept-language': 'fr' }, body: '<x/>' }), 415, 'unsupported-media-type', 'fr'],
      [() => fetch(`${s.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'nl' }, body: '{x' }), 400, 'malformed-request', 'nl'],
      [() => fetch(`${s.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'fr' }, body: `"${'x'.repeat(6 * 1024 * 1024)}"` }), 413, 'payload-too-large', 'fr'],
      [() => fetch(`${s.baseUrl}/api/venues/%E0%A4%A`, { headers: { 'accept-language': 'nl' } }), 400, 'malformed-request', 'nl'],
      [() => fetch(`${s.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'fr' }, body: '{"__proto__":{"a":1}}' }), 400, 'malformed-request', 'fr'],
    ];
    for (const [send, status, code, lang] of cases) {
      const res = await send();
      const text = await res.text();
      expect(res.status, text).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = JSON.parse(text);
      expect(body).toMatchObject({ type: `/problems/${code}`, status, title: problemMessage(code)?.title[lang] });
      // Field messages are in the request's language too, not Fastify's English.
      for (const e of body.errors ?? []) expect(e.message, JSON.stringify(body)).not.toMatch(/forbidden prototype|Unexpected token|Body cannot/);
    }
  });

  it('a request that arrives while the server is closing: 503 problem', async () => {
    const app = await buildApp(s.deps);
    let release = () => {};
    app.get('/_slow', async () => { await new Promise<void>((r) => { release = r; }); return { ok: true }; });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const slowPort = (app.server.address() as net.AddressInfo).port;
    // A second request on a connection that is busy when close() begins (so it is not closed as idle).
    let closed: Promise<undefined> | undefined;
    const [first, second] = await rawRequest(slowPort, [
      'GET /_slow HTTP/1.1\r\nHost: x\r\n\r\n',
      async () => {
        await new Promise((r) => setTimeout(r, 200));
        closed = app.close();
        await new Promise((r) => setTimeout(r, 100));
      },
      'GET /api/venues HTTP/1.1\r\nHost: x\r\nAccept-Language: nl\r\n\r\n',
      async () => {
        await new Promise((r) => setTimeout(r, 100));
        release();
      },
    ]);
    await closed;
    expect(first.status).toBe(200);
    expectRawProblem(second, 503, 'busy', 'nl');
  });
});

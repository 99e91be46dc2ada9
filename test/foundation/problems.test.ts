// Errors are problem documents in the caller's language, and nothing a user sends makes a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { buildCatalogue, type Catalogue } from '../helpers/catalogue.js';
import { orgWithUser, startServer, type Answer, type TestServer } from '../helpers/server.js';
import { expectProblem, expectRejected, fieldsOf } from './expect-problem.js';

const PRODUCTION = { title: 'Hamlet' };

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
}

/** A body of the schema's shape whose every value is hostile: NUL bytes, huge numbers, wrong types. */
function hostile(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return 'a\u0000b';
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type ?? schema.anyOf?.[0]?.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, hostile(v, depth + 1)]));
    case 'array':
      return [hostile(schema.items, depth + 1), hostile(schema.items, depth + 1)];
    case 'integer':
    case 'number':
      return depth % 2 ? 2 ** 63 : -1e308;
    case 'boolean':
      return 'yes';
    default:
      return schema.enum ? `${String(schema.enum[0])}\u0000` : `'; drop table users; --\u0000${'é'.repeat(300)}`;
  }
}

describe.each(DIALECTS)('problems on %s', (dialect) => {
  let s: TestServer;
  let token: string;
  let cat: Catalogue;
  beforeAll(async () => {
    s = await startServer(dialect);
    token = (await orgWithUser(s)).token;
    cat = await buildCatalogue(s, token, { rows: 1, perRow: 2 });
  });
  afterAll(async () => { await s?.close(); });

  const productionTitles = async () => (await s.request('GET', '/api/productions', { token })).body.items.map((p: { title: string }) => p.title).sort();

  it('answers /health', async () => {
    const res = await s.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers an unknown address with a problem in the request language', async () => {
    const res = await expectRejected((lang) => s.request('GET', '/api/nothing-here', { token, lang }), 404, 'route-not-found', []);
    expect(res.body.detail).toContain('/api/nothing-here');
  });

  it('names the missing record in the request language', async () => {
    expect((await s.request('GET', '/api/halls/nope', { token, lang: 'nl' })).body.detail).toBe('Er is geen zaal met deze id.');
    expect((await s.request('GET', '/api/performances/nope', { token, lang: 'fr' })).body.detail).toBe("Il n'existe pas de représentation avec cet identifiant.");
    expect((await s.request('GET', '/api/ticket-types/nope', { token, lang: 'en' })).body.detail).toBe('There is no ticket type with this id.');
  });

  it('picks the language from Accept-Language, English when none fits', async () => {
    const cases: [string, string][] = [
      ['nl-BE', 'Niet ingelogd'], ['fr-BE,fr;q=0.9', 'Non connecté'], ['de-DE, fr;q=0.5, nl;q=0.8', 'Niet ingelogd'],
      ['de, es', 'Not logged in'], ['*', 'Not logged in'], ['nl;q=0, fr;q=0.1', 'Non connecté'], [';;;q=abc,,', 'Not logged in'],
    ];
    for (const [header, title] of cases) {
      expect((await s.request('GET', '/api/me', { lang: header })).body.title, header).toBe(title);
    }
  });

  it('refuses malformed JSON, an empty JSON body and non-JSON content, translated, and stores nothing', async () => {
    const before = await productionTitles();
    const send = (body: string, contentType: string) => (lang: string) =>
      s.request('POST', '/api/productions', { token, lang, body, headers: { 'content-type': contentType } }) as Promise<Answer>;
    const malformed = await expectRejected(send('{"title": "Hamlet",', 'application/json'), 400, 'malformed-request', ['(body)']);
    expect(malformed.body.errors[0].message).toMatch(/JSON/);
    await expectRejected(send('', 'application/json'), 400, 'malformed-request', ['(body)']);
    await expectRejected(send('{"title": "Hamlet"}', 'application/xml'), 415, 'unsupported-media-type', []);
    await expectRejected(send('title=Hamlet', 'multipart/form-data; boundary=x'), 415, 'unsupported-media-type', []);
    await expectRejected(send('Hamlet', 'text/plain'), 400, 'validation-failed', ['(body)']);
    await expectRejected(send('[{"title": "Hamlet"}]', 'application/json'), 400, 'validation-failed', ['(body)']);
    await expectRejected(send('{"title": "Hamlet", "__proto__": {"admin": true}}', 'application/json'), 400, 'malformed-request', ['(body)']);
    expect(await productionTitles()).toEqual(before);
  });

  it('refuses a body over the size limit', async () => {
    const res = await s.request('POST', '/api/productions', { token, lang: 'fr', body: { title: 'x', description: 'y'.repeat(6 * 1024 * 1024) } });
    expectProblem(res, 413, 'payload-too-large', 'fr');
  });

  it('refuses text with NUL characters on every database, naming the field', async () => {
    const before = await productionTitles();
    const res = await expectRejected((lang) => s.request('POST', '/api/productions', { token, lang, body: { ...PRODUCTION, producer: 'IT\u0000A' } }), 400, 'validation-failed', ['producer']);
    expect(fieldsOf(res)).toEqual(['producer']);
    await expectRejected((lang) => s.request('PATCH', `/api/venues/${cat.venueId}`, { token, lang, body: { name: '\u0000' } }), 400, 'validation-failed', ['name']);
    await expectRejected((lang) => s.request('GET', '/api/performances?q=a%00b', { token, lang }), 400, 'validation-failed', ['querystring/q']);
    expect(await productionTitles()).toEqual(before);
  });

  it('answers malformed addresses with problems, not bare errors', async () => {
    expectProblem(await s.request('GET', '/api/venues/%E0%A4%A', { token, lang: 'nl' }), 400, 'malformed-request', 'nl');
    const long = await s.request('GET', `/api/venues/${'x'.repeat(200)}`, { token, lang: 'nl' });
    expect(long.status).toBeGreaterThanOrEqual(400);
    expect(long.status).toBeLessThan(500);
    expect(long.contentType).toMatch(/^application\/problem\+json/);
    await expectRejected((lang) => s.request('GET', '/api/venues/%00', { token, lang }), 400, 'validation-failed', ['params/id']);
  });

  it('describes every problem type at its type address', async () => {
    const list = await s.request('GET', '/problems');
    expect(list.body.items).toEqual(expect.arrayContaining(['/problems/validation-failed', '/problems/not-found', '/problems/seat-map-drops-sold-seats', '/problems/invalid-transition']));
    for (const type of list.body.items) {
      const res = await s.request('GET', type, { lang: 'nl' });
      expect(res.status, type).toBe(200);
      expect(res.body.type).toBe(type);
      expect(res.body.title).toBeTruthy();
    }
    expectProblem(await s.request('GET', '/problems/no-such-problem'), 404, 'not-found');
  });

  it('publishes OpenAPI with every foundation operation, and every foundation body refuses unknown fields', async () => {
    const res = await s.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema & { additionalProperties?: boolean } }> } }>> = res.body.paths;
    for (const p of ['/api/auth/login', '/api/oauth/token', '/api/venues', '/api/venues/{id}/halls', '/api/halls/{id}', '/api/productions', '/api/performances', '/api/performances/extra-info', '/api/ticket-types', '/api/performances/{id}/prices', '/api/users', '/api/api-clients']) {
      expect(Object.keys(paths), p).toContain(p);
    }
    const loose: string[] = [];
    const foundation = /^\/api\/(auth|oauth|me|organisation|users|api-clients|venues|halls|productions|performances|ticket-types)\b/;
    for (const [path, ops] of Object.entries(paths).filter(([p]) => foundation.test(p))) {
      for (const [method, op] of Object.entries(ops)) {
        const schema = op.requestBody?.content['application/json']?.schema;
        if (schema && schema.additionalProperties !== false) loose.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(loose).toEqual([]);
    const docs = await s.request('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.contentType).toMatch(/text\/html/);
  });

  it('answers no 500 and no bare error to hostile input on any operation', async () => {
    const spec = (await s.request('GET', '/openapi.json')).body;
    const other = await s.request('POST', '/api/users', { token, body: { email: 'other@example.test', name: 'O', role: 'reporting', password: 'correct horse battery' } });
    const client = await s.request('POST', '/api/api-clients', { token, body: { name: 'C', role: 'reporting' } });
    const idFor = (path: string): string => {
      if (path.startsWith('/api/venues')) return cat.venueId;
      if (path.startsWith('/api/halls')) return cat.hallId;
      if (path.startsWith('/api/productions')) return cat.productionId;
      if (path.startsWith('/api/performances')) return cat.performanceId;
      if (path.startsWith('/api/ticket-types')) return cat.ticketTypes.other;
      if (path.startsWith('/api/users')) return other.body.id;
      if (path.startsWith('/api/api-clients')) return client.body.id;
      return 'x';
    };
    const failures: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> }; parameters?: { in: string; name: string; schema?: JsonSchema }[] }>>(spec.paths)) {
      if (path === '/api/auth/logout') continue;
      for (const [method, op] of Object.entries(ops)) {
        if (method === 'delete') continue;
        const schema = op.requestBody?.content['application/json']?.schema;
        const query = (op.parameters ?? []).filter((p) => p.in === 'query')
          .map((p) => `${p.name}=${p.schema?.type === 'integer' ? '9'.repeat(30) : `%00${encodeURIComponent(String(hostile(p.schema)))}`}`).join('&');
        for (const id of [idFor(path), '\u0000']) {
          const url = path.replace(/\{(\w+)\}/g, () => encodeURIComponent(id)) + (query ? `?${query}` : '');
          const bodies: (string | undefined)[] = method === 'get' ? [undefined]
            : id === '\u0000' ? [JSON.stringify(hostile(schema))] : [JSON.stringify(hostile(schema)), '[]', '1e999999'];
          for (const body of bodies) {
            const res = await s.request(method.toUpperCase(), url, { token, body, lang: 'nl', headers: body === undefined ? {} : { 'content-type': 'application/json' } });
            const problem = res.status < 400 || res.contentType.startsWith('application/problem+json');
            if (res.status >= 500 || !problem) failures.push(`${method.toUpperCase()} ${url} ${body?.slice(0, 40)} -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The admin session survived it all.
    expect((await s.request('GET', '/api/me', { token })).status).toBe(200);
  });
});

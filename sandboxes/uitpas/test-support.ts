// Test support: a sandbox on a loopback port, and every answer checked against publiq's official
// OpenAPI document (shared/reference/uitpas-api-v4.openapi.json) with Ajv.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { DEMO_CLIENT, startUitpasSandbox, type RunningSandbox, type StartOptions } from './index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const OPENAPI_FILE = process.env.UITPAS_OPENAPI
  ?? path.resolve(here, '../../../shared/reference/uitpas-api-v4.openapi.json');

type Json = Record<string, unknown>;

/** publiq's Error model lives outside the document; this is its content as uitpas.md and the operations describe it. */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    endUserMessage: {
      type: 'object', required: ['nl'],
      properties: { nl: { type: 'string' }, fr: { type: 'string' }, de: { type: 'string' }, en: { type: 'string' } },
    },
    schemaErrors: {
      type: 'array',
      items: { type: 'object', required: ['jsonPointer', 'error'], properties: { jsonPointer: { type: 'string', format: 'json-pointer' }, error: { type: 'string' } } },
    },
    // POST /ticket-sales: "The property jsonPointer will [reference] the erroneous TicketSaleRequest object".
    jsonPointer: { type: 'string', format: 'json-pointer' },
  },
};

function loadDocument(): Json {
  if (!fs.existsSync(OPENAPI_FILE)) {
    throw new Error(`UiTPAS OpenAPI document not found at ${OPENAPI_FILE}; set UITPAS_OPENAPI to its path.`);
  }
  const doc = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8')) as Json;
  const schemas = (doc.components as Json).schemas as Json;
  schemas.Error = ERROR_SCHEMA;
  return doc;
}

const pointerPart = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function at(doc: Json, pointer: string): Json {
  return pointer.replace(/^#\//, '').split('/').reduce<Json>((node, part) => node[part.replace(/~1/g, '/').replace(/~0/g, '~')] as Json, doc);
}

/** Object keys the schema does not declare (through $ref, allOf and items); path-like strings. */
function undeclared(doc: Json, schema: Json, value: unknown, where = ''): string[] {
  if (schema.$ref) return undeclared(doc, at(doc, String(schema.$ref)), value, where);
  if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => undeclared(doc, schema.items as Json, v, `${where}/${i}`)) : [];
  if (!value || typeof value !== 'object') return [];
  const parts = [schema, ...((schema.allOf as Json[] | undefined) ?? []).map((s) => (s.$ref ? at(doc, String(s.$ref)) : s))];
  const props: Record<string, Json> = Object.assign({}, ...parts.map((p) => (p.properties as Record<string, Json> | undefined) ?? {}));
  if (!Object.keys(props).length) return [];
  return Object.entries(value).flatMap(([k, v]) => (props[k] ? undeclared(doc, props[k], v, `${where}/${k}`) : [`${where}/${k}`]));
}

export class Contract {
  private readonly doc = loadDocument();
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats.default(this.ajv);
    this.ajv.addSchema(this.doc, 'openapi');
  }

  /** The documented response (following $ref) of an operation, e.g. ('GET', '/tariffs', 200). */
  response(method: string, template: string, status: number): Json | undefined {
    const op = (this.doc.paths as Json)[template] as Json | undefined;
    const operation = op?.[method.toLowerCase()] as Json | undefined;
    if (!operation) throw new Error(`${method} ${template} is not in the OpenAPI document`);
    const responses = operation.responses as Record<string, Json>;
    let r = responses[String(status)] ?? responses.default;
    if (r?.$ref) r = at(this.doc, String(r.$ref));
    return r;
  }

  /** Problems with this answer against the document; empty when it conforms. */
  check(method: string, template: string, status: number, contentType: string, body: unknown): string[] {
    const r = this.response(method, template, status);
    if (!r) return [`status ${status} is not documented for ${method} ${template}`];
    const content = r.content as Record<string, Json> | undefined;
    if (!content) return body === undefined ? [] : [`status ${status} has no body in the document, got one`];
    const media = contentType.split(';')[0].trim();
    if (!content[media]) return [`content type ${media} is not documented (${Object.keys(content).join(', ')})`];
    const ref = this.refTo(method, template, status, media);
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    const errors = validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    const extra = status < 300 ? undeclared(this.doc, content[media].schema as Json, body).map((p) => `${p} is not in the schema`) : [];
    return [...errors, ...extra];
  }

  private refTo(method: string, template: string, status: number, media: string): string {
    const responses = ((this.doc.paths as Json)[template] as Json)[method.toLowerCase()] as Json;
    const r = (responses.responses as Record<string, Json>)[String(status)] ?? (responses.responses as Json).default as Json;
    const base = r.$ref ? String(r.$ref).replace(/^#/, '') : `/paths/${pointerPart(template)}/${method.toLowerCase()}/responses/${status}`;
    return `openapi#${base}/content/${pointerPart(media)}/schema`;
  }
}

let contract: Contract | undefined;
export const officialContract = (): Contract => (contract ??= new Contract());

export interface Answer<T = unknown> { status: number; body: T; text: string; contentType: string }

export interface CallOptions {
  token?: string;
  query?: Record<string, string | number | string[] | undefined>;
  params?: Record<string, string>;
  body?: unknown;
  /** Skip the contract check (fault answers are not UiTPAS answers). */
  raw?: boolean;
  signal?: AbortSignal;
}

export interface TestSandbox extends RunningSandbox {
  clock: ManualClock;
  /** A fresh access token for a client (default foyer-demo). */
  token(client?: { clientId: string; clientSecret: string }): Promise<string>;
  /** Calls an operation as named in the OpenAPI document ('GET /tariffs') and checks the answer against it. */
  call<T = any>(operation: string, opts?: CallOptions): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Plain HTTP, no contract check. */
  http<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const TEST_NOW = new Date('2026-12-02T10:00:00Z'); // a Wednesday

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  const body = (text && contentType.includes('json') ? JSON.parse(text) : text || undefined) as T;
  return { status: res.status, body, text, contentType };
}

export async function startTestSandbox(opts: StartOptions = {}): Promise<TestSandbox> {
  const clock = new ManualClock(TEST_NOW);
  const running = await startUitpasSandbox({ clock, ...opts });
  const base = running.baseUrl;
  let demoToken: string | undefined;
  const token: TestSandbox['token'] = async (client = DEMO_CLIENT) => {
    const res = await fetch(`${base}/realms/uitid/protocol/openid-connect/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
    });
    if (res.status !== 200) throw new Error(`token for ${client.clientId}: ${res.status}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  return {
    ...running, clock, token,
    async call(operation, o = {}) {
      const [method, template] = operation.split(' ');
      const url = new URL(base + template.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(o.params?.[k] ?? '')));
      for (const [k, v] of Object.entries(o.query ?? {})) {
        for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) url.searchParams.append(k, String(one));
      }
      const headers: Record<string, string> = {};
      const tok = o.token ?? (demoToken ??= await token());
      if (tok) headers.authorization = `Bearer ${tok}`;
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url, {
        method, headers, signal: o.signal,
        body: o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
      });
      const a = await answer<any>(res); // eslint-disable-line @typescript-eslint/no-explicit-any
      if (!o.raw) {
        const problems = officialContract().check(method, template, a.status, a.contentType, a.body);
        if (problems.length) throw new Error(`${operation} -> ${a.status} breaks the OpenAPI contract:\n  ${problems.join('\n  ')}\n${a.text}`);
      }
      return a;
    },
    async http(method, p, body, headers = {}) {
      const h = { ...headers };
      if (body !== undefined && typeof body !== 'string') h['content-type'] ??= 'application/json';
      const res = await fetch(base + p, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      return answer(res);
    },
  };
}

/** One sandbox for the test file, reset (sales, faults, log; clock back to TEST_NOW) before each test. */
export function sandboxPerFile(opts: StartOptions = {}): () => TestSandbox {
  let sb: TestSandbox | undefined;
  beforeAll(async () => { sb = await startTestSandbox(opts); });
  afterAll(async () => { await sb?.close(); });
  beforeEach(async () => {
    await sb!.http('POST', '/_sandbox/reset');
    sb!.clock.set(TEST_NOW);
  });
  return () => sb!;
}

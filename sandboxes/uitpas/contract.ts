// The UiTPAS API 4.0 contract kept in this repository (contract.json: operations, parameters, bodies
// and status codes of the calls Foyer makes), checked with Ajv. Tests hold the sandbox's answers and
// the connector's requests to it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

export const CONTRACT_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'contract.json');

interface Parameter { name: string; in: 'query' | 'path'; required: boolean; schema: Json }
interface Operation {
  parameters: Parameter[];
  requestBody?: { required: boolean; content: Record<string, Json> };
  responses: Record<string, Record<string, Json>>;
}
interface ContractDocument { operations: Record<string, Operation>; schemas: Record<string, Json> }

const pointerPart = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

export class Contract {
  readonly doc: ContractDocument = JSON.parse(fs.readFileSync(CONTRACT_FILE, 'utf8')) as ContractDocument;
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats.default(this.ajv);
    this.ajv.addSchema(this.doc as unknown as Json, 'uitpas');
  }

  /** 'GET /tariffs', … */
  get operations(): string[] {
    return Object.keys(this.doc.operations);
  }

  private operation(method: string, template: string): Operation {
    const op = this.doc.operations[`${method.toUpperCase()} ${template}`];
    if (!op) throw new Error(`${method} ${template} is not in the contract`);
    return op;
  }

  /** The documented content of an answer, per media type, e.g. ('GET', '/tariffs', 200). */
  response(method: string, template: string, status: number): Record<string, Json> | undefined {
    return this.operation(method, template).responses[String(status)];
  }

  /** Problems with this answer against the contract; empty when it conforms. */
  check(method: string, template: string, status: number, contentType: string, body: unknown): string[] {
    const content = this.response(method, template, status);
    if (!content) return [`status ${status} is not documented for ${method} ${template}`];
    const medias = Object.keys(content);
    if (!medias.length) return body === undefined ? [] : [`status ${status} has no body in the contract, got one`];
    const media = contentType.split(';')[0].trim();
    if (!content[media]) return [`content type ${media} is not documented (${medias.join(', ')})`];
    const at = ['operations', `${method.toUpperCase()} ${template}`, 'responses', String(status), media];
    const errors = this.validate(at, body);
    const extra = status < 300 ? this.undeclared(content[media], body).map((p) => `${p} is not in the schema`) : [];
    return [...errors, ...extra];
  }

  /** Problems with a request (path with query string, and its JSON body) against the contract. */
  checkRequest(method: string, url: string, body?: unknown): string[] {
    const parsed = new URL(url, 'http://uitpas.invalid');
    const match = this.match(method, parsed.pathname);
    if (!match) return [`${method} ${parsed.pathname} is not in the contract`];
    const [key, op] = match;
    const problems: string[] = [];
    const query = op.parameters.filter((p) => p.in === 'query');
    for (const name of new Set(parsed.searchParams.keys())) {
      if (!query.some((p) => p.name === name)) problems.push(`query parameter ${name} is not in the contract`);
    }
    for (const p of query) {
      const values = parsed.searchParams.getAll(p.name);
      if (!values.length) {
        if (p.required) problems.push(`query parameter ${p.name} is required`);
        continue;
      }
      for (const v of values) problems.push(...this.checkScalar(p, v));
    }
    if (op.requestBody) {
      if (body === undefined) {
        if (op.requestBody.required) problems.push('the body is required');
      } else {
        problems.push(...this.validate(['operations', key, 'requestBody', 'content', 'application/json'], body).map((e) => `body ${e}`));
      }
    } else if (body !== undefined) {
      problems.push('the contract has no body for this call');
    }
    return problems;
  }

  private match(method: string, pathname: string): [string, Operation] | undefined {
    for (const [key, op] of Object.entries(this.doc.operations)) {
      const [m, template] = key.split(' ');
      if (m !== method.toUpperCase()) continue;
      const re = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
      if (re.test(pathname)) return [key, op];
    }
    return undefined;
  }

  private checkScalar(p: Parameter, value: string): string[] {
    const s = p.schema;
    const schema = s.type === 'array' ? ((s.items as Json | undefined) ?? {}) : s;
    const type = schema.type;
    let v: unknown = value;
    if (type === 'number' || type === 'integer') {
      v = Number(value);
      if (value.trim() === '' || !Number.isFinite(v)) return [`query parameter ${p.name} must be a number`];
    }
    const validate = this.ajv.compile(schema);
    return validate(v) ? [] : [`query parameter ${p.name} ${validate.errors?.[0]?.message ?? 'is invalid'}`];
  }

  private validate(at: string[], value: unknown): string[] {
    const ref = `uitpas#/${at.map(pointerPart).join('/')}`;
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  }

  private resolve(schema: Json): Json {
    return schema.$ref ? this.resolve(this.doc.schemas[String(schema.$ref).replace('#/schemas/', '')]) : schema;
  }

  /** Object keys the schema does not declare (through $ref, allOf and items); path-like strings. */
  private undeclared(schemaIn: Json, value: unknown, where = ''): string[] {
    const schema = this.resolve(schemaIn);
    if (Array.isArray(value)) return schema.items ? value.flatMap((v, i) => this.undeclared(schema.items as Json, v, `${where}/${i}`)) : [];
    if (!value || typeof value !== 'object') return [];
    const parts = [schema, ...((schema.allOf as Json[] | undefined) ?? []).map((s) => this.resolve(s))];
    const props: Record<string, Json> = Object.assign({}, ...parts.map((p) => (p.properties as Record<string, Json> | undefined) ?? {}));
    if (!Object.keys(props).length) return [];
    return Object.entries(value).flatMap(([k, v]) => (props[k] ? this.undeclared(props[k], v, `${where}/${k}`) : [`${where}/${k}`]));
  }
}

let contract: Contract | undefined;
export const uitpasContract = (): Contract => (contract ??= new Contract());

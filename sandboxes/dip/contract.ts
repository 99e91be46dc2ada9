// Checks against Foyer's written contract of DIP (src/connectors/dip/contract.json): the structure
// of every call Foyer makes and of what DIP answers. The sandbox's tests hold its answers to it,
// the connector's tests hold Foyer's bodies to it; nothing outside the repository is read.
import fs from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;

const CONTRACT = JSON.parse(fs.readFileSync(new URL('../../src/connectors/dip/contract.json', import.meta.url), 'utf8')) as Json;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(CONTRACT, 'dip');

export type CallName = 'token' | 'performances' | 'tickets' | 'reservations' | 'blockedseats' | 'capacity' | 'sales' | 'reservationsHeld' | 'blockedseatsHeld';
const CALLS = CONTRACT.calls as Record<CallName, Json>;
export const CONTRACT_CALLS = Object.keys(CALLS);

const compiled = new Map<string, ValidateFunction>();
function validator(pointer: string): ValidateFunction {
  let v = compiled.get(pointer);
  if (!v) compiled.set(pointer, (v = ajv.compile({ $ref: `dip#${pointer}` })));
  return v;
}

function resolve(schema: Json): Json {
  let s = schema;
  while (typeof s.$ref === 'string') {
    s = (s.$ref as string).replace(/^#\//, '').split('/').reduce<Json>((node, part) => node[part] as Json, CONTRACT);
  }
  return s;
}

/** Keys of `value` the contract does not name (the sandbox answers nothing Foyer's contract does not know). */
function undeclared(schema: Json, value: unknown, where: string): string[] {
  const s = resolve(schema);
  if (Array.isArray(s.anyOf)) {
    const branch = (s.anyOf as Json[]).map(resolve).find((b) => b.type === 'object' || b.properties);
    return branch && value && typeof value === 'object' ? undeclared(branch, value, where) : [];
  }
  if (Array.isArray(value)) return s.items ? value.flatMap((v, i) => undeclared(s.items as Json, v, `${where}/${i}`)) : [];
  if (!value || typeof value !== 'object' || !s.properties) return [];
  const props = s.properties as Record<string, Json>;
  return Object.entries(value as Json).flatMap(([k, v]) => (k in props ? undeclared(props[k], v, `${where}/${k}`) : [`${where}/${k} is not in the contract`]));
}

function problems(pointer: string, value: unknown): string[] {
  const v = validator(pointer);
  const errors = v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is wrong'}`);
  return [...errors, ...undeclared({ $ref: `#${pointer}` }, value, '')];
}

/** What is wrong with a request body of `call` (empty: it fits the contract). */
export function requestProblems(call: CallName, body: unknown): string[] {
  if (!CALLS[call].request) throw new Error(`contract: ${call} has no request body`);
  return problems(`/calls/${call}/request`, body);
}

/** What is wrong with an answer of `call` with `status`; a status the contract does not list is a problem too. */
export function answerProblems(call: CallName, status: number, body: unknown): string[] {
  const answers = CALLS[call].answers as Record<string, unknown>;
  if (!(String(status) in answers)) return [`${call}: status ${status} is not in the contract`];
  if (answers[String(status)] === null) return body === undefined || body === '' ? [] : [`${call}: ${status} has no body`];
  return problems(`/calls/${call}/answers/${status}`, body);
}

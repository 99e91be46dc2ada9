// The Search API contract kept in this folder (contract.json), checked with Ajv: answers of the
// sandbox against its schemas, requests of the connector against its parameters.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

interface Operation { parameters: Record<string, Record<string, unknown>>; responses: Record<string, { contentType: string; schema: { $ref: string } }> }
interface ContractDocument { operations: Record<string, Operation>; schemas: Record<string, unknown> }

const doc = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'contract.json'), 'utf8')) as ContractDocument;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ ...doc, $id: 'uitdatabank' } as Record<string, unknown>);

/** What is wrong with an answer to `operation` ('GET /events'); [] when it fits. */
export function checkAnswer(operation: string, status: number, contentType: string, body: unknown): string[] {
  const r = doc.operations[operation]?.responses[String(status)];
  if (!r) return [`${operation} has no ${status} answer in the contract`];
  const problems = contentType.startsWith(r.contentType) ? [] : [`content type ${contentType}, not ${r.contentType}`];
  const validate = ajv.getSchema(`uitdatabank${r.schema.$ref}`)!;
  if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  return problems;
}

/** What is wrong with a request's query string for `operation`; [] when it fits. */
export function checkRequest(operation: string, url: string): string[] {
  const op = doc.operations[operation];
  const params = new URL(url, 'http://x').searchParams;
  const problems: string[] = [];
  for (const [name, value] of params) {
    const schema = op.parameters[name];
    if (!schema) { problems.push(`parameter ${name} is not in the contract`); continue; }
    const validate = ajv.compile(schema);
    if (!validate(value)) problems.push(`${name}=${value}: ${(validate.errors ?? []).map((e) => e.message).join(', ')}`);
  }
  return problems;
}

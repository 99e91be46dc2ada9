// Request validation: two Ajv instances. Querystrings, params and headers arrive as text, so their
// numbers and booleans are coerced ("5" -> 5); a JSON body already carries types, so a body's value
// of the wrong type is a field error (`quantity: true` is refused, never read as 1).
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { FORMATS } from './schemas.js';

// ajv-formats is CommonJS: its function is the default export, or that export's own default.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ removeAdditional: false, allErrors: true, coerceTypes, useDefaults: true, addUsedSchema: false, formats: FORMATS });
  addFormats(ajv);
  return ajv;
}

const bodies = makeAjv(false);
const textParts = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodies : textParts).compile(schema as object);

// Errors as RFC 9457 problem documents (application/problem+json), in the request's language.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fill, pickLang, type Lang, type Text } from './i18n.js';
import { FIELD_MESSAGES, NOUNS, problemMessage, type ProblemCode } from './messages.js';
import { nulCharacterFields } from './problems-input.js';
import { paramWord } from './words.js';
import { redactUrl } from './redact.js';

/** A parameter is a plain value, or a text per language (e.g. seat names: "rij 2, stoel 10"). */
type Params = Record<string, string | number | Text>;

const inLang = (params: Params, lang: Lang): Record<string, string | number> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : typeof v === 'string' ? paramWord(k, v, lang) : v]));

export interface FieldError {
  /** JSON pointer-ish path of the field: "email", "seatMap/sections/0/rows/2/seats/1/id". */
  field: string;
  /** Message key in FIELD_MESSAGES, or a Text of its own. */
  message: string | Text;
  params?: Params;
}

/** An expected failure that a user can act on. Thrown from services, rendered by the handler. */
export class Problem extends Error {
  constructor(
    readonly code: ProblemCode | (string & {}),
    readonly params: Params = {},
    readonly fields: FieldError[] = [],
    /** Extra members of the problem document (e.g. `unavailableSeatIds`). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const notFound = (what: string): Problem => new Problem('not-found', { what });
export const invalid = (fields: FieldError[]): Problem => new Problem('validation-failed', {}, fields);
export const invalidField = (field: string, message: string | Text, params?: Params): Problem =>
  invalid([{ field, message, params }]);
export const conflict = (reason: string): Problem => new Problem('conflict', { reason });

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { field: string; message: string }[];
  [k: string]: unknown;
}

function fieldMessage(f: FieldError, lang: Lang): string {
  const text = typeof f.message === 'string' ? FIELD_MESSAGES[f.message] : f.message;
  if (!text) return typeof f.message === 'string' ? f.message : f.message.en;
  return fill(text[lang], f.params && inLang(f.params, lang));
}

export function renderProblem(p: Problem, lang: Lang, instance?: string): ProblemDocument {
  const msg = problemMessage(p.code) ?? problemMessage('internal-error')!;
  const noun = typeof p.params.what === 'string' ? NOUNS[p.params.what] : undefined;
  const params = inLang(noun ? { ...p.params, what: noun[lang] } : p.params, lang);
  const doc: ProblemDocument = {
    type: `/problems/${p.code}`,
    title: msg.title[lang],
    status: msg.status,
    detail: fill(msg.detail[lang], params),
    ...(instance ? { instance: redactUrl(instance) } : {}),
    ...p.extensions,
  };
  if (p.fields.length) doc.errors = p.fields.map((f) => ({ field: f.field, message: fieldMessage(f, lang) }));
  return doc;
}

const pickLangOf = (req: FastifyRequest): Lang => pickLang(req.headers['accept-language']);

export function sendProblem(reply: FastifyReply, req: FastifyRequest, p: Problem): FastifyReply {
  const doc = renderProblem(p, pickLangOf(req), req.url);
  if (p.code === 'too-many-attempts') reply.header('retry-after', String(Number(p.params.minutes ?? 1) * 60));
  if (p.code === 'busy') reply.header('retry-after', '2');
  if (p.code === 'idempotency-in-progress') reply.header('retry-after', String(p.params.seconds ?? 1));
  return reply.code(doc.status).type('application/problem+json').header('content-language', pickLangOf(req)).send(doc);
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Fastify/Ajv validation errors -> Foyer field errors. */
export function fieldsFromValidation(errors: AjvError[], context: string | undefined): FieldError[] {
  const prefix = context && context !== 'body' ? `${context}/` : '';
  const all = errors.map((e) => {
    let path = e.instancePath.replace(/^\//, '');
    if (e.keyword === 'required') path = path ? `${path}/${String(e.params.missingProperty)}` : String(e.params.missingProperty);
    if (e.keyword === 'additionalProperties') {
      const extraName = String(e.params.additionalProperty);
      path = path ? `${path}/${extraName}` : extraName;
    }
    const params: Params = {};
    if (e.params.limit !== undefined) params.limit = Number(e.params.limit);
    if (e.params.type !== undefined) params.type = String(e.params.type);
    if (e.params.format !== undefined) params.format = String(e.params.format);
    if (e.params.allowedValues !== undefined) params.allowed = (e.params.allowedValues as unknown[]).join(', ');
    if (e.params.allowedValue !== undefined) params.allowed = String(e.params.allowedValue);
    const ownFormat = e.keyword === 'format' && `format:${String(e.params.format)}` in FIELD_MESSAGES ? `format:${String(e.params.format)}` : undefined;
    const known = e.keyword in FIELD_MESSAGES;
    return {
      keyword: e.keyword,
      field: prefix + (path || '(body)'),
      message: ownFormat ?? (known ? e.keyword : 'invalid'),
      params,
    };
  });
  // A nullable field that fails answers three errors (its own, "must be null", "must match anyOf");
  // keep only the one that says what is wrong with the value.
  const fieldsWithOwnError = new Set(all.filter((e) => !isBranchNoise(e)).map((e) => e.field));
  const seen = new Set<string>();
  return all
    .filter((e) => !(isBranchNoise(e) && fieldsWithOwnError.has(e.field)))
    .filter((e) => {
      const key = `${e.field}|${e.message}|${JSON.stringify(e.params)}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .map(({ field, message, params }) => ({ field, message, params }));
}

const isBranchNoise = (e: { keyword: string; params: Params }): boolean =>
  e.keyword === 'anyOf' || e.keyword === 'oneOf' || (e.keyword === 'type' && e.params.type === 'null');

/** Fastify's own request errors (unreadable body, bad address) -> a problem in the caller's language. */
function requestProblem(fe: FastifyError, req: FastifyRequest): Problem {
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem('malformed-request', {}, [{ field: '(body)', message: 'invalidJson' }]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem('malformed-request', {}, [{ field: '(body)', message: 'emptyJson' }]);
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new Problem('malformed-request', {}, [{ field: '(url)', message: 'badUrl' }]);
  }
  if (fe.statusCode === 413) return new Problem('payload-too-large');
  if (fe.statusCode === 415) {
    return new Problem('unsupported-media-type', { type: String(req.headers['content-type'] ?? '').split(';')[0].slice(0, 100) });
  }
  return new Problem('malformed-request', {}, [{ field: '(request)', message: 'unreadable' }]);
}

/**
 * Fastify's `clientErrorHandler`: Node could not read the request as HTTP (headers too large, a
 * timeout, not HTTP at all), so no route or hook runs. Answers a problem on the raw socket, in the
 * language of an Accept-Language header when the bytes read so far hold one.
 */
export function clientErrorHandler(err: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) {
    socket.destroy();
    return;
  }
  const read = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.toString('latin1') : '';
  const lang = pickLang(/(?:^|\r\n)accept-language[ \t]*:[ \t]*([^\r\n]*)/i.exec(read)?.[1]);
  const problem = err.code === 'HPE_HEADER_OVERFLOW' ? new Problem('headers-too-large')
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? new Problem('request-timeout')
      : new Problem('malformed-request', {}, [{ field: '(request)', message: 'notHttp' }]);
  const body = JSON.stringify(renderProblem(problem, lang));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problemMessage(problem.code)!.status} ${problemMessage(problem.code)!.title.en}\r\n` +
      `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Content-Language: ${lang}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** Fastify's `frameworkErrors` option: errors found before a route is chosen (e.g. a bad URL). */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, req, requestProblem(error, req));
}

/** One error handler for the whole app: Problems, schema errors, Fastify's own 4xx, and bugs; NUL characters refused. */
export function installProblemHandlers(app: FastifyInstance): void {
  // Requests that still arrive on open connections while the server closes (Fastify's own answer,
  // return503OnClosing, is plain JSON): busy, try again, on another connection.
  let closing = false;
  app.addHook('preClose', async () => { closing = true; });
  // Callback hooks, not async ones: they run on every request, and an async hook costs a promise
  // and a turn of the microtask queue each.
  app.addHook('onRequest', (_req, reply, done) => {
    if (!closing) return done();
    reply.header('connection', 'close');
    done(new Problem('busy'));
  });
  app.addHook('preValidation', (req, _reply, done) => {
    const fields = nulCharacterFields(req);
    done(fields.length ? invalid(fields) : undefined);
  });
  app.setErrorHandler((error: FastifyError | Problem, req, reply) => {
    if (error instanceof Problem) return sendProblem(reply, req, error);
    const fe = error as FastifyError & { validationContext?: string };
    if (fe.validation) {
      return sendProblem(reply, req, invalid(fieldsFromValidation(fe.validation as AjvError[], fe.validationContext)));
    }
    const status = fe.statusCode ?? 500;
    if (status === 429) return sendProblem(reply, req, new Problem('too-many-attempts', { minutes: 1 }));
    if (status >= 400 && status < 500) return sendProblem(reply, req, requestProblem(fe, req));
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, req, new Problem('internal-error'));
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, req, new Problem('route-not-found', { method: req.method, url: req.url.split('?')[0] })),
  );
}

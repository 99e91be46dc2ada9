// Mollie's error bodies: application/hal+json {status, title, detail, field?, _links.documentation}.
import type { FastifyInstance, FastifyReply } from 'fastify';

export const HAL = 'application/hal+json';
const DOCS = 'https://docs.mollie.com/overview/handling-errors';

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 410: 'Gone', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export class MollieError extends Error {
  constructor(readonly status: number, readonly detail: string, readonly field?: string) {
    super(detail);
  }
}

export const errorBody = (status: number, detail: string, field?: string) => ({
  status, title: TITLES[status] ?? 'Error', detail, ...(field ? { field } : {}),
  _links: { documentation: { href: DOCS, type: 'text/html' } },
});

export function sendError(reply: FastifyReply, status: number, detail: string, field?: string): FastifyReply {
  return reply.code(status).type(HAL).send(errorBody(status, detail, field));
}

export const invalid = (field: string, detail: string) => new MollieError(422, detail, field);
export const notFound = (detail: string) => new MollieError(404, detail);

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof MollieError) return sendError(reply, err.status, err.detail, err.field);
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return sendError(reply, status, (err as Error).message);
    req.log.error({ err }, 'sandbox error');
    return sendError(reply, 500, 'Something went wrong in the sandbox.');
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, 404, `No route ${req.method} ${req.url.split('?')[0]} in the Mollie sandbox.`));
}

import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { redactUrl } from './redact.js';

type LoggedRequest = IncomingMessage & { ip?: string; host?: string };

/** Foyer's logger; a request is logged without the values of secret-looking query parameters. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'foyer' },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method, url: redactUrl(req.url ?? ''), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

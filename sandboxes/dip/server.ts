// buildDipSandbox: a strict stand-in for DIP's external API, as a Fastify instance that does not
// listen yet (tests listen on port 0, main.ts on 4010).
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { systemClock, type Clock } from '../../src/platform/clock.js';
import { apiRoutes } from './api-routes.js';
import { TokenIssuer } from './auth.js';
import { FaultBoard } from './faults.js';
import { installHooks } from './hooks.js';
import { RequestLog } from './request-log.js';
import { sandboxRoutes } from './sandbox-routes.js';
import { buildSeed } from './seed.js';
import { DipStore } from './store.js';
import type { DipClient, DipPerformance } from './types.js';

export interface DipSandboxOptions {
  /** Who may ask for a token, and for which theatre. Default: the demo theatre and a second one (seed.ts). */
  clients?: DipClient[];
  /** Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Token expiry and "received at" times. Default: the system clock. */
  clock?: Clock;
  /** The week whose demo season is seeded. Default: clock.now(). */
  seedNow?: Date;
  /** HS256 key for tokens; default: random per instance. */
  jwtSecret?: string;
  /** Reject a tickets batch that lacks one of the four ticket types for a performance. Default true. */
  requireAllTicketTypes?: boolean;
  /** How long a `timeout` fault holds a call before answering 504. Default 30 000. */
  timeoutHoldMs?: number;
  /** Fastify's request logging (main.ts turns it on). */
  logger?: boolean;
  /** The one path DIP takes blocked seats at (the other spelling answers 404). Default `/blockedseats/cumulative`. */
  blockedSeatsPath?: BlockedSeatsPath;
  /** More performances DIP knows, beyond the seed (e.g. a bench's thousands of performances). */
  extraPerformances?: DipPerformance[];
}

export interface SandboxState {
  store: DipStore;
  tokens: TokenIssuer;
  faults: FaultBoard;
  log: RequestLog;
  clock: Clock;
  requireAllTicketTypes: boolean;
  blockedSeatsPath: BlockedSeatsPath;
}

/** DIP's Swagger writes the first, its 2023 help page the second. */
export const BLOCKED_SEATS_PATHS = ['/blockedseats/cumulative', '/blocked-seats/cumulative'] as const;
export type BlockedSeatsPath = (typeof BLOCKED_SEATS_PATHS)[number];

export function buildDipSandbox(options: DipSandboxOptions = {}): FastifyInstance {
  const clock = options.clock ?? systemClock;
  const seed = buildSeed(options.seedNow ?? clock.now());
  if (options.extraPerformances) seed.performances.push(...options.extraPerformances);
  if (options.clients) {
    const unknown = options.clients.find((c) => !seed.theaters.some((t) => t.id === c.theaterId));
    if (unknown) throw new Error(`DIP sandbox: client ${unknown.clientId} names unknown theatre ${unknown.theaterId}`);
    seed.clients = options.clients;
  }
  const state: SandboxState = {
    store: new DipStore(seed),
    tokens: new TokenIssuer(clock, options.tokenLifetimeSeconds ?? 3600, options.jwtSecret),
    faults: new FaultBoard(),
    log: new RequestLog(),
    clock,
    requireAllTicketTypes: options.requireAllTicketTypes ?? true,
    blockedSeatsPath: options.blockedSeatsPath ?? BLOCKED_SEATS_PATHS[0],
  };
  if (!BLOCKED_SEATS_PATHS.includes(state.blockedSeatsPath)) {
    throw new Error(`DIP sandbox: blockedSeatsPath must be one of ${BLOCKED_SEATS_PATHS.join(', ')}, got ${state.blockedSeatsPath}`);
  }

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  app.register(formbody);
  installHooks(app, { clock, log: state.log, faults: state.faults, tokens: state.tokens, timeoutHoldMs: options.timeoutHoldMs ?? 30_000 });
  apiRoutes(app, state);
  sandboxRoutes(app, state);
  return app;
}

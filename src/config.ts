// Every environment variable Foyer reads, parsed and validated in one place.
import { DEFAULT_SELL_CONCURRENCY, DEFAULT_SELL_CONCURRENCY_PG, DEFAULT_SELL_QUEUE } from './platform/gate.js';
import { DEFAULT_RETENTION, RETENTION_SETTINGS, type RetentionPeriods } from './retention/periods.js';
export interface Config {
  host: string;
  port: number;
  /** SQLite file used when no DATABASE_URL is set. */
  sqliteFile: string;
  /** PostgreSQL connection string; when set, Foyer runs on PostgreSQL. */
  databaseUrl: string | undefined;
  /** PostgreSQL pool size per process. */
  pgPoolSize: number;
  logLevel: string;
  /** Load demo data when the database is empty. */
  seedDemo: boolean;
  /** Run the background worker (job queue, schedules) in this process. */
  worker: boolean;
  /** Public base URL, used in links (e.g. shop URLs in the catalogue API). */
  publicUrl: string;
  /** Selling requests this process runs at once; the rest wait at the door (platform/gate.ts). */
  sellConcurrency: number;
  /** Buyers that may wait at the door before new ones get 503 busy. */
  sellQueue: number;
  /** How long what grows with use is kept (src/retention). */
  retention: RetentionPeriods;
  /** The mail server e-mails go to (smtp:// or smtps://); none: e-mails stay in the outbox. */
  smtpUrl: string | undefined;
  /** The sender address of e-mails (needed with SMTP_URL). */
  mailFrom: string | undefined;
  /** Where the demo runs its Mollie sandbox (0: any free port). */
  mollieSandboxPort: number;
  /** Whether the demo runs its DIP, UiTPAS and UiTdatabank stand-ins (src/demo/sandboxes.ts). */
  demoSandboxes: boolean;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min) throw new ConfigError(`${name} must be a whole number of ${min} or more, got "${raw}"`);
  return n;
}

function portNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = int(env, name, fallback);
  if (n > 65535) throw new ConfigError(`${name} must be a port number (0-65535), got "${env[name]}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function retention(env: NodeJS.ProcessEnv): RetentionPeriods {
  const periods = { ...DEFAULT_RETENTION };
  for (const key of Object.keys(RETENTION_SETTINGS) as (keyof RetentionPeriods)[]) {
    periods[key] = int(env, RETENTION_SETTINGS[key].env, DEFAULT_RETENTION[key], RETENTION_SETTINGS[key].min);
  }
  return periods;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) throw new ConfigError('SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465');
  const mailFrom = env.MAIL_FROM || undefined;
  if (smtpUrl && !mailFrom) throw new ConfigError('MAIL_FROM (the sender address, e.g. tickets@theater.nl) is needed with SMTP_URL');
  if (mailFrom && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(mailFrom)) throw new ConfigError(`MAIL_FROM must be an e-mail address, got "${mailFrom}"`);
  const host = env.HOST || '127.0.0.1';
  const port = int(env, 'PORT', 3000);
  return {
    host,
    port,
    sqliteFile: env.FOYER_DB || './data/foyer.sqlite',
    databaseUrl,
    pgPoolSize: int(env, 'PG_POOL_SIZE', 8),
    logLevel: env.LOG_LEVEL || 'info',
    seedDemo: bool(env, 'FOYER_DEMO', true),
    worker: bool(env, 'FOYER_WORKER', true),
    publicUrl: env.FOYER_PUBLIC_URL || `http://${host}:${port}`,
    sellConcurrency: int(env, 'FOYER_SELL_CONCURRENCY', databaseUrl ? DEFAULT_SELL_CONCURRENCY_PG : DEFAULT_SELL_CONCURRENCY, 1),
    sellQueue: int(env, 'FOYER_SELL_QUEUE', DEFAULT_SELL_QUEUE),
    retention: retention(env),
    smtpUrl,
    mailFrom,
    mollieSandboxPort: portNumber(env, 'FOYER_MOLLIE_SANDBOX_PORT', 4030),
    demoSandboxes: bool(env, 'FOYER_DEMO_SANDBOXES', true),
  };
}

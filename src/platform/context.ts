import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.js';
import type { Db, Dialect } from './db.js';
import type { Lang } from './i18n.js';
import type { Role } from '../staff/tables.js';
import type { SellingGate } from './gate.js';

/** Who is acting: a logged-in staff user, an API client (application), or a registered door device. */
export interface Actor {
  kind: 'user' | 'client' | 'device';
  id: string;
  orgId: string;
  role: Role;
  /** For a device: the name its holder gave at sign-in, recorded with what they do. */
  label?: string;
}

/** What every service function gets first (Vendure's RequestContext). */
export interface Ctx {
  db: Db;
  dialect: Dialect;
  orgId: string;
  actor: Actor;
  clock: Clock;
  log: FastifyBaseLogger;
  lang: Lang;
}

/** The process-wide dependencies the app is built from. */
export interface Deps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  /** The selling routes' door (gate.ts); buildApp makes one when none is given. */
  gate?: SellingGate;
  /** The base URL the outside sees (FOYER_PUBLIC_URL): links in answers and e-mails; none: the request's host. */
  publicUrl?: string;
  /** Where e-mails go (src/mail); none or no smtpUrl: they stay in the outbox. */
  mail?: MailSettings;
}

export interface MailSettings {
  /** smtp://user:password@host:587 or smtps://host:465 */
  smtpUrl?: string;
  /** The sender address; the organisation's name is shown as the sender's name. */
  from?: string;
}

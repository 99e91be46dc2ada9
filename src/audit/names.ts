// The names of the things a page of the audit trail is about, looked up when the page is read: an
// entry keeps ids (a performance's hall, a hall's venue), and a thing is shown by the name it has now
// (or, gone, by the label the entry stored). One query per page, however many rows it has.
import { sql } from 'kysely';
import type { Db } from '../platform/db.js';
import type { Changes } from './rules.js';

/** A thing by its id, as the audit screen names it. */
export interface AuditRef {
  kind: 'production' | 'performance' | 'hall' | 'venue' | 'ticket-type' | 'user' | 'api-client' | 'pack' | 'stream';
  /** A production's, hall's, pack's or stream's name; a performance's production title; a user's name. */
  name: string;
  /** A ticket type's name per language. */
  names?: { nl: string; fr: string; en: string };
  /** A user's e-mail. */
  email?: string;
  /** A performance: its start (UTC) and its venue's time zone. */
  startsAt?: string;
  timeZone?: string;
}

/** Fields whose values are ids of things (src/productions, src/venues, src/pricing audit entries). */
export const REF_FIELDS = new Set(['productionId', 'performanceId', 'hallId', 'venueId', 'ticketTypeId', 'standardTicketTypeId', 'userId', 'mainPackId', 'packId', 'streamId']);
/** A price list's fields are "<ticket type's Dutch name> · <rank>" (src/pricing/price-lists.ts priceChanges); a quota's are the names. */
const TYPE_FIELD = / · \d+$/;

interface Entry { subject: string; subject_id: string; changes: Changes }

/** The ids and ticket type names (Dutch, as price lists and quotas store them) that `entries` mention. */
export function mentioned(entries: Entry[]): { ids: string[]; typeNames: string[] } {
  const ids = new Set<string>();
  const typeNames = new Set<string>();
  for (const e of entries) {
    ids.add(e.subject_id);
    for (const [field, pair] of Object.entries(e.changes)) {
      if (REF_FIELDS.has(field)) for (const v of pair) if (typeof v === 'string' && v) ids.add(v);
      if (e.subject === 'price-list' && TYPE_FIELD.test(field)) typeNames.add(field.replace(TYPE_FIELD, ''));
      if (e.subject === 'quota') typeNames.add(field);
    }
  }
  return { ids: [...ids].slice(0, 2000), typeNames: [...typeNames].slice(0, 500) };
}

interface Row {
  kind: AuditRef['kind']; id: string; name: string; name_fr: string | null; name_en: string | null;
  email: string | null; starts_at: string | null; time_zone: string | null;
}

/** The things `entries` mention, by id (ticket types also by their Dutch name under `type:<name>`). */
export async function auditRefs(db: Db, orgId: string, entries: Entry[]): Promise<Record<string, AuditRef>> {
  const { ids, typeNames } = mentioned(entries);
  if (!ids.length && !typeNames.length) return {};
  const none = sql<string | null>`null`;
  const idList = ids.length ? ids : [''];
  const q = db.selectFrom('productions')
    .select([sql<AuditRef['kind']>`'production'`.as('kind'), 'id', 'title as name', none.as('name_fr'), none.as('name_en'), none.as('email'), none.as('starts_at'), none.as('time_zone')])
    .where('organisation_id', '=', orgId).where('id', 'in', idList)
    .unionAll(db.selectFrom('performances as p').innerJoin('productions as pr', 'pr.id', 'p.production_id')
      .innerJoin('halls as h', 'h.id', 'p.hall_id').innerJoin('venues as v', 'v.id', 'h.venue_id')
      .select([sql<AuditRef['kind']>`'performance'`.as('kind'), 'p.id', 'pr.title as name', none.as('name_fr'), none.as('name_en'), none.as('email'), 'p.starts_at', 'v.time_zone'])
      .where('p.organisation_id', '=', orgId).where('p.id', 'in', idList))
    .unionAll(db.selectFrom('halls')
      .select([sql<AuditRef['kind']>`'hall'`.as('kind'), 'id', 'name', none.as('name_fr'), none.as('name_en'), none.as('email'), none.as('starts_at'), none.as('time_zone')])
      .where('organisation_id', '=', orgId).where('id', 'in', idList))
    .unionAll(db.selectFrom('venues')
      .select([sql<AuditRef['kind']>`'venue'`.as('kind'), 'id', 'name', none.as('name_fr'), none.as('name_en'), none.as('email'), none.as('starts_at'), 'time_zone'])
      .where('organisation_id', '=', orgId).where('id', 'in', idList))
    .unionAll(db.selectFrom('ticket_types')
      .select([sql<AuditRef['kind']>`'ticket-type'`.as('kind'), 'id', 'name_nl as name', 'name_fr', 'name_en', none.as('email'), none.as('starts_at'), none.as('time_zone')])
      .where('organisation_id', '=', orgId)
      .where((eb) => eb.or([eb('id', 'in', idList), eb('name_nl', 'in', typeNames.length ? typeNames : [''])])))
    .unionAll(db.selectFrom('users')
      .select([sql<AuditRef['kind']>`'user'`.as('kind'), 'id', 'name', none.as('name_fr'), none.as('name_en'), 'email', none.as('starts_at'), none.as('time_zone')])
      .where('organisation_id', '=', orgId).where('id', 'in', idList))
    .unionAll(db.selectFrom('api_clients')
      .select([sql<AuditRef['kind']>`'api-client'`.as('kind'), 'id', 'name', none.as('name_fr'), none.as('name_en'), none.as('email'), none.as('starts_at'), none.as('time_zone')])
      .where('organisation_id', '=', orgId).where('id', 'in', idList))
    .unionAll(db.selectFrom('packs')
      .select([sql<AuditRef['kind']>`'pack'`.as('kind'), 'id', 'label as name', none.as('name_fr'), none.as('name_en'), none.as('email'), none.as('starts_at'), none.as('time_zone')])
      .where('organisation_id', '=', orgId).where('id', 'in', idList))
    .unionAll(db.selectFrom('streams')
      .select([sql<AuditRef['kind']>`'stream'`.as('kind'), 'id', 'label as name', none.as('name_fr'), none.as('name_en'), none.as('email'), none.as('starts_at'), none.as('time_zone')])
      .where('organisation_id', '=', orgId).where('id', 'in', idList));
  const rows = (await q.execute()) as Row[];
  const out: Record<string, AuditRef> = {};
  for (const r of rows) {
    const ref: AuditRef = { kind: r.kind, name: r.name };
    if (r.kind === 'ticket-type') ref.names = { nl: r.name, fr: r.name_fr ?? r.name, en: r.name_en ?? r.name };
    if (r.email) ref.email = r.email;
    if (r.starts_at) ref.startsAt = r.starts_at;
    if (r.time_zone && r.kind === 'performance') ref.timeZone = r.time_zone;
    if (ids.includes(r.id)) out[r.id] = ref;
    // Two ticket types of one name: the first keeps it.
    if (r.kind === 'ticket-type' && typeNames.includes(r.name)) out[`type:${r.name}`] ??= ref;
  }
  return out;
}

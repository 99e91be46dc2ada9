// Packs and streams as Utick shows them, and stream access control.
import { loadPacks } from '../packs/service.js';
import { parseRanks } from '../packs/rules.js';
import { ticketTypeName } from '../pricing/service.js';
import type { Stream } from '../streams/tables.js';
import { controlAccess, type Viewer } from '../streams/control.js';
import { attractions, eventStocks, venues, type Page, type Scope } from './agenda.js';
import { DEFAULT_ZONE, UtickError, uid } from './envelope.js';
import { derivedId, onlineVenue, packObject, streamAttraction, streamObject } from './views.js';

export async function packs(s: Scope, page: Page, id?: string) {
  let q = s.db.selectFrom('packs').selectAll().where('organisation_id', '=', s.orgId).where('published', '=', 1);
  if (id) q = q.where('id', '=', id);
  const rows = await q.orderBy('label').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return (await loadPacks(s.db, rows)).map((d) => packObject(d.pack, d.sets, s.shop));
}

export async function pack(s: Scope, id: string) {
  const [p] = await packs(s, { limit: 1, offset: 0 }, id);
  if (!p) throw UtickError.notFound('pack');
  return p;
}

function streamStock(s: Scope, st: Stream, packId: string | undefined) {
  return {
    id: uid(st.id), label: st.label, eventid: '', streamid: uid(st.id), packid: uid(packId), capacity_total: -1, capacity_free: -1,
    shop_url: st.shop_url ?? s.shop?.stream(st.id) ?? '',
    categories: [{
      id: derivedId('stream', st.id), label: st.label, description: '', color: '', capacity_total: -1, capacity_free: -1,
      prices: [{ id: derivedId('stream-price', st.id), label: st.label, description: '', quantity_min: 1, quantity_max: 20, value: { amount: packId ? 0 : st.price, currency: 'EUR' } }],
    }],
  };
}

/** The stock of a stream sold on its own (unlimited capacity, its price). */
export async function streamStocks(s: Scope, id: string) {
  const st = await s.db.selectFrom('streams').selectAll().where('id', '=', id).where('organisation_id', '=', s.orgId).executeTakeFirst();
  if (!st) throw UtickError.notFound('stream');
  return [streamStock(s, st, undefined)];
}

/** The pack with its sets of stocks; `stockId` keeps only that stock. */
export async function packDetails(s: Scope, id: string, stockId?: string) {
  const row = await s.db.selectFrom('packs').selectAll().where('id', '=', id).where('organisation_id', '=', s.orgId).where('published', '=', 1).executeTakeFirst();
  if (!row) throw UtickError.notFound('pack');
  const [detail] = await loadPacks(s.db, [row]);
  const tt = await s.db.selectFrom('ticket_types').selectAll().where('id', '=', row.ticket_type_id).executeTakeFirstOrThrow();
  const streamIds = detail.sets.flatMap((set) => set.stocks.map((st) => st.stream_id).filter((x): x is string => !!x));
  const streams = streamIds.length ? await s.db.selectFrom('streams').selectAll().where('id', 'in', streamIds).execute() : [];
  const sets = [];
  for (const set of detail.sets) {
    const stocks = [];
    for (const st of set.stocks) {
      const stockOf = st.performance_id ?? st.stream_id!;
      if (stockId && stockOf !== stockId) continue;
      if (st.stream_id) {
        const stream = streams.find((x) => x.id === st.stream_id);
        if (stream) stocks.push(streamStock(s, stream, row.id));
        continue;
      }
      stocks.push(...await eventStocks(s, [st.performance_id!], {
        packId: row.id, ranks: parseRanks(st.ranks), packPrice: { ticketTypeId: tt.id, label: ticketTypeName(tt, s.lang) },
      }));
    }
    if (stockId && !stocks.length) continue;
    sets.push({ id: uid(set.id), label: set.label, description: set.description, itemnb_min: set.itemnb_min, itemnb_max: set.itemnb_max, stocks });
  }
  return { ...packObject(row, detail.sets, s.shop), sets };
}

export async function streams(s: Scope, page: Page, id?: string) {
  let q = s.db.selectFrom('streams').selectAll().where('organisation_id', '=', s.orgId);
  if (id) q = q.where('id', '=', id);
  const rows = await q.orderBy('starts_at').orderBy('label').orderBy('id').limit(page.limit).offset(page.offset).execute();
  if (!rows.length) return [];
  const all = { limit: 200, offset: 0 };
  const venueIds = [...new Set(rows.map((r) => r.venue_id).filter((x): x is string => !!x))];
  const productionIds = [...new Set(rows.map((r) => r.production_id).filter((x): x is string => !!x))];
  const [vs, as, zones] = await Promise.all([
    venues(s, all, venueIds),
    attractions(s, all, { ids: productionIds }),
    venueIds.length ? s.db.selectFrom('venues').select(['id', 'time_zone']).where('id', 'in', venueIds).execute() : [],
  ]);
  return rows.map((r) => {
    const zone = zones.find((z) => z.id === r.venue_id)?.time_zone ?? DEFAULT_ZONE;
    return streamObject(
      r,
      vs.find((v) => v.id === uid(r.venue_id)) ?? onlineVenue(s.language),
      as.find((a) => a.id === uid(r.production_id)) ?? streamAttraction(r, zone, { id: s.orgId, name: s.orgName }),
      zone,
      s.language,
      s.shop,
    );
  });
}

export async function stream(s: Scope, id: string) {
  const [st] = await streams(s, { limit: 1, offset: 0 }, id);
  if (!st) throw UtickError.notFound('stream');
  return st;
}

export async function streamControl(s: Scope, id: string, viewer: Viewer) {
  if (!viewer.contactId && !viewer.accessCode) throw new UtickError(400, 'control-needs-viewer');
  try {
    return await controlAccess(s.db, s.orgId, id, viewer, s.now);
  } catch (e) {
    if (e instanceof Error && e.message === 'not-found') throw UtickError.notFound('stream');
    throw e;
  }
}

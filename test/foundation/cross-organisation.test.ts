// Generated from the route table: two organisations, each with one record of every kind; organisation
// A's admin calls every route that takes a record with B's record and must get 404 (403 where a role
// check comes first), exactly as for a record that does not exist; A's lists never show B's records;
// a body naming B's record is answered as one naming a missing record. The same for the Utick /v1 API.
// A new route whose parameter has no fixture fails this test until one is added below.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDipSandbox, DEMO_CLIENT as DIP_CLIENT, type RunningDipSandbox } from '../../sandboxes/dip/index.js';
import { defaultClients } from '../../sandboxes/uitpas/seed.js';
import { SEARCH_CLIENT as UITDATABANK_CLIENT, startUitdatabankSandbox, type RunningUitdatabankSandbox } from '../../sandboxes/uitdatabank/index.js';
import { DEMO_CLIENT as UITPAS_CLIENT, EVENT_100_PER_WEEK, startUitpasSandbox, TEST_ORGANIZER_ID, type RunningSandbox } from '../../sandboxes/uitpas/index.js';
import { startMollieSandbox, type RunningMollieSandbox } from '../../sandboxes/mollie/index.js';
import { CATALOGUE_CALLS } from '../../src/catalogue/api.js';
import { derivedId } from '../../src/catalogue/views.js';
import type { RouteEntry } from '../../src/platform/route-table.js';
import { UtickClient, type UtickAnswer } from '../catalogue/fixtures.js';
import { DIALECTS } from '../helpers/databases.js';
import { everyRecord, type OrgRecords, type Outside } from '../helpers/every-record.js';
import { fixedClock, startServer, type Answer, type TestServer } from '../helpers/server.js';

/**
 * What a path parameter names, keyed by the path segment before it and its name ("venues/:id"), or a
 * request header a route's schema declares ("header:basket-token").
 * - record: an organisation's record, by its kind in OrgRecords.ids;
 * - value: not an organisation's record (a UiTPAS pass number): the same for both; the route's other
 *   parameters decide;
 * - unscoped: the route shows no organisation's data at all (problem type documentation);
 * - token: a public route keyed by an unguessable token or slug of organisation B's record: it may
 *   show that record, but nothing of A's, and A's credentials change nothing.
 */
type Fixture =
  | { record: string }
  | { value: string; why: string }
  | { unscoped: string; why: string }
  | { token: (o: OrgRecords) => string; why: string };

const FIXTURES: Record<string, Fixture> = {
  'venues/:id': { record: 'venue' },
  'halls/:id': { record: 'hall' },
  'productions/:id': { record: 'production' },
  'performances/:id': { record: 'performance' },
  'ticket-types/:id': { record: 'ticketType' },
  'blocks/:id': { record: 'block' },
  'baskets/:id': { record: 'basket' },
  'lines/:lineId': { record: 'basketLine' },
  'packs/:lineId': { record: 'basketPackLine' },
  'streams/:lineId': { record: 'basketStreamLine' },
  'vouchers/:lineId': { record: 'basketVoucherLine' },
  'vouchers/:code': { record: 'voucherCode' },
  'shifts/:id': { record: 'shift' },
  'uitpas/:uitpasNumber': { value: '0900000067513', why: 'a UiTPAS pass number belongs to no organisation' },
  'passes/:uitpasNumber': { value: '0900000067513', why: 'a UiTPAS pass number belongs to no organisation' },
  'orders/:id': { record: 'order' },
  'customers/:id': { record: 'customer' },
  'packs/:id': { record: 'pack' },
  'pack-holdings/:id': { record: 'packHolding' },
  'pack-redemptions/:id': { record: 'packRedemption' },
  'streams/:id': { record: 'stream' },
  'stream-purchases/:id': { record: 'streamPurchase' },
  'users/:id': { record: 'user' },
  'api-clients/:id': { record: 'apiClient' },
  'keys/:id': { record: 'catalogueKey' },
  'jobs/:id': { record: 'job' },
  'doors/:id': { record: 'door' },
  'devices/:id': { record: 'device' },
  'conflicts/:id': { record: 'checkinConflict' },
  'online-payments/:id': { record: 'onlinePayment' },
  'outbox/:id': { record: 'outbox' },
  'my-order/:token': { token: (o) => o.myOrderToken, why: "the buyer's own order, by the secret token in their e-mail" },
  'tickets/:ticketId': { record: 'ticket' },
  'mollie/:organisationId': { token: (o) => o.orgId, why: "Mollie's webhook: public, answers 200 with nothing for any organisation and payment id" },
  'problems/:code': { unscoped: 'not-found', why: 'documentation of a problem type' },
  'shops/:slug': { token: (o) => o.shopSlug, why: 'the public web shop: shows what that organisation sells' },
  'header:basket-token': { token: (o) => o.shopBasketToken, why: "a web shop buyer's basket, by its secret token" },
};

/** Query parameters: a record (by kind) or a plain value. A record's id of B must be answered as a missing one. */
const QUERY_RECORDS: Record<string, string> = {
  performance: 'performance', performanceId: 'performance', venue: 'venue', venueId: 'venue', productionId: 'production',
  customerId: 'customer', orderId: 'order',
};
const QUERY_VALUES: Record<string, string | undefined> = {
  status: undefined, kind: undefined, genre: undefined, limit: undefined, offset: undefined, q: undefined, includeArchived: undefined, format: undefined, wait: undefined,
  open: undefined, archived: undefined, refresh: undefined, locale: undefined, lang: undefined, amount: '1000',
  from: '2054-01-01', to: '2055-12-31', day: '2054-11-25', subject: undefined, subjectId: undefined, actorId: undefined, before: undefined,
  text: undefined, eventId: undefined, minutes: undefined,
};

/** Routes with a wildcard, which no parameter can describe. */
const WILDCARDS: Record<string, string> = {
  '/docs/static/*': 'the API documentation pages',
  '/v1/*': 'the catalogue API: covered call by call below',
  '/*': "the box office app's files",
};
/**
 * GET routes whose own call answers a problem on the fixtures, by design: the shop basket of
 * every-record.ts stays open (other routes add lines to it), so it has no payment to tell of.
 */
const OWN_PROBLEMS: Record<string, string> = {
  'GET /api/shops/:slug/basket/payment': '/problems/basket-not-checked-out',
};
/** Routes another part of this file covers. */
const ELSEWHERE = new Set(['/v1']);

/** Body fields that name a record: what organisation A's own body holds, and the kind of record. */
const BODY_RECORDS: Record<string, string> = {
  productionId: 'production', hallId: 'hall', standardTicketTypeId: 'ticketType', ticketTypeId: 'ticketType',
  performanceId: 'performance', performanceIds: 'performance', customerId: 'customer', ticketIds: 'ticket',
  packId: 'pack', mainPackId: 'pack', streamId: 'stream', holdingId: 'packHolding', lineIds: 'basketLine', venueId: 'venue',
  doorId: 'door', barcode: 'ticketBarcode',
};
/** Other body fields whose made-up value would be refused. */
const BODY_VALUES: Record<string, (o: OrgRecords) => unknown> = {
  seatIds: (o) => [o.freeSeats[0]],
  dipNumber: (o) => o.dipNumber,
  startsAt: () => '2055-03-01T20:00',
  uitpasNumber: () => '0900000067513',
  email: () => `${crypto.randomUUID()}@example.test`,
  password: () => 'correct horse battery',
};

/** Whole bodies where one made from the schema would not do. */
const BODIES: Record<string, (o: OrgRecords) => unknown> = {
  'PATCH /api/halls/:id': () => ({ name: 'Zaal' }),
  'POST /api/venues/:id/halls': () => ({ name: 'Zaal', seatMap: { sections: [{ name: 'Z', rows: [{ label: '1', seats: [{ id: 'a', label: '1', rank: 1, x: 0, y: 0 }] }] }] } }),
  'POST /api/performances/series': (o) => ({ productionId: o.ids.production, hallId: o.ids.hall, from: '2090-01-01', to: '2090-01-07', weekdays: [1], times: ['20:00'], preview: true }),
  'POST /api/performances/:id/cancel': () => ({ tickets: 0 }),
  'PUT /api/performances/:id/prices': (o) => ({ prices: [{ ticketTypeId: o.ids.ticketType, rank: 1, amount: 1000 }] }),
  'POST /api/productions/:id/prices/apply': (o) => ({ performanceIds: [o.ids.performance], preview: true }),
  'POST /api/orders/:id/payments': () => ({ method: 'cash' }),
  'POST /api/performances/:id/blocks': (o) => ({ kind: 'definitive', reason: 'x', seatIds: [o.freeSeats[1]] }),
  'POST /api/baskets/:id/lines': (o) => ({ performanceId: o.ids.performance, seatIds: [o.freeSeats[2]] }),
  'POST /api/shops/:slug/basket/lines': (o) => ({ performanceId: o.ids.performance, seatIds: [o.freeSeats[2]] }),
  'POST /api/baskets/:id/pack-redemptions': (o) => ({ holdingId: o.ids.packHolding, performanceId: o.ids.performance, quantity: 1 }),
  'POST /api/pack-holdings/:id/redeem': (o) => ({ performanceId: o.ids.performance, quantity: 1 }),
  'POST /api/baskets/:id/checkout': () => ({ payment: { method: 'cash' } }),
  'POST /api/baskets/:id/checkout-online': () => ({ redirectUrl: 'https://shop.example/r', locale: 'nl' }),
  'POST /api/packs': (o) => packBody(o),
  'PATCH /api/packs/:id': (o) => ({ ...packBody(o), mainPackId: undefined }),
};

function packBody(o: OrgRecords) {
  return {
    label: 'Pas', typeId: 20, price: 1000, ticketTypeId: o.ids.freeTicketType, mainPackId: o.ids.pack,
    sets: [{ label: 'Seizoen', itemnbMin: 0, itemnbMax: 2, stocks: [{ performanceId: o.ids.performance }, { streamId: o.ids.stream }] }],
  };
}

type Json = Record<string, unknown>;
const SECOND_UITPAS_CLIENT = { clientId: 'foyer-brugge', clientSecret: 'foyer-brugge-secret', name: 'Brugge' };
const MISSING = '00000000-0000-4000-8000-000000000000';
/** A path parameter or a header of a route, and its fixture key. */
interface Slot { key: string; name: string; header: boolean }
function slotsOf(r: RouteEntry): Slot[] {
  const path = [...r.url.matchAll(/([^/]*)\/:(\w+)/g)].map((m) => ({ key: `${m[1]}/:${m[2]}`, name: m[2], header: false }));
  const headers = Object.keys(((r.schema?.headers as Json | undefined)?.properties ?? {}) as Json)
    .map((h) => ({ key: `header:${h.toLowerCase()}`, name: h.toLowerCase(), header: true }));
  return [...path, ...headers];
}
/** The request for these slot values: path and headers. */
function requestFor(r: RouteEntry, slots: Slot[], values: Record<string, string>): { path: string; headers: Record<string, string> } {
  const path = r.url.replace(/:(\w+)/g, (_m, n: string) => encodeURIComponent(values[n]));
  return { path, headers: Object.fromEntries(slots.filter((x) => x.header).map((x) => [x.name, values[x.name]])) };
}
const routeName = (r: RouteEntry) => `${r.method} ${r.url}`;
/** The value of a parameter for organisation `o`. */
const valueOf = (f: Fixture, o: OrgRecords): string =>
  'record' in f ? o.ids[f.record] : 'value' in f ? f.value : 'unscoped' in f ? f.unscoped : f.token(o);
/** Whether a fixture differs per organisation (a record or a token). */
const owned = (f: Fixture) => 'record' in f || 'token' in f;
const allValues = (slots: Slot[], o: OrgRecords) => Object.fromEntries(slots.map((x) => [x.name, valueOf(FIXTURES[x.key], o)]));

/** A value the schema accepts, with organisation `o`'s records for fields that name one. */
function sample(schema: Json | undefined, o: OrgRecords, name?: string): unknown {
  if (!schema) return undefined;
  if (name && BODY_RECORDS[name]) {
    const id = o.ids[BODY_RECORDS[name]];
    return schema.type === 'array' ? [id] : id;
  }
  if (name && BODY_VALUES[name]) return BODY_VALUES[name](o);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const branches = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (branches) return sample(branches.find((b) => b.type !== 'null') ?? branches[0], o, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Json>;
      const required = new Set((schema.required ?? []) as string[]);
      return Object.fromEntries(Object.entries(props)
        .filter(([k]) => required.has(k) || BODY_RECORDS[k])
        .map(([k, v]) => [k, sample(v, o, k)]));
    }
    case 'array': return Array.from({ length: Math.max(1, Number(schema.minItems ?? 1)) }, () => sample(schema.items as Json, o));
    case 'integer': case 'number': return Math.max(Number(schema.minimum ?? 1), 1);
    case 'boolean': return false;
    case 'null': return null;
    case 'string': {
      if (schema.format === 'date-time') return '2055-03-01T20:00:00+01:00';
      if (schema.format === 'date') return '2055-03-01';
      if (schema.format === 'email') return 'someone@example.test';
      if (schema.format === 'uri') return 'https://example.test/x';
      return 'Cross'.padEnd(Number(schema.minLength ?? 1), 'x');
    }
    default: return undefined;
  }
}

function bodyFor(r: RouteEntry, o: OrgRecords): unknown {
  const given = BODIES[routeName(r)];
  if (given) return given(o);
  return sample(r.schema?.body as Json | undefined, o);
}

/** The required query of a route, with `o`'s records and plain values. */
function queryFor(r: RouteEntry, o: OrgRecords, problems: string[]): Record<string, string> {
  const q = r.schema?.querystring as Json | undefined;
  const props = (q?.properties ?? {}) as Record<string, Json>;
  const required = new Set((q?.required ?? []) as string[]);
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(props)) {
    if (QUERY_RECORDS[name]) {
      if (required.has(name)) out[name] = o.ids[QUERY_RECORDS[name]];
    } else if (name in QUERY_VALUES) {
      if (required.has(name)) out[name] = QUERY_VALUES[name] ?? String(sample(schema, o));
    } else {
      problems.push(`${routeName(r)}: add a fixture for query parameter ${name} (QUERY_RECORDS or QUERY_VALUES)`);
    }
  }
  return out;
}

const withQuery = (path: string, q: Record<string, string>) => (Object.keys(q).length ? `${path}?${new URLSearchParams(q)}` : path);

/** Where the text shows one of `o`'s records: its ids (any case) or its tag. */
function showsRecordsOf(o: OrgRecords, text: string): string[] {
  const lower = text.toLowerCase();
  const found = Object.entries(o.ids).filter(([, id]) => lower.includes(id.toLowerCase())).map(([kind]) => kind);
  if (lower.includes(o.tag.toLowerCase())) found.push(`the name tag ${o.tag}`);
  return found;
}

const textOf = (a: Answer | UtickAnswer) => (typeof a.body === 'string' ? a.body : JSON.stringify(a.body));
/** An answer as a user compares it: the status and the body, with the asked-for id and volatile times blanked. */
const comparable = (a: Answer | UtickAnswer, id: string) =>
  `${a.status} ${textOf(a).split(id).join('<id>').split(id.toUpperCase()).join('<id>').replace(/"(datetime|now)":"[^"]*"/g, '"$1":"…"')}`;

describe.each(DIALECTS)('organisations cannot reach each other on %s', (dialect) => {
  let s: TestServer;
  let a: OrgRecords;
  let b: OrgRecords;
  let routes: RouteEntry[];
  let dip: RunningDipSandbox;
  let uitpas: RunningSandbox;
  let mollie: RunningMollieSandbox;
  let uitdatabank: RunningUitdatabankSandbox;

  beforeAll(async () => {
    // Both organisations sell the same DIP performance and the same UiTPAS event, each with its own records.
    const clock = fixedClock('2054-11-23T12:00:00Z');
    dip = await startDipSandbox({ clock });
    uitpas = await startUitpasSandbox({ clock, clients: [...defaultClients(), { ...SECOND_UITPAS_CLIENT, organizers: [{ organizerId: TEST_ORGANIZER_ID, permissions: ['TARIFFS_READ', 'TICKETSALES_REGISTER', 'TICKETSALES_SEARCH', 'PASSES_READ'] }] }] });
    mollie = await startMollieSandbox({ clock });
    uitdatabank = await startUitdatabankSandbox({ clock });
    s = await startServer(dialect, { clock });
    const outside = (client: { clientId: string; clientSecret: string }, mollieKey: string): Outside => ({
      mollie: { apiEndpoint: mollie.apiEndpoint, apiKey: mollieKey },
      dip: { baseUrl: dip.baseUrl, clientId: DIP_CLIENT.clientId, clientSecret: DIP_CLIENT.clientSecret, production: 'NL-26-101-0004711', performanceNumber: 11001, startsAt: '2054-11-25T20:15' },
      uitpas: { baseUrl: uitpas.baseUrl, ...client, organizerId: TEST_ORGANIZER_ID, eventId: EVENT_100_PER_WEEK, pass: '0900000067513' },
      uitdatabank: { baseUrl: uitdatabank.baseUrl, clientId: UITDATABANK_CLIENT.clientId },
    });
    a = await everyRecord(s, 'Aalsmeer', outside(UITPAS_CLIENT, `test_${'A'.repeat(30)}`));
    b = await everyRecord(s, 'Brugge', outside(SECOND_UITPAS_CLIENT, `test_${'B'.repeat(30)}`));
    routes = [...s.app.routeTable];
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await dip?.close();
    await uitpas?.close();
    await mollie?.close();
    await uitdatabank?.close();
  });

  const call = (r: RouteEntry, slots: Slot[], values: Record<string, string>, query: Record<string, string>, login: OrgRecords, body?: unknown) => {
    const { path, headers } = requestFor(r, slots, values);
    return s.request(r.method, withQuery(path, query), {
      token: login.token, headers, body: r.method === 'GET' || r.method === 'DELETE' ? undefined : body ?? {},
    });
  };
  const known = (slots: Slot[]) => slots.every((x) => FIXTURES[x.key]);
  const plainRoutes = () => routes.filter((r) => !r.url.includes('*') && !ELSEWHERE.has(r.url));

  /** Every GET of B's own records and lists, as B sees them. */
  async function whatBSees(): Promise<Map<string, string>> {
    const seen = new Map<string, string>();
    for (const r of plainRoutes().filter((x) => x.method === 'GET')) {
      const slots = slotsOf(r);
      if (!known(slots)) continue;
      const values = allValues(slots, b);
      const res = await call(r, slots, values, queryFor(r, b, []), b);
      seen.set(`${routeName(r)} ${JSON.stringify(values)}`, `${res.status} ${textOf(res)}`);
    }
    return seen;
  }

  it("every route that takes a record answers 404 for another organisation's, as for a missing one, and changes nothing", async () => {
    const problems: string[] = [];
    const before = await whatBSees();
    let calls = 0;
    for (const r of routes) {
      if (r.url.includes('*')) {
        if (!WILDCARDS[r.url]) problems.push(`${routeName(r)}: a wildcard route; add it to WILDCARDS with what it serves`);
        continue;
      }
      const slots = slotsOf(r);
      if (!slots.length) continue;
      const unknown = slots.filter((x) => !FIXTURES[x.key]);
      if (unknown.length) {
        for (const x of unknown) problems.push(`${routeName(r)}: add a fixture for ${x.name} (FIXTURES['${x.key}'])`);
        continue;
      }
      const query = queryFor(r, a, problems);
      const body = bodyFor(r, a);
      const fixture = (x: Slot) => FIXTURES[x.key];

      if (slots.every((x) => !owned(fixture(x)))) {
        // Shows no organisation's data (problem documentation): nothing of B's may appear.
        const res = await call(r, slots, allValues(slots, a), query, a, body);
        calls++;
        const shown = showsRecordsOf(b, textOf(res));
        if (shown.length) problems.push(`${routeName(r)} shows B's ${shown.join(', ')}`);
        continue;
      }
      if (r.method === 'GET' && slots.some((x) => 'token' in fixture(x))) {
        // Public and keyed by B's token or slug: it may show B's record, but nothing of A's, whoever is logged
        // in. (Its other methods, with all of B's, are B's buyer at work: not called.)
        const res = await call(r, slots, allValues(slots, b), query, a, body);
        calls++;
        const shown = showsRecordsOf(a, textOf(res));
        if (shown.length) problems.push(`${routeName(r)} with B's ${slots.map((x) => x.name).join(', ')} shows A's ${shown.join(', ')}`);
      }

      // B's record, token or slug in one place, A's in the others (all B's when nothing is public).
      const ownedSlots = slots.filter((x) => owned(fixture(x)));
      const combos = slots.some((x) => 'token' in fixture(x))
        ? (ownedSlots.length > 1 ? ownedSlots.map((x) => [x]) : [])
        : [slots.filter((x) => 'record' in fixture(x))];
      if (!slots.some((x) => 'token' in fixture(x))) {
        const records = slots.filter((x) => 'record' in fixture(x));
        for (const x of records.slice(1)) combos.push([x]);
      }
      for (const theirsSlots of combos) {
        const isTheirs = (x: Slot) => theirsSlots.includes(x);
        const values = (theirs: (x: Slot) => string) =>
          Object.fromEntries(slots.map((x) => [x.name, isTheirs(x) ? theirs(x) : valueOf(fixture(x), a)]));
        const theirs = await call(r, slots, values((x) => valueOf(fixture(x), b)), query, a, body);
        const nones = [await call(r, slots, values(() => MISSING), query, a, body)];
        calls += 2;
        if (theirsSlots.every((x) => 'token' in fixture(x))) {
          // B's public slug with A's records is also B's shop asked for records it does not have.
          nones.push(await call(r, slots, Object.fromEntries(slots.map((x) =>
            [x.name, isTheirs(x) ? valueOf(fixture(x), b) : owned(fixture(x)) ? MISSING : valueOf(fixture(x), a)])), query, a, body));
          calls++;
        }
        const label = theirsSlots.length === ownedSlots.length
          ? "B's" : `A's with B's ${theirsSlots.map((x) => x.name).join(', ')}`;
        const where = `${routeName(r)} with ${label}`;
        if (theirs.status === 400 && theirs.body?.errors) {
          problems.push(`${where}: the body made for it is refused (${JSON.stringify(theirs.body.errors)}); give one in BODIES: ${JSON.stringify(body)}`);
        } else if (theirs.status !== 404 && theirs.status !== 403) {
          problems.push(`${where}: answered ${theirs.status} ${textOf(theirs).slice(0, 300)}`);
        } else if (!nones.some((none) => theirs.status === none.status && theirs.body?.type === none.body?.type)) {
          problems.push(`${where}: answered ${theirs.status} ${theirs.body?.type}, but ${nones.map((n) => `${n.status} ${n.body?.type}`).join(' or ')} for a missing one`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(100);
    const after = await whatBSees();
    const changed = [...before].filter(([key, seen]) => after.get(key) !== seen).map(([key]) => key);
    expect(changed, "B's records changed").toEqual([]);
  }, 180_000); // some 300 requests: under a loaded machine well over the default 30 s

  it("lists and searches never show another organisation's records; a query naming one answers as for a missing one", async () => {
    const problems: string[] = [];
    let lists = 0;
    for (const r of plainRoutes().filter((x) => x.method === 'GET')) {
      const slots = slotsOf(r);
      if (!known(slots)) continue; // the test above reports these
      const values = allValues(slots, a);
      const query = queryFor(r, a, problems);
      const mine = await call(r, slots, values, query, a);
      lists++;
      const where = `${routeName(r)} ${JSON.stringify(values)}`;
      if (mine.status >= 300 && mine.body?.type !== OWN_PROBLEMS[routeName(r)]) problems.push(`${where}: A's own call answered ${mine.status} ${textOf(mine).slice(0, 200)}`);
      const shown = showsRecordsOf(b, textOf(mine));
      if (shown.length) problems.push(`${where} shows B's ${shown.join(', ')}`);
      const q = (r.schema?.querystring as Json | undefined)?.properties as Record<string, Json> | undefined;
      for (const name of Object.keys(q ?? {}).filter((n) => QUERY_RECORDS[n])) {
        const theirsId = b.ids[QUERY_RECORDS[name]];
        const theirs = await call(r, slots, values, { ...query, [name]: theirsId }, a);
        const none = await call(r, slots, values, { ...query, [name]: MISSING }, a);
        if (comparable(theirs, theirsId) !== comparable(none, MISSING)) {
          problems.push(`${routeName(r)}?${name}=<B's ${QUERY_RECORDS[name]}> answered ${theirs.status} ${textOf(theirs).slice(0, 300)}, but ${none.status} ${textOf(none).slice(0, 300)} for a missing one`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(lists).toBeGreaterThan(30);
  });

  it("a body that names another organisation's record is answered as one naming a missing record", async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const r of plainRoutes().filter((x) => x.schema?.body)) {
      const slots = slotsOf(r);
      if (!known(slots)) continue;
      const values = allValues(slots, a);
      const query = queryFor(r, a, []);
      const base = bodyFor(r, a);
      for (const field of referencesIn(base)) {
        const kind = BODY_RECORDS[field.name];
        const theirs = await call(r, slots, values, query, a, field.set(b.ids[kind]));
        const none = await call(r, slots, values, query, a, field.set(MISSING));
        const errors = (none.body?.errors ?? []) as { field: string }[];
        const about = (e: { field: string }) => e.field.includes(field.name) || field.path.startsWith(e.field.replace(/\//g, '.'));
        if (none.status === 400 && errors.length && !errors.some(about)) {
          problems.push(`${routeName(r)}: the body made for it is refused (${JSON.stringify(errors)}); give one in BODIES: ${JSON.stringify(base)}`);
          continue;
        }
        checked++;
        if (comparable(theirs, b.ids[kind]) !== comparable(none, MISSING)) {
          problems.push(`${routeName(r)} with B's ${kind} in ${field.path}: answered ${theirs.status} ${textOf(theirs).slice(0, 300)}, but ${none.status} ${textOf(none).slice(0, 300)} for a missing one`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('the /v1 catalogue API answers 404 for the other organisation\'s packs and streams, and its lists and filters never show them', async () => {
    const client = new UtickClient(s.baseUrl, a.catalogueKey.publicKey, a.catalogueKey.secret, () => s.clock.now());
    /** The record a call's {id} names: a kind of OrgRecords.ids, or how to make the id from the organisation. */
    const V1_FIXTURES: Record<string, string | ((o: OrgRecords) => string)> = {
      '/catalogue/packs/details/{id}': 'pack', '/catalogue/packs/{id}': 'pack',
      '/catalogue/streams/{id}/control': 'stream', '/catalogue/streams/{id}': 'stream',
      '/agenda/venues/{id}': 'venue', '/agenda/attractions/{id}': 'production', '/agenda/events/{id}': 'performance',
      '/agenda/attractions/categories/{id}': (o) => derivedId('genre', o.orgId, 'toneel'),
      '/shop/orders/{id}': 'order', '/contacts/{id}': 'customer',
      '/shop/orders/payments/{id}': 'onlinePayment', '/shop/products/{id}': 'ticket', '/shop/products/stocks/{id}': 'performance',
      '/shop/products/stocks/suggestions/{id}': 'performance', '/shop/products/stocks/plancategories/{id}': 'performance',
      '/shop/promocodes/{id}': 'voucher',
    };
    const V1_QUERY: Record<string, string> = {
      eventid: 'performance', attractionid: 'production', venueid: 'venue', streamid: 'stream', stockid: 'performance', contactid: 'customer',
      orderid: 'order', deviceid: 'device',
    };
    /** What a call needs besides its id. */
    const V1_PARAMS: Record<string, (o: OrgRecords) => Record<string, string>> = {
      '/catalogue/streams/{id}/control': (o) => ({ contactid: o.ids.customer }),
      '/shop/orders/tickets': (o) => ({ orderid: o.ids.order }),
      '/shop/orders/tickets/pdf': (o) => ({ orderid: o.ids.order }),
      '/shop/orders/payments': (o) => ({ orderid: o.ids.onlineOrder }),
      '/shop/products': (o) => ({ orderid: o.ids.order }),
      '/accesscontrol/deviceinfo': (o) => ({ deviceid: o.ids.device }),
      '/accesscontrol/events': (o) => ({ deviceid: o.ids.device }),
      '/shop/promocodes': (o) => ({ label: o.ids.voucherCode }),
    };
    const idOf = (o: OrgRecords, kind: string | ((o: OrgRecords) => string)) => (typeof kind === 'function' ? kind(o) : o.ids[kind]);
    const problems: string[] = [];
    for (const template of CATALOGUE_CALLS) {
      const extra = V1_PARAMS[template]?.(a) ?? {};
      const kind = V1_FIXTURES[template];
      if (template.includes('{id}') && !kind) {
        problems.push(`/v1${template}: add a fixture for {id} (V1_FIXTURES)`);
        continue;
      }
      const at = (id?: string) => template.replace('{id}', id ?? '').slice(1);
      if (kind) {
        const theirs = await client.call(at(idOf(b, kind)), extra);
        const none = await client.call(at(MISSING), extra);
        if (theirs.status !== 404 || comparable(theirs, idOf(b, kind)) !== comparable(none, MISSING)) {
          problems.push(`/v1${template} with B's ${String(kind)}: answered ${theirs.status} ${textOf(theirs).slice(0, 300)}`);
        }
      }
      const mine = await client.call(at(kind ? idOf(a, kind) : undefined), extra);
      if (mine.status !== 200) problems.push(`/v1${template}: A's own call answered ${mine.status} ${textOf(mine).slice(0, 200)}`);
      const shown = showsRecordsOf(b, textOf(mine));
      if (shown.length) problems.push(`/v1${template} shows B's ${shown.join(', ')}`);
      for (const [name, qKind] of Object.entries(V1_QUERY)) {
        const theirs = await client.call(at(kind ? idOf(a, kind) : undefined), { ...extra, [name]: b.ids[qKind] });
        const none = await client.call(at(kind ? idOf(a, kind) : undefined), { ...extra, [name]: MISSING });
        if (comparable(theirs, b.ids[qKind]) !== comparable(none, MISSING)) {
          problems.push(`/v1${template}?${name}=<B's ${qKind}> answered ${theirs.status} ${textOf(theirs).slice(0, 300)}, but ${none.status} ${textOf(none).slice(0, 300)} for a missing one`);
        }
      }
    }
    const byExternalId = await client.call('agenda/attractions', { externalid: 'NL-26-101-0004711' });
    if (byExternalId.body.response?.length !== 1 || byExternalId.body.response[0].id !== a.ids.production.toUpperCase()) {
      problems.push(`the shared DIP production number finds ${textOf(byExternalId).slice(0, 300)}`);
    }
    // Writing: B's contact is changed as little as a missing one.
    const patchTheirs = await client.call(`contacts/${b.ids.customer}`, { lastname: 'Overwritten' }, { method: 'PATCH' });
    const patchNone = await client.call(`contacts/${MISSING}`, { lastname: 'Overwritten' }, { method: 'PATCH' });
    if (comparable(patchTheirs, b.ids.customer) !== comparable(patchNone, MISSING)) problems.push(`PATCH contacts/<B's customer> answered ${textOf(patchTheirs).slice(0, 300)}`);
    // B's gift voucher code is no promo code of A's.
    const promo = await client.call('shop/promocodes', { label: b.ids.voucherCode });
    if (promo.status !== 200 || promo.body.response?.length !== 0) problems.push(`B's voucher code as a promo code: ${textOf(promo).slice(0, 300)}`);
    const code = await client.call(`catalogue/streams/${a.ids.stream}/control`, { accesscode: b.accessCode });
    if (code.body.response !== -1) problems.push(`B's access code opens A's stream: ${textOf(code)}`);
    expect(problems).toEqual([]);
  });
});

/** Every place in a body that names a record, with a way to put another id there. */
function referencesIn(body: unknown): { name: string; path: string; set: (id: string) => unknown }[] {
  const out: { name: string; path: string; set: (id: string) => unknown }[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (BODY_RECORDS[k]) {
          const where = [...path, k];
          out.push({
            name: k, path: where.join('.'),
            set: (id) => {
              const copy = structuredClone(body) as Json;
              let n: Json = copy;
              for (const part of where.slice(0, -1)) n = n[part] as Json;
              n[k] = Array.isArray(v) ? [id] : id;
              return copy;
            },
          });
        } else walk(v, [...path, k]);
      }
    }
  };
  walk(body, []);
  return out;
}

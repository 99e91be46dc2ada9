// The old XML API's ticket-sale search (seed 002), answered from the same sales as API 4.0.
// GET /uitid/rest/uitpas/cultureevent/searchTicketsales; the caller authenticates with a 4.0 token.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import type { TokenStore } from './auth.js';
import type { Client, Sale } from './model.js';
import { TIME_ZONE } from './rules.js';
import type { SandboxStore } from './store.js';

export const LEGACY_SEARCH_PATH = '/uitid/rest/uitpas/cultureevent/searchTicketsales';

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: false });
const HEADER = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8', '@_standalone': 'yes' } };

function xml(reply: FastifyReply, status: number, response: unknown): FastifyReply {
  return reply.code(status).type('application/xml; charset=utf-8').send(builder.build({ ...HEADER, response }));
}

function xmlError(reply: FastifyReply, status: number, code: string, message: string, requiredPermission?: string): FastifyReply {
  return xml(reply, status, { code, message, ...(requiredPermission ? { requiredPermission } : {}) });
}

const offsetFmt = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** Minutes Brussels is ahead of UTC at instant `d`. */
function offsetMinutes(d: Date): number {
  const p = Object.fromEntries(offsetFmt.formatToParts(d).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

/** 2015-06-19T11:31:09+02:00 */
export function w3cLocal(d: Date): string {
  const off = offsetMinutes(d);
  const local = new Date(d.getTime() + off * 60000).toISOString().slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function brusselsMidnight(y: number, m: number, d: number): number {
  const guess = Date.UTC(y, m - 1, d);
  return guess - offsetMinutes(new Date(guess - offsetMinutes(new Date(guess)) * 60000)) * 60000;
}

const W3C = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;

/**
 * A W3C date (YYYY, YYYY-MM, YYYY-MM-DD, or a date-time with zone) as the instant range it covers
 * [from, to); date-only forms are whole periods in Brussels time. null: not a W3C date.
 */
export function parseW3cDate(raw: string): { from: number; to: number } | null {
  const m = W3C.exec(raw);
  if (!m) return null;
  const [, ys, ms, ds, time] = m;
  const y = +ys;
  const mo = ms ? +ms : 1;
  const d = ds ? +ds : 1;
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  if (time) {
    const t = Date.parse(`${ys}-${ms}-${ds}${time}`);
    return Number.isNaN(t) ? null : { from: t, to: t + 1 };
  }
  const from = brusselsMidnight(y, mo, d);
  const to = ds ? brusselsMidnight(y, mo, d + 1) : ms ? brusselsMidnight(y, mo + 1, 1) : brusselsMidnight(y + 1, 1, 1);
  return { from, to };
}

const money = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

function ticketSaleXml(store: SandboxStore, s: Sale): Record<string, unknown> {
  const event = store.event(s.eventId);
  const organizer = event ? store.organizer(event.organizerId) : undefined;
  const pass = store.pass(s.uitpasNumber);
  const holder = pass?.holder;
  const coupon = s.couponId ? pass?.coupons.find((c) => c.id === s.couponId) : undefined;
  const dob = holder ? holder.dateOfBirth.split('-').map(Number) : null;
  return {
    createdVia: store.client(s.clientId)?.name ?? s.clientId,
    creationDate: w3cLocal(s.createdAt),
    id: s.id,
    nodeId: s.eventId,
    nodeTitle: event?.name ?? '',
    price: money(s.regularPrice),
    tariff: money(s.tariff.price),
    firstName: holder?.firstName ?? '',
    lastName: holder?.lastName ?? '',
    ...(dob ? { dateOfBirth: w3cLocal(new Date(brusselsMidnight(dob[0], dob[1], dob[2]))) } : {}),
    status: s.cancelledAt ? 'CANCELLED' : 'ACTIVE',
    location: organizer?.name ?? '',
    userId: holder?.id ?? '',
    organiser: organizer?.name ?? '',
    userHomeCity: holder?.city ?? '',
    ...(coupon ? {
      ticketSaleCoupon: {
        ...(coupon.limit ? { buyConstraint: { periodType: coupon.limit.periodType, periodVolume: coupon.limit.volume } } : {}),
        id: coupon.id, name: coupon.name,
      },
    } : {}),
    groupPass: pass?.passType === 'GROUP' ? 'true' : 'false',
  };
}

type Query = Partial<Record<'uid' | 'startDate' | 'endDate' | 'cdbid' | 'balieConsumerKey' | 'organiser' | 'organizer' | 'city' | 'start' | 'max', string>>;

export function legacyRoutes(app: FastifyInstance, store: SandboxStore, tokens: TokenStore): void {
  app.get<{ Querystring: Query }>(LEGACY_SEARCH_PATH, async (req, reply) => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const checked = m ? tokens.check(m[1]) : { error: 'No access token.' };
    if ('error' in checked) return xmlError(reply, 401, 'ACCESS_DENIED', checked.error);
    const caller = store.client(checked.clientId);
    req.uitpasClient = caller;
    const q = req.query;
    let balie: Client | undefined = caller;
    if (q.balieConsumerKey !== undefined) {
      balie = store.client(q.balieConsumerKey);
      if (!balie) return xmlError(reply, 400, 'UNKNOWN_BALIE_CONSUMERKEY', `Unknown balie consumer key: ${q.balieConsumerKey}`);
    }
    if (!balie || !balie.organizers.some((o) => o.permissions.includes('TICKETSALES_SEARCH'))) {
      return xmlError(reply, 400, 'ACCESS_DENIED', 'This balie may not search ticket sales.', 'TICKETSALES_SEARCH');
    }
    const range = (name: 'startDate' | 'endDate') => {
      const raw = q[name];
      return raw === undefined || raw === '' ? undefined : parseW3cDate(raw);
    };
    const start = range('startDate');
    const end = range('endDate');
    if (start === null || end === null) {
      return xmlError(reply, 400, 'PARSE_INVALID_DATE', `Invalid W3C date: ${start === null ? q.startDate : q.endDate}`);
    }
    const int = (raw: string | undefined, fallback: number) => (raw === undefined || raw === '' ? fallback : /^\d+$/.test(raw) ? Number(raw) : NaN);
    const first = int(q.start, 0);
    const max = int(q.max, 20);
    if (Number.isNaN(first) || Number.isNaN(max)) return xmlError(reply, 400, 'ACTION_FAILED', 'start and max must be whole numbers.');

    const own = new Set(balie.organizers.map((o) => o.organizerId));
    // seed 002 documents `organiser`; publiq's own PHP library sends `organizer`.
    const organiser = (q.organiser || q.organizer)?.toLowerCase();
    const sales = store.everySale().filter((s) => {
      const event = store.event(s.eventId);
      const org = event ? store.organizer(event.organizerId) : undefined;
      const holder = store.pass(s.uitpasNumber)?.holder;
      if (s.clientId !== balie.clientId && !(event && own.has(event.organizerId))) return false;
      if (q.uid && holder?.id !== q.uid) return false;
      if (q.cdbid && s.eventId !== q.cdbid.toLowerCase()) return false;
      if (q.city && holder?.city.toLowerCase() !== q.city.toLowerCase()) return false;
      if (organiser && org?.id !== organiser && !org?.name.toLowerCase().includes(organiser)) return false;
      const t = s.createdAt.getTime();
      if (start && t < start.from) return false;
      if (end && t >= end.to) return false;
      return true;
    });
    const page = sales.slice(first, first + max).map((s) => ticketSaleXml(store, s));
    return xml(reply, 200, { ticketSales: page.length ? { ticketSale: page } : '', total: sales.length });
  });
}

// One organisation with one record of every kind, made over the HTTP API as its admin would (a job,
// which only Foyer itself makes, through the queue). The cross-organisation test builds two of these.
// A new kind of record: add it here, and name its route parameters in that test's FIXTURES.
import crypto from 'node:crypto';
import { enqueue } from '../../src/platform/jobs.js';
import { buildCatalogue, gridSeatMap } from './catalogue.js';
import { orgWithUser, type Answer, type TestServer } from './server.js';
import { orderToken } from '../../src/my-order/links.js';

export interface OrgRecords {
  orgId: string;
  /** An admin's bearer token. */
  token: string;
  /** A word in every name and label of this organisation's records, so its lists can be searched for it. */
  tag: string;
  /** Kind -> id, e.g. venue, basketLine, packHolding. */
  ids: Record<string, string>;
  /** Seats of the performance nobody took (for bodies). */
  freeSeats: string[];
  /** The catalogue key's credentials for /v1. */
  catalogueKey: { publicKey: string; secret: string };
  dipNumber: string;
  /** The stream purchase's access code. */
  accessCode: string;
  /** The web shop's slug, and the token of a buyer's basket in it (with a seat). */
  shopSlug: string;
  shopBasketToken: string;
  /** The buyer's my-order token of the paid order. */
  myOrderToken: string;
}

function ok<T>(res: Answer<T>, what: string): Answer<T> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export interface Outside {
  /** DIP (sandbox) base URL, client and the production and performance date DIP knows. */
  dip: { baseUrl: string; clientId: string; clientSecret: string; production: string; performanceNumber: number; startsAt: string };
  /** UiTPAS (sandbox) base URL, the organisation's client, its organizer and the event its performance is. */
  uitpas: { baseUrl: string; clientId: string; clientSecret: string; organizerId: string; eventId: string; pass: string };
  /** Mollie (sandbox) API endpoint and the organisation's own test key. */
  mollie: { apiEndpoint: string; apiKey: string };
  /** UiTdatabank's Search API (sandbox) and a client id, when the test has one running. */
  uitdatabank?: { baseUrl: string; clientId: string };
}

export async function everyRecord(s: TestServer, tag: string, outside: Outside): Promise<OrgRecords> {
  const { orgId, token } = await orgWithUser(s, 'admin', `Theater ${tag}`);
  const req = async (method: string, path: string, body: unknown, what: string) => ok(await s.request(method, path, { token, body }), what).body;
  const { dip, uitpas, mollie } = outside;
  const c = await buildCatalogue(s, token, { rows: 2, perRow: 6, startsAt: dip.startsAt });
  await req('PATCH', `/api/venues/${c.venueId}`, { name: `Schouwburg ${tag}` }, 'venue name');
  await req('PATCH', `/api/productions/${c.productionId}`, { title: `Hamlet ${tag}`, dipProductionId: dip.production }, 'production');
  await req('PUT', `/api/productions/${c.productionId}/prices`, { prices: [{ ticketTypeId: c.ticketTypes.normal, rank: 1, amount: 3000 }] }, 'production prices');
  await req('PUT', '/api/dip/settings', { baseUrl: dip.baseUrl, clientId: dip.clientId, clientSecret: dip.clientSecret, enabled: true }, 'dip settings');
  await req('PUT', '/api/uitpas/settings', {
    clientId: uitpas.clientId, clientSecret: uitpas.clientSecret, accountUrl: uitpas.baseUrl, apiUrl: uitpas.baseUrl,
    organizerId: uitpas.organizerId, channels: { boxoffice: true, online: true },
  }, 'uitpas settings');
  if (outside.uitdatabank) {
    await req('PUT', '/api/uitdatabank/settings', { searchUrl: outside.uitdatabank.baseUrl, clientId: outside.uitdatabank.clientId }, 'uitdatabank settings');
  }
  const uitpasType = await req('POST', '/api/ticket-types', {
    names: { nl: `UiTPAS ${tag}`, fr: 'UiTPAS', en: 'UiTPAS' }, dipCategory: 'discount', channels: ['boxoffice', 'online'], uitpas: true,
  }, 'uitpas type');
  await req('PATCH', `/api/performances/${c.performanceId}`, { uitpasEnabled: true, uitdatabankEventId: uitpas.eventId }, 'uitpas event');
  const secondHall = await req('POST', `/api/venues/${c.venueId}/halls`, { name: `Kleine zaal ${tag}`, seatMap: gridSeatMap(1, 2) }, 'hall');

  const customer = await req('POST', '/api/customers', { name: `Klant ${tag}`, email: `${crypto.randomUUID()}@example.test` }, 'customer');
  const block = await req('POST', `/api/performances/${c.performanceId}/blocks`, { kind: 'definitive', reason: `Techniek ${tag}`, seatIds: ['r2s6'] }, 'block');
  const pack = await req('POST', '/api/packs', {
    label: `Pas ${tag}`, typeId: 20, price: 5000, ticketTypeId: c.ticketTypes.free,
    sets: [{ label: `Seizoen ${tag}`, itemnbMin: 0, itemnbMax: 3, stocks: [{ performanceId: c.performanceId }] }],
  }, 'pack');
  const stream = await req('POST', '/api/streams', {
    label: `Stream ${tag}`, url: 'https://video.example/x', price: 800, venueId: c.venueId, productionId: c.productionId,
  }, 'stream');

  // A paid order with a ticket, a pack holding and a stream purchase.
  const bought = await req('POST', '/api/baskets', { channel: 'boxoffice' }, 'basket');
  await req('PUT', `/api/baskets/${bought.id}/customer`, { customerId: customer.id }, 'basket customer');
  const seats = await req('POST', `/api/baskets/${bought.id}/lines`, { performanceId: c.performanceId, seatIds: ['r1s1', 'r1s2'] }, 'seats');
  await req('POST', `/api/baskets/${bought.id}/uitpas`, { uitpasNumber: uitpas.pass, lineIds: [seats.lines[1].id] }, 'uitpas pass');
  await req('POST', `/api/baskets/${bought.id}/packs`, { packId: pack.id }, 'pack line');
  await req('POST', `/api/baskets/${bought.id}/streams`, { streamId: stream.id }, 'stream line');
  const order = await req('POST', `/api/baskets/${bought.id}/checkout`, { payment: { method: 'cash' } }, 'checkout');
  const holding = (await req('GET', `/api/pack-holdings?orderId=${order.id}`, undefined, 'holdings')).items[0];
  const redeemed = await req('POST', `/api/pack-holdings/${holding.id}/redeem`, { performanceId: c.performanceId, seatIds: ['r1s6'] }, 'redeem');
  const purchase = (await req('GET', `/api/orders/${order.id}/streams`, undefined, 'order streams')).items[0];

  // An open basket with a seat line, a pack line and a stream line.
  const basket = await req('POST', '/api/baskets', { channel: 'boxoffice' }, 'open basket');
  const withSeat = await req('POST', `/api/baskets/${basket.id}/lines`, { performanceId: c.performanceId, seatIds: ['r1s3'] }, 'open seat');
  const withPack = await req('POST', `/api/baskets/${basket.id}/packs`, { packId: pack.id }, 'open pack');
  const withStream = await req('POST', `/api/baskets/${basket.id}/streams`, { streamId: stream.id }, 'open stream');
  await req('POST', `/api/baskets/${basket.id}/uitpas`, { uitpasNumber: uitpas.pass }, 'open uitpas');

  // A gift voucher sold (and one in the open basket), and the admin's open shift at the till.
  const voucherBasket = await req('POST', '/api/baskets', { channel: 'boxoffice' }, 'voucher basket');
  await req('POST', `/api/baskets/${voucherBasket.id}/vouchers`, { amount: 2500 }, 'voucher line');
  const voucherOrder = await req('POST', `/api/baskets/${voucherBasket.id}/checkout`, { payments: [{ method: 'cash', amount: 2500 }] }, 'voucher sale');
  const voucher = (await req('GET', `/api/orders/${voucherOrder.id}/vouchers`, undefined, 'vouchers')).items[0];
  const withVoucher = await req('POST', `/api/baskets/${basket.id}/vouchers`, { amount: 1000 }, 'open voucher');
  const shift = await req('POST', '/api/shifts', { float: 10000, venueId: c.venueId }, 'shift');

  const shopSlug = `shop-${tag.toLowerCase()}`;
  await req('PUT', '/api/shop-settings', { enabled: true, slug: shopSlug, displayName: `Winkel ${tag}` }, 'shop');
  const shopBasket = await req('POST', `/api/shops/${shopSlug}/baskets`, undefined, 'shop basket');
  ok(await s.request('POST', `/api/shops/${shopSlug}/basket/lines`, {
    headers: { 'basket-token': shopBasket.token }, body: { performanceId: c.performanceId, seatIds: ['r2s3'] },
  }), 'shop seat');

  // An online order awaiting its payment at Mollie.
  await req('PUT', '/api/mollie/settings', { apiKey: mollie.apiKey, endpoint: mollie.apiEndpoint, enabled: true }, 'mollie settings');
  const online = await req('POST', '/api/baskets', { channel: 'online' }, 'online basket');
  await req('POST', `/api/baskets/${online.id}/lines`, { performanceId: c.performanceId, seatIds: ['r2s5'] }, 'online seat');
  const onlineOrder = await req('POST', `/api/baskets/${online.id}/checkout-online`, { redirectUrl: 'https://shop.example/r', locale: 'nl' }, 'checkout online');
  const onlinePayment = (await req('GET', `/api/orders/${onlineOrder.orderId}/online-payments`, undefined, 'online payment')).items[0];

  // Doors, a device, and a conflict: the paid ticket admitted offline at both doors.
  const mainDoor = await req('POST', '/api/checkin/doors', { name: `Hoofdingang ${tag}` }, 'door');
  const sideDoor = await req('POST', '/api/checkin/doors', { name: `Zij-ingang ${tag}` }, 'door');
  const device = await req('POST', '/api/checkin/devices', { name: `Scanner ${tag}`, doorId: mainDoor.id }, 'device');
  const offline = (doorId: string) => req('POST', '/api/checkin/uploads', {
    doorId, scans: [{ id: crypto.randomUUID(), barcode: order.tickets[0].barcode, performanceId: c.performanceId, scannedAt: s.clock.now().toISOString() }],
  }, 'offline scans');
  await offline(mainDoor.id);
  const conflict = (await offline(sideDoor.id)).conflicts[0];
  if (!conflict) throw new Error('no check-in conflict');

  // An e-mail in the outbox (the order's e-tickets) and the buyer's my-order link.
  await req('POST', `/api/orders/${order.id}/e-tickets`, { email: `koper-${tag}@example.test` }, 'e-tickets mail');
  const outbox = await s.deps.db.selectFrom('mail_outbox').select('id').where('organisation_id', '=', orgId).executeTakeFirstOrThrow();
  const myOrderToken = await orderToken(s.deps.db, order.id);

  const dipNumber = `${dip.production}|${dip.performanceNumber}`;
  await req('PUT', `/api/performances/${c.performanceId}/dip-link`, { dipNumber }, 'dip link');
  const user = await req('POST', '/api/users', { email: `kassa-${crypto.randomUUID()}@example.test`, name: `Kassa ${tag}`, role: 'boxoffice', password: 'correct horse battery' }, 'user');
  const client = await req('POST', '/api/api-clients', { name: `Webshop ${tag}`, role: 'boxoffice' }, 'api client');
  const key = await req('POST', '/api/catalogue/keys', { label: `Website ${tag}` }, 'catalogue key');
  const job = await enqueue(s.deps.db, { kind: 'test.cross-organisation', payload: { tag }, organisationId: orgId, maxAttempts: 1 }, s.clock.now());
  if (!job) throw new Error('job not enqueued');

  return {
    orgId, token, tag, dipNumber, accessCode: purchase.accessCode, shopSlug, shopBasketToken: shopBasket.token, myOrderToken,
    freeSeats: ['r1s4', 'r1s5', 'r2s1', 'r2s2'],
    catalogueKey: { publicKey: key.publicKey, secret: key.secret },
    ids: {
      venue: c.venueId, hall: c.hallId, secondHall: secondHall.id, production: c.productionId, performance: c.performanceId,
      ticketType: c.ticketTypes.normal, freeTicketType: c.ticketTypes.free, uitpasTicketType: uitpasType.id, block: block.id, customer: customer.id,
      pack: pack.id, packSet: pack.sets[0].id, stream: stream.id, order: order.id, ticket: order.tickets[0].id, uitpasTicket: order.tickets[1].id,
      packHolding: holding.id, packRedemption: redeemed.tickets?.[0]?.redemptionId ?? redeemed.holding.redemptions[0].id,
      streamPurchase: purchase.id, basket: basket.id, basketLine: withSeat.lines[0].id, basketPackLine: withPack.packs[0].id,
      basketStreamLine: withStream.streams[0].id, ticketBarcode: order.tickets[0].barcode,
      onlineOrder: onlineOrder.orderId, onlinePayment: onlinePayment.id,
      voucher: voucher.id, voucherCode: voucher.code, basketVoucherLine: withVoucher.vouchers[0].id, shift: shift.id,
      outbox: outbox.id, door: mainDoor.id, device: device.id, checkinConflict: conflict.id, user: user.id, apiClient: client.id, catalogueKey: key.id, job,
    },
  };
}

// Utick's public PHP client (github:mediamorphose/SapitiClient), as far as its calls go, described from
// what its source shows: for each method the HTTP method, path and parameters it sends, and the fields
// its objects read from the answer. Written for these tests; none of the client's code is copied.
//
// How the client talks, which these tests keep exactly:
// - URL: "<base>/v1" + "/" + the call's path without leading slashes + "/" (so "agenda/events/"
//   becomes "/v1/agenda/events//" and "agenda/events/<id>" becomes "/v1/agenda/events/<id>/");
// - every method, GET included, sends a JSON body with Content-Type and Content-Length;
// - the body is publickey, timestamp (PHP's date('c')), signature (hex HMAC-SHA256 of publickey +
//   timestamp keyed with the secret), username, language, then entry_count/entry_start when the
//   parameters have "size"/"startposition", then the call's own parameters (which win);
// - an answer whose `error` is an object is a failure (ApiException), whatever `success` says.
import http from 'node:http';
import crypto from 'node:crypto';
import { formatInZone } from '../../src/platform/time.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export class ApiException extends Error {
  constructor(readonly code: number, message: string, readonly status: number) {
    super(`Api error code : ${code} : ${message}`);
  }
}

/** The client's ApiException a call ends in; a call that succeeds fails the test. */
export async function failure(p: Promise<unknown>): Promise<ApiException> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiException) return e;
    throw e;
  }
  throw new Error('the call succeeded');
}

export interface Sent {
  url: string;
  method: string;
  body: Record<string, unknown>;
}

/** PHP's isset: present and not null. */
const isset = (v: unknown): boolean => v !== undefined && v !== null;
/** The objects' getFromArray answers null for no data or an empty array. */
const empty = (d: unknown): boolean => !d || (typeof d === 'object' && Object.keys(d as object).length === 0);
/** DateTime::createFromFormat with ISO8601/ATOM: false when the text is not such a date. */
const date = (v: unknown): string | false => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:?\d{2}$/.test(v) ? v : false);
const list = <T>(d: Json, read: (x: Json) => T | null): (T | null)[] => (Array.isArray(d) ? d.map(read) : Object.values(d ?? {}).map(read));

/** What each of the client's objects keeps from an answer (the fields it reads, with isset semantics). */
export const read = {
  base: (d: Json) => (empty(d) ? null : { id: isset(d.id) ? d.id : '', label: isset(d.label) ? d.label : '' }),
  status: (d: Json) => read.base(d),
  company: (d: Json) => read.base(d),
  serie: (d: Json) => (empty(d) ? null : { ...read.base(d)!, shopUrl: isset(d.shop_url) ? d.shop_url : '' }),
  category: (d: Json) => (empty(d) ? null : { ...read.base(d)!, description: d.description ?? '', imageUrl: d.image_url ?? '' }),
  venue: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, addressL1: d.addressl1 ?? '', addressL2: d.addressl2 ?? '', postalCode: d.postalcode ?? '', city: d.city ?? '',
    country: d.country ?? '', mapUrl: d.map_url ?? '', metaData: Array.isArray(d.metadata) || (d.metadata && typeof d.metadata === 'object') ? d.metadata : [],
  }),
  attraction: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, description: d.description ?? '', additionalDescription: d.additionaldescription ?? '', duration: d.duration ?? '',
    cast: d.cast ?? '', ageLimit: d.agelimit ?? '', externalId: isset(d.externalid) ? d.externalid : null, imageUrl: d.image_url ?? '',
    smallImageUrl: d.image_url_small ?? '', categories: isset(d.categories) ? list(d.categories, read.category) : [],
    metaData: d.metadata && typeof d.metadata === 'object' ? d.metadata : [],
    firstEventDate: isset(d.firstevent_date) ? date(d.firstevent_date) : null, lastEventDate: isset(d.lastevent_date) ? date(d.lastevent_date) : null,
    nbEvents: isset(d.nb_events) ? d.nb_events : 0,
    organizer: isset(d.organizer) ? read.company(d.organizer) : null, distributor: isset(d.distributor) ? read.company(d.distributor) : null,
  }),
  event: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, serie: isset(d.serie) ? read.serie(d.serie) : null, shopUrl: d.shop_url ?? '', hasTimeSlots: isset(d.hastimeslots) ? d.hastimeslots : false,
    startTime: isset(d.starttime) ? date(d.starttime) : null, endTime: isset(d.endtime) ? date(d.endtime) : null,
    metaData: d.metadata && typeof d.metadata === 'object' ? d.metadata : [], status: isset(d.status) ? read.status(d.status) : null,
    notes: isset(d.notes) ? d.notes : '', venue: isset(d.venue) ? read.venue(d.venue) : null, attraction: isset(d.attraction) ? read.attraction(d.attraction) : null,
  }),
  timeSlot: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, capacity: d.capacity ?? 0, eventId: d.eventid ?? '', notes: d.notes ?? '',
    startTime: isset(d.starttime) ? date(d.starttime) : null, endTime: isset(d.endtime) ? date(d.endtime) : null,
  }),
  application: (d: Json) => (empty(d) ? null : { ...read.base(d)!, client: isset(d.client) ? read.base(d.client) : null }),
  contact: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, firstName: d.firstname ?? '', lastName: d.lastname ?? '', email: d.email ?? '', language: d.language ?? '',
    nationality: d.nationality ?? '', mobilePhone: d.mobilephone ?? '', addressL1: d.addressl1 ?? '', addressL2: d.addressl2 ?? '',
    postalCode: d.postalcode ?? '', city: d.city ?? '', country: d.country ?? '', companyFunction: d.companyfunction ?? '',
    companyName: d.companyname ?? '', vatNumber: d.vatnumber ?? '', birthDate: isset(d.birthdate) ? date(d.birthdate) : null,
  }),
  stream: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, description: d.description ?? '', url: d.url ?? '', shopUrl: d.shop_url ?? '', accessDuration: d.access_duration ?? null,
    freeAccessToPacks: d.freeaccess_packs ?? false, freeAccessToSeats: d.freeaccess_seats ?? false,
    startTime: isset(d.starttime) ? date(d.starttime) : null, endTime: isset(d.endtime) ? date(d.endtime) : null,
    accessEndTime: isset(d.accessendtime) ? date(d.accessendtime) : null, status: isset(d.status) ? read.status(d.status) : null,
    venue: isset(d.venue) ? read.venue(d.venue) : null, attraction: isset(d.attraction) ? read.attraction(d.attraction) : null,
  }),
  pack: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, typeId: d.typeid ?? '', description: d.description ?? '', shopUrl: d.shop_url ?? '', imageUrl: d.image_url ?? '',
    itemNbMin: d.itemnb_min ?? 0, itemNbMax: d.itemnb_max ?? 0, sets: isset(d.sets) ? list(d.sets, (x: Json) => ({ ...read.base(x)!, stocks: x.stocks ?? [] })) : [],
  }),
  order: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, name: d.name ?? '', language: d.language ?? '', contactId: d.contactid ?? '', infoUrl: d.info_url ?? '', notes: d.notes ?? '',
    created: isset(d.created) ? date(d.created) : null, expires: isset(d.expires) ? date(d.expires) : null, status: isset(d.status) ? read.status(d.status) : null,
  }),
  ticket: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, spectatorLabel: d.spectatorlabel ?? '', typeId: isset(d.typeid) ? String(d.typeid) : '', positionLabel: d.positionlabel ?? '',
    priceLabel: d.pricelabel ?? '', price: d.price ?? null, orderReference: d.orderreference ?? '', qrcode: d.qrcode ?? '',
    attractionLabel: d.attractionlabel ?? '', startTime: isset(d.eventstarttime) ? date(d.eventstarttime) : null, venueLabel: d.venuelabel ?? '',
  }),
  price: (d: Json) => (empty(d) ? null : { ...read.base(d)!, value: d.value ?? null }),
  stockCategory: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, color: d.color ?? '', capacityTotal: d.capacity_total ?? -1, capacityFree: d.capacity_free ?? -1, prices: isset(d.prices) ? (d.prices as Json[]).map((x) => read.price(x)!) : [],
  }),
  stock: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, eventId: d.eventid ?? '', streamId: d.streamid ?? '', packId: d.packid ?? '', shopUrl: d.shop_url ?? '',
    capacityTotal: d.capacity_total ?? -1, capacityFree: d.capacity_free ?? -1, categories: isset(d.categories) ? (d.categories as Json[]).map((x) => read.stockCategory(x)!) : [],
  }),
  ticketSet: (d: Json) => (empty(d) ? null : { ...read.base(d)!, stockId: d.stockid ?? '', tickets: isset(d.tickets) ? list(d.tickets, read.ticket) : [] }),
  usage: (d: Json) => ({
    usageId: isset(d?.usage?.statusid) ? d.usage.statusid : -1, usageLabel: isset(d?.usage?.by) ? d.usage.by : '',
    usageDate: isset(d?.usage?.date) ? date(d.usage.date) : null,
  }),
  product: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, orderId: d.orderid ?? '', stockId: d.stockid ?? '', typeId: isset(d.typeid) ? String(d.typeid) : '', positionId: d.positionid ?? '',
    quantity: d.quantity ?? 1, mainProductId: d.mainproductid ?? '', category: isset(d.category) ? read.stockCategory(d.category) : null,
    price: isset(d.price) ? read.price(d.price) : null, ticket: isset(d.ticket) ? read.ticket(d.ticket) : null, ...read.usage(d),
  }),
  planCategory: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, description: d.description ?? '', color: d.color ?? '', seatIds: Array.isArray(d.seatids) ? d.seatids as string[] : [],
  }),
  paymentMethod: (d: Json) => (empty(d) ? null : { ...read.base(d)!, typeId: d.typeid ?? '', metaData: d.metadata && typeof d.metadata === 'object' ? d.metadata : [] }),
  payment: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, orderId: d.orderid ?? '', paymentMethodId: d.paymentmethodid ?? '', externalId: d.externalid ?? '', couponCode: d.couponcode ?? '',
    notes: d.notes ?? '', amount: d.value?.amount ?? 0, expectedAmount: d.value?.expectedamount ?? 0, currency: d.value?.currency ?? 'EUR',
    paymentDate: isset(d.paymentdate) ? date(d.paymentdate) : false, status: isset(d.status) ? read.status(d.status) : null,
    paymentMethod: isset(d.paymentmethod) ? read.paymentMethod(d.paymentmethod) : null,
  }),
  promoCode: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, description: d.description ?? '', message: d.message ?? '', typeId: d.typeid ?? 100,
    startTime: isset(d.starttime) ? date(d.starttime) : false, endTime: isset(d.endtime) ? date(d.endtime) : false,
    capacityTotal: d.capacity_total ?? -1, capacityFree: d.capacity_free ?? -1,
    discount: isset(d.discount) ? { ...read.base(d.discount), value: d.discount.value ?? '', percentage: d.discount.percentage ?? '' } : null,
  }),
  device: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, lastContact: isset(d.lastcontact) ? date(d.lastcontact) : null, client: isset(d.client) ? read.base(d.client) : null,
  }),
  /** AccessCode: its label is the code it was asked about. */
  accessCode: (d: Json) => (empty(d) ? null : {
    ...read.base(d)!, ...(isset(d.code) ? { label: d.code } : {}), origin: d.origin ?? '', productId: isset(d.productid) ? d.productid : null, ...read.usage(d),
  }),
};

export interface OrderFields {
  id?: string; name?: string; language?: string; country?: string; postalCode?: string; automaticCancel?: boolean; contactId?: string;
  notes?: string; metaData?: Record<string, unknown> | unknown[];
}

/** Order::toArray. */
const orderArray = (o: OrderFields) => ({
  id: o.id ?? '', name: o.name ?? '', language: o.language ?? '', country: o.country ?? '', postalcode: o.postalCode ?? '',
  automaticcancel: o.automaticCancel ?? false, contactid: o.contactId ?? '', notes: o.notes ?? '', metadata: o.metaData ?? [],
});

export interface StockRequestFields { quantity?: number; stockId?: string; categoryId?: string; priceId?: string; orderId?: string; counterId?: string; promoCodeIds?: string[] }

/** StockRequest::toArray: every field, orderid and counterid only when set. */
const stockRequestArray = (r: StockRequestFields) => ({
  quantity: r.quantity ?? 1, stockid: r.stockId ?? '', categoryid: r.categoryId ?? '', priceid: r.priceId ?? '', forcedpricevalue: '',
  requestedprice: null, promocodeids: r.promoCodeIds ?? [], ...(r.orderId ? { orderid: r.orderId } : {}), ...(r.counterId ? { counterid: r.counterId } : {}),
});

export interface PaymentFields {
  id?: string; orderId?: string; paymentMethodId?: string; counterId?: string; externalId?: string; notes?: string; couponCode?: string;
  amount?: number; expectedAmount?: number; currency?: string;
}

/** Payment::toArray. */
const paymentArray = (p: PaymentFields) => ({
  orderid: p.orderId ?? '', paymentmethodid: p.paymentMethodId ?? '', counterid: p.counterId ?? '', externalid: p.externalId ?? '', notes: p.notes ?? '',
  couponcode: p.couponCode ?? '', value: { amount: p.amount ?? 0, expectedamount: p.expectedAmount ?? 0, currency: p.currency ?? 'EUR' }, paymentdate: null,
});

export interface ContactFields {
  id?: string; firstName?: string; lastName?: string; email?: string; language?: string; nationality?: string; mobilePhone?: string;
  addressL1?: string; addressL2?: string; postalCode?: string; city?: string; country?: string; companyFunction?: string;
  companyName?: string; vatNumber?: string; birthDate?: string | false | null; label?: string;
}

/** Contact::toArray: every field, empty when unset, birthdate null or a date('c'). */
const contactArray = (c: ContactFields) => ({
  id: c.id ?? '', label: c.label ?? '', firstname: c.firstName ?? '', lastname: c.lastName ?? '', email: c.email ?? '', nationality: c.nationality ?? '',
  language: c.language ?? '', mobilephone: c.mobilePhone ?? '', addressl1: c.addressL1 ?? '', addressl2: c.addressL2 ?? '', postalcode: c.postalCode ?? '',
  city: c.city ?? '', country: c.country ?? '', companyfunction: c.companyFunction ?? '', companyname: c.companyName ?? '', vatnumber: c.vatNumber ?? '',
  birthdate: c.birthDate || null,
});

export class Sapiti {
  language = 'fr';
  userLabel = '';
  /** What the last call sent and got. */
  last?: { sent: Sent; status: number; answer: Json };

  constructor(private base: string, private publicKey: string, private privateKey: string, readonly now: () => Date) {}

  authParams() {
    const timestamp = formatInZone(this.now(), 'Europe/Brussels');
    const signature = crypto.createHmac('sha256', this.privateKey).update(this.publicKey + timestamp).digest('hex');
    return { publickey: this.publicKey, timestamp, signature, username: this.userLabel, language: this.language.toLowerCase() };
  }

  /** SapitiClient::callAPI: the raw answer, no error check. */
  callAPI(fn: string, method: string, body: Record<string, unknown> = {}): Promise<{ status: number; answer: Json }> {
    const url = `${this.base}/v1/${fn.replace(/^\/+/, '')}/`;
    const json = JSON.stringify(Object.keys(body).length ? body : []);
    return new Promise((resolve, reject) => {
      const req = http.request(new URL(url), { method, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          try {
            const answer = JSON.parse(text);
            this.last = { sent: { url, method, body }, status: res.statusCode ?? 0, answer };
            resolve({ status: res.statusCode ?? 0, answer });
          } catch {
            reject(new Error(`JsonException (${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      });
      req.on('error', reject);
      req.end(json);
    });
  }

  /** Repository::getAPIResponse: auth, list limits, the call's parameters; an error object throws. */
  async call(fn: string, params: Record<string, unknown> = {}, method = 'GET'): Promise<Json> {
    const data: Record<string, unknown> = this.authParams();
    const size = Number(params.size ?? 0);
    const start = Number(params.startposition ?? 0);
    if (size > 0) Object.assign(data, { entry_count: size, entry_start: start });
    if (start > 0) data.entry_start = start;
    const { status, answer } = await this.callAPI(fn, method, { ...data, ...params });
    if (answer.error && typeof answer.error === 'object') throw new ApiException(Number(answer.error.code), String(answer.error.message ?? ''), status);
    return answer.response;
  }

  // System
  async ping(): Promise<string> {
    const { answer } = await this.callAPI('ping/', 'GET', { language: this.language });
    return answer.response?.message ?? '';
  }
  async pingParams(data: Record<string, unknown>): Promise<unknown> {
    if (!Object.keys(data).length) return data;
    const { answer } = await this.callAPI('ping/', 'GET', data);
    return answer.response?.params ?? [];
  }
  async authenticate(extra: Record<string, unknown> = {}) {
    const { status, answer } = await this.callAPI('system/authenticate/', 'GET', { ...this.authParams(), ...extra });
    if (answer.error && typeof answer.error === 'object') throw new ApiException(Number(answer.error.code), String(answer.error.message ?? ''), status);
    return read.application(answer.response);
  }

  // Agenda
  getEvents = async (p: Record<string, unknown> = {}) => list(await this.call('agenda/events/', p), read.event);
  getEvent = async (id: string) => read.event(await this.call(`agenda/events/${id}`));
  duplicateEvent = async (id: string, p: Record<string, unknown> = {}) => read.event(await this.call(`agenda/events/duplicate/${id}`, p, 'POST'));
  updateEventStatus = async (id: string, statusId: number) => read.event(await this.call(`agenda/events/${id}`, { statusid: statusId }, 'PATCH'));
  getTimeSlots = async (p: Record<string, unknown> = {}) => list(await this.call('agenda/timeslots/', p), read.timeSlot);
  getTimeSlot = async (id: string) => read.timeSlot(await this.call(`agenda/timeslots/${id}`));
  getVenues = async (p: Record<string, unknown> = {}) => list(await this.call('agenda/venues/', p), read.venue);
  getVenue = async (id: string) => read.venue(await this.call(`agenda/venues/${id}`));
  getAttractions = async (p: Record<string, unknown> = {}) => list(await this.call('agenda/attractions/', p), read.attraction);
  getAttraction = async (id: string) => read.attraction(await this.call(`agenda/attractions/${id}`));
  getAttractionFromExternalId = async (id: string) => (await this.getAttractions({ externalid: id }))[0] ?? null;
  getCategories = async (p: Record<string, unknown> = {}) => list(await this.call('agenda/attractions/categories/', p), read.category);
  getCategory = async (id: string) => read.category(await this.call(`agenda/attractions/categories/${id}`));

  // Contact
  getContacts = async (p: Record<string, unknown> = {}) => list(await this.call('contacts/', p), read.contact);
  getContact = async (id: string) => read.contact(await this.call(`contacts/${id}`));
  updateContact = async (c: ContactFields & { id: string }) => read.contact(await this.call(`contacts/${c.id}`, contactArray(c), 'PATCH'));
  createContact = async (c: ContactFields, stockId?: string) =>
    read.contact(await this.call('contacts/', { ...contactArray(c), ...(stockId ? { stockid: stockId } : {}) }, 'POST'));

  // Newsletter
  getNewsletters = async (p: Record<string, unknown> = {}) => this.call('contacts/newsletters/', p);
  getNewsletter = async (id: string) => this.call(`contacts/newsletters/${id}`);
  subscribeContactToNewsletter = async (contactId: string, newsletterId: string) => this.call(`contacts/newsletters/${newsletterId}/${contactId}`, {}, 'POST');
  unsubscribeContactToNewsletter = async (contactId: string, newsletterId: string) => this.call(`contacts/newsletters/${newsletterId}/${contactId}`, {}, 'DELETE');

  // Catalogue
  getStreams = async (p: Record<string, unknown> = {}) => list(await this.call('catalogue/streams/', p), read.stream);
  getStream = async (id: string) => read.stream(await this.call(`catalogue/streams/${id}`));
  getControlStreamAccessWithContactId = async (id: string, contactId: string) => this.call(`catalogue/streams/${id}/control/`, { contactid: contactId });
  getControlStreamAccessWithAccessCode = async (id: string, code: string) => this.call(`catalogue/streams/${id}/control/`, { accesscode: code });
  getMerchandisings = async (p: Record<string, unknown> = {}) => this.call('catalogue/merchandising/', p);
  getMerchandising = async (id: string) => this.call(`catalogue/merchandising/${id}`);
  getMerchandisingCategories = async (p: Record<string, unknown> = {}) => this.call('catalogue/merchandising/categories/', p);
  getMerchandisingCategory = async (id: string) => this.call(`catalogue/merchandising/categories/${id}`);
  getPacks = async (p: Record<string, unknown> = {}) => list(await this.call('catalogue/packs/', p), read.pack);
  getPack = async (id: string, withContent = false) => read.pack(await this.call(withContent ? `catalogue/packs/details/${id}` : `catalogue/packs/${id}`));
  getFinanceItems = async (p: Record<string, unknown> = {}) => this.call('catalogue/financeitems/', p);
  getFinanceItem = async (id: string, withContent = false) => this.call(withContent ? `catalogue/financeitems/details/${id}` : `catalogue/financeitems/${id}`);
  getPlan = async (id: string) => this.call(`catalogue/plans/${id}`);

  // Cineville
  getPackProductFromCustomerId = async (customerId: string) => this.call('cineville/packproducts/', { customerid: customerId });
  getProductsForPackProduct = async (packProductId: string) => this.call('cineville/products/', { packproductid: packProductId });
  confirmProduct = async (productId: string, customerId: string) => this.call(`cineville/products/${productId}`, { customerid: customerId }, 'POST');
  cancelProduct = async (productId: string) => this.call(`cineville/products/${productId}`, {}, 'DELETE');
  attachCinevilleProduct = async (productId: string, mainId: string, customerId: string) =>
    this.call(`cineville/products/${productId}/attach`, { mainproductid: mainId, customerid: customerId }, 'PATCH');
  detachCinevilleProduct = async (productId: string) => this.call(`cineville/products/${productId}/attach`, {}, 'DELETE');

  // Shop, the reads a contact's orders and tickets need
  getOrders = async (p: Record<string, unknown> = {}) => list(await this.call('shop/orders/', p), read.order);
  getOrder = async (id: string) => read.order(await this.call(`shop/orders/${id}`));
  getStocks = async (p: Record<string, unknown> = {}) => list(await this.call('shop/products/stocks/', p), read.stock);
  getTicketSets = async (p: Record<string, unknown> = {}) => list(await this.call('shop/orders/tickets/', p), read.ticketSet);

  // Shop, the sale
  createOrder = async (o: OrderFields) => read.order(await this.call('shop/orders/', orderArray(o), 'POST'));
  updateOrder = async (o: OrderFields & { id: string }) => read.order(await this.call(`shop/orders/${o.id}`, orderArray(o), 'PATCH'));
  confirmOrder = async (orderId: string, contactId: string) => read.order(await this.call(`shop/orders/${orderId}`, { contactid: contactId, statusid: 1 }, 'PATCH'));
  setMetadataToOrder = async (orderId: string, metaData: Record<string, unknown> = {}) =>
    read.order(await this.call(`shop/orders/${orderId}`, { metadata: JSON.stringify(metaData) }, 'PATCH'));
  setLanguageToOrder = async (orderId: string, language = 'fr') => read.order(await this.call(`shop/orders/${orderId}`, { language }, 'PATCH'));
  setNotesToOrder = async (orderId: string, notes = '') => read.order(await this.call(`shop/orders/${orderId}`, { notes }, 'PATCH'));
  changeOrderStatus = async (orderId: string, statusId: number) => read.order(await this.call(`shop/orders/${orderId}`, { statusid: statusId }, 'PATCH'));
  clearOrder = async (orderId: string) => read.order(await this.call(`shop/orders/${orderId}`, {}, 'DELETE'));
  getProducts = async (p: Record<string, unknown> = {}) => list(await this.call('shop/products/', p), read.product);
  getProduct = async (id: string) => read.product(await this.call(`shop/products/${id}`));
  updateProduct = async (id: string, p: Record<string, unknown> = {}) => read.product(await this.call(`shop/products/${id}`, p, 'PATCH'));
  attachProductToMainProduct = async (id: string, mainId: string, p: Record<string, unknown> = {}) =>
    read.product(await this.call(`shop/products/${id}/attach`, { ...p, mainproductid: mainId }, 'PATCH'));
  /** isSuccess() of the answer. */
  removeProductFromOrder = async (id: string) => (await this.call(`shop/products/${id}`, {}, 'DELETE'), this.last!.answer.success as boolean);
  removeAllProductsFromOrder = async (orderId: string, p: Record<string, unknown> = {}) =>
    (await this.call('shop/products/', { ...p, orderid: orderId }, 'DELETE'), this.last!.answer.success as boolean);
  getStock = async (id: string, p: Record<string, unknown> = {}) => read.stock(await this.call(`shop/products/stocks/${id}`, p));
  getStockPlanCategories = async (stockId: string, p: Record<string, unknown> = {}) => list(await this.call(`shop/products/stocks/plancategories/${stockId}`, p), read.planCategory);
  setStockPlanSeatIdForOrder = async (stockId: string, orderId: string, planSeatId: string, p: Record<string, unknown> = {}) =>
    read.planCategory(await this.call(`shop/products/stocks/plancategories/${stockId}`, { ...p, orderid: orderId, planseatid: planSeatId }, 'PATCH'));
  getSuggestedStocks = async (id: string, p: Record<string, unknown> = {}) => list(await this.call(`shop/products/stocks/suggestions/${id}`, p), read.stock);
  adaptStock = async (id: string, p: Record<string, unknown> = {}) => (await this.call(`shop/products/stocks/adapt/${id}`, p, 'PATCH'), this.last!.answer.success as boolean);
  requestStock = async (requests: StockRequestFields[]) => list(await this.call('shop/products/', { requests: requests.map(stockRequestArray) }, 'POST'), read.product);
  getPromoCodes = async (p: Record<string, unknown> = {}) => list(await this.call('shop/promocodes/', p), read.promoCode);
  getPromoCodesForLabelAndOrder = async (label: string, orderId: string) => list(await this.call('shop/promocodes/', { label, orderid: orderId }), read.promoCode);
  attachPromoCodeToOrder = async (promoId: string, orderId: string, p: Record<string, unknown> = {}) =>
    list(await this.call(`shop/promocodes/${promoId}`, { ...p, orderid: orderId }, 'POST'), read.product);
  getPromoCode = async (id: string) => read.promoCode(await this.call(`shop/promocodes/${id}`));
  testPromoCodeLabelForStock = async (label: string, stockId: string) => (await this.getPromoCodes({ label, stockid: stockId }))[0] ?? null;
  getPDFTicket = async (p: Record<string, unknown> = {}) => this.call('shop/orders/tickets/pdf/', p);
  getPaymentMethods = async (p: Record<string, unknown> = {}) => list(await this.call('shop/paymentmethods/', p), read.paymentMethod);
  getPaymentMethod = async (id: string) => read.paymentMethod(await this.call(`shop/paymentmethods/${id}`));
  getPayments = async (p: Record<string, unknown> = {}) => list(await this.call('shop/orders/payments/', p), read.payment);
  getPayment = async (id: string) => read.payment(await this.call(`shop/orders/payments/${id}`));
  updatePayment = async (p: PaymentFields & { id: string }) => read.payment(await this.call(`shop/orders/payments/${p.id}`, paymentArray(p), 'PATCH'));
  deletePayment = async (p: PaymentFields & { id: string }) => (await this.call(`shop/orders/payments/${p.id}`, paymentArray(p), 'DELETE'), this.last!.answer.success as boolean);
  createPayment = async (p: PaymentFields) => read.payment(await this.call('shop/orders/payments/', paymentArray(p), 'POST'));
  createOrUpdateMolliePaymentFromId = async (orderId: string, molliePaymentId: string) =>
    read.payment(await this.call('shop/orders/payments/', { orderid: orderId, molliepaymentid: molliePaymentId }, 'PATCH'));
  getCounters = async (p: Record<string, unknown> = {}) => this.call('shop/counters/', p);
  getCounter = async (id: string) => this.call(`shop/counters/${id}`);
  getCounterSessions = async (counterId: string, p: Record<string, unknown> = {}) => this.call('shop/counters/sessions/', { ...p, counterid: counterId });
  startCounterSession = async (counterId: string, startAmount = 0, userLabel = '', externalUserId = '') => this.call('shop/counters/sessions/', {
    counterid: counterId, starttime: formatInZone(this.now(), 'Europe/Brussels'), startamount: startAmount, userlabel: userLabel, externaluserid: externalUserId,
  }, 'POST');
  stopCounterSession = async (sessionId: string, endAmount = 0, notes = '') =>
    this.call(`shop/counters/sessions/${sessionId}`, { endtime: formatInZone(this.now(), 'Europe/Brussels'), endamount: endAmount, notes }, 'PATCH');

  // AccessControl
  getDeviceFromId = async (id: string) => read.device(await this.call('/accesscontrol/deviceinfo/', { deviceid: id }));
  controlCodesForDeviceAndEventId = async (codes: string[], deviceId: string, eventId: string, confirmedByOperator = false, exitMode = false) =>
    list(await this.call(`/accesscontrol/events/${eventId}/control/`, { deviceid: deviceId, codes, confirmedbyoperator: confirmedByOperator }, exitMode ? 'DELETE' : 'PATCH'), read.accessCode);
  getAccessControlEvents = async (deviceId: string, p: Record<string, unknown> = {}) => list(await this.call('accesscontrol/events/', { ...p, deviceid: deviceId }), read.event);
}

/** A catalogue key made over the admin API, and the client signing with it. */
export async function sapiti(s: { baseUrl: string; clock: { now(): Date }; request(method: string, path: string, opts: { token: string; body?: unknown }): Promise<{ status: number; body: Json }> }, token: string) {
  const key = await s.request('POST', '/api/catalogue/keys', { token, body: { label: 'Website' } });
  if (key.status !== 201) throw new Error(`key: ${key.status}`);
  return { key: key.body, client: new Sapiti(s.baseUrl, key.body.publicKey, key.body.secret, () => s.clock.now()) };
}

// What erasing a customer means, without I/O. The customer record stays (orders, reports and
// pack and stream purchases point at its id) but every column that says who the person is goes.
import type { CustomerTable } from '../customers/tables.js';

/** The values an erased customer's columns get. */
export const ERASED_CUSTOMER = {
  name: '',
  email: null,
  phone: null,
  phone_digits: null,
  postal_code: null,
  city: null,
  birth_date: null,
  language: null,
  newsletter_opt_in_at: null,
  search: '',
} as const satisfies Partial<CustomerTable>;

/** Columns of `customers` that stay on erasure, and why. Every other column is in ERASED_CUSTOMER. */
export const CUSTOMER_COLUMNS_KEPT = {
  id: 'what orders, reports, packs and streams point at',
  organisation_id: 'whose record it is',
  created_at: 'not personal',
  erased_at: 'when it was erased',
} as const;

/**
 * Other places that hold a customer's data, and what happens to each on erasure. A test lists the
 * columns that look personal in every table tied to a customer, basket, order or ticket, and fails
 * on one that is in neither this list nor NOT_PERSONAL_COLUMNS.
 */
export const PERSONAL_COLUMNS_ELSEWHERE = {
  'customer_email_keys.email': 'deleted with the row: the shop no longer finds the customer by e-mail',
  'shop_baskets.buyer_name': 'emptied on the customer\'s baskets',
  'shop_baskets.buyer_email': 'emptied on the customer\'s baskets',
  'shop_baskets.buyer_phone': 'emptied on the customer\'s baskets',
  'mail_outbox.recipient': "emptied on e-mails about the customer's orders, with their subject and text; one still queued is not sent",
  'basket_line_uitpas.uitpas_number': 'kept: the record of a social tariff registered at UiTPAS, which the venue accounts for; exported',
  'uitpas_sales.uitpas_number': 'kept: the record of a sale registered at UiTPAS, which the venue accounts for; exported',
  'uitpas_checkins.uitpas_number': 'kept: the point the holder saved at UiTPAS when the ticket was admitted, registered there too',
} as const;

/** Columns there that look personal but say nothing about the customer. */
export const NOT_PERSONAL_COLUMNS = {
  'basket_line_uitpas.tariff_name': "UiTPAS's name of the tariff",
  'checkin_scans.staff_name': 'the steward who scanned, not the visitor',
} as const;

/** What a column name must look like for the test to ask where it belongs. */
export const LOOKS_PERSONAL = /(^|_)(e?mail|phone|name|postal_code|city|birth|address|recipient|uitpas_number|notes?)($|_)/;

export interface OpenItems {
  /** Unpaid reservations still running. */
  reservations: { orderId: string; number: string }[];
  /** Orders with valid tickets for performances still to come. */
  upcoming: { orderId: string; number: string; tickets: number; firstStartsAt: string }[];
}

export const hasOpenItems = (o: OpenItems): boolean => o.reservations.length > 0 || o.upcoming.length > 0;

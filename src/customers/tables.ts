import type { Selectable } from 'kysely';

export interface CustomerTable {
  id: string;
  organisation_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** The phone number's digits only (src/customers/phone.ts), for search by phone. */
  phone_digits: string | null;
  postal_code: string | null;
  city: string | null;
  birth_date: string | null;
  /** The language the customer chose in the web shop (nl/fr/en); e-mails follow it. */
  language: string | null;
  /** When the customer asked for the newsletter (web shop); null: not asked. */
  newsletter_opt_in_at: string | null;
  /** When the customer's personal data was erased (src/privacy); the record stays for their orders. */
  erased_at: string | null;
  /** Lower-cased name + e-mail + postal code, for search. */
  search: string;
  created_at: string;
}
export type Customer = Selectable<CustomerTable>;

export interface CustomerTables {
  customers: CustomerTable;
}

import { sql } from 'kysely';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/ids.js';
import type { Lang } from '../platform/i18n.js';
import { notFound, Problem } from '../platform/problems.js';
import './problems.js';
import type { Customer } from './tables.js';
import { phoneDigits, phoneSuffix } from './phone.js';

export interface CustomerInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  postalCode?: string | null;
  city?: string | null;
  birthDate?: string | null;
  language?: Lang | null;
}

const searchText = (c: { name: string; email: string | null; postal_code: string | null }) =>
  [c.name, c.email ?? '', (c.postal_code ?? '').replace(/\s+/g, '')].join(' ').normalize('NFC').toLowerCase();

export const customerView = (c: Customer) => ({
  id: c.id, name: c.name, email: c.email, phone: c.phone, postalCode: c.postal_code, city: c.city, birthDate: c.birth_date,
  language: c.language,
  erasedAt: c.erased_at,
});

export async function createCustomer(ctx: Ctx, input: CustomerInput) {
  const row = {
    id: newId(), organisation_id: ctx.orgId, name: input.name, email: input.email?.trim().toLowerCase() || null,
    phone: input.phone || null, phone_digits: phoneDigits(input.phone), postal_code: input.postalCode || null, city: input.city || null,
    birth_date: input.birthDate || null, language: input.language ?? null, newsletter_opt_in_at: null, erased_at: null, created_at: ctx.clock.now().toISOString(),
  };
  const c: Customer = { ...row, search: searchText(row) };
  await ctx.db.insertInto('customers').values(c).execute();
  return customerView(c);
}

export async function getCustomer(ctx: Ctx, id: string): Promise<Customer> {
  const c = await ctx.db.selectFrom('customers').selectAll().where('id', '=', id).where('organisation_id', '=', ctx.orgId).executeTakeFirst();
  if (!c) throw notFound('customer');
  return c;
}

export async function updateCustomer(ctx: Ctx, id: string, input: Partial<CustomerInput>) {
  const c = await getCustomer(ctx, id);
  // An erased customer stays erased: new details belong to a new customer.
  if (c.erased_at) throw new Problem('customer-erased');
  const next = {
    name: input.name ?? c.name,
    email: input.email !== undefined ? input.email?.trim().toLowerCase() || null : c.email,
    phone: input.phone !== undefined ? input.phone || null : c.phone,
    phone_digits: input.phone !== undefined ? phoneDigits(input.phone) : c.phone_digits,
    postal_code: input.postalCode !== undefined ? input.postalCode || null : c.postal_code,
    city: input.city !== undefined ? input.city || null : c.city,
    birth_date: input.birthDate !== undefined ? input.birthDate || null : c.birth_date,
    language: input.language !== undefined ? input.language : c.language,
  };
  await ctx.db.updateTable('customers').set({ ...next, search: searchText(next) }).where('id', '=', id).execute();
  return customerView(await getCustomer(ctx, id));
}

/**
 * "Every word of `q` occurs in the customer's search text", as SQL on `column` (customers.search).
 * % and _ are matched as themselves, not as patterns.
 */
export function matchesWords(column: 'search' | 'customers.search', q: string) {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return words.map((w) => sql<boolean>`${sql.ref(column)} like ${`%${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`} escape '\\'`);
}

/** "The customer's phone number ends with the digits of `q`" (phone.ts), or undefined when `q` is no phone number. */
export function matchesPhone(column: 'phone_digits' | 'customers.phone_digits', q: string) {
  const suffix = phoneSuffix(q);
  return suffix === undefined ? undefined : sql<boolean>`${sql.ref(column)} like ${`%${suffix}`}`;
}

/** Search by (part of) name, e-mail or postal code (every word must match), or by the end of the phone number. */
export async function searchCustomers(ctx: Ctx, q: string, limit: number, offset: number) {
  let query = ctx.db.selectFrom('customers').selectAll().where('organisation_id', '=', ctx.orgId).where('erased_at', 'is', null);
  const words = matchesWords('search', q);
  const phone = matchesPhone('phone_digits', q);
  if (words.length) query = query.where((eb) => (phone ? eb.or([eb.and(words), phone]) : eb.and(words)));
  const rows = await query.orderBy('name').orderBy('id').limit(limit).offset(offset).execute();
  return rows.map(customerView);
}

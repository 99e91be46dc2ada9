// Utick contacts are Foyer customers: one person, one customer (found by e-mail, as the web shop does).
// Foyer keeps a customer's name, e-mail, phone, postal code, city, birth date and language; the other
// contact fields (street address, country, nationality, company, VAT number) are accepted and not kept.
import type { Ctx } from '../platform/context.js';
import type { Lang } from '../platform/i18n.js';
import { customerForEmail } from '../shop/buyer.js';
import { emailKey } from '../shop/rules.js';
import { createCustomer, matchesPhone, matchesWords, updateCustomer, type CustomerInput } from '../customers/service.js';
import type { Customer } from '../customers/tables.js';
import type { Page, Scope } from './agenda.js';
import { UtickError, uid } from './envelope.js';
import { optionalString, type Params } from './params.js';

/** "Anna de Vries": firstname "Anna", lastname "de Vries". Foyer keeps one name. */
export function splitName(name: string): { firstname: string; lastname: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { firstname: '', lastname: words.join('') };
  return { firstname: words[0], lastname: words.slice(1).join(' ') };
}

export const contactObject = (c: Customer) => ({
  id: uid(c.id), label: c.name, ...splitName(c.name), email: c.email ?? '', language: c.language ?? '', nationality: '',
  mobilephone: c.phone ?? '', addressl1: '', addressl2: '', postalcode: c.postal_code ?? '', city: c.city ?? '', country: '',
  companyname: '', companyfunction: '', vatnumber: '',
  birthdate: c.birth_date ? `${c.birth_date}T00:00:00+00:00` : null,
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +()./-]*$/;

/** The contact fields Foyer keeps, from Utick's names; only those present in `p`. */
function contactInput(p: Params, now: Date): Partial<CustomerInput> & { nameParts?: { firstname?: string; lastname?: string } } {
  const out: Partial<CustomerInput> & { nameParts?: { firstname?: string; lastname?: string } } = {};
  const first = optionalString(p, 'firstname', 100);
  const last = optionalString(p, 'lastname', 100);
  if ('firstname' in p || 'lastname' in p) out.nameParts = { firstname: first, lastname: last };
  if ('email' in p) {
    const email = optionalString(p, 'email', 320)?.trim();
    if (email && !EMAIL.test(email)) throw new UtickError(400, 'must-be-email', { name: 'email' });
    out.email = email ? emailKey(email) : null;
  }
  if ('mobilephone' in p) {
    const phone = optionalString(p, 'mobilephone', 40);
    if (phone && !PHONE.test(phone)) throw new UtickError(400, 'must-be-phone', { name: 'mobilephone' });
    out.phone = phone?.trim() || null;
  }
  if ('postalcode' in p) out.postalCode = optionalString(p, 'postalcode', 20)?.trim() || null;
  if ('city' in p) out.city = optionalString(p, 'city', 100)?.trim() || null;
  if ('birthdate' in p) {
    const b = optionalString(p, 'birthdate', 40);
    const day = b?.slice(0, 10);
    if (b && (!/^\d{4}-\d{2}-\d{2}/.test(b) || Number.isNaN(Date.parse(day!)) || day! >= now.toISOString().slice(0, 10))) {
      throw new UtickError(400, 'must-be-date', { name: 'birthdate' });
    }
    out.birthDate = day ?? null;
  }
  return out;
}

const joinName = (parts: { firstname?: string; lastname?: string }) => [parts.firstname, parts.lastname].map((x) => x?.trim() ?? '').filter(Boolean).join(' ');

/** A contact's `language` (the client sends it with every contact): Foyer's nearest, German readers get English. */
const contactLang = (l: string): Lang | null => (l === 'de' ? 'en' : (['nl', 'fr', 'en'] as string[]).includes(l) ? (l as Lang) : null);

async function customerRow(s: Scope, id: string): Promise<Customer> {
  const c = await s.db.selectFrom('customers').selectAll().where('id', '=', id).where('organisation_id', '=', s.orgId).executeTakeFirst();
  if (!c) throw UtickError.notFound('contact');
  return c;
}

export const contact = async (s: Scope, id: string) => contactObject(await customerRow(s, id));

/** Search: every given filter must match (`lastname`, `firstname`, `label`, `email`, `mobilephone`). */
export async function contacts(s: Scope, p: Params, page: Page) {
  let q = s.db.selectFrom('customers').selectAll().where('organisation_id', '=', s.orgId).where('erased_at', 'is', null);
  for (const field of ['firstname', 'lastname', 'label'] as const) {
    const v = optionalString(p, field, 200);
    const words = v ? matchesWords('search', v) : [];
    if (words.length) q = q.where((eb) => eb.and(words));
  }
  const email = optionalString(p, 'email', 320);
  if (email) q = q.where('email', '=', emailKey(email));
  const phone = optionalString(p, 'mobilephone', 40);
  if (phone) {
    const m = matchesPhone('phone_digits', phone);
    if (!m) throw new UtickError(400, 'must-be-phone', { name: 'mobilephone' });
    q = q.where(m);
  }
  return (await q.orderBy('name').orderBy('id').limit(page.limit).offset(page.offset).execute()).map(contactObject);
}

/** A new contact; one whose e-mail Foyer knows answers that customer, unchanged (anyone can type any address). */
export async function createContact(ctx: Ctx, s: Scope, p: Params) {
  const input = contactInput(p, s.now);
  const name = joinName(input.nameParts ?? {});
  if (!name) throw new UtickError(400, 'name-required');
  const language = contactLang(typeof p.language === 'string' ? p.language.toLowerCase() : '');
  const { nameParts: _ignored, ...fields } = input;
  if (fields.email) {
    const known = await s.db.selectFrom('customer_email_keys').select('customer_id').where('organisation_id', '=', s.orgId).where('email', '=', fields.email).executeTakeFirst()
      ?? await s.db.selectFrom('customers').select('id as customer_id').where('organisation_id', '=', s.orgId).where('email', '=', fields.email)
        .where('erased_at', 'is', null).orderBy('created_at').orderBy('id').executeTakeFirst();
    if (known) return contact(s, known.customer_id);
    const id = await customerForEmail(ctx, { name, email: fields.email, phone: fields.phone ?? null });
    await updateCustomer(ctx, id, { ...fields, language });
    return contact(s, id);
  }
  const created = await createCustomer(ctx, { ...fields, name, language });
  return contact(s, created.id);
}

/** Changes what the request names; the client sends every field, so an empty one empties it. */
export async function updateContact(ctx: Ctx, s: Scope, id: string, p: Params) {
  const c = await customerRow(s, id);
  if (c.erased_at) throw new UtickError(409, 'contact-erased');
  const input = contactInput(p, s.now);
  const { nameParts, ...fields } = input;
  const patch: Partial<CustomerInput> = { ...fields };
  if (nameParts) {
    const current = splitName(c.name);
    const name = joinName({ firstname: nameParts.firstname ?? ('firstname' in p ? '' : current.firstname), lastname: nameParts.lastname ?? ('lastname' in p ? '' : current.lastname) });
    if (!name) throw new UtickError(400, 'name-required');
    patch.name = name;
  }
  if ('language' in p && typeof p.language === 'string' && p.language) patch.language = contactLang(p.language.toLowerCase());
  await updateCustomer(ctx, id, patch);
  return contact(s, id);
}

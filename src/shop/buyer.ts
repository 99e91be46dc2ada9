// The buyer's details, and the customer behind them: one person, one customer, found by e-mail.
import type { Ctx } from '../platform/context.js';
import { invalid } from '../platform/problems.js';
import { isUniqueViolation } from '../platform/jobs.js';
import { createCustomer } from '../customers/service.js';
import { phoneDigits } from '../customers/phone.js';
import { openBasket, setBasketCustomer } from '../baskets/service.js';
import { buyerErrors, emailKey, type BuyerInput } from './rules.js';
import type { ShopBasket } from './tables.js';

/**
 * The customer for this address: the one the shop used before, else the organisation's oldest
 * customer with it, else a new one. The e-mail key decides between two first purchases at once.
 * An existing customer's name and phone are never changed by a buyer: anyone can type any address.
 */
export async function customerForEmail(ctx: Ctx, b: { name: string; email: string; phone: string | null }): Promise<string> {
  const email = emailKey(b.email);
  const known = () => ctx.db.selectFrom('customer_email_keys').select('customer_id')
    .where('organisation_id', '=', ctx.orgId).where('email', '=', email).executeTakeFirst();
  const key = await known();
  if (key) return key.customer_id;
  const existing = await ctx.db.selectFrom('customers').select('id').where('organisation_id', '=', ctx.orgId).where('email', '=', email)
    .orderBy('created_at').orderBy('id').executeTakeFirst();
  const claim = (customerId: string) => ctx.db.insertInto('customer_email_keys').values({ organisation_id: ctx.orgId, email, customer_id: customerId })
    .onConflict((oc) => oc.columns(['organisation_id', 'email']).doNothing()).execute();
  if (existing) {
    await claim(existing.id);
  } else {
    try {
      await ctx.db.transaction().execute(async (tx) => {
        const created = await createCustomer({ ...ctx, db: tx }, { name: b.name.trim(), email, phone: b.phone });
        await tx.insertInto('customer_email_keys').values({ organisation_id: ctx.orgId, email, customer_id: created.id }).execute();
      });
    } catch (e) {
      // Another buyer with this address got there first: theirs is the customer (ours rolled back).
      if (!isUniqueViolation(e)) throw e;
    }
  }
  return (await known())!.customer_id;
}

/** Records the buyer's details on the basket and attaches the customer. */
export async function setBuyer(ctx: Ctx, sb: ShopBasket, b: BuyerInput) {
  const wrong = buyerErrors(b);
  if (wrong.length) throw invalid(wrong);
  await openBasket(ctx, sb.basket_id);
  const phone = b.phone?.trim() || null;
  const customerId = await customerForEmail(ctx, { name: b.name, email: b.email, phone });
  const now = ctx.clock.now().toISOString();
  await ctx.db.updateTable('customers').set((eb) => ({
    language: b.language,
    newsletter_opt_in_at: b.newsletter ? eb.fn.coalesce('newsletter_opt_in_at', eb.val(now)) : eb.ref('newsletter_opt_in_at'),
    phone: eb.fn.coalesce('phone', eb.val(phone)),
    phone_digits: eb.fn.coalesce('phone_digits', eb.val(phoneDigits(phone))),
  })).where('id', '=', customerId).where('organisation_id', '=', ctx.orgId).execute();
  await setBasketCustomer(ctx, sb.basket_id, customerId);
  const row = {
    buyer_name: b.name.trim(), buyer_email: emailKey(b.email), buyer_phone: phone, language: b.language,
    newsletter: b.newsletter ? 1 : 0, terms_accepted_at: b.termsAccepted ? now : null,
  };
  await ctx.db.updateTable('shop_baskets').set(row).where('token_hash', '=', sb.token_hash).execute();
  return { ...sb, ...row };
}

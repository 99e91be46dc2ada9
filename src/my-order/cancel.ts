// The buyer cancels their own paid online order from its page, where the venue allows it (the
// shop's buyerCancelHours): every ticket (and pack and stream) is cancelled as staff would cancel
// the whole order, and refunded through the payment provider with its service fees.
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import type { Lang } from '../platform/i18n.js';
import { registerProblems } from '../platform/messages.js';
import { Problem } from '../platform/problems.js';
import { systemCtx } from '../platform/system-ctx.js';
import { localDateText, localTimeText } from '../tickets/labels.js';
import { cancelOrder } from '../orders/service.js';
import type { MyOrder } from './service.js';

registerProblems({
  'buyer-cancel-off': {
    status: 409,
    title: { en: 'Cannot be cancelled here', nl: 'Hier niet te annuleren', fr: 'Annulation impossible ici' },
    detail: {
      en: 'This order cannot be cancelled online. Please contact the box office.',
      nl: 'Deze bestelling kan niet online worden geannuleerd. Neem contact op met de kassa.',
      fr: 'Cette commande ne peut pas être annulée en ligne. Veuillez contacter la billetterie.',
    },
  },
  'buyer-cancel-too-late': {
    status: 409,
    title: { en: 'Too late to cancel', nl: 'Te laat om te annuleren', fr: 'Trop tard pour annuler' },
    detail: {
      en: 'This order could be cancelled online until {date} {time}. Please contact the box office.',
      nl: 'Deze bestelling kon online worden geannuleerd tot {date} {time}. Neem contact op met de kassa.',
      fr: "Cette commande pouvait être annulée en ligne jusqu'au {date} {time}. Veuillez contacter la billetterie.",
    },
  },
});

/**
 * Until when the buyer may cancel (UTC), or null: the order is not a paid online one with valid
 * tickets, or its shop does not let buyers cancel. The deadline is the shop's hours before the
 * order's first performance.
 */
export async function cancelDeadline(db: Db, m: MyOrder): Promise<{ until: string; timeZone: string } | null> {
  if (m.order.status !== 'paid' || m.order.channel !== 'online') return null;
  const valid = m.tickets.filter((t) => t.status === 'valid');
  if (!valid.length) return null;
  const s = await db.selectFrom('shop_settings').select('buyer_cancel_hours')
    .where('organisation_id', '=', m.order.organisation_id).executeTakeFirst();
  if (!s || s.buyer_cancel_hours === null) return null;
  const first = valid.reduce((a, t) => (t.starts_at < a.starts_at ? t : a));
  return { until: new Date(new Date(first.starts_at).getTime() - s.buyer_cancel_hours * 3_600_000).toISOString(), timeZone: first.time_zone };
}

export async function cancelByBuyer(deps: Deps, log: FastifyBaseLogger, m: MyOrder, lang: Lang): Promise<void> {
  const deadline = await cancelDeadline(deps.db, m);
  if (!deadline) throw new Problem('buyer-cancel-off');
  if (deps.clock.now().toISOString() >= deadline.until) {
    const { until, timeZone } = deadline;
    throw new Problem('buyer-cancel-too-late', {
      date: { nl: localDateText(until, timeZone, 'nl'), fr: localDateText(until, timeZone, 'fr'), en: localDateText(until, timeZone, 'en') },
      time: localTimeText(until, timeZone, lang),
    });
  }
  await cancelOrder(systemCtx(deps, m.order.organisation_id, log, lang), m.order.id);
}

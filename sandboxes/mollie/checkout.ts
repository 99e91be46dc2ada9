// The hosted checkout page (`_links.checkout`): as in Mollie's test mode, the tester picks a method
// and the outcome (paid, failed, canceled, expired, open), and is sent back to the redirectUrl.
import type { FastifyInstance } from 'fastify';
import { CHECKOUT_OUTCOMES, type CheckoutOutcome, type Payment } from './model.js';
import type { MollieStore } from './store.js';

type Lang = 'nl' | 'fr' | 'en';

const T: Record<Lang, Record<string, string>> = {
  nl: {
    title: 'Testbetaling', pay: 'Te betalen', method: 'Betaalmethode', outcome: 'Kies de uitkomst van deze testbetaling',
    paid: 'Betaald', failed: 'Mislukt', canceled: 'Geannuleerd', expired: 'Verlopen', open: 'Open laten',
    done: 'Deze betaling is al afgerond', back: 'Terug naar de winkel', unknown: 'Deze betaling bestaat niet.',
    note: 'Mollie-sandbox: er wordt geen geld overgemaakt.',
  },
  fr: {
    title: 'Paiement de test', pay: 'À payer', method: 'Moyen de paiement', outcome: "Choisissez l'issue de ce paiement de test",
    paid: 'Payé', failed: 'Échoué', canceled: 'Annulé', expired: 'Expiré', open: 'Laisser ouvert',
    done: 'Ce paiement est déjà terminé', back: 'Retour à la boutique', unknown: "Ce paiement n'existe pas.",
    note: "Sandbox Mollie : aucun argent n'est transféré.",
  },
  en: {
    title: 'Test payment', pay: 'To pay', method: 'Payment method', outcome: 'Choose the outcome of this test payment',
    paid: 'Paid', failed: 'Failed', canceled: 'Canceled', expired: 'Expired', open: 'Keep open',
    done: 'This payment is already completed', back: 'Back to the shop', unknown: 'This payment does not exist.',
    note: 'Mollie sandbox: no money is moved.',
  },
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const langOf = (p: Payment | undefined): Lang => {
  const l = p?.locale?.slice(0, 2);
  return l === 'nl' || l === 'fr' ? l : 'en';
};

function page(lang: Lang, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(T[lang].title)}</title><style>
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1a1a1a}
main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.3rem} .amount{font-size:2rem;font-weight:600;margin:.2rem 0 1rem}
fieldset{border:1px solid #ccd;border-radius:.5rem;margin:0 0 1rem;padding:.75rem;background:#fff}
label{display:block;padding:.5rem 0;font-size:1.05rem}
button{display:block;width:100%;margin:.4rem 0;padding:.9rem;font-size:1.05rem;border-radius:.5rem;border:1px solid #889;background:#fff;cursor:pointer}
button[value=paid]{background:#0a7d32;color:#fff;border-color:#0a7d32}
.note{color:#555;font-size:.85rem}
</style></head><body><main>${body}</main></body></html>`;
}

export function checkoutRoutes(app: FastifyInstance, store: MollieStore): void {
  app.get<{ Params: { id: string } }>('/checkout/:id', async (req, reply) => {
    const p = store.payments.get(req.params.id);
    if (p) store.settle(p);
    const lang = langOf(p);
    const t = T[lang];
    reply.type('text/html; charset=utf-8');
    if (!p) return reply.code(404).send(page(lang, `<h1>${esc(t.title)}</h1><p>${esc(t.unknown)}</p>`));
    if (p.status !== 'open') {
      return page(lang, `<h1>${esc(t.done)}</h1><p>${esc(t[p.status] ?? p.status)}</p><p><a href="${esc(p.redirectUrl)}">${esc(t.back)}</a></p>`);
    }
    const profile = [...store.profiles.values()].find((x) => x.id === p.profileId);
    const choices = p.allowedMethods ?? (profile ? store.enabledMethods(profile).map((m) => m.id) : ['ideal']);
    const methods = choices.map((m, i) => `<label><input type="radio" name="method" value="${esc(m)}"${i === 0 ? ' checked' : ''}> ${esc(m)}</label>`).join('');
    const buttons = CHECKOUT_OUTCOMES.map((o) => `<button type="submit" name="outcome" value="${o}">${esc(t[o])}</button>`).join('');
    return page(lang, `<h1>${esc(p.description)}</h1><p>${esc(t.pay)}</p><p class="amount">${esc(p.amount.currency)} ${esc(p.amount.value)}</p>
<form method="post" action="/checkout/${esc(p.id)}"><fieldset><legend>${esc(t.method)}</legend>${methods}</fieldset>
<p>${esc(t.outcome)}</p>${buttons}</form><p class="note">${esc(t.note)}</p>`);
  });

  app.post<{ Params: { id: string }; Body: Record<string, string> }>('/checkout/:id', async (req, reply) => {
    const p = store.payments.get(req.params.id);
    if (!p) return reply.code(404).type('text/html; charset=utf-8').send(page('en', `<p>${esc(T.en.unknown)}</p>`));
    store.settle(p);
    const outcome = req.body?.outcome as CheckoutOutcome | undefined;
    if (!outcome || !CHECKOUT_OUTCOMES.includes(outcome)) return reply.code(400).type('text/html; charset=utf-8').send(page(langOf(p), '<p>outcome?</p>'));
    if (p.status === 'open') {
      const method = typeof req.body.method === 'string' && req.body.method ? req.body.method : undefined;
      if (outcome === 'open') {
        if (method) p.method = method;
      } else {
        store.setStatus(p, outcome, outcome === 'expired' || outcome === 'canceled' ? undefined : method);
      }
    }
    return reply.code(303).header('location', p.status === 'canceled' && p.cancelUrl ? p.cancelUrl : p.redirectUrl).send();
  });
}

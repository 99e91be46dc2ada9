// The e-mails' words in nl/fr/en, as plain text and HTML, with the venue's name and address.
import { fill, type Lang, type Text } from '../platform/i18n.js';
import { ticketTypeName } from '../pricing/service.js';
import { placeNames } from '../inventory/seat-names.js';
import { euros, localDateText, localTimeText } from '../tickets/labels.js';
import type { DocumentTicket } from '../tickets/store.js';
import type { MailTemplate } from './tables.js';
import type { FeeView, VatRow } from '../fees/rules.js';

/** The fees and the VAT breakdown of what an e-mail shows. */
export interface MailMoney {
  fees: FeeView[];
  vat: VatRow[];
}

/** What an e-mail about an order is written from (read in the transaction that queues it). */
export interface MailOrder {
  organisationName: string;
  number: string;
  customerName: string | null;
  /** The order's valid tickets, in seat order. */
  tickets: DocumentTicket[];
  /** What is owed (reminder) or what was paid for the tickets, their service fees included. */
  total: number;
  /** Service fees and VAT per rate. */
  money?: MailMoney;
  /** For a reservation: when it lapses (UTC). */
  reservationExpiresAt: string | null;
  /** The buyer's my-order page. */
  link: string;
  /** A refund's amount. */
  amount?: number;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const T = {
  greeting: { nl: 'Beste {name},', fr: 'Bonjour {name},', en: 'Dear {name},' },
  greetingAnon: { nl: 'Hallo,', fr: 'Bonjour,', en: 'Hello,' },
  confirmSubject: { nl: 'Je tickets voor {title} – bestelling {number}', fr: 'Vos billets pour {title} – commande {number}', en: 'Your tickets for {title} – order {number}' },
  confirmSubjectMany: { nl: 'Je tickets – bestelling {number}', fr: 'Vos billets – commande {number}', en: 'Your tickets – order {number}' },
  confirmIntro: {
    nl: 'Bedankt voor je bestelling {number} bij {org}.',
    fr: 'Merci pour votre commande {number} chez {org}.',
    en: 'Thank you for your order {number} at {org}.',
  },
  confirmAttached: {
    nl: 'Je e-tickets zitten als PDF in de bijlage, één pagina per ticket. Toon ze op je telefoon of print ze; de QR-code wordt bij de ingang gescand.',
    fr: "Vos billets électroniques sont joints en PDF, une page par billet. Montrez-les sur votre téléphone ou imprimez-les ; le code QR est scanné à l'entrée.",
    en: 'Your e-tickets are attached as a PDF, one page per ticket. Show them on your phone or print them; the QR code is scanned at the door.',
  },
  total: { nl: 'Totaal: {amount}', fr: 'Total : {amount}', en: 'Total: {amount}' },
  feeTicket: { nl: 'Servicekosten: {quantity} × {unit} = {amount}', fr: 'Frais de service : {quantity} × {unit} = {amount}', en: 'Service fee: {quantity} × {unit} = {amount}' },
  feeOrder: { nl: 'Servicekosten per bestelling: {amount}', fr: 'Frais de service par commande : {amount}', en: 'Service fee per order: {amount}' },
  vatIncluded: { nl: 'Inclusief btw:', fr: 'TVA comprise :', en: 'VAT included:' },
  vatRow: { nl: 'btw {rate}: {vat} over {net}', fr: 'TVA {rate} : {vat} sur {net}', en: 'VAT {rate}: {vat} on {net}' },
  at: { nl: '{date} om {time}', fr: '{date} à {time}', en: '{date} at {time}' },
  doors: { nl: 'zaal open {time}', fr: 'ouverture des portes {time}', en: 'doors open {time}' },
  linkConfirm: {
    nl: 'Je bestelling bekijken, de tickets opnieuw downloaden of in je agenda zetten:',
    fr: 'Voir votre commande, retélécharger les billets ou les ajouter à votre agenda :',
    en: 'See your order, download the tickets again or add them to your calendar:',
  },
  reminderSubject: {
    nl: 'Je reservering {number} vervalt op {deadline}',
    fr: 'Votre réservation {number} expire le {deadline}',
    en: 'Your reservation {number} lapses on {deadline}',
  },
  reminderIntro: {
    nl: 'Je reservering {number} bij {org} is nog niet betaald. Betaal vóór {deadline}; daarna komen de plaatsen weer vrij in de verkoop.',
    fr: "Votre réservation {number} chez {org} n'est pas encore payée. Payez avant le {deadline} ; ensuite, les places seront remises en vente.",
    en: 'Your reservation {number} at {org} has not been paid yet. Please pay before {deadline}; after that the seats go back on sale.',
  },
  due: { nl: 'Te betalen: {amount}', fr: 'À payer : {amount}', en: 'To pay: {amount}' },
  linkReminder: { nl: 'Je reservering bekijken:', fr: 'Voir votre réservation :', en: 'See your reservation:' },
  refundSubject: { nl: 'Terugbetaling voor bestelling {number}', fr: 'Remboursement de la commande {number}', en: 'Refund for order {number}' },
  refundIntro: {
    nl: 'We hebben {amount} terugbetaald voor je bestelling {number} bij {org}. Afhankelijk van je bank staat het bedrag binnen enkele werkdagen op je rekening.',
    fr: 'Nous avons remboursé {amount} pour votre commande {number} chez {org}. Selon votre banque, le montant apparaîtra sur votre compte dans quelques jours ouvrables.',
    en: 'We have refunded {amount} for your order {number} at {org}. Depending on your bank, it reaches your account within a few working days.',
  },
  linkRefund: { nl: 'Je bestelling bekijken:', fr: 'Voir votre commande :', en: 'See your order:' },
  signOff: { nl: 'Tot ziens,', fr: 'À bientôt,', en: 'See you soon,' },
  automatic: {
    nl: 'Dit bericht is automatisch verstuurd; antwoorden wordt niet gelezen.',
    fr: 'Ce message a été envoyé automatiquement ; les réponses ne sont pas lues.',
    en: 'This message was sent automatically; replies are not read.',
  },
} satisfies Record<string, Text>;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Performance {
  title: string;
  when: string;
  venue: string;
  address: string;
  tickets: string[];
}

function performances(tickets: DocumentTicket[], lang: Lang): Performance[] {
  const byPerformance = new Map<string, Performance>();
  for (const t of tickets) {
    let p = byPerformance.get(t.performance_id);
    if (!p) {
      let when = fill(T.at[lang], { date: localDateText(t.starts_at, t.time_zone, lang), time: localTimeText(t.starts_at, t.time_zone, lang) });
      if (t.doors_open_minutes > 0) {
        const doors = new Date(new Date(t.starts_at).getTime() - t.doors_open_minutes * 60_000);
        when += ` (${fill(T.doors[lang], { time: localTimeText(doors, t.time_zone, lang) })})`;
      }
      p = { title: t.title, when, venue: t.venue_name, address: `${t.venue_address}, ${t.venue_postal_code} ${t.venue_city}`, tickets: [] };
      byPerformance.set(t.performance_id, p);
    }
    p.tickets.push(`${t.hall_name}, ${placeNames([t])[lang]} – ${ticketTypeName(t, lang)} – ${euros(t.price)}`);
  }
  return [...byPerformance.values()];
}

/** The organisation, then each venue of the order with its address: who is writing and from where. */
function footer(o: MailOrder): string[] {
  const venues = [...new Set(o.tickets.map((t) => `${t.venue_name}, ${t.venue_address}, ${t.venue_postal_code} ${t.venue_city}`))];
  return [o.organisationName, ...venues];
}

/** 900 → "9%" (nl, en) or "9 %" (fr); 550 → "5,5%". */
function percent(rate: number, lang: Lang): string {
  const n = (rate / 100).toLocaleString(lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-BE' : 'nl-NL', { maximumFractionDigits: 2 });
  return lang === 'fr' ? `${n} %` : `${n}%`;
}

/** The fee lines (above the total) and the VAT lines (below it). */
function moneyLines(m: MailMoney | undefined, lang: Lang): { fees: string[]; vat: string[] } {
  if (!m) return { fees: [], vat: [] };
  const fees = m.fees.map((f) => (f.kind === 'ticket'
    ? fill(T.feeTicket[lang], { quantity: String(f.quantity), unit: euros(Math.round(f.amount / f.quantity)), amount: euros(f.amount) })
    : fill(T.feeOrder[lang], { amount: euros(f.amount) })));
  const vat = m.vat.length
    ? [T.vatIncluded[lang], ...m.vat.map((r) => fill(T.vatRow[lang], { rate: percent(r.rate, lang), vat: euros(r.vat), net: euros(r.net) }))]
    : [];
  return { fees, vat };
}

interface Parts {
  subject: string;
  intro: string[];
  performances: Performance[];
  sum?: string;
  money?: MailMoney;
  linkLead: string;
}

function compose(o: MailOrder, lang: Lang, parts: Parts): Rendered {
  const money = moneyLines(parts.sum ? parts.money : undefined, lang);
  const hello = o.customerName ? fill(T.greeting[lang], { name: o.customerName }) : T.greetingAnon[lang];
  const text = [
    hello, '',
    ...parts.intro.flatMap((p) => [p, '']),
    ...parts.performances.flatMap((p) => [p.title, p.when, `${p.venue}, ${p.address}`, ...p.tickets.map((t) => `- ${t}`), '']),
    ...(money.fees.length ? [...money.fees, ''] : []),
    ...(parts.sum ? [parts.sum, ''] : []),
    ...(money.vat.length ? [...money.vat, ''] : []),
    parts.linkLead, o.link, '',
    T.signOff[lang], ...footer(o), '',
    T.automatic[lang],
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(parts.subject)}</title></head>`,
    '<body style="font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.45;color:#111;max-width:560px;margin:0 auto;padding:16px">',
    `<p>${esc(hello)}</p>`,
    ...parts.intro.map((p) => `<p>${esc(p)}</p>`),
    ...parts.performances.map((p) => [
      '<div style="border:1px solid #ccc;border-radius:6px;padding:12px;margin:12px 0">',
      `<div style="font-size:18px;font-weight:bold">${esc(p.title)}</div>`,
      `<div>${esc(p.when)}</div>`,
      `<div style="color:#555">${esc(p.venue)}, ${esc(p.address)}</div>`,
      `<ul style="padding-left:18px;margin:8px 0 0">${p.tickets.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`,
      '</div>',
    ].join('')),
    ...(money.fees.length ? [`<p>${money.fees.map(esc).join('<br>')}</p>`] : []),
    ...(parts.sum ? [`<p><strong>${esc(parts.sum)}</strong></p>`] : []),
    ...(money.vat.length ? [`<p style="color:#555;font-size:13px">${money.vat.map(esc).join('<br>')}</p>`] : []),
    `<p>${esc(parts.linkLead)}<br><a href="${esc(o.link)}">${esc(o.link)}</a></p>`,
    `<p>${esc(T.signOff[lang])}<br>${footer(o).map(esc).join('<br>')}</p>`,
    `<p style="color:#777;font-size:12px">${esc(T.automatic[lang])}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: parts.subject, text, html };
}

export function renderMail(template: MailTemplate, o: MailOrder, lang: Lang): Rendered {
  const perfs = performances(o.tickets, lang);
  const org = o.organisationName;
  switch (template) {
    case 'order-confirmation': {
      const titles = [...new Set(perfs.map((p) => p.title))];
      const subject = titles.length === 1
        ? fill(T.confirmSubject[lang], { title: titles[0], number: o.number })
        : fill(T.confirmSubjectMany[lang], { number: o.number });
      const intro = [fill(T.confirmIntro[lang], { number: o.number, org })];
      if (o.tickets.length) intro.push(T.confirmAttached[lang]);
      return compose(o, lang, { subject, intro, performances: perfs, sum: fill(T.total[lang], { amount: euros(o.total) }), money: o.money, linkLead: T.linkConfirm[lang] });
    }
    case 'reservation-reminder': {
      const deadline = o.reservationExpiresAt && o.tickets[0]
        ? fill(T.at[lang], { date: localDateText(o.reservationExpiresAt, o.tickets[0].time_zone, lang), time: localTimeText(o.reservationExpiresAt, o.tickets[0].time_zone, lang) })
        : '';
      return compose(o, lang, {
        subject: fill(T.reminderSubject[lang], { number: o.number, deadline }),
        intro: [fill(T.reminderIntro[lang], { number: o.number, org, deadline })],
        performances: perfs, sum: fill(T.due[lang], { amount: euros(o.total) }), money: o.money, linkLead: T.linkReminder[lang],
      });
    }
    case 'refund-confirmation':
      return compose(o, lang, {
        subject: fill(T.refundSubject[lang], { number: o.number }),
        intro: [fill(T.refundIntro[lang], { amount: euros(o.amount ?? 0), number: o.number, org })],
        performances: [], linkLead: T.linkRefund[lang],
      });
  }
}

// Every word the shop shows, in Dutch, French and English. The browser's language decides at first;
// the buyer's choice is kept.
import { createContext, useContext } from 'react';

export const LANGS = ['nl', 'fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const nl = {
  venue: 'Locatie', genre: 'Genre', language: 'Taal', programme: 'Programma', basket: 'Winkelmandje', loading: 'Even geduld…', back: 'Terug',
  allVenues: 'Alle locaties', allGenres: 'Alle genres', from: 'Vanaf', to: 'Tot en met', filter: 'Filter',
  noPerformances: 'Geen voorstellingen gevonden.', priceFrom: 'vanaf {price}',
  on_sale: 'Te koop', few_left: 'Nog enkele plaatsen', sold_out: 'Uitverkocht', not_yet_open: 'Verkoop start {date}',
  closed: 'Niet online te koop', cancelled: 'Geannuleerd', choose: 'Kies plaatsen', packs: 'Abonnementen en passen', streams: 'Online kijken',
  seatMapLabel: 'Zaalplan: kies met de pijltjestoetsen een stoel, Enter neemt hem of geeft hem terug',
  zoomIn: 'Inzoomen', zoomOut: 'Uitzoomen', zoomReset: 'Hele zaal', stage: 'Podium',
  free: 'Vrij', taken: 'Bezet', mine: 'In uw mandje', wheelchair: 'Rolstoelplaats', companion: 'Begeleider', restricted: 'Beperkt zicht',
  rank: 'Rang', row: 'Rij', seat: 'Stoel', available: '{n} vrij', seatInfo: '{section}, rij {row}, stoel {seat}, rang {rank}',
  tapToZoom: 'Tik op het plan om in te zoomen en tik dan op een stoel.',
  bestAvailable: 'Beste plaatsen', quantity: 'Aantal', anyRank: 'Elke rang', add: 'Toevoegen', standing: 'Vrije plaatsen',
  less: 'Eén minder', more: 'Eén meer', prices: 'Prijzen', ticketType: 'Kaartsoort', price: 'Prijs',
  wheelchairTitle: 'Rolstoelplaats', wheelchairText: 'Deze plaats is voor een rolstoel. Neem hem alleen als u er een nodig hebt.',
  wheelchairYes: 'Ja, ik heb een rolstoelplaats nodig', cancel: 'Annuleren',
  emptyBasket: 'Uw mandje is leeg.', remove: 'Verwijder', total: 'Totaal', heldFor: 'Uw plaatsen blijven nog {time} voor u vastgehouden.',
  expired: 'De tijd is om: uw plaatsen zijn vrijgegeven. Kies ze opnieuw.', toDetails: 'Verder naar uw gegevens', continueShopping: 'Verder winkelen',
  uitpas: 'UiTPAS', uitpasNumber: 'UiTPAS-nummer', uitpasAdd: 'Kansentarief toepassen', uitpasRemove: 'Pas verwijderen',
  uitpasApplied: 'Het UiTPAS-tarief staat op {n} kaart(en).', uitpasNone: 'Geen UiTPAS-tarief toegepast.',
  details: 'Uw gegevens', name: 'Naam', email: 'E-mailadres', emailConfirm: 'E-mailadres (nog eens)', phone: 'Telefoon (niet verplicht)',
  newsletter: 'Stuur mij de nieuwsbrief', terms: 'Ik aanvaard de {link}', termsLink: 'algemene voorwaarden', termsPlain: 'algemene voorwaarden',
  payMethod: 'Betaalwijze', pay: 'Betalen', payTotal: 'Betaal {total}', toPayment: 'U gaat naar de betaalpagina…', orderFree: 'Bestelling bevestigen',
  queueTitle: 'U staat in de rij', queueText: 'Het is erg druk. U bent zo aan de beurt; deze pagina gaat vanzelf verder. Ververs de pagina niet.',
  queueRetry: 'Volgende poging over {s} s…',
  returnChecking: 'We kijken of uw betaling gelukt is…', paidTitle: 'Bedankt! Uw bestelling is betaald.',
  orderNumber: 'Bestelnummer', mailSent: 'We hebben uw tickets gemaild naar {email}.', toMyOrder: 'Bekijk uw tickets',
  failedTitle: 'De betaling is niet gelukt', failedText: 'Er is niets betaald en uw plaatsen zijn weer vrij in de verkoop.',
  backToBasket: 'Terug naar het mandje', retrySeats: 'Dezelfde plaatsen opnieuw proberen',
  myOrder: 'Uw bestelling', tickets: 'Tickets', downloadPdf: 'Tickets downloaden (PDF)', addCalendar: 'In agenda zetten',
  resend: 'E-mail opnieuw sturen', resent: 'De e-mail is opnieuw verstuurd.', showQr: 'Toon QR-code', hideQr: 'Verberg QR-code',
  status_paid: 'Betaald', status_reserved: 'Wacht op betaling', status_cancelled: 'Geannuleerd', status_valid: 'Geldig',
  orderNotFound: 'Deze bestelling bestaat niet (meer).', shopNotFound: 'Deze webwinkel bestaat niet.',
  error: 'Er ging iets mis.', offline: 'Geen verbinding. We proberen het zo opnieuw.', retry: 'Opnieuw',
  packIncludes: 'Kies {min} tot {max}', addPack: 'In het mandje', addStream: 'In het mandje', streamAccess: 'Toegang tot {date}',
  notOnSale: 'Niet te koop', skip: 'Naar de inhoud', doors: 'Duur {n} min.', lines: '{n} kaarten', line1: '1 kaart',
  checkout: 'Afrekenen', toPay: 'Verder naar afrekenen', payTitle: 'Afrekenen', detailsFirst: 'Vul eerst uw gegevens in.', change: 'Wijzigen',
  methodLater: 'Kies op de betaalpagina',
  checkingText: 'Dit duurt meestal maar een paar seconden. Sluit deze pagina niet.', stillOpen: 'Nog niet betaald?', backToPayment: 'Terug naar de betaalpagina',
  returnUnknown: 'Deze betaling kennen we niet', returnUnknownText: 'Deze link is niet (meer) geldig. Kijk in uw e-mail of begin opnieuw.', startAgain: 'Opnieuw beginnen',
  doorsOpen: 'zaal open {time}', qrFor: 'QR-code voor {place}', mailAgainTitle: 'De e-mail opnieuw',
  mailAgainText: 'Niet ontvangen? Kijk ook in uw spammap, of laat de e-mail met de tickets opnieuw sturen naar het adres van de bestelling.',
  resentTo: 'De e-mail is opnieuw verstuurd naar {email}.',
  serviceFee: 'Servicekosten', serviceFeeTickets: 'Servicekosten ({n} kaarten)',
  cancelTitle: 'Bestelling annuleren', cancelText: 'U kunt deze bestelling annuleren tot {until}. U krijgt {amount} terug op de rekening waarmee u betaalde.',
  cancelAsk: 'Bestelling annuleren…', cancelSure: 'Zeker? Al uw kaarten vervallen.', cancelYes: 'Ja, annuleer mijn bestelling', cancelNo: 'Nee, ik houd ze',
};
export type Key = keyof typeof nl;

const fr: Record<Key, string> = {
  venue: 'Lieu', genre: 'Genre', language: 'Langue', programme: 'Programme', basket: 'Panier', loading: 'Un instant…', back: 'Retour',
  allVenues: 'Tous les lieux', allGenres: 'Tous les genres', from: 'Du', to: 'Au', filter: 'Filtrer',
  noPerformances: 'Aucune représentation trouvée.', priceFrom: 'à partir de {price}',
  on_sale: 'En vente', few_left: 'Dernières places', sold_out: 'Complet', not_yet_open: 'Mise en vente le {date}',
  closed: 'Pas en vente en ligne', cancelled: 'Annulé', choose: 'Choisir des places', packs: 'Abonnements et pass', streams: 'Diffusions',
  seatMapLabel: 'Plan de salle : choisissez un siège avec les flèches, Entrée le prend ou le rend',
  zoomIn: 'Agrandir', zoomOut: 'Réduire', zoomReset: 'Toute la salle', stage: 'Scène',
  free: 'Libre', taken: 'Occupé', mine: 'Dans votre panier', wheelchair: 'Place pour fauteuil roulant', companion: 'Accompagnant', restricted: 'Visibilité réduite',
  rank: 'Rang', row: 'Rangée', seat: 'Siège', available: '{n} libres', seatInfo: '{section}, rangée {row}, siège {seat}, rang {rank}',
  tapToZoom: 'Touchez le plan pour agrandir, puis touchez un siège.',
  bestAvailable: 'Meilleures places', quantity: 'Nombre', anyRank: 'Tous les rangs', add: 'Ajouter', standing: 'Places libres',
  less: 'Une de moins', more: 'Une de plus', prices: 'Prix', ticketType: 'Type de billet', price: 'Prix',
  wheelchairTitle: 'Place pour fauteuil roulant', wheelchairText: 'Cette place est destinée à un fauteuil roulant. Ne la prenez que si vous en avez besoin.',
  wheelchairYes: "Oui, j'ai besoin d'une place pour fauteuil roulant", cancel: 'Annuler',
  emptyBasket: 'Votre panier est vide.', remove: 'Retirer', total: 'Total', heldFor: 'Vos places vous sont réservées encore {time}.',
  expired: 'Le temps est écoulé : vos places ont été libérées. Choisissez-les à nouveau.', toDetails: 'Continuer vers vos coordonnées', continueShopping: 'Continuer mes achats',
  uitpas: 'UiTPAS', uitpasNumber: 'Numéro UiTPAS', uitpasAdd: 'Appliquer le tarif social', uitpasRemove: 'Retirer la carte',
  uitpasApplied: 'Le tarif UiTPAS est appliqué à {n} billet(s).', uitpasNone: "Aucun tarif UiTPAS n'a été appliqué.",
  details: 'Vos coordonnées', name: 'Nom', email: 'Adresse e-mail', emailConfirm: 'Adresse e-mail (encore une fois)', phone: 'Téléphone (facultatif)',
  newsletter: "Envoyez-moi la lettre d'information", terms: "J'accepte les {link}", termsLink: 'conditions générales', termsPlain: 'conditions générales',
  payMethod: 'Mode de paiement', pay: 'Payer', payTotal: 'Payer {total}', toPayment: 'Vous allez vers la page de paiement…', orderFree: 'Confirmer la commande',
  queueTitle: "Vous êtes dans la file d'attente", queueText: "Il y a beaucoup de monde. Votre tour arrive ; cette page continuera d'elle-même. N'actualisez pas la page.",
  queueRetry: 'Nouvel essai dans {s} s…',
  returnChecking: 'Nous vérifions votre paiement…', paidTitle: 'Merci ! Votre paiement a bien été reçu.',
  orderNumber: 'Numéro de commande', mailSent: 'Nous avons envoyé vos billets à {email}.', toMyOrder: 'Voir vos billets',
  failedTitle: "Le paiement n'a pas abouti", failedText: "Aucun montant n'a été débité et vos places sont de nouveau en vente.",
  backToBasket: 'Retour au panier', retrySeats: 'Réessayer les mêmes places',
  myOrder: 'Votre commande', tickets: 'Billets', downloadPdf: 'Télécharger les billets (PDF)', addCalendar: 'Ajouter au calendrier',
  resend: "Renvoyer l'e-mail", resent: "L'e-mail a été renvoyé.", showQr: 'Afficher le code QR', hideQr: 'Masquer le code QR',
  status_paid: 'Payée', status_reserved: 'En attente de paiement', status_cancelled: 'Annulée', status_valid: 'Valable',
  orderNotFound: "Cette commande n'existe pas (ou plus).", shopNotFound: "Cette boutique n'existe pas.",
  error: "Une erreur s'est produite.", offline: 'Pas de connexion. Nous réessayons dans un instant.', retry: 'Réessayer',
  packIncludes: 'Choisissez de {min} à {max}', addPack: 'Dans le panier', addStream: 'Dans le panier', streamAccess: "Accès jusqu'au {date}",
  notOnSale: 'Pas en vente', skip: 'Aller au contenu', doors: 'Durée {n} min', lines: '{n} billets', line1: '1 billet',
  checkout: 'Payer', toPay: 'Continuer vers le paiement', payTitle: 'Paiement', detailsFirst: "Indiquez d'abord vos coordonnées.", change: 'Modifier',
  methodLater: 'Choisir sur la page de paiement',
  checkingText: 'Cela ne prend généralement que quelques secondes. Ne fermez pas cette page.', stillOpen: 'Pas encore réglé ?', backToPayment: 'Retour à la page de paiement',
  returnUnknown: 'Paiement introuvable', returnUnknownText: "Ce lien n'est pas (ou plus) valable. Consultez vos e-mails ou recommencez.", startAgain: 'Recommencer',
  doorsOpen: 'ouverture des portes {time}', qrFor: 'Code QR pour {place}', mailAgainTitle: "L'e-mail à nouveau",
  mailAgainText: "Pas reçu ? Vérifiez aussi vos spams, ou faites renvoyer l'e-mail avec les billets à l'adresse de la commande.",
  resentTo: "L'e-mail a été renvoyé à {email}.",
  serviceFee: 'Frais de service', serviceFeeTickets: 'Frais de service ({n} billets)',
  cancelTitle: 'Annuler la commande', cancelText: "Vous pouvez annuler cette commande jusqu'au {until}. Vous serez remboursé de {amount} sur le compte avec lequel vous avez payé.",
  cancelAsk: 'Annuler la commande…', cancelSure: 'Vraiment ? Tous vos billets ne seront plus valables.', cancelYes: 'Oui, annuler ma commande', cancelNo: 'Non, je les garde',
};

const en: Record<Key, string> = {
  venue: 'Venue', genre: 'Genre', language: 'Language', programme: 'Programme', basket: 'Basket', loading: 'One moment…', back: 'Back',
  allVenues: 'All venues', allGenres: 'All genres', from: 'From', to: 'Until', filter: 'Filter',
  noPerformances: 'No performances found.', priceFrom: 'from {price}',
  on_sale: 'On sale', few_left: 'Few seats left', sold_out: 'Sold out', not_yet_open: 'On sale from {date}',
  closed: 'Not sold online', cancelled: 'Cancelled', choose: 'Choose seats', packs: 'Subscriptions and passes', streams: 'Streams',
  seatMapLabel: 'Seat map: choose a seat with the arrow keys, Enter takes it or gives it back',
  zoomIn: 'Zoom in', zoomOut: 'Zoom out', zoomReset: 'Whole hall', stage: 'Stage',
  free: 'Free', taken: 'Taken', mine: 'In your basket', wheelchair: 'Wheelchair space', companion: 'Companion seat', restricted: 'Restricted view',
  rank: 'Rank', row: 'Row', seat: 'Seat', available: '{n} free', seatInfo: '{section}, row {row}, seat {seat}, rank {rank}',
  tapToZoom: 'Tap the map to zoom in, then tap a seat.',
  bestAvailable: 'Best available', quantity: 'Number', anyRank: 'Any rank', add: 'Add', standing: 'Unreserved places',
  less: 'One fewer', more: 'One more', prices: 'Prices', ticketType: 'Ticket type', price: 'Price',
  wheelchairTitle: 'Wheelchair space', wheelchairText: 'This place is for a wheelchair. Only take it if you need one.',
  wheelchairYes: 'Yes, I need a wheelchair space', cancel: 'Cancel',
  emptyBasket: 'Your basket is empty.', remove: 'Remove', total: 'Total', heldFor: 'Your seats are held for you for another {time}.',
  expired: 'Time is up: your seats were released. Please choose them again.', toDetails: 'Continue to your details', continueShopping: 'Continue shopping',
  uitpas: 'UiTPAS', uitpasNumber: 'UiTPAS number', uitpasAdd: 'Apply the social tariff', uitpasRemove: 'Remove pass',
  uitpasApplied: 'The UiTPAS tariff is on {n} ticket(s).', uitpasNone: 'No UiTPAS tariff was applied.',
  details: 'Your details', name: 'Name', email: 'E-mail address', emailConfirm: 'E-mail address (again)', phone: 'Phone (optional)',
  newsletter: 'Send me the newsletter', terms: 'I accept the {link}', termsLink: 'terms and conditions', termsPlain: 'terms and conditions',
  payMethod: 'Payment method', pay: 'Pay', payTotal: 'Pay {total}', toPayment: 'Taking you to the payment page…', orderFree: 'Confirm order',
  queueTitle: 'You are in line', queueText: 'It is very busy. It will be your turn shortly; this page carries on by itself. Do not refresh the page.',
  queueRetry: 'Trying again in {s} s…',
  returnChecking: 'Checking your payment…', paidTitle: 'Thank you! Your order is paid.',
  orderNumber: 'Order number', mailSent: 'We have e-mailed your tickets to {email}.', toMyOrder: 'See your tickets',
  failedTitle: 'The payment did not go through', failedText: 'Nothing was paid and your seats are back on sale.',
  backToBasket: 'Back to the basket', retrySeats: 'Try the same seats again',
  myOrder: 'Your order', tickets: 'Tickets', downloadPdf: 'Download tickets (PDF)', addCalendar: 'Add to calendar',
  resend: 'Send the e-mail again', resent: 'The e-mail was sent again.', showQr: 'Show QR code', hideQr: 'Hide QR code',
  status_paid: 'Paid', status_reserved: 'Awaiting payment', status_cancelled: 'Cancelled', status_valid: 'Valid',
  orderNotFound: 'This order does not exist (any more).', shopNotFound: 'This shop does not exist.',
  error: 'Something went wrong.', offline: 'No connection. Trying again in a moment.', retry: 'Try again',
  packIncludes: 'Choose {min} to {max}', addPack: 'Add to basket', addStream: 'Add to basket', streamAccess: 'Access until {date}',
  notOnSale: 'Not on sale', skip: 'Skip to content', doors: 'Duration {n} min', lines: '{n} tickets', line1: '1 ticket',
  checkout: 'Pay', toPay: 'Continue to payment', payTitle: 'Payment', detailsFirst: 'Please fill in your details first.', change: 'Change',
  methodLater: 'Choose on the payment page',
  checkingText: 'This usually takes only a few seconds. Please keep this page open.', stillOpen: 'Not paid yet?', backToPayment: 'Back to the payment page',
  returnUnknown: 'We do not know this payment', returnUnknownText: 'This link is not valid (any more). Check your e-mail or start again.', startAgain: 'Start again',
  doorsOpen: 'doors open {time}', qrFor: 'QR code for {place}', mailAgainTitle: 'The e-mail again',
  mailAgainText: "Not received? Check your spam folder too, or have the e-mail with the tickets sent again to the order's address.",
  resentTo: 'The e-mail was sent again to {email}.',
  serviceFee: 'Service fee', serviceFeeTickets: 'Service fee ({n} tickets)',
  cancelTitle: 'Cancel the order', cancelText: 'You can cancel this order until {until}. You get {amount} back on the account you paid with.',
  cancelAsk: 'Cancel the order…', cancelSure: 'Are you sure? All your tickets will no longer be valid.', cancelYes: 'Yes, cancel my order', cancelNo: 'No, keep them',
};

export const DICTIONARY: Record<Lang, Record<Key, string>> = { nl, fr, en };

const KEY = 'foyer.shop.lang';

/** The buyer's earlier choice, else the first of the browser's languages the shop speaks, else Dutch. */
export function initialLang(): Lang {
  const stored = localStorage.getItem(KEY);
  if ((LANGS as readonly string[]).includes(stored ?? '')) return stored as Lang;
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.toLowerCase().split('-')[0];
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'nl';
}

export const rememberLang = (l: Lang): void => localStorage.setItem(KEY, l);

export interface I18n { lang: Lang; t(k: Key, params?: Record<string, string | number>): string; setLang(l: Lang): void }
export const I18nContext = createContext<I18n | null>(null);

export function translate(lang: Lang, k: Key, params: Record<string, string | number> = {}): string {
  return DICTIONARY[lang][k].replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside the shop');
  return v;
}

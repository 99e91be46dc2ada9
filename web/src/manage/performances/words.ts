// Words of the performances panel (series, status, sales per channel, cancelling), in nl, en and fr.
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';

const nl = {
  performances: 'Voorstellingen', none: 'Nog geen voorstellingen.', newOne: 'Eén voorstelling', newSeries: 'Reeks voorstellingen',
  hall: 'Zaal', startsAt: 'Begin', from: 'Van', to: 'Tot en met', weekdays: 'Dagen', times: 'Aanvangsuren', timesHint: 'bijv. 20:15 of 14:30, 20:15',
  except: 'Uitzonderingen', exceptHint: 'Klik een datum in het voorbeeld om hem over te slaan', durationMinutes: 'Duur (minuten)',
  doorsOpenMinutes: 'Deuren open (minuten vooraf)', standardTicketTypeId: 'Standaard tickettype', noType: '— geen —', status: 'Status',
  'status-draft': 'Concept', 'status-on_sale': 'In verkoop', 'status-sold_out': 'Uitverkocht', 'status-cancelled': 'Geannuleerd',
  preview: 'Voorbeeld', previewCount: '{n} voorstellingen', create: 'Aanmaken', createSeries: '{n} voorstellingen aanmaken',
  created: '{n} voorstellingen aangemaakt', timeZoneNote: 'Tijden in de tijdzone van de locatie ({zone}), ook na de wissel van zomer- naar wintertijd',
  skip: 'overslaan', skipped: 'overgeslagen', edit: 'Bewerken', close: 'Sluiten', save: 'Voorstelling opslaan', saved: 'Opgeslagen',
  doorsAt: 'deuren {time}', sales: 'Verkoop per kanaal', 'channel-boxoffice': 'Kassa', 'channel-online': 'Online',
  opensAt: 'Verkoop open vanaf', closesAt: 'Verkoop sluit', salesHint: 'Leeg: vanaf nu / tot het einde van de voorstelling',
  seriesSalesHint: 'Dezelfde momenten voor elke voorstelling van de reeks; leeg: vanaf nu / tot het einde van elke voorstelling',
  uitpasEnabled: 'UiTPAS-evenement', uitdatabankEventId: 'UiTdatabank event-id', selectAll: 'Alles kiezen', selected: '{n} gekozen',
  putOnSale: 'In verkoop zetten', openOnline: 'Online verkoop openen vanaf', apply: 'Toepassen', applied: '{n} voorstellingen bijgewerkt',
  cancel: 'Annuleren…', cancelTitle: 'Voorstelling annuleren: {what}', cancelIntro: 'Wat er gebeurt als je deze voorstelling annuleert:',
  cancelTickets: '{n} kaarten in {orders} bestellingen worden geannuleerd', cancelRefund: '{amount} wordt terugbetaald ({n} betaalde bestellingen, waarvan {online} online via de betaalprovider)',
  cancelRefundDesk: '{amount} wordt terugbetaald ({n} betaalde bestellingen)',
  cancelReservations: '{n} onbetaalde reserveringen vervallen', cancelUitpas: '{n} UiTPAS-verkopen worden bij UiTPAS geannuleerd',
  cancelDip: 'DIP: {sold} verkochte kaarten ({revenue}) gaan naar 0 bij de volgende melding', cancelHolds: '{n} plaatsen in open winkelmandjes komen vrij',
  cancelNothing: 'Er zijn nog geen kaarten verkocht of gereserveerd.', cancelFinal: 'Dit kan niet ongedaan gemaakt worden.',
  cancelConfirm: 'Ja, annuleer de voorstelling', cancelled: 'Voorstelling geannuleerd; {n} kaarten geannuleerd', keep: 'Niet annuleren',
  prices: 'Prijzen', page: '{from}–{to} van {total}',
};
export type PerformanceWord = keyof typeof nl;

const en: Record<PerformanceWord, string> = {
  performances: 'Performances', none: 'No performances yet.', newOne: 'One performance', newSeries: 'Series of performances',
  hall: 'Hall', startsAt: 'Start', from: 'From', to: 'Until', weekdays: 'Days', times: 'Start times', timesHint: 'e.g. 20:15 or 14:30, 20:15',
  except: 'Exceptions', exceptHint: 'Click a date in the preview to leave it out', durationMinutes: 'Duration (minutes)',
  doorsOpenMinutes: 'Doors open (minutes before)', standardTicketTypeId: 'Standard ticket type', noType: '— none —', status: 'Status',
  'status-draft': 'Draft', 'status-on_sale': 'On sale', 'status-sold_out': 'Sold out', 'status-cancelled': 'Cancelled',
  preview: 'Preview', previewCount: '{n} performances', create: 'Create', createSeries: 'Create {n} performances',
  created: '{n} performances created', timeZoneNote: 'Times in the venue’s time zone ({zone}), also after a change between summer and winter time',
  skip: 'leave out', skipped: 'left out', edit: 'Edit', close: 'Close', save: 'Save performance', saved: 'Saved',
  doorsAt: 'doors {time}', sales: 'Sales per channel', 'channel-boxoffice': 'Box office', 'channel-online': 'Online',
  opensAt: 'Sales open from', closesAt: 'Sales close', salesHint: 'Empty: from now / until the end of the performance',
  seriesSalesHint: 'The same moments for every performance of the series; empty: from now / until the end of each performance',
  uitpasEnabled: 'UiTPAS event', uitdatabankEventId: 'UiTdatabank event id', selectAll: 'Select all', selected: '{n} selected',
  putOnSale: 'Put on sale', openOnline: 'Open online sales from', apply: 'Apply', applied: '{n} performances updated',
  cancel: 'Cancel…', cancelTitle: 'Cancel performance: {what}', cancelIntro: 'What happens when you cancel this performance:',
  cancelTickets: '{n} tickets in {orders} orders are cancelled', cancelRefund: '{amount} is refunded ({n} paid orders, {online} of them online through the payment provider)',
  cancelRefundDesk: '{amount} is refunded ({n} paid orders)',
  cancelReservations: '{n} unpaid reservations lapse', cancelUitpas: '{n} UiTPAS sales are cancelled at UiTPAS',
  cancelDip: 'DIP: {sold} tickets sold ({revenue}) go to 0 in the next report', cancelHolds: '{n} places in open baskets are released',
  cancelNothing: 'No tickets have been sold or reserved yet.', cancelFinal: 'This cannot be undone.',
  cancelConfirm: 'Yes, cancel the performance', cancelled: 'Performance cancelled; {n} tickets cancelled', keep: 'Do not cancel',
  prices: 'Prices', page: '{from}–{to} of {total}',
};

const fr: Record<PerformanceWord, string> = {
  performances: 'Représentations', none: 'Pas encore de représentation.', newOne: 'Une représentation', newSeries: 'Série de représentations',
  hall: 'Salle', startsAt: 'Début', from: 'Du', to: 'Jusqu’au', weekdays: 'Jours', times: 'Heures de début', timesHint: 'p. ex. 20:15 ou 14:30, 20:15',
  except: 'Exceptions', exceptHint: 'Cliquez une date dans l’aperçu pour la sauter', durationMinutes: 'Durée (minutes)',
  doorsOpenMinutes: 'Ouverture des portes (minutes avant)', standardTicketTypeId: 'Type de billet standard', noType: '— aucun —', status: 'Statut',
  'status-draft': 'Brouillon', 'status-on_sale': 'En vente', 'status-sold_out': 'Complet', 'status-cancelled': 'Annulée',
  preview: 'Aperçu', previewCount: '{n} représentations', create: 'Créer', createSeries: 'Créer {n} représentations',
  created: '{n} représentations créées', timeZoneNote: 'Heures dans le fuseau du lieu ({zone}), aussi après le passage à l’heure d’été ou d’hiver',
  skip: 'sauter', skipped: 'sautée', edit: 'Modifier', close: 'Fermer', save: 'Enregistrer la représentation', saved: 'Enregistré',
  doorsAt: 'portes {time}', sales: 'Vente par canal', 'channel-boxoffice': 'Guichet', 'channel-online': 'En ligne',
  opensAt: 'Vente ouverte à partir de', closesAt: 'Fin de la vente', salesHint: 'Vide : dès maintenant / jusqu’à la fin de la représentation',
  seriesSalesHint: 'Les mêmes moments pour chaque représentation de la série ; vide : dès maintenant / jusqu’à la fin de chaque représentation',
  uitpasEnabled: 'Événement UiTPAS', uitdatabankEventId: 'Identifiant d’événement UiTdatabank', selectAll: 'Tout choisir', selected: '{n} choisies',
  putOnSale: 'Mettre en vente', openOnline: 'Ouvrir la vente en ligne à partir du', apply: 'Appliquer', applied: '{n} représentations mises à jour',
  cancel: 'Annuler…', cancelTitle: 'Annuler la représentation : {what}', cancelIntro: 'Ce qui se passe si vous annulez cette représentation :',
  cancelTickets: '{n} billets dans {orders} commandes sont annulés', cancelRefund: '{amount} est remboursé ({n} commandes payées, dont {online} en ligne via le prestataire de paiement)',
  cancelRefundDesk: '{amount} est remboursé ({n} commandes payées)',
  cancelReservations: '{n} réservations non payées expirent', cancelUitpas: '{n} ventes UiTPAS sont annulées auprès d’UiTPAS',
  cancelDip: 'DIP : {sold} billets vendus ({revenue}) passent à 0 lors du prochain envoi', cancelHolds: '{n} places dans des paniers ouverts sont libérées',
  cancelNothing: 'Aucun billet n’a encore été vendu ni réservé.', cancelFinal: 'Impossible de revenir en arrière.',
  cancelConfirm: 'Oui, annuler la représentation', cancelled: 'Représentation annulée ; {n} billets annulés', keep: 'Ne pas annuler',
  prices: 'Prix', page: '{from}–{to} sur {total}',
};

const WORDS: Record<Lang, Record<PerformanceWord, string>> = { nl, en, fr };
/** The words for exactly one ({n} = 1), where they differ. */
const ONE: Record<Lang, Partial<Record<PerformanceWord, string>>> = {
  nl: {
    previewCount: '1 voorstelling', createSeries: '1 voorstelling aanmaken', created: '1 voorstelling aangemaakt', applied: '1 voorstelling bijgewerkt',
    cancelTickets: '1 kaart in 1 bestelling wordt geannuleerd', cancelRefund: '{amount} wordt terugbetaald (1 betaalde bestelling, waarvan {online} online via de betaalprovider)',
    cancelRefundDesk: '{amount} wordt terugbetaald (1 betaalde bestelling)', cancelReservations: '1 onbetaalde reservering vervalt',
    cancelUitpas: '1 UiTPAS-verkoop wordt bij UiTPAS geannuleerd', cancelHolds: '1 plaats in een open winkelmandje komt vrij', cancelled: 'Voorstelling geannuleerd; 1 kaart geannuleerd',
  },
  en: {
    previewCount: '1 performance', createSeries: 'Create 1 performance', created: '1 performance created', applied: '1 performance updated',
    cancelTickets: '1 ticket in 1 order is cancelled', cancelRefund: '{amount} is refunded (1 paid order, {online} of it online through the payment provider)',
    cancelRefundDesk: '{amount} is refunded (1 paid order)', cancelReservations: '1 unpaid reservation lapses',
    cancelUitpas: '1 UiTPAS sale is cancelled at UiTPAS', cancelHolds: '1 place in an open basket is released', cancelled: 'Performance cancelled; 1 ticket cancelled',
  },
  fr: {
    previewCount: '1 représentation', createSeries: 'Créer 1 représentation', created: '1 représentation créée', applied: '1 représentation mise à jour',
    cancelTickets: '1 billet dans 1 commande est annulé', cancelRefund: '{amount} est remboursé (1 commande payée, dont {online} en ligne via le prestataire de paiement)',
    cancelRefundDesk: '{amount} est remboursé (1 commande payée)', cancelReservations: '1 réservation non payée expire',
    cancelUitpas: '1 vente UiTPAS est annulée auprès d’UiTPAS', cancelHolds: '1 place dans un panier ouvert est libérée', cancelled: 'Représentation annulée ; 1 billet annulé',
  },
};
const WEEKDAYS: Record<Lang, string[]> = {
  nl: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'], en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], fr: ['lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'],
};

const fillIn = (s: string, params: Record<string, string | number> = {}) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export function usePerformanceWords() {
  const { lang } = useI18n();
  return {
    lang,
    w: (k: PerformanceWord, params?: Record<string, string | number>) => fillIn((params?.n === 1 ? ONE[lang][k] : undefined) ?? WORDS[lang][k], params),
    /** ISO weekday 1..7 */
    weekday: (d: number) => WEEKDAYS[lang][d - 1],
  };
}

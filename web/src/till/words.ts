// The till's words (shifts, cash-up, split payment, gift vouchers) in Dutch, English and French.
import { useI18n } from '../i18n/i18n.js';

const nl = {
  till: 'Kassa', shift: 'Dienst', noShift: 'Geen dienst open', shiftOpen: 'Dienst open', openShift: 'Dienst openen', float: 'Wisselgeld in de la',
  closeShift: 'Dienst afsluiten', countedCash: 'Geteld contant geld', countedPin: 'Pinterminal totaal', note: 'Opmerking',
  cashUp: 'Kasopmaak', method: 'Betaalwijze', taken: 'Ontvangen', refunded: 'Terugbetaald', expected: 'Verwacht', counted: 'Geteld',
  difference: 'Verschil', vouchersSold: 'Cadeaubonnen verkocht', net: 'Netto ontvangen', ordersCount: 'Bestellingen', openedAt: 'Geopend',
  closedAt: 'Gesloten', cashier: 'Kassamedewerker', downloadPdf: 'PDF downloaden', dailyClosing: 'Dagafsluiting', day: 'Dag', show: 'Toon',
  shifts: 'Diensten', noShiftWarning: 'Er is geen dienst open: deze verkoop telt in geen enkele kasopmaak.',
  split: 'Gesplitst betalen', remaining: 'Nog te betalen', voucher: 'Cadeaubon', voucherCode: 'Boncode', amount: 'Bedrag', checkBalance: 'Saldo opvragen',
  balance: 'Saldo', validUntil: 'Geldig tot en met', sellVoucher: 'Cadeaubon verkopen', voucherValue: 'Waarde cadeaubon', soldVouchers: 'Verkochte cadeaubonnen',
  printVouchers: 'Cadeaubonnen afdrukken', lookUpVoucher: 'Cadeaubon opzoeken', uses: 'Gebruik', redeem: 'besteed', return: 'teruggezet',
  state_valid: 'geldig', state_spent: 'opgebruikt', state_expired: 'verlopen', state_cancelled: 'geannuleerd', payAll: 'Rest',
  m_cash: 'Contant', m_pin: 'Pin', m_card: 'Creditcard', m_voucher: 'Cadeaubon', m_invoice: 'Factuur', m_online: 'Online',
};
type Words = typeof nl;

const en: Words = {
  till: 'Till', shift: 'Shift', noShift: 'No shift open', shiftOpen: 'Shift open', openShift: 'Open shift', float: 'Float in the drawer',
  closeShift: 'Close shift', countedCash: 'Cash counted', countedPin: 'Pin terminal total', note: 'Note',
  cashUp: 'Cash-up', method: 'Method', taken: 'Taken', refunded: 'Refunded', expected: 'Expected', counted: 'Counted',
  difference: 'Difference', vouchersSold: 'Gift vouchers sold', net: 'Net taken', ordersCount: 'Orders', openedAt: 'Opened',
  closedAt: 'Closed', cashier: 'Cashier', downloadPdf: 'Download PDF', dailyClosing: 'Daily closing', day: 'Day', show: 'Show',
  shifts: 'Shifts', noShiftWarning: 'No shift is open: this sale counts in no cash-up.',
  split: 'Split payment', remaining: 'Still to pay', voucher: 'Gift voucher', voucherCode: 'Voucher code', amount: 'Amount', checkBalance: 'Check balance',
  balance: 'Balance', validUntil: 'Valid until', sellVoucher: 'Sell gift voucher', voucherValue: 'Voucher value', soldVouchers: 'Gift vouchers sold',
  printVouchers: 'Print gift vouchers', lookUpVoucher: 'Look up a gift voucher', uses: 'Uses', redeem: 'spent', return: 'given back',
  state_valid: 'valid', state_spent: 'spent', state_expired: 'expired', state_cancelled: 'cancelled', payAll: 'Rest',
  m_cash: 'Cash', m_pin: 'Debit card', m_card: 'Credit card', m_voucher: 'Gift voucher', m_invoice: 'Invoice', m_online: 'Online',
};

const fr: Words = {
  till: 'Caisse', shift: 'Service', noShift: 'Aucun service ouvert', shiftOpen: 'Service ouvert', openShift: 'Ouvrir le service', float: 'Fonds de caisse',
  closeShift: 'Clôturer le service', countedCash: 'Espèces comptées', countedPin: 'Total du terminal Bancontact', note: 'Remarque',
  cashUp: 'Clôture de caisse', method: 'Moyen', taken: 'Encaissé', refunded: 'Remboursé', expected: 'Attendu', counted: 'Compté',
  difference: 'Écart', vouchersSold: 'Chèques-cadeaux vendus', net: 'Net encaissé', ordersCount: 'Commandes', openedAt: 'Ouvert',
  closedAt: 'Clôturé', cashier: 'Caissier', downloadPdf: 'Télécharger le PDF', dailyClosing: 'Clôture journalière', day: 'Jour', show: 'Afficher',
  shifts: 'Services', noShiftWarning: 'Aucun service ouvert : cette vente ne compte dans aucune clôture de caisse.',
  split: 'Paiement partagé', remaining: 'Reste à payer', voucher: 'Chèque-cadeau', voucherCode: 'Code du chèque', amount: 'Montant', checkBalance: 'Consulter le solde',
  balance: 'Solde', validUntil: "Valable jusqu'au", sellVoucher: 'Vendre un chèque-cadeau', voucherValue: 'Valeur du chèque', soldVouchers: 'Chèques-cadeaux vendus',
  printVouchers: 'Imprimer les chèques-cadeaux', lookUpVoucher: 'Rechercher un chèque-cadeau', uses: 'Utilisations', redeem: 'dépensé', return: 'rendu',
  state_valid: 'valable', state_spent: 'épuisé', state_expired: 'expiré', state_cancelled: 'annulé', payAll: 'Reste',
  m_cash: 'Espèces', m_pin: 'Bancontact', m_card: 'Carte de crédit', m_voucher: 'Chèque-cadeau', m_invoice: 'Facture', m_online: 'En ligne',
};

const TILL = { nl, en, fr };
export type TillKey = keyof Words;

export function useTill() {
  const { lang } = useI18n();
  const words = TILL[lang];
  return { tw: (k: TillKey): string => words[k], method: (m: string): string => (words as Record<string, string>)[`m_${m}`] ?? m };
}

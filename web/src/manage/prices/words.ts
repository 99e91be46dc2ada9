// Words of the price-list editor, in nl, en and fr.
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';

const nl = {
  prices: 'Prijslijst', productionPrices: 'Prijslijst van de productie', rank: 'rang', ticketType: 'Tickettype', addRank: 'Rang toevoegen',
  hint: 'Bedragen in euro, btw inbegrepen (12,50 of 12.50). Leeg: dit tickettype wordt in die rang niet verkocht.',
  productionHint: 'Nieuwe voorstellingen van de productie krijgen deze lijst. Bestaande voorstellingen houden de hunne tot je hem toepast.',
  save: 'Prijslijst opslaan', saved: 'Prijslijst opgeslagen', notAmount: 'geen bedrag', apply: 'Toepassen op alle voorstellingen',
  confirmApply: 'De prijslijst van {n} voorstelling(en) vervangen door deze lijst? {unchanged} hebben hem al, {skipped} geannuleerde of begonnen blijven zoals ze zijn. Verkochte tickets houden hun prijs.',
  nothingToApply: 'Alle voorstellingen hebben deze lijst al ({skipped} geannuleerde of begonnen overgeslagen).',
  applied: 'Prijslijst toegepast op {n} voorstelling(en).', close: 'Sluiten', archived: 'gearchiveerd', vatRate: 'Btw (%)', open: 'Prijzen',
};
export type PriceWord = keyof typeof nl;

const en: Record<PriceWord, string> = {
  prices: 'Price list', productionPrices: 'Price list of the production', rank: 'rank', ticketType: 'Ticket type', addRank: 'Add rank',
  hint: 'Amounts in euros, VAT included (12.50 or 12,50). Empty: this ticket type is not sold in that rank.',
  productionHint: 'New performances of the production get this list. Existing performances keep theirs until you apply it.',
  save: 'Save price list', saved: 'Price list saved', notAmount: 'not an amount', apply: 'Apply to all performances',
  confirmApply: 'Replace the price list of {n} performance(s) with this list? {unchanged} already have it, {skipped} cancelled or started ones stay as they are. Sold tickets keep their price.',
  nothingToApply: 'Every performance already has this list ({skipped} cancelled or started ones skipped).',
  applied: 'Price list applied to {n} performance(s).', close: 'Close', archived: 'archived', vatRate: 'VAT (%)', open: 'Prices',
};

const fr: Record<PriceWord, string> = {
  prices: 'Liste de prix', productionPrices: 'Liste de prix de la production', rank: 'rang', ticketType: 'Type de billet', addRank: 'Ajouter un rang',
  hint: 'Montants en euros, TVA comprise (12,50 ou 12.50). Vide : ce type de billet n’est pas vendu dans ce rang.',
  productionHint: 'Les nouvelles représentations de la production reçoivent cette liste. Les représentations existantes gardent la leur jusqu’à ce que vous l’appliquiez.',
  save: 'Enregistrer la liste de prix', saved: 'Liste de prix enregistrée', notAmount: 'pas un montant', apply: 'Appliquer à toutes les représentations',
  confirmApply: 'Remplacer la liste de prix de {n} représentation(s) par cette liste ? {unchanged} l’ont déjà, {skipped} annulées ou commencées restent telles quelles. Les billets vendus gardent leur prix.',
  nothingToApply: 'Toutes les représentations ont déjà cette liste ({skipped} annulées ou commencées ignorées).',
  applied: 'Liste de prix appliquée à {n} représentation(s).', close: 'Fermer', archived: 'archivé', vatRate: 'TVA (%)', open: 'Prix',
};

const WORDS: Record<Lang, Record<PriceWord, string>> = { nl, en, fr };
const fillIn = (s: string, params: Record<string, string | number> = {}) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export function usePriceWords() {
  const { lang } = useI18n();
  return { lang, w: (k: PriceWord, params?: Record<string, string | number>) => fillIn(WORDS[lang][k], params) };
}

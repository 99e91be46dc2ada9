// Words of the report charts, in nl, en and fr (channel, category and method names come from the app's dictionary).
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';

const nl = {
  salesOverTime: 'Verkoop in de tijd tegen de capaciteit', perDay: 'Verkocht per dag', soldSoFar: 'Verkocht totaal', capacity: 'Capaciteit',
  occupancy: 'Bezetting per voorstelling', sold: 'verkocht', pace: 'Verkooptempo per minuut', soldTotal: 'Totaal verkocht',
  minutes: 'Minuten', paceFrom: 'Vanaf', 'source.from': 'het gekozen moment', 'source.online-window': 'de start van de online verkoop',
  'source.first-sale': 'de eerste verkoop', noPace: 'Nog geen verkoop om een tempo van te tonen.',
  revenueByType: 'Omzet per tickettype en kanaal', revenuePerDay: 'Omzet per dag en kanaal', tickets: 'tickets', chooseHint: 'Kies een voorstelling in de tabel voor haar verkoop in de tijd en het verkooptempo.',
};
export type ChartWord = keyof typeof nl;

const en: Record<ChartWord, string> = {
  salesOverTime: 'Sales over time against capacity', perDay: 'Sold per day', soldSoFar: 'Sold so far', capacity: 'Capacity',
  occupancy: 'Occupancy per performance', sold: 'sold', pace: 'Pace of sales per minute', soldTotal: 'Sold in total',
  minutes: 'Minutes', paceFrom: 'From', 'source.from': 'the chosen moment', 'source.online-window': 'the start of online sales',
  'source.first-sale': 'the first sale', noPace: 'No sales yet to show a pace of.',
  revenueByType: 'Revenue by ticket type and channel', revenuePerDay: 'Revenue per day and channel', tickets: 'tickets', chooseHint: 'Choose a performance in the table for its sales over time and pace of sales.',
};

const fr: Record<ChartWord, string> = {
  salesOverTime: 'Ventes dans le temps face à la capacité', perDay: 'Vendus par jour', soldSoFar: 'Vendus au total', capacity: 'Capacité',
  occupancy: 'Taux de remplissage par représentation', sold: 'vendus', pace: 'Rythme des ventes par minute', soldTotal: 'Total vendu',
  minutes: 'Minutes', paceFrom: 'Depuis', 'source.from': 'le moment choisi', 'source.online-window': 'l’ouverture de la vente en ligne',
  'source.first-sale': 'la première vente', noPace: 'Pas encore de ventes pour en montrer le rythme.',
  revenueByType: 'Recette par type de billet et canal', revenuePerDay: 'Recette par jour et canal', tickets: 'billets', chooseHint: 'Choisissez une représentation dans le tableau pour ses ventes dans le temps et leur rythme.',
};

export const CHART_WORDS: Record<Lang, Record<ChartWord, string>> = { nl, en, fr };

export function useChartWords(): (k: ChartWord) => string {
  const { lang } = useI18n();
  return (k) => CHART_WORDS[lang][k];
}

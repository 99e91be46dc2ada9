// Words of the productions section, in nl, en and fr.
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';

const nl = {
  section: 'Producties', productions: 'Producties', newProduction: 'Nieuwe productie', production: 'Productie', title: 'Titel',
  subtitle: 'Ondertitel', producer: 'Producent', genre: 'Genre', description: 'Beschrijving', imageUrl: 'Afbeelding (adres)',
  imageHint: 'https://… een JPEG of PNG op de site van de zaal of het gezelschap', durationMinutes: 'Duur (minuten)',
  durationHint: 'Nieuwe voorstellingen krijgen deze duur', ageAdvice: 'Leeftijdsadvies', ageHint: 'bijv. 12+ of 6-10 jaar',
  dipProductionId: 'DIP-productienummer', dipHint: 'NL-jj-producent-nummer, bijv. NL-26-101-000123',
  uitdatabankEventId: 'UiTdatabank event-id', uitdatabankHint: 'Nieuwe voorstellingen krijgen dit event; elke voorstelling kan een eigen hebben',
  uitpasEnabled: 'UiTPAS aan voor nieuwe voorstellingen', languages: 'Talen van de teksten', save: 'Productie opslaan',
  saved: 'Productie opgeslagen', none: 'Nog geen producties.', noMatch: 'Geen productie gevonden.', searchHint: 'Zoek op titel',
  page: '{from}–{to} van {total}', readOnly: 'Alleen beheerders wijzigen producties.', delete: 'Productie verwijderen',
  confirmDelete: '"{title}" verwijderen? Dat kan alleen zolang ze geen voorstellingen heeft.', minutes: 'min',
  'lang-nl': 'Nederlands', 'lang-fr': 'Frans', 'lang-en': 'Engels',
};
export type ProductionWord = keyof typeof nl;

const en: Record<ProductionWord, string> = {
  section: 'Productions', productions: 'Productions', newProduction: 'New production', production: 'Production', title: 'Title',
  subtitle: 'Subtitle', producer: 'Producer', genre: 'Genre', description: 'Description', imageUrl: 'Image (address)',
  imageHint: 'https://… a JPEG or PNG on the venue’s or the company’s site', durationMinutes: 'Duration (minutes)',
  durationHint: 'New performances get this duration', ageAdvice: 'Age advice', ageHint: 'e.g. 12+ or 6-10 years',
  dipProductionId: 'DIP production id', dipHint: 'NL-yy-producer-number, e.g. NL-26-101-000123',
  uitdatabankEventId: 'UiTdatabank event id', uitdatabankHint: 'New performances get this event; each performance can have its own',
  uitpasEnabled: 'UiTPAS on for new performances', languages: 'Languages of the texts', save: 'Save production',
  saved: 'Production saved', none: 'No productions yet.', noMatch: 'No production found.', searchHint: 'Search by title',
  page: '{from}–{to} of {total}', readOnly: 'Only administrators change productions.', delete: 'Delete production',
  confirmDelete: 'Delete "{title}"? Only possible while it has no performances.', minutes: 'min',
  'lang-nl': 'Dutch', 'lang-fr': 'French', 'lang-en': 'English',
};

const fr: Record<ProductionWord, string> = {
  section: 'Productions', productions: 'Productions', newProduction: 'Nouvelle production', production: 'Production', title: 'Titre',
  subtitle: 'Sous-titre', producer: 'Producteur', genre: 'Genre', description: 'Description', imageUrl: 'Image (adresse)',
  imageHint: 'https://… un JPEG ou PNG sur le site du lieu ou de la compagnie', durationMinutes: 'Durée (minutes)',
  durationHint: 'Les nouvelles représentations prennent cette durée', ageAdvice: 'Âge conseillé', ageHint: 'p. ex. 12+ ou 6-10 ans',
  dipProductionId: 'Numéro de production DIP', dipHint: 'NL-aa-producteur-numéro, p. ex. NL-26-101-000123',
  uitdatabankEventId: 'Identifiant d’événement UiTdatabank', uitdatabankHint: 'Les nouvelles représentations prennent cet événement ; chacune peut avoir le sien',
  uitpasEnabled: 'UiTPAS activé pour les nouvelles représentations', languages: 'Langues des textes', save: 'Enregistrer la production',
  saved: 'Production enregistrée', none: 'Pas encore de production.', noMatch: 'Aucune production trouvée.', searchHint: 'Rechercher par titre',
  page: '{from}–{to} sur {total}', readOnly: 'Seuls les administrateurs modifient les productions.', delete: 'Supprimer la production',
  confirmDelete: 'Supprimer « {title} » ? Possible seulement tant qu’elle n’a pas de représentation.', minutes: 'min',
  'lang-nl': 'Néerlandais', 'lang-fr': 'Français', 'lang-en': 'Anglais',
};

const WORDS: Record<Lang, Record<ProductionWord, string>> = { nl, en, fr };
export const SECTION_LABEL: Record<Lang, string> = { nl: nl.section, en: en.section, fr: fr.section };

const fillIn = (s: string, params: Record<string, string | number> = {}) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export function useProductionWords() {
  const { lang } = useI18n();
  return { lang, w: (k: ProductionWord, params?: Record<string, string | number>) => fillIn(WORDS[lang][k], params) };
}

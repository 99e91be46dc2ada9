// The back office shell's own words; each section keeps its words in its own folder.
import { useI18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/dictionary.js';

const nl = {
  tab: 'Beheer', sections: 'Onderdelen', required: 'Verplicht', save: 'Opslaan', saved: 'Opgeslagen', cancel: 'Annuleren',
  create: 'Nieuw', edit: 'Bewerken', delete: 'Verwijderen', search: 'Zoeken', previous: 'Vorige', next: 'Volgende', none: 'Nog niets',
  confirm: 'Bevestigen', readOnly: 'Alleen lezen', noSections: 'Er is nog geen beheeronderdeel.',
  copy: 'Kopiëren', copiedToClipboard: 'Gekopieerd', copyFailed: 'Kopiëren lukte niet: selecteer het en kopieer met de hand',
  secretWarning: 'Foyer toont dit secret nooit meer. Bewaar het waar alleen de applicatie het leest: wie het heeft, handelt namens uw organisatie.',
  secretDone: 'Ik heb het gekopieerd',
  needHall: 'Maak eerst een locatie en zaal aan:', needTicketTypes: 'Maak eerst tickettypes aan:',
};
export type ManageWord = keyof typeof nl;

const en: Record<ManageWord, string> = {
  tab: 'Manage', sections: 'Sections', required: 'Required', save: 'Save', saved: 'Saved', cancel: 'Cancel',
  create: 'New', edit: 'Edit', delete: 'Delete', search: 'Search', previous: 'Previous', next: 'Next', none: 'Nothing yet',
  confirm: 'Confirm', readOnly: 'Read only', noSections: 'There is no back-office section yet.',
  copy: 'Copy', copiedToClipboard: 'Copied', copyFailed: 'Could not copy: select it and copy by hand',
  secretWarning: 'Foyer never shows this secret again. Keep it where only the application reads it: whoever has it acts for your organisation.',
  secretDone: 'I have copied it',
  needHall: 'Create a venue and a hall first:', needTicketTypes: 'Create ticket types first:',
};

const fr: Record<ManageWord, string> = {
  tab: 'Gestion', sections: 'Rubriques', required: 'Obligatoire', save: 'Enregistrer', saved: 'Enregistré', cancel: 'Annuler',
  create: 'Nouveau', edit: 'Modifier', delete: 'Supprimer', search: 'Rechercher', previous: 'Précédent', next: 'Suivant', none: 'Rien pour l’instant',
  confirm: 'Confirmer', readOnly: 'Lecture seule', noSections: 'Il n’y a pas encore de rubrique de gestion.',
  copy: 'Copier', copiedToClipboard: 'Copié', copyFailed: 'Copie impossible : sélectionnez-le et copiez-le à la main',
  secretWarning: 'Foyer n’affichera plus jamais ce secret. Gardez-le là où seule l’application le lit : qui le détient agit pour votre organisation.',
  secretDone: 'Je l’ai copié',
  needHall: 'Créez d’abord un lieu et une salle :', needTicketTypes: 'Créez d’abord des types de billets :',
};

export const MANAGE_WORDS: Record<Lang, Record<ManageWord, string>> = { nl, en, fr };

export function useManageWords(): (k: ManageWord) => string {
  const { lang } = useI18n();
  return (k) => MANAGE_WORDS[lang][k];
}

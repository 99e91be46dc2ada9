// Words of the ticket types section, in nl, en and fr.
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';

const nl = {
  section: 'Tickettypes', title: 'Tickettypes', showArchived: 'Ook gearchiveerde tonen', newType: 'Nieuw tickettype',
  nameNl: 'Naam (Nederlands)', nameFr: 'Naam (Frans)', nameEn: 'Naam (Engels)', dipCategory: 'DIP-categorie',
  'dip-normal': 'Normaal', 'dip-discount': 'Korting', 'dip-free': 'Vrijkaart', 'dip-other': 'Overig',
  channels: 'Kanalen', 'channel-boxoffice': 'Kassa', 'channel-online': 'Online', uitpas: 'UiTPAS-tarief', uitpasGroup: 'UiTPAS-groepspas',
  save: 'Tickettype opslaan', saved: 'Tickettype opgeslagen', archive: 'Archiveren', restore: 'Terugzetten', archived: 'gearchiveerd',
  confirmArchive: '"{name}" archiveren? Het wordt niet meer verkocht en verdwijnt uit nieuwe prijslijsten; verkochte tickets en rapporten houden het.',
  none: 'Nog geen tickettypes.', edit: 'Wijzigen', close: 'Sluiten', readOnly: 'Alleen beheerders wijzigen tickettypes.', name: 'Naam',
};
export type TicketTypeWord = keyof typeof nl;

const en: Record<TicketTypeWord, string> = {
  section: 'Ticket types', title: 'Ticket types', showArchived: 'Show archived ones too', newType: 'New ticket type',
  nameNl: 'Name (Dutch)', nameFr: 'Name (French)', nameEn: 'Name (English)', dipCategory: 'DIP category',
  'dip-normal': 'Normal', 'dip-discount': 'Discount', 'dip-free': 'Free', 'dip-other': 'Other',
  channels: 'Channels', 'channel-boxoffice': 'Box office', 'channel-online': 'Online', uitpas: 'UiTPAS tariff', uitpasGroup: 'UiTPAS group pass',
  save: 'Save ticket type', saved: 'Ticket type saved', archive: 'Archive', restore: 'Restore', archived: 'archived',
  confirmArchive: 'Archive "{name}"? It is no longer sold and leaves new price lists; sold tickets and reports keep it.',
  none: 'No ticket types yet.', edit: 'Edit', close: 'Close', readOnly: 'Only administrators change ticket types.', name: 'Name',
};

const fr: Record<TicketTypeWord, string> = {
  section: 'Types de billets', title: 'Types de billets', showArchived: 'Afficher aussi les archivés', newType: 'Nouveau type de billet',
  nameNl: 'Nom (néerlandais)', nameFr: 'Nom (français)', nameEn: 'Nom (anglais)', dipCategory: 'Catégorie DIP',
  'dip-normal': 'Normal', 'dip-discount': 'Réduction', 'dip-free': 'Gratuit', 'dip-other': 'Autre',
  channels: 'Canaux', 'channel-boxoffice': 'Billetterie', 'channel-online': 'En ligne', uitpas: 'Tarif UiTPAS', uitpasGroup: 'Pass de groupe UiTPAS',
  save: 'Enregistrer le type de billet', saved: 'Type de billet enregistré', archive: 'Archiver', restore: 'Rétablir', archived: 'archivé',
  confirmArchive: 'Archiver « {name} » ? Il n’est plus vendu et quitte les nouvelles listes de prix ; les billets vendus et les rapports le gardent.',
  none: 'Pas encore de type de billet.', edit: 'Modifier', close: 'Fermer', readOnly: 'Seuls les administrateurs modifient les types de billets.', name: 'Nom',
};

const WORDS: Record<Lang, Record<TicketTypeWord, string>> = { nl, en, fr };
export const SECTION_LABEL: Record<Lang, string> = { nl: nl.section, en: en.section, fr: fr.section };

const fillIn = (s: string, params: Record<string, string | number> = {}) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

export function useTicketTypeWords() {
  const { lang } = useI18n();
  return { lang, w: (k: TicketTypeWord, params?: Record<string, string | number>) => fillIn(WORDS[lang][k], params) };
}

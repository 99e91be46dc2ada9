// Words of the job queue section, in nl, en and fr.
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';

const nl = {
  section: 'Achtergrondtaken', title: 'Achtergrondtaken', intro: 'Wat Foyer na een wijziging naar buiten stuurt: DIP, UiTPAS, Mollie, e-mails. Een taak die steeds mislukt, stopt (“mislukt”); na het oplossen van de oorzaak probeert u haar opnieuw.',
  all: 'Alle', pending: 'Wacht', running: 'Bezig', done: 'Klaar', dead: 'Mislukt', kind: 'Soort', status: 'Status', attempts: 'Pogingen',
  runAt: 'Volgende poging', created: 'Aangemaakt', lastError: 'Laatste fout', retry: 'Opnieuw proberen', retried: 'Taak staat weer in de wachtrij',
  none: 'Geen taken.', refresh: 'Vernieuwen', details: 'Gegevens', previous: 'Nieuwere', next: 'Oudere',
  'kind-dip.sync': 'DIP: cijfers doorgeven', 'kind-mail.send': 'E-mail versturen', 'kind-uitpas.cancel-sale': 'UiTPAS: verkoop annuleren',
  'kind-uitpas.reconcile-registration': 'UiTPAS: registratie nakijken', 'kind-uitpas.sweep': 'UiTPAS: openstaande registraties',
  'kind-uitpas.checkin': 'UiTPAS: check-in', 'kind-payments.refund': 'Mollie: terugbetaling', 'kind-payments.refresh': 'Mollie: betaling nakijken',
  'kind-payments.poll': 'Mollie: betalingen nakijken', 'kind-reports.rollup': 'Rapporten bijwerken', 'kind-data.retention': 'Oude gegevens opruimen',
};
export type JobWord = keyof typeof nl;

const en: Record<JobWord, string> = {
  section: 'Background jobs', title: 'Background jobs', intro: 'What Foyer sends out after a change: DIP, UiTPAS, Mollie, e-mails. A job that keeps failing stops (“failed”); once the cause is fixed, try it again.',
  all: 'All', pending: 'Waiting', running: 'Running', done: 'Done', dead: 'Failed', kind: 'Kind', status: 'Status', attempts: 'Attempts',
  runAt: 'Next attempt', created: 'Created', lastError: 'Last error', retry: 'Try again', retried: 'The job is back in the queue',
  none: 'No jobs.', refresh: 'Refresh', details: 'Data', previous: 'Newer', next: 'Older',
  'kind-dip.sync': 'DIP: report figures', 'kind-mail.send': 'Send e-mail', 'kind-uitpas.cancel-sale': 'UiTPAS: cancel a sale',
  'kind-uitpas.reconcile-registration': 'UiTPAS: check a registration', 'kind-uitpas.sweep': 'UiTPAS: open registrations',
  'kind-uitpas.checkin': 'UiTPAS: check-in', 'kind-payments.refund': 'Mollie: refund', 'kind-payments.refresh': 'Mollie: check a payment',
  'kind-payments.poll': 'Mollie: check payments', 'kind-reports.rollup': 'Update reports', 'kind-data.retention': 'Clear old data',
};

const fr: Record<JobWord, string> = {
  section: 'Tâches en arrière-plan', title: 'Tâches en arrière-plan', intro: 'Ce que Foyer envoie à l’extérieur après un changement : DIP, UiTPAS, Mollie, e-mails. Une tâche qui échoue sans cesse s’arrête (« échouée ») ; une fois la cause réglée, relancez-la.',
  all: 'Toutes', pending: 'En attente', running: 'En cours', done: 'Terminée', dead: 'Échouée', kind: 'Type', status: 'Statut', attempts: 'Tentatives',
  runAt: 'Prochaine tentative', created: 'Créée', lastError: 'Dernière erreur', retry: 'Relancer', retried: 'La tâche est de nouveau dans la file',
  none: 'Aucune tâche.', refresh: 'Actualiser', details: 'Données', previous: 'Plus récentes', next: 'Plus anciennes',
  'kind-dip.sync': 'DIP : transmettre les chiffres', 'kind-mail.send': 'Envoyer un e-mail', 'kind-uitpas.cancel-sale': 'UiTPAS : annuler une vente',
  'kind-uitpas.reconcile-registration': 'UiTPAS : vérifier un enregistrement', 'kind-uitpas.sweep': 'UiTPAS : enregistrements ouverts',
  'kind-uitpas.checkin': 'UiTPAS : check-in', 'kind-payments.refund': 'Mollie : remboursement', 'kind-payments.refresh': 'Mollie : vérifier un paiement',
  'kind-payments.poll': 'Mollie : vérifier les paiements', 'kind-reports.rollup': 'Mettre à jour les rapports', 'kind-data.retention': 'Effacer les anciennes données',
};

const WORDS: Record<Lang, Record<JobWord, string>> = { nl, en, fr };
export const SECTION_LABEL: Record<Lang, string> = { nl: nl.section, en: en.section, fr: fr.section };

export function useJobWords() {
  const { lang } = useI18n();
  const w = (k: JobWord) => WORDS[lang][k];
  return { lang, w, kind: (k: string) => (WORDS[lang] as Record<string, string>)[`kind-${k}`] ?? k };
}

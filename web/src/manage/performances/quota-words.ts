// Words of the Quotas panel (at most N tickets of a type per performance), in nl, en and fr.
import { useI18n } from '../../i18n/i18n.js';
import type { Lang } from '../../i18n/dictionary.js';

const nl = {
  quotas: 'Quota per tickettype', quotasHint: 'Leeg: geen quotum. Telt vastgehouden, gereserveerde en verkochte kaarten, op elk kanaal.',
  type: 'Tickettype', taken: 'Genomen', max: 'Hoogstens', takenOf: '{taken} van {max}', takenNoQuota: '{taken} (geen quotum)',
  saveQuotas: 'Quota opslaan', savedQuotas: 'Quota opgeslagen',
};
export type QuotaWord = keyof typeof nl;

const en: Record<QuotaWord, string> = {
  quotas: 'Quotas per ticket type', quotasHint: 'Empty: no quota. Counts held, reserved and sold tickets, on every channel.',
  type: 'Ticket type', taken: 'Taken', max: 'At most', takenOf: '{taken} of {max}', takenNoQuota: '{taken} (no quota)',
  saveQuotas: 'Save quotas', savedQuotas: 'Quotas saved',
};

const fr: Record<QuotaWord, string> = {
  quotas: 'Quotas par type de billet', quotasHint: 'Vide : pas de quota. Compte les billets retenus, réservés et vendus, sur chaque canal.',
  type: 'Type de billet', taken: 'Pris', max: 'Au plus', takenOf: '{taken} sur {max}', takenNoQuota: '{taken} (pas de quota)',
  saveQuotas: 'Enregistrer les quotas', savedQuotas: 'Quotas enregistrés',
};

const WORDS: Record<Lang, Record<QuotaWord, string>> = { nl, en, fr };

export function useQuotaWords() {
  const { lang } = useI18n();
  return (k: QuotaWord, params: Record<string, string | number> = {}) => WORDS[lang][k].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''));
}

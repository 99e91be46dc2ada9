// End-user texts, as UiTPAS writes them: Dutch always, French and English where we have them.
import type { PeriodType } from './model.js';

export interface EndUserMessage { nl: string; fr?: string; de?: string; en?: string }

const PERIOD: Record<Exclude<PeriodType, 'ABSOLUTE'>, { nl: string; fr: string; en: string }> = {
  DAY: { nl: 'dag', fr: 'jour', en: 'day' },
  WEEK: { nl: 'week', fr: 'semaine', en: 'week' },
  MONTH: { nl: 'maand', fr: 'mois', en: 'month' },
  QUARTER: { nl: 'kwartaal', fr: 'trimestre', en: 'quarter' },
  YEAR: { nl: 'jaar', fr: 'an', en: 'year' },
};

function perPeriod(volume: number, periodType: PeriodType): { nl: string; fr: string; en: string } {
  const many = volume === 1 ? '' : 's';
  if (periodType === 'ABSOLUTE') {
    return { nl: `${volume} ticket${many}`, fr: `${volume} billet${many}`, en: `${volume} ticket${many}` };
  }
  const p = PERIOD[periodType];
  return { nl: `${volume} ticket${many} per ${p.nl}`, fr: `${volume} billet${many} par ${p.fr}`, en: `${volume} ticket${many} per ${p.en}` };
}

export const messages = {
  socialTariffExpired: (): EndUserMessage => ({
    nl: 'Je kansentarief is verlopen. Contacteer je UiTPAS-balie om het te verlengen.',
    fr: 'Ton tarif social a expiré. Contacte ton point UiTPAS pour le prolonger.',
    en: 'Your social tariff has expired. Contact your UiTPAS desk to renew it.',
  }),
  socialTariffNone: (): EndUserMessage => ({
    nl: 'Deze UiTPAS heeft geen recht op kansentarief.',
    fr: "Cette UiTPAS ne donne pas droit au tarif social.",
    en: 'This UiTPAS is not entitled to the social tariff.',
  }),
  otherRegion: (region: string): EndUserMessage => ({
    nl: `Je hebt recht op kansentarief in ${region}, maar niet bij deze activiteit: die hoort bij een andere UiTPAS-regio.`,
    fr: `Tu as droit au tarif social dans la région ${region}, mais pas pour cette activité d'une autre région UiTPAS.`,
    en: `You are entitled to the social tariff in ${region}, but not for this activity of another UiTPAS region.`,
  }),
  socialTariffLimit: (volume: number, periodType: PeriodType): EndUserMessage => {
    const n = perPeriod(volume, periodType);
    return {
      nl: `Je hebt geen recht meer op kansentarief voor deze activiteit. Je kan maximaal ${n.nl} kopen aan kansentarief voor deze activiteit.`,
      fr: `Tu n'as plus droit au tarif social pour cette activité. Tu peux acheter au maximum ${n.fr} au tarif social pour cette activité.`,
      en: `You are no longer entitled to the social tariff for this activity. You can buy at most ${n.en} at the social tariff for this activity.`,
    };
  },
  groupLimit: (volume: number, periodType: PeriodType): EndUserMessage => {
    const n = perPeriod(volume, periodType);
    return {
      nl: `Deze groepspas kan maximaal ${n.nl} kopen voor deze activiteit.`,
      fr: `Ce pass de groupe peut acheter au maximum ${n.fr} pour cette activité.`,
      en: `This group pass can buy at most ${n.en} for this activity.`,
    };
  },
  couponLimit: (volume: number, periodType: PeriodType): EndUserMessage => {
    const n = perPeriod(volume, periodType);
    return {
      nl: `Je hebt een coupon voor deze activiteit, maar je kan hiermee maximaal ${n.nl} kopen.`,
      fr: `Tu as un coupon pour cette activité, mais tu peux acheter au maximum ${n.fr} avec celui-ci.`,
      en: `You have a coupon for this activity, but you can buy at most ${n.en} with it.`,
    };
  },
  tooManyTickets: (remaining: number): EndUserMessage => ({
    nl: `Met deze UiTPAS kan je nu nog maximaal ${remaining} ticket${remaining === 1 ? '' : 's'} aan dit tarief kopen voor deze activiteit.`,
    fr: `Avec cette UiTPAS, tu peux encore acheter au maximum ${remaining} billet${remaining === 1 ? '' : 's'} à ce tarif pour cette activité.`,
    en: `With this UiTPAS you can buy at most ${remaining} more ticket${remaining === 1 ? '' : 's'} at this tariff for this activity.`,
  }),
  invalidCoupon: (): EndUserMessage => ({
    nl: 'Deze coupon is niet geldig voor deze activiteit.',
    fr: "Ce coupon n'est pas valable pour cette activité.",
    en: 'This coupon is not valid for this activity.',
  }),
  cardBlocked: (): EndUserMessage => ({
    nl: 'Deze UiTPAS is geblokkeerd. Contacteer je UiTPAS-balie.',
    fr: 'Cette UiTPAS est bloquée. Contacte ton point UiTPAS.',
    en: 'This UiTPAS is blocked. Contact your UiTPAS desk.',
  }),
  cardNotActive: (): EndUserMessage => ({
    nl: 'Deze UiTPAS is nog niet geregistreerd of niet actief. Contacteer je UiTPAS-balie.',
    fr: "Cette UiTPAS n'est pas encore enregistrée ou pas active. Contacte ton point UiTPAS.",
    en: 'This UiTPAS is not registered or not active yet. Contact your UiTPAS desk.',
  }),
  unknownPass: (): EndUserMessage => ({
    nl: 'Dit UiTPAS-nummer is niet gekend.',
    fr: "Ce numéro UiTPAS n'est pas connu.",
    en: 'This UiTPAS number is not known.',
  }),
  invalidNumber: (): EndUserMessage => ({
    nl: 'Een UiTPAS-nummer bestaat uit 13 cijfers.',
    fr: 'Un numéro UiTPAS compte 13 chiffres.',
    en: 'A UiTPAS number has 13 digits.',
  }),
  unknownEvent: (): EndUserMessage => ({
    nl: 'Deze activiteit is niet gekend bij UiTPAS.',
    fr: "Cette activité n'est pas connue par UiTPAS.",
    en: 'This activity is not known to UiTPAS.',
  }),
  socialTariffSuspended: (): EndUserMessage => ({
    nl: 'Je kansentarief is tijdelijk opgeschort. Contacteer je UiTPAS-balie.',
    fr: 'Ton tarif social est temporairement suspendu. Contacte ton point UiTPAS.',
    en: 'Your social tariff is suspended for now. Contact your UiTPAS desk.',
  }),
  checkinTooEarly: (): EndUserMessage => ({
    nl: 'Deze activiteit is nog niet begonnen, je kan nog geen punt sparen.',
    fr: "Cette activité n'a pas encore commencé, tu ne peux pas encore gagner de point.",
    en: 'This activity has not started yet, you cannot save a point yet.',
  }),
  checkinTooLate: (): EndUserMessage => ({
    nl: 'Deze activiteit is afgelopen, je kan op deze activiteit geen punt meer sparen.',
    fr: 'Cette activité est terminée, tu ne peux plus gagner de point pour cette activité.',
    en: 'This activity has ended, you can no longer save a point for it.',
  }),
  checkinDone: (): EndUserMessage => ({
    nl: 'Je hebt al een punt gespaard voor deze activiteit.',
    fr: 'Tu as déjà gagné un point pour cette activité.',
    en: 'You already saved a point for this activity.',
  }),
  checkinGroup: (): EndUserMessage => ({
    nl: 'Met een groepspas kan je geen punten sparen.',
    fr: 'Un pass de groupe ne permet pas de gagner des points.',
    en: 'A group pass does not save points.',
  }),
  passExpiredWarning: 'Je kansentarief is verlopen. Contacteer je UiTPAS-balie.',
  passGraceWarning: 'Je kansentarief is verlopen, maar je krijgt het nog even tot je het verlengt. Contacteer je UiTPAS-balie.',
  passSuspendedWarning: 'Je kansentarief is tijdelijk opgeschort. Contacteer je UiTPAS-balie.',
};

// Numbers, money, percentages and days as the user's language writes them ("1,8 %" in nl and fr, "1.8%" in en).
import { money } from '../../format.js';
import type { Lang } from '../../i18n/dictionary.js';

export interface Numbers {
  num(n: number): string;
  pct(n: number): string;
  euros(cents: number): string;
  /** "2026-11-23" -> "23 nov." */
  day(date: string): string;
}

export function numbersFor(lang: Lang): Numbers {
  const whole = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(lang, { minimumFractionDigits: 0, maximumFractionDigits: 1 });
  const days = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const space = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  return {
    num: (n) => space(whole.format(n)),
    pct: (n) => (lang === 'en' ? `${one.format(n)}%` : `${space(one.format(n))} %`),
    euros: (cents) => money(cents, lang),
    day: (date) => days.format(new Date(`${date}T12:00:00Z`)),
  };
}

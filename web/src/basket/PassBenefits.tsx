// Beside a pass at the counter: the holder's points, their coupons and the rewards their points buy,
// as UiTPAS answers them, so the cashier can mention them.
import { useEffect, useState } from 'react';
import { get } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/dictionary.js';

interface Benefits {
  uitpasNumber: string;
  points: number | null;
  coupons: { name: string; description: string | null; validUntil: string | null; remaining: { volume: number; period: string } | null }[] | null;
  rewards: { title: string; points: number | null; description: string | null }[] | null;
  unavailable: string[];
}

const WORDS: Record<Lang, { points: (n: number) => string; coupons: string; rewards: string; until: string; left: (n: number, period: string) => string; notGiven: string; periods: Record<string, string> }> = {
  nl: {
    points: (n) => `${n} ${n === 1 ? 'punt' : 'punten'}`, coupons: 'Kortingsbonnen', rewards: 'Voordelen met punten', until: 'tot',
    left: (n, p) => `nog ${n} ${p}`, notGiven: 'UiTPAS geeft Foyer deze lijst niet (recht ontbreekt)',
    periods: { ABSOLUTE: '', DAY: 'vandaag', WEEK: 'deze week', MONTH: 'deze maand', QUARTER: 'dit kwartaal', YEAR: 'dit jaar' },
  },
  en: {
    points: (n) => `${n} ${n === 1 ? 'point' : 'points'}`, coupons: 'Coupons', rewards: 'Rewards for points', until: 'until',
    left: (n, p) => `${n} left ${p}`.trim(), notGiven: 'UiTPAS does not give Foyer this list (permission missing)',
    periods: { ABSOLUTE: '', DAY: 'today', WEEK: 'this week', MONTH: 'this month', QUARTER: 'this quarter', YEAR: 'this year' },
  },
  fr: {
    points: (n) => `${n} ${n === 1 ? 'point' : 'points'}`, coupons: 'Bons de réduction', rewards: 'Avantages en points', until: 'jusqu’au',
    left: (n, p) => `encore ${n} ${p}`.trim(), notGiven: 'UiTPAS ne donne pas cette liste à Foyer (droit manquant)',
    periods: { ABSOLUTE: '', DAY: 'aujourd’hui', WEEK: 'cette semaine', MONTH: 'ce mois-ci', QUARTER: 'ce trimestre', YEAR: 'cette année' },
  },
};

/** "2026-12-31T23:59:59+00:00" -> "31-12-2026" (the day as UiTPAS wrote it). */
const day = (iso: string) => { const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso); return m ? `${m[3]}-${m[2]}-${m[1]}` : iso; };

export function PassBenefits({ uitpasNumber }: { uitpasNumber: string }) {
  const { lang } = useI18n();
  const w = WORDS[lang];
  const [b, setB] = useState<Benefits | null>(null);
  useEffect(() => {
    let live = true;
    // Benefits are extra: when UiTPAS cannot say, the pass and its tariff still stand, so nothing is shown.
    get<Benefits>(`/api/uitpas/passes/${encodeURIComponent(uitpasNumber)}/benefits`).then((r) => { if (live) setB(r); }, () => undefined);
    return () => { live = false; };
  }, [uitpasNumber]);
  if (!b) return null;
  return (
    <div className="pass-benefits" data-benefits={uitpasNumber}>
      {b.points !== null && <small className="points">{w.points(b.points)}</small>}
      {b.coupons && b.coupons.length > 0 && (
        <div className="coupons"><small>{w.coupons}:</small>
          <ul>{b.coupons.map((c) => (
            <li key={c.name} title={c.description ?? undefined}>
              {c.name}
              {c.remaining && <> · {w.left(c.remaining.volume, w.periods[c.remaining.period] ?? '')}</>}
              {c.validUntil && <> · {w.until} {day(c.validUntil)}</>}
            </li>
          ))}</ul>
        </div>
      )}
      {b.rewards && b.rewards.length > 0 && (
        <div className="rewards"><small>{w.rewards}:</small>
          <ul>{b.rewards.map((r) => <li key={r.title} title={r.description ?? undefined}>{r.title}{r.points !== null && <> · {w.points(r.points)}</>}</li>)}</ul>
        </div>
      )}
      {b.unavailable.length > 0 && <small className="muted">{w.notGiven}</small>}
    </div>
  );
}

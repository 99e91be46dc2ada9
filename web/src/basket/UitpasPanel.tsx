// Type or scan a UiTPAS number: the server reads the pass, applies its tariff to the eligible lines and
// answers the tariffs on offer or the message UiTPAS has for the holder.
import { useState, type FormEvent } from 'react';
import { api, post } from '../api/client.js';
import type { Basket, UitpasAnswer } from '../api/types.js';
import { useI18n, useMoney } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';
import { PassBenefits } from './PassBenefits.js';

interface Props { basket: Basket | null; onBasket(b: Basket): void }

export function UitpasPanel({ basket, onBasket }: Props) {
  const money = useMoney();
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const [answers, setAnswers] = useState<UitpasAnswer[]>([]);
  const { busy, error, run } = useAction();
  if (!basket || basket.lines.length === 0) return null;

  const apply = (uitpasNumber: string, tariffId?: string) => run(async () => {
    const a = await post<UitpasAnswer>(`/api/baskets/${basket.id}/uitpas`, { uitpasNumber, ...(tariffId ? { tariffId } : {}) });
    setAnswers((prev) => [...prev.filter((x) => x.pass.uitpasNumber !== a.pass.uitpasNumber), a]);
    onBasket(a.basket);
    setNumber('');
  });
  const remove = (uitpasNumber: string) => run(async () => {
    onBasket(await api<Basket>('DELETE', `/api/baskets/${basket.id}/uitpas/${encodeURIComponent(uitpasNumber)}`));
    setAnswers((prev) => prev.filter((x) => x.pass.uitpasNumber !== uitpasNumber));
  });
  const submit = (e: FormEvent) => { e.preventDefault(); if (number.trim()) void apply(number.trim()); };

  return (
    <section className="uitpas">
      <h3>{t('uitpas')}</h3>
      <form className="row" onSubmit={submit}>
        <input name="uitpas-number" placeholder={t('uitpasNumber')} value={number} onChange={(e) => setNumber(e.target.value)} inputMode="numeric" autoComplete="off" />
        <button type="submit" disabled={busy}>{t('apply')}</button>
      </form>
      <ErrorLine error={error} />
      {answers.map((a) => (
        <div key={a.pass.uitpasNumber} className="pass" data-uitpas={a.pass.uitpasNumber}>
          <div className="row">
            <strong className="grow">{a.pass.uitpasNumber}{a.pass.firstName ? ` · ${a.pass.firstName}` : ''}</strong>
            <button className="link" onClick={() => void remove(a.pass.uitpasNumber)}>{t('removePass')}</button>
          </div>
          {a.appliedLineIds.length > 0 && <small>{t('applied')}: {a.appliedLineIds.length}</small>}
          <PassBenefits uitpasNumber={a.pass.uitpasNumber} />
          {(a.endUserMessage || a.pass.messages.length > 0) && (
            <p className="notice end-user-message">{[a.endUserMessage, ...a.pass.messages].filter(Boolean).join(' ')}</p>
          )}
          {a.offers.map((o) => (
            <div key={o.performanceId}>
              {o.endUserMessage && <p className="notice">{o.endUserMessage}</p>}
              {o.tariffs.map((tar) => (
                <button key={tar.id} className="tariff" onClick={() => void apply(a.pass.uitpasNumber, tar.id)}>
                  {tar.name}: {money(tar.price)} <small>({tar.remaining})</small>
                </button>
              ))}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

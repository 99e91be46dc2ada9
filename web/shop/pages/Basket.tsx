// The basket: its places by performance, each with its ticket type; packs and streams; the time the
// places stay held; UiTPAS pass numbers; on to the buyer's details.
import { useState } from 'react';
import type { Basket, Shop } from '../api.js';
import { useBasket } from '../basket.js';
import { euro, longDate, remaining, time } from '../format.js';
import { useI18n } from '../i18n.js';
import { href, navigate } from '../router.js';
import { ErrorBox, FeeLines, Link, useAction, useTick } from '../ui.js';

export function placeName(l: Basket['lines'][number], t: ReturnType<typeof useI18n>['t']): string {
  return l.zoneId ? l.section : `${l.section}, ${t('row').toLowerCase()} ${l.row}, ${t('seat').toLowerCase()} ${l.seat}`;
}

/** "Your places are held for 12:34", or that the time is up. */
export function HoldNotice() {
  const { t } = useI18n();
  const { basket, skew } = useBasket();
  const open = basket?.status === 'open' && basket.lines.length > 0;
  const now = useTick(open);
  if (!basket || !open) return null;
  const left = Date.parse(basket.expiresAt) - (now + skew);
  return left > 0
    ? <p className="notice hold" data-left={Math.round(left / 1000)}>{t('heldFor', { time: remaining(left) })}</p>
    : <p className="error" role="alert">{t('expired')}</p>;
}

export function BasketPage({ slug, shop }: { slug: string; shop: Shop | null }) {
  const { t, lang } = useI18n();
  const b = useBasket();
  const act = useAction();
  const [pass, setPass] = useState('');
  const [passNote, setPassNote] = useState<string | null>(null);
  const basket = b.basket?.status === 'open' ? b.basket : null;
  const empty = !basket || (!basket.lines.length && !basket.packs.length && !basket.streams.length);

  if (empty) {
    return (
      <>
        <h1>{t('basket')}</h1>
        <p>{t('emptyBasket')}</p>
        <p><Link slug={slug} to="" className="button">{t('programme')}</Link></p>
      </>
    );
  }
  const performances = [...new Set(basket.lines.map((l) => l.performanceId))];
  const passes = [...new Set(basket.lines.map((l) => l.uitpas?.uitpasNumber).filter((x): x is string => !!x))];

  return (
    <>
      <h1>{t('basket')}</h1>
      <HoldNotice />
      <ErrorBox error={act.error} />
      {performances.map((pid) => {
        const lines = basket.lines.filter((l) => l.performanceId === pid);
        return (
          <section key={pid} className="card">
            <h2>{lines[0].title}</h2>
            <p className="muted">{longDate(lines[0].startsAt, lang)} · {time(lines[0].startsAt)}</p>
            <ul className="lines">
              {lines.map((l) => (
                <li key={l.id} className="line" data-line={l.id} data-seat={l.seatId ?? undefined}>
                  <span className="place">{placeName(l, t)}{l.wheelchair ? ` · ♿ ${t('wheelchair')}` : ''}</span>
                  {l.choices.length > 1 ? (
                    <label className="type">
                      <span className="sr">{t('ticketType')}: {placeName(l, t)}</span>
                      <select value={l.ticketTypeId} disabled={act.busy}
                        onChange={(e) => void act.run(() => b.setType(l.id, e.target.value))}>
                        {l.choices.map((c) => <option key={c.ticketTypeId} value={c.ticketTypeId}>{c.name} · {euro(c.price, lang)}</option>)}
                      </select>
                    </label>
                  ) : <span className="type">{l.uitpas ? `${t('uitpas')}: ${l.uitpas.tariffName}` : l.ticketTypeName}</span>}
                  <span className="price num">{euro(l.price, lang)}</span>
                  {!l.inPack && (
                    <button type="button" className="link" disabled={act.busy} onClick={() => void act.run(() => b.removeLine(l.id))}
                      aria-label={`${t('remove')}: ${placeName(l, t)}`}>{t('remove')}</button>
                  )}
                </li>
              ))}
            </ul>
            <p><Link slug={slug} to={`performances/${pid}`}>{t('choose')}</Link></p>
          </section>
        );
      })}
      {(basket.packs.length > 0 || basket.streams.length > 0) && (
        <section className="card">
          <ul className="lines">
            {basket.packs.map((p) => <li key={p.id} className="line"><span className="place">{p.label}</span><span className="price num">{euro(p.price, lang)}</span></li>)}
            {basket.streams.map((s) => <li key={s.id} className="line"><span className="place">{s.label}</span><span className="price num">{euro(s.price, lang)}</span></li>)}
          </ul>
        </section>
      )}

      {shop?.uitpas && basket.lines.length > 0 && (
        <section className="card uitpas">
          <h2>{t('uitpas')}</h2>
          <form className="row" onSubmit={(e) => {
            e.preventDefault();
            void act.run(async () => {
              const answer = await b.addPass(pass);
              setPassNote([answer.endUserMessage, ...answer.pass.messages, answer.appliedLineIds.length ? t('uitpasApplied', { n: answer.appliedLineIds.length }) : t('uitpasNone')]
                .filter(Boolean).join(' '));
              setPass('');
            });
          }}>
            <label className="grow">{t('uitpasNumber')}
              <input name="uitpas" inputMode="numeric" autoComplete="off" value={pass} onChange={(e) => setPass(e.target.value)} />
            </label>
            <button disabled={act.busy || !pass.trim()}>{t('uitpasAdd')}</button>
          </form>
          {passNote && <p className="notice" role="status">{passNote}</p>}
          {passes.map((n) => (
            <p key={n} className="row">
              <span className="grow">{n}</span>
              <button type="button" className="link" onClick={() => void act.run(async () => { await b.removePass(n); setPassNote(null); })}>{t('uitpasRemove')}</button>
            </p>
          ))}
        </section>
      )}

      <ul className="lines fees"><FeeLines basket={basket} /></ul>
      <p className="total">{t('total')}: <strong className="basket-total">{euro(basket.total, lang)}</strong></p>
      <div className="actions">
        <a className="button primary" href={href(slug, 'details')} onClick={(e) => { e.preventDefault(); navigate(href(slug, 'details')); }}>{t('toDetails')}</a>
        <Link slug={slug} to="" className="button">{t('continueShopping')}</Link>
      </div>
    </>
  );
}

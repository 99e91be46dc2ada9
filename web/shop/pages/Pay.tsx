// The pay step: what the buyer is about to buy, for whom, how to pay, and "Afrekenen". The buyer goes
// to the payment page and comes back to the return page. A second tap while the first is on its way
// does nothing (and the server answers the same order for the same basket anyway).
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.js';
import { useBasket } from '../basket.js';
import { euro, longDate, time } from '../format.js';
import { useI18n } from '../i18n.js';
import { ErrorBox, FeeLines, Link, useAction } from '../ui.js';
import { HoldNotice, placeName } from './Basket.js';
import { leaveFor } from './Details.js';

interface Method { id: string; description: string; image: string | null }

export function PayPage({ slug }: { slug: string }) {
  const { t, lang } = useI18n();
  const b = useBasket();
  const act = useAction();
  const basket = b.basket?.status === 'open' ? b.basket : null;
  const [methods, setMethods] = useState<Method[]>([]);
  const [method, setMethod] = useState('');
  const [leaving, setLeaving] = useState(false);
  const sending = useRef(false);

  useEffect(() => {
    if (!basket || basket.total <= 0) return;
    api<{ items: Method[] }>(`/api/shops/${encodeURIComponent(slug)}/payment-methods?amount=${basket.total}`)
      .then((r) => { setMethods(r.items); setMethod((m) => (r.items.some((x) => x.id === m) ? m : '')); }, () => setMethods([]));
  }, [slug, lang, basket?.total]);

  if (!basket && b.token) return <><h1>{t('payTitle')}</h1><p className="loading">{t('loading')}</p></>;
  if (!basket || (!basket.lines.length && !basket.packs.length && !basket.streams.length)) {
    return <><h1>{t('payTitle')}</h1><p>{t('emptyBasket')}</p><p><Link slug={slug} to="" className="button">{t('programme')}</Link></p></>;
  }
  if (!basket.buyer?.termsAccepted) {
    return <><h1>{t('payTitle')}</h1><p>{t('detailsFirst')}</p><p><Link slug={slug} to="details" className="button primary">{t('details')}</Link></p></>;
  }

  const pay = async () => {
    if (sending.current) return;
    sending.current = true;
    const answer = await act.run(() => b.checkout(method || undefined));
    if (!answer) { sending.current = false; return; }
    setLeaving(true);
    leaveFor(answer.checkoutUrl);
  };
  const performances = [...new Set(basket.lines.map((l) => l.performanceId))];
  const free = basket.total <= 0;

  return (
    <>
      <h1>{t('payTitle')}</h1>
      <HoldNotice />
      <section className="card summary" aria-label={t('basket')}>
        {performances.map((pid) => {
          const lines = basket.lines.filter((l) => l.performanceId === pid);
          return (
            <div key={pid} className="summary-performance">
              <h2>{lines[0].title}</h2>
              <p className="muted">{longDate(lines[0].startsAt, lang)} · {time(lines[0].startsAt)}</p>
              <ul className="lines">
                {lines.map((l) => (
                  <li key={l.id} className="line">
                    <span className="place">{placeName(l, t)}</span>
                    <span className="type">{l.uitpas ? `${t('uitpas')}: ${l.uitpas.tariffName}` : l.ticketTypeName}</span>
                    <span className="price num">{euro(l.price, lang)}</span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        <ul className="lines">
          {[...basket.packs, ...basket.streams].map((x) => <li key={x.id} className="line"><span className="place">{x.label}</span><span className="price num">{euro(x.price, lang)}</span></li>)}
          <FeeLines basket={basket} />
        </ul>
        <p className="total">{t('total')}: <strong className="pay-total">{euro(basket.total, lang)}</strong></p>
      </section>
      <section className="card buyer">
        <h2>{t('details')}</h2>
        <p>{basket.buyer.name}<br />{basket.buyer.email}</p>
        <p><Link slug={slug} to="details">{t('change')}</Link></p>
      </section>
      <form className="pay card" noValidate onSubmit={(e) => { e.preventDefault(); void pay(); }}>
        {!free && methods.length > 0 && (
          <fieldset className="methods">
            <legend>{t('payMethod')}</legend>
            <label className="method">
              <input type="radio" name="method" value="" checked={method === ''} onChange={() => setMethod('')} />
              <span>{t('methodLater')}</span>
            </label>
            {methods.map((m) => (
              <label key={m.id} className="method">
                <input type="radio" name="method" value={m.id} checked={method === m.id} onChange={() => setMethod(m.id)} />
                {m.image && <img src={m.image} alt="" width={32} height={24} className="method-icon" />}
                <span>{m.description}</span>
              </label>
            ))}
          </fieldset>
        )}
        <ErrorBox error={act.error} />
        <button className="primary big" disabled={act.busy || leaving} aria-describedby={leaving ? 'leaving' : undefined}>
          {free ? t('orderFree') : t('checkout')}
        </button>
        {leaving && <p id="leaving" className="muted" role="status">{t('toPayment')}</p>}
      </form>
    </>
  );
}

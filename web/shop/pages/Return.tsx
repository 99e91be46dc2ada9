// Back from the payment page. The page asks the shop how the payment went (the shop asks the payment
// provider, whose webhook may not have come yet) every 2 seconds until it is decided: paid shows the
// order and its tickets; released says the payment did not go through and the seats are back on sale;
// while undecided the buyer may go back to the payment page.
import { useEffect, useState } from 'react';
import { api, ShopError, type Basket, type PaymentStatus } from '../api.js';
import { useBasket } from '../basket.js';
import { euro, longDate, time } from '../format.js';
import { useI18n } from '../i18n.js';
import { href, navigate } from '../router.js';
import { ErrorBox, FeeLines, focusHeading, Link, useAction } from '../ui.js';
import { placeName } from './Basket.js';

const POLL_MS = 2000;
/** After this long undecided, ask less often (the payment may take a bank's while). */
const SLOW_AFTER_MS = 5 * 60_000;

type View =
  | { kind: 'checking'; status: PaymentStatus | null }
  | { kind: 'paid'; status: PaymentStatus }
  | { kind: 'released'; status: PaymentStatus }
  | { kind: 'unknown' };

export function Return({ slug, token }: { slug: string; token: string | null }) {
  const { t, lang } = useI18n();
  const b = useBasket();
  const act = useAction();
  // The basket this return is about: the one in the address (the payment page may open it in another
  // window than the shop's frame), else the one this browser kept.
  const [mine] = useState(() => token ?? b.token);
  const [view, setView] = useState<View>({ kind: 'checking', status: null });
  const [basket, setBasket] = useState<Basket | null>(null);
  const base = `/api/shops/${encodeURIComponent(slug)}`;

  useEffect(() => {
    if (!mine) { setView({ kind: 'unknown' }); return; }
    let stop = false;
    const started = Date.now();
    // What was bought (the lines stay with the basket after checkout), for the confirmation and a second try.
    void api<Basket>(`${base}/basket`, { token: mine }).then((x) => { if (!stop) setBasket(x); }, () => {});
    (async () => {
      for (;;) {
        let s: PaymentStatus | null = null;
        try {
          s = await api<PaymentStatus>(`${base}/basket/payment`, { token: mine });
        } catch (e) {
          if (e instanceof ShopError && (e.status === 404 || e.is('basket-not-checked-out'))) { if (!stop) setView({ kind: 'unknown' }); return; }
          // offline or the provider slow: ask again
        }
        if (stop) return;
        if (s?.status === 'paid') { setView({ kind: 'paid', status: s }); return; }
        if (s?.status === 'released') { setView({ kind: 'released', status: s }); return; }
        if (s) setView({ kind: 'checking', status: s });
        await new Promise((r) => setTimeout(r, Date.now() - started > SLOW_AFTER_MS ? POLL_MS * 5 : POLL_MS));
        if (stop) return;
      }
    })();
    return () => { stop = true; };
  }, [mine, base]);

  // A decided payment is a new page for the buyer: the heading takes the focus. The basket is done with.
  useEffect(() => {
    if (view.kind === 'checking') return undefined;
    if (view.kind === 'paid' && b.token === mine) b.forget();
    return focusHeading();
  }, [view.kind]);

  const again = () => act.run(async () => {
    const lines = basket?.lines ?? [];
    for (const pid of [...new Set(lines.map((l) => l.performanceId))]) {
      const these = lines.filter((l) => l.performanceId === pid);
      const seats = these.filter((l) => l.seatId).map((l) => l.seatId!);
      if (seats.length) await b.add({ performanceId: pid, seatIds: seats, ...(these.some((l) => l.wheelchair) ? { wheelchairConfirmed: true } : {}) });
      for (const zone of [...new Set(these.filter((l) => l.zoneId).map((l) => l.zoneId!))]) {
        await b.add({ performanceId: pid, quantity: these.filter((l) => l.zoneId === zone).length, zoneId: zone });
      }
    }
    navigate(href(slug, 'basket'));
  });

  if (view.kind === 'checking') {
    const back = view.status?.payment?.checkoutUrl;
    return (
      <section className="card checking" data-outcome="checking" aria-busy="true">
        <h1>{t('returnChecking')}</h1>
        <div className="spinner" aria-hidden="true" />
        <p role="status">{t('checkingText')}</p>
        {back && (
          <p className="notice">{t('stillOpen')} <a className="button" href={back}>{t('backToPayment')}</a></p>
        )}
      </section>
    );
  }
  if (view.kind === 'unknown') {
    return (
      <section className="card done" data-outcome="unknown">
        <h1>{t('returnUnknown')}</h1>
        <p>{t('returnUnknownText')}</p>
        <p><Link slug={slug} to="" className="button">{t('programme')}</Link></p>
      </section>
    );
  }
  if (view.kind === 'paid') {
    const s = view.status;
    return (
      <section className="card done" data-outcome="paid" data-order={s.number}>
        <h1>{t('paidTitle')}</h1>
        <p>{t('orderNumber')}: <strong className="order-number">{s.number}</strong>{basket?.order ? ` · ${euro(basket.order.total, lang)}` : ''}</p>
        {basket?.buyer && <p className="notice" role="status">{t('mailSent', { email: basket.buyer.email })}</p>}
        {basket && (
          <ul className="lines">
            {basket.lines.map((l) => (
              <li key={l.id} className="line">
                <span className="place">{l.title} · {longDate(l.startsAt, lang)} {time(l.startsAt)} · {placeName(l, t)}</span>
                <span className="type">{l.ticketTypeName}</span>
                <span className="price num">{euro(l.price, lang)}</span>
              </li>
            ))}
            {[...basket.packs, ...basket.streams].map((x) => (
              <li key={x.id} className="line"><span className="place">{x.label}</span><span className="price num">{euro(x.price, lang)}</span></li>
            ))}
            <FeeLines basket={basket} />
          </ul>
        )}
        {s.myOrderUrl && <p><a className="button primary big to-my-order" href={s.myOrderUrl}>{t('toMyOrder')}</a></p>}
        <p><Link slug={slug} to="">{t('programme')}</Link></p>
      </section>
    );
  }
  return (
    <section className="card done" data-outcome="released" data-order={view.status.number}>
      <h1>{t('failedTitle')}</h1>
      <p>{t('failedText')}</p>
      <ErrorBox error={act.error} />
      <div className="actions">
        {(basket?.lines.length ?? 0) > 0 && <button className="primary" disabled={act.busy} onClick={() => void again()}>{t('retrySeats')}</button>}
        <Link slug={slug} to="" className="button">{t('startAgain')}</Link>
      </div>
    </section>
  );
}

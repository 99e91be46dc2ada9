// Back from the payment page: the order's state decides. Paid: the tickets and where they were
// e-mailed. Failed or expired: the seats are free again; the buyer can try the same ones again.
import { useEffect, useRef, useState } from 'react';
import { api, ShopError, type Basket } from '../api.js';
import { useBasket } from '../basket.js';
import { euro, longDate, time } from '../format.js';
import { useI18n } from '../i18n.js';
import { href, navigate } from '../router.js';
import { ErrorBox, Link, useAction } from '../ui.js';
import { placeName } from './Basket.js';

const POLL_MS = 1500;
const GIVE_UP_MS = 10 * 60_000;

export type Outcome = 'waiting' | 'paid' | 'failed';

export function outcomeOf(b: Basket | null): Outcome {
  if (!b) return 'failed';
  if (!b.order) return 'failed';
  if (b.order.status === 'paid') return 'paid';
  return b.order.status === 'awaiting_payment' ? 'waiting' : 'failed';
}

export function Return({ slug, token }: { slug: string; token: string | null }) {
  const { t, lang } = useI18n();
  const b = useBasket();
  const act = useAction();
  const [basket, setBasket] = useState<Basket | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('waiting');
  const first = useRef<Basket | null>(null);

  // The basket this return is about: the one in the address (the payment page sends the buyer back
  // here, maybe in another window than the shop's frame), else the one this browser kept.
  const [mine] = useState(() => token ?? b.token);
  useEffect(() => {
    let stop = false;
    const started = Date.now();
    const read = (refresh: boolean) => (mine
      ? api<Basket>(`/api/shops/${encodeURIComponent(slug)}/basket${refresh ? '?refresh=1' : ''}`, { token: mine }).catch((e: unknown) => {
        if (e instanceof ShopError && e.status === 404) return null;
        throw e;
      })
      : Promise.resolve(null));
    (async () => {
      let current = await read(true).catch(() => undefined);
      for (;;) {
        if (stop) return;
        if (current && !first.current) first.current = current;
        if (current !== undefined) setBasket(current);
        const o = current === undefined ? 'waiting' : outcomeOf(current);
        if (o !== 'waiting' || Date.now() - started > GIVE_UP_MS) { setOutcome(o === 'waiting' ? 'failed' : o); return; }
        await new Promise((r) => setTimeout(r, POLL_MS));
        current = await read(true).catch(() => undefined);
      }
    })();
    return () => { stop = true; };
  }, [mine, slug]);

  const again = () => act.run(async () => {
    const lines = first.current?.lines ?? [];
    for (const pid of [...new Set(lines.map((l) => l.performanceId))]) {
      const mine = lines.filter((l) => l.performanceId === pid);
      const seats = mine.filter((l) => l.seatId).map((l) => l.seatId!);
      if (seats.length) await b.add({ performanceId: pid, seatIds: seats, ...(mine.some((l) => l.wheelchair) ? { wheelchairConfirmed: true } : {}) });
      for (const zone of [...new Set(mine.filter((l) => l.zoneId).map((l) => l.zoneId!))]) {
        await b.add({ performanceId: pid, quantity: mine.filter((l) => l.zoneId === zone).length, zoneId: zone });
      }
    }
    navigate(href(slug, 'basket'));
  });

  if (outcome === 'waiting') {
    return <section className="card" aria-busy="true"><div className="spinner" aria-hidden="true" /><p role="status">{t('returnChecking')}</p></section>;
  }
  if (outcome === 'paid' && basket?.order) {
    return (
      <section className="card done" data-outcome="paid" data-order={basket.order.number}>
        <h1>{t('paidTitle')}</h1>
        <p>{t('orderNumber')}: <strong className="order-number">{basket.order.number}</strong> · {euro(basket.order.total, lang)}</p>
        {basket.buyer && <p className="notice" role="status">{t('mailSent', { email: basket.buyer.email })}</p>}
        <ul className="lines">
          {basket.lines.map((l) => (
            <li key={l.id} className="line"><span className="place">{l.title} · {longDate(l.startsAt, lang)} {time(l.startsAt)} · {placeName(l, t)}</span><span className="type">{l.ticketTypeName}</span></li>
          ))}
        </ul>
        {basket.order.link && <p><a className="button primary" href={basket.order.link}>{t('toMyOrder')}</a></p>}
        <p><Link slug={slug} to="">{t('programme')}</Link></p>
      </section>
    );
  }
  return (
    <section className="card done" data-outcome="failed">
      <h1>{t('failedTitle')}</h1>
      <p>{t('failedText')}</p>
      <ErrorBox error={act.error} />
      <div className="actions">
        {(first.current?.lines.length ?? 0) > 0 && <button className="primary" disabled={act.busy} onClick={() => void again()}>{t('retrySeats')}</button>}
        <Link slug={slug} to="basket" className="button">{t('backToBasket')}</Link>
      </div>
    </section>
  );
}

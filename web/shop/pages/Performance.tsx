// A performance: the seat map to tap seats on, best available, standing places as counters, the
// ticket types and prices, and a bar with what is in the basket.
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { api, type Performance, type PlaceAvailability, type Shop } from '../api.js';
import { useBasket } from '../basket.js';
import { euro, longDate, textOn, time } from '../format.js';
import { useI18n } from '../i18n.js';
import { navigate, href } from '../router.js';
import { SeatMap, layoutOf, rankColour, type MapSeat, type SeatLook } from '../SeatMap.js';
import { Confirm, ErrorBox, Link, useAction, useLoad } from '../ui.js';
import { StateBadge, canBuy } from './Programme.js';

const POLL_MS = 4000;

export function PerformancePage({ slug, id, shop }: { slug: string; id: string; shop: Shop | null }) {
  const { t, lang } = useI18n();
  const base = `/api/shops/${encodeURIComponent(slug)}/performances/${encodeURIComponent(id)}`;
  const { data: perf, error } = useLoad(() => api<Performance>(base), [base, lang]);
  const [avail, setAvail] = useState<PlaceAvailability | null>(null);
  const b = useBasket();
  const act = useAction();
  const [confirmSeat, setConfirmSeat] = useState<MapSeat | null>(null);
  const [quantity, setQuantity] = useState(2);
  const [rank, setRank] = useState<number | ''>('');

  useEffect(() => {
    let stale = false;
    const read = () => api<PlaceAvailability>(`${base}/availability`).then((a) => { if (!stale) setAvail(a); }, () => {});
    void read();
    const timer = setInterval(() => { if (document.visibilityState === 'visible') void read(); }, POLL_MS);
    return () => { stale = true; clearInterval(timer); };
  }, [base, b.basket?.lines.length]);

  const layout = useMemo(() => (perf ? layoutOf(perf.seatMap) : null), [perf]);
  const mine = useMemo(() => new Map((b.basket?.status === 'open' ? b.basket.lines : [])
    .filter((l) => l.performanceId === id && l.seatId).map((l) => [l.seatId!, l.id])), [b.basket, id]);
  const taken = useMemo(() => new Set(avail?.taken ?? []), [avail]);
  const looks = (s: MapSeat): SeatLook => (mine.has(s.id) ? 'mine' : taken.has(s.id) ? 'taken' : 'free');
  const version = `${[...mine.keys()].join(',')}|${avail?.taken.join(',') ?? ''}`;
  const priceOf = (r: number) => perf?.ticketTypes[0]?.prices.find((p) => p.rank === r)?.amount;
  const describe = (s: MapSeat) => [
    t('seatInfo', { section: s.section, row: s.row, seat: s.label, rank: s.rank }),
    priceOf(s.rank) !== undefined ? euro(priceOf(s.rank)!, lang) : '',
    t(looks(s)), s.wheelchair ? t('wheelchair') : '', s.companion ? t('companion') : '', s.restrictedView ? t('restricted') : '',
  ].filter(Boolean).join(', ');

  const take = (s: MapSeat, wheelchairConfirmed = false) => act.run(async () => {
    await b.add({ performanceId: id, seatIds: [s.id], ...(wheelchairConfirmed ? { wheelchairConfirmed } : {}) });
  });
  const onSeat = (s: MapSeat) => {
    if (act.busy) return;
    const lineId = mine.get(s.id);
    if (lineId) { void act.run(() => b.removeLine(lineId)); return; }
    if (taken.has(s.id)) return;
    if (s.wheelchair) { setConfirmSeat(s); return; }
    void take(s);
  };

  if (error) return <ErrorBox error={error} />;
  const zoneCount = (zoneId: string) => b.basket?.status === 'open' ? b.basket.lines.filter((l) => l.performanceId === id && l.zoneId === zoneId) : [];
  const ranks = perf ? [...new Set(perf.seatMap.sections.flatMap((s) => s.rows.flatMap((r) => r.seats.map((x) => x.rank))))].sort() : [];
  const buyable = perf ? canBuy(perf) : false;
  const lines = b.basket?.status === 'open' ? b.basket.lines : [];

  // A venue with a colour of its own shows its performances in it.
  const venueStyle = perf?.venueColour ? { '--brand': perf.venueColour, '--on-brand': textOn(perf.venueColour) } as CSSProperties : undefined;
  return (
    <div className="perf-page" style={venueStyle}>
      <p><Link slug={slug} to="">← {t('programme')}</Link></p>
      <header className="perf-head">
        {perf?.venueLogo && <img className="venue-logo" src={perf.venueLogo} alt={perf.venueName} height={40} />}
        <h1>{perf?.title ?? '\u00a0'}</h1>
        <p className="when">{perf ? `${longDate(perf.startsAt, lang)} · ${time(perf.startsAt)} · ${perf.venueName}, ${perf.hallName}` : '\u00a0'}</p>
        {perf && <StateBadge p={perf} />}
      </header>
      {(layout?.seats.length ?? 1) > 0 && (
        <section className="map-box" aria-busy={!layout}>
          {layout && buyable ? (
            <SeatMap layout={layout} looks={looks} version={version} onSeat={onSeat} describe={describe} />
          ) : <div className="map-placeholder">{perf && !buyable ? '' : t('loading')}</div>}
        </section>
      )}
      <ErrorBox error={act.error} />
      {layout && layout.seats.length > 0 && (
        <ul className="legend" aria-label={t('prices')}>
          {ranks.map((r) => <li key={r}><i style={{ background: rankColour(r) }} />{t('rank')} {r}{priceOf(r) !== undefined ? ` · ${euro(priceOf(r)!, lang)}` : ''}</li>)}
          <li><i className="taken" />{t('taken')}</li>
          <li><i className="mine">✓</i>{t('mine')}</li>
          <li><span className="wheel">♿</span>{t('wheelchair')}</li>
        </ul>
      )}

      {perf && buyable && ranks.length > 0 && (
        <form className="best card" onSubmit={(e) => {
          e.preventDefault();
          void act.run(() => b.add({ performanceId: id, quantity, ...(rank === '' ? {} : { rank }) }));
        }}>
          <h2>{t('bestAvailable')}</h2>
          <div className="row">
            <label>{t('quantity')}
              <input type="number" inputMode="numeric" min={1} max={shop?.maxPlaces ?? 10} value={quantity} name="quantity"
                onChange={(e) => setQuantity(Math.max(1, Math.min(shop?.maxPlaces ?? 10, +e.target.value || 1)))} />
            </label>
            <label>{t('rank')}
              <select value={rank} name="rank" onChange={(e) => setRank(e.target.value === '' ? '' : +e.target.value)}>
                <option value="">{t('anyRank')}</option>
                {ranks.map((r) => (
                  <option key={r} value={r}>{t('rank')} {r}{avail ? ` (${t('available', { n: avail.ranks.find((x) => x.rank === r)?.available ?? 0 })})` : ''}</option>
                ))}
              </select>
            </label>
            <button className="primary" disabled={act.busy}>{t('add')}</button>
          </div>
        </form>
      )}

      {perf && buyable && perf.seatMap.zones.length > 0 && (
        <section className="zones card">
          <h2>{t('standing')}</h2>
          {perf.seatMap.zones.map((z) => {
            const inBasket = zoneCount(z.id);
            const free = avail?.zones.find((x) => x.zoneId === z.id)?.available ?? z.capacity;
            return (
              <div key={z.id} className="zone row" data-zone={z.id}>
                <span className="grow">{z.name} <small className="muted">{t('available', { n: free })}{priceOf(z.rank) !== undefined ? ` · ${euro(priceOf(z.rank)!, lang)}` : ''}</small></span>
                <button type="button" className="round" aria-label={`${t('less')}: ${z.name}`} disabled={act.busy || !inBasket.length}
                  onClick={() => void act.run(() => b.removeLine(inBasket[inBasket.length - 1].id))}>−</button>
                <output className="count" aria-live="polite">{inBasket.length}</output>
                <button type="button" className="round" aria-label={`${t('more')}: ${z.name}`} disabled={act.busy || free === 0}
                  onClick={() => void act.run(() => b.add({ performanceId: id, quantity: 1, zoneId: z.id }))}>+</button>
              </div>
            );
          })}
        </section>
      )}

      {perf?.description && <p>{perf.description}</p>}
      {perf?.extraInfo && <p className="notice">{perf.extraInfo}</p>}

      {perf && perf.ticketTypes.length > 0 && (
        <section className="card">
          <h2>{t('prices')}</h2>
          <table className="prices">
            <thead><tr><th scope="col">{t('ticketType')}</th>{ranks.map((r) => <th key={r} scope="col" className="num">{t('rank')} {r}</th>)}</tr></thead>
            <tbody>
              {perf.ticketTypes.map((tt) => (
                <tr key={tt.id}><th scope="row">{tt.name}</th>{ranks.map((r) => {
                  const p = tt.prices.find((x) => x.rank === r);
                  return <td key={r} className="num">{p ? euro(p.amount, lang) : '–'}</td>;
                })}</tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {lines.length > 0 && (
        <div className="basket-bar">
          <span>{lines.length === 1 ? t('line1') : t('lines', { n: lines.length })} · <strong>{euro(b.basket!.total, lang)}</strong></span>
          <a className="button primary" href={href(slug, 'basket')} onClick={(e) => { e.preventDefault(); navigate(href(slug, 'basket')); }}>{t('basket')} →</a>
        </div>
      )}

      {confirmSeat && (
        <Confirm title="wheelchairTitle" text="wheelchairText" yes="wheelchairYes"
          onYes={() => { const s = confirmSeat; setConfirmSeat(null); void take(s, true); }} onNo={() => setConfirmSeat(null)} />
      )}
    </div>
  );
}

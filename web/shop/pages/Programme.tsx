// The programme: what is on, by date, with where, the price from and whether seats are left.
import { useState } from 'react';
import { api, type ProgrammeData } from '../api.js';
import { euro, longDate, shortDate, time } from '../format.js';
import { useI18n } from '../i18n.js';
import { ErrorBox, Link, useLoad } from '../ui.js';

type Perf = ProgrammeData['productions'][number]['performances'][number];

export function StateBadge({ p }: { p: Pick<Perf, 'state' | 'opensAt'> }) {
  const { t, lang } = useI18n();
  const text = p.state === 'not_yet_open' && p.opensAt ? t('not_yet_open', { date: `${shortDate(p.opensAt, lang)} ${time(p.opensAt)}` }) : t(p.state);
  return <span className={`state ${p.state}`} data-state={p.state}>{text}</span>;
}

export const canBuy = (p: Pick<Perf, 'state'>) => p.state === 'on_sale' || p.state === 'few_left';

export function Programme({ slug }: { slug: string }) {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState('');
  const [venue, setVenue] = useState('');
  const [genre, setGenre] = useState('');
  const { data, error } = useLoad(() => api<ProgrammeData>(`/api/shops/${encodeURIComponent(slug)}/programme`), [slug, lang]);

  if (error) return <ErrorBox error={error} />;
  if (!data) return <p className="loading">{t('loading')}</p>;
  const shown = data.productions
    .filter((p) => !genre || p.genre === genre)
    .map((p) => ({ ...p, performances: p.performances.filter((x) => (!from || x.date >= from) && (!venue || x.venueId === venue)) }))
    .filter((p) => p.performances.length);

  return (
    <>
      <h1>{t('programme')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filter')}>
        <label>{t('from')}<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        {data.venues.length > 1 && (
          <label>{t('venue')}
            <select value={venue} onChange={(e) => setVenue(e.target.value)}>
              <option value="">{t('allVenues')}</option>
              {data.venues.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </label>
        )}
        {data.genres.length > 1 && (
          <label>{t('genre')}
            <select value={genre} onChange={(e) => setGenre(e.target.value)}>
              <option value="">{t('allGenres')}</option>
              {data.genres.map((g) => <option key={g} value={g}>{g}</option>)}
            </select>
          </label>
        )}
      </form>
      {!shown.length && <p>{t('noPerformances')}</p>}
      <ul className="productions">
        {shown.map((p) => (
          <li key={p.id} className="production card">
            {p.imageUrl && <img src={p.imageUrl} alt="" className="poster" loading="lazy" />}
            <h2>{p.title}</h2>
            <p className="muted">{[p.producer, p.genre].filter(Boolean).join(' · ')}</p>
            {p.description && <p>{p.description}</p>}
            <ul className="performances">
              {p.performances.map((x) => (
                <li key={x.id} className="performance" data-performance={x.id}>
                  <div className="when">
                    <strong>{longDate(x.startsAt, lang)}</strong> <span>{time(x.startsAt)}</span>
                    <div className="muted">{x.venueName}{x.city ? `, ${x.city}` : ''}</div>
                  </div>
                  <div className="what">
                    <StateBadge p={x} />
                    {x.priceFrom !== null && canBuy(x) && <span className="from">{t('priceFrom', { price: euro(x.priceFrom, lang) })}</span>}
                  </div>
                  {canBuy(x) && <Link slug={slug} to={`performances/${x.id}`} className="button primary">{t('choose')}</Link>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {data.packs.length > 0 && (
        <section>
          <h2>{t('packs')}</h2>
          <ul className="offers">
            {data.packs.map((p) => (
              <li key={p.id} className="card"><Link slug={slug} to={`packs/${p.id}`}>{p.label}</Link> <span className="from">{euro(p.price, lang)}</span></li>
            ))}
          </ul>
        </section>
      )}
      {data.streams.length > 0 && (
        <section>
          <h2>{t('streams')}</h2>
          <ul className="offers">
            {data.streams.map((s) => (
              <li key={s.id} className="card"><Link slug={slug} to={`streams/${s.id}`}>{s.label}</Link> <span className="from">{euro(s.price, lang)}</span></li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

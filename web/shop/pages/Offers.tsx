// A pack (subscription, pass) and a stream, each with its stable page.
import { useState } from 'react';
import { api, type Pack, type Stream } from '../api.js';
import { useBasket } from '../basket.js';
import { euro, longDate, time } from '../format.js';
import { useI18n } from '../i18n.js';
import { href, navigate } from '../router.js';
import { ErrorBox, Link, useAction, useLoad } from '../ui.js';

export function PackPage({ slug, id }: { slug: string; id: string }) {
  const { t, lang } = useI18n();
  const { data: pack, error } = useLoad(() => api<Pack>(`/api/shops/${encodeURIComponent(slug)}/packs/${encodeURIComponent(id)}`), [slug, id, lang]);
  const b = useBasket();
  const act = useAction();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  if (error) return <ErrorBox error={error} />;
  if (!pack) return <p className="loading">{t('loading')}</p>;
  // A subscription of fixed performances asks which ones; a pass or card is bought as it is.
  const picks = pack.typeId === 1;
  const toggle = (pid: string) => setPicked((s) => { const n = new Set(s); if (n.has(pid)) n.delete(pid); else n.add(pid); return n; });
  return (
    <>
      <p><Link slug={slug} to="">← {t('programme')}</Link></p>
      <h1>{pack.label}</h1>
      <p className="from">{euro(pack.price, lang)}</p>
      {pack.description && <p>{pack.description}</p>}
      {pack.sets.map((set) => (
        <section key={set.id} className="card">
          <h2>{set.label}</h2>
          <p className="muted">{t('packIncludes', { min: set.min, max: set.max })}</p>
          <ul className="plain">
            {set.performances.map((p) => (
              <li key={p.id}>
                {picks
                  ? <label className="check"><input type="checkbox" checked={picked.has(p.id)} onChange={() => toggle(p.id)} /> {p.title} · {longDate(p.startsAt, lang)} {time(p.startsAt)}</label>
                  : <span>{p.title} · {longDate(p.startsAt, lang)} {time(p.startsAt)}</span>}
              </li>
            ))}
            {set.streams.map((s) => <li key={s.id}>{s.label}</li>)}
          </ul>
        </section>
      ))}
      <ErrorBox error={act.error} />
      <button className="primary" disabled={act.busy} onClick={() => void act.run(async () => {
        await b.addPack(pack.id, picks ? [...picked] : undefined);
        navigate(href(slug, 'basket'));
      })}>{t('addPack')}</button>
    </>
  );
}

export function StreamPage({ slug, id }: { slug: string; id: string }) {
  const { t, lang } = useI18n();
  const { data: stream, error } = useLoad(() => api<Stream>(`/api/shops/${encodeURIComponent(slug)}/streams/${encodeURIComponent(id)}`), [slug, id, lang]);
  const b = useBasket();
  const act = useAction();
  if (error) return <ErrorBox error={error} />;
  if (!stream) return <p className="loading">{t('loading')}</p>;
  return (
    <>
      <p><Link slug={slug} to="">← {t('programme')}</Link></p>
      <h1>{stream.label}</h1>
      <p className="from">{euro(stream.price, lang)}</p>
      {stream.description && <p>{stream.description}</p>}
      {stream.accessEndsAt && <p className="muted">{t('streamAccess', { date: longDate(stream.accessEndsAt, lang) })}</p>}
      <ErrorBox error={act.error} />
      {stream.onSale
        ? <button className="primary" disabled={act.busy} onClick={() => void act.run(async () => { await b.addStream(stream.id); navigate(href(slug, 'basket')); })}>{t('addStream')}</button>
        : <p>{t('notOnSale')}</p>}
    </>
  );
}

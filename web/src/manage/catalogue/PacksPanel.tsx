// Packs: the list searched by name a page at a time (the API answers them all), published or offline
// with one click, and one pack's form.
import { useCallback, useEffect, useState } from 'react';
import { api, get } from '../../api/client.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { useManageWords } from '../words.js';
import { PackForm } from './PackForm.js';
import { PAGE_SIZE, type Pack, type Stream } from './types.js';
import { useCatalogueWords } from './words.js';
import { useMoney } from '../../i18n/i18n.js';

export function PacksPanel() {
  const money = useMoney();
  const { w } = useCatalogueWords();
  const mw = useManageWords();
  const [packs, setPacks] = useState<Pack[] | null>(null);
  const [streams, setStreams] = useState<Stream[]>([]);
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setPacks((await get<{ items: Pack[] }>('/api/packs')).items);
      setStreams((await get<{ items: Stream[] }>('/api/streams')).items);
      setError(null);
    } catch (e) { setError(e); }
  }, []);
  useEffect(() => { void reload(); }, [reload]);

  const matching = (packs ?? []).filter((p) => p.label.toLowerCase().includes(q.trim().toLowerCase()));
  const shown = matching.slice(offset, offset + PAGE_SIZE);
  const pack = packs?.find((p) => p.id === open) ?? null;
  const togglePublished = (p: Pack) => {
    setError(null);
    api('PATCH', `/api/packs/${p.id}`, { body: { published: !p.published } }).then(reload, setError);
  };

  return (
    <div className="catalogue-packs">
      <section aria-label={w('packs')}>
        <h2>{w('packs')}</h2>
        <input type="search" name="search-packs" placeholder={w('searchPacks')} aria-label={mw('search')} value={q}
          onChange={(e) => { setQ(e.target.value); setOffset(0); }} />
        <ErrorLine error={error} />
        {packs && matching.length === 0 && <p>{q ? w('noMatch') : w('noPacks')}</p>}
        {shown.length > 0 && (
          <table className="list">
            <thead><tr><th>{w('label')}</th><th>{w('typeId')}</th><th>{w('price')}</th><th>{w('sets')}</th><th>{w('status')}</th><th /></tr></thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id} data-pack={p.label} className={p.published ? undefined : 'off'}>
                  <td><button name="open-pack" className="link" onClick={() => setOpen(p.id)}>{p.label}</button></td>
                  <td>{w(`type-${p.typeId}` as 'type-1')}</td>
                  <td>{money(p.price)}</td>
                  <td>{w('setsCount', { n: p.sets.length })}</td>
                  <td className="published">{p.published ? w('published') : w('notPublished')}</td>
                  <td><button name="toggle-published" onClick={() => togglePublished(p)}>{p.published ? w('unpublish') : w('publish')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {matching.length > PAGE_SIZE && (
          <p className="pager">
            <button name="previous-page" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>{mw('previous')}</button>
            <span>{w('page', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, matching.length), total: matching.length })}</span>
            <button name="next-page" disabled={offset + PAGE_SIZE >= matching.length} onClick={() => setOffset(offset + PAGE_SIZE)}>{mw('next')}</button>
          </p>
        )}
        <button name="new-pack" onClick={() => setOpen('new')}>+ {w('newPack')}</button>
      </section>
      {open === 'new' && (
        <PackForm key="new" pack={null} streams={streams} onSaved={async (p) => { await reload(); setOpen(p.id); }} onDeleted={() => setOpen(null)} />
      )}
      {pack && (
        <PackForm key={pack.id} pack={pack} streams={streams} onSaved={reload} onDeleted={async () => { setOpen(null); await reload(); }} />
      )}
    </div>
  );
}

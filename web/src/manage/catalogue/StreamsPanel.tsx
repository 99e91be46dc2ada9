// Streams (video on demand): the list with status and price, and one stream's form.
import { useCallback, useEffect, useState } from 'react';
import { get } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { StreamForm } from './StreamForm.js';
import type { Stream } from './types.js';
import { useCatalogueWords } from './words.js';
import { useMoney } from '../../i18n/i18n.js';

export function StreamsPanel() {
  const money = useMoney();
  const { w, lang } = useCatalogueWords();
  const [streams, setStreams] = useState<Stream[] | null>(null);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try { setStreams((await get<{ items: Stream[] }>('/api/streams')).items); setError(null); } catch (e) { setError(e); }
  }, []);
  useEffect(() => { void reload(); }, [reload]);
  const stream = streams?.find((s) => s.id === open) ?? null;

  return (
    <div className="catalogue-streams">
      <section aria-label={w('streams')}>
        <h2>{w('streams')}</h2>
        <ErrorLine error={error} />
        {streams?.length === 0 && <p>{w('noStreams')}</p>}
        {!!streams?.length && (
          <table className="list">
            <thead><tr><th>{w('title')}</th><th>{w('status')}</th><th>{w('price')}</th><th>{w('startsAt')}</th><th>{w('accessEndsAt')}</th></tr></thead>
            <tbody>
              {streams.map((s) => (
                <tr key={s.id} data-stream={s.label} className={s.status === 20 ? 'off' : undefined}>
                  <td><button name="open-stream" className="link" onClick={() => setOpen(s.id)}>{s.label}</button></td>
                  <td className="status">{w(`status-${s.status}` as 'status-10')}</td>
                  <td>{money(s.price)}</td>
                  <td>{s.startsAt ? localDateTime(s.startsAt, lang) : ''}</td>
                  <td>{s.accessEndsAt ? localDateTime(s.accessEndsAt, lang) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button name="new-stream" onClick={() => setOpen('new')}>+ {w('newStream')}</button>
      </section>
      {open === 'new' && (
        <StreamForm key="new" stream={null} onSaved={async (s) => { await reload(); setOpen(s.id); }} onDeleted={() => setOpen(null)} />
      )}
      {stream && (
        <StreamForm key={stream.id} stream={stream} onSaved={reload} onDeleted={async () => { setOpen(null); await reload(); }} />
      )}
    </div>
  );
}

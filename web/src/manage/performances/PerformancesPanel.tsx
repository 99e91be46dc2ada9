// A production's performances: the list (a page at a time), one performance or a whole series at
// once, putting a selection on sale and opening its online sales, editing one, and cancelling one
// after showing what happens to its tickets.
import { useCallback, useEffect, useState } from 'react';
import { api, get, qs } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { PerformancePrices } from '../prices/PerformancePrices.js';
import { CancelDialog } from './CancelDialog.js';
import { announcePerformancesChanged } from './changes.js';
import { PerformanceEditor } from './PerformanceEditor.js';
import { SeriesForm } from './SeriesForm.js';
import { wallClock, type ManagedPerformance, type SalesWindow } from './types.js';
import { useChoices } from './useChoices.js';
import { usePerformanceWords } from './words.js';
import { usePriceWords } from '../prices/words.js';
import './performances.css';

const PAGE = 50;
interface Page { items: ManagedPerformance[]; total: number }

export function PerformancesPanel({ production, canEdit }: { production: { id: string; title: string; durationMinutes: number | null }; canEdit: boolean }) {
  const { w, lang } = usePerformanceWords();
  const { w: pw } = usePriceWords();
  const { halls, types, error: choiceError } = useChoices();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [adding, setAdding] = useState<'one' | 'series' | null>(null);
  const [editing, setEditing] = useState<ManagedPerformance | null>(null);
  const [pricing, setPricing] = useState<ManagedPerformance | null>(null);
  const [cancelling, setCancelling] = useState<ManagedPerformance | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [onlineFrom, setOnlineFrom] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try { setPage(await get<Page>(`/api/performances${qs({ productionId: production.id, limit: PAGE, offset })}`)); } catch (e) { setError(e); }
  }, [production.id, offset]);
  useEffect(() => { void reload(); }, [reload]);
  /** After a change: the list again, and the price list beside it learns of new halls. */
  const changed = async () => { await reload(); announcePerformancesChanged(production.id); };

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const chosen = page?.items.filter((p) => selected.includes(p.id)) ?? [];
  /** Puts the chosen performances on sale; with a moment, online sales open then (the box office window stays). */
  const putOnSale = async () => {
    setError(null); setNote('');
    try {
      for (const p of chosen) {
        const windows: SalesWindow[] = p.salesWindows.filter((x) => x.channel !== 'online').map((x) => ({ ...x, opensAt: wallClock(x.opensAt) || null, closesAt: wallClock(x.closesAt) || null }));
        const online = p.salesWindows.find((x) => x.channel === 'online');
        windows.push({ channel: 'online', opensAt: onlineFrom || (online ? wallClock(online.opensAt) || null : null), closesAt: online ? wallClock(online.closesAt) || null : null });
        await api('PATCH', `/api/performances/${p.id}`, { body: { status: p.status === 'draft' ? 'on_sale' : p.status, salesWindows: windows } });
      }
      setNote(w('applied', { n: chosen.length }));
      setSelected([]);
    } catch (e) { setError(e); }
    await reload();
  };

  const online = (p: ManagedPerformance) => p.salesWindows.find((x) => x.channel === 'online');
  return (
    <section className="manage-performances card" aria-label={w('performances')}>
      <h3>{w('performances')} {page && <small>({page.total})</small>}</h3>
      <ErrorLine error={choiceError} />
      {canEdit && !adding && (
        <p className="row">
          <button name="new-performance" onClick={() => setAdding('one')}>+ {w('newOne')}</button>
          <button name="new-series" onClick={() => setAdding('series')}>+ {w('newSeries')}</button>
        </p>
      )}
      {adding && (
        <SeriesForm key={adding} productionId={production.id} halls={halls} types={types} mode={adding} defaults={{ durationMinutes: production.durationMinutes }}
          onClose={() => setAdding(null)}
          onCreated={async (items) => { setAdding(null); setNote(w('created', { n: items.length })); await changed(); }} />
      )}
      {note && <p className="saved" role="status">{note}</p>}
      <ErrorLine error={error} />
      {page?.total === 0 && <p>{w('none')}</p>}
      {page && page.items.length > 0 && (
        <table className="performance-table">
          <thead>
            <tr>
              {canEdit && <th><input type="checkbox" name="select-all" aria-label={w('selectAll')} checked={selected.length === page.items.length}
                onChange={(e) => setSelected(e.target.checked ? page.items.map((p) => p.id) : [])} /></th>}
              <th>{w('startsAt')}</th><th>{w('hall')}</th><th>{w('status')}</th><th>{w('channel-online')}</th><th />
            </tr>
          </thead>
          <tbody>
            {page.items.map((p) => (
              <tr key={p.id} data-performance={p.id} className={`status-${p.status}`}>
                {canEdit && <td><input type="checkbox" name="select-performance" checked={selected.includes(p.id)} onChange={() => toggle(p.id)} /></td>}
                <td>{localDateTime(p.startsAt, lang, p.timeZone)} <small className="hint">{w('doorsAt', { time: p.doorsOpenAt.slice(11, 16) })}</small></td>
                <td>{p.venueName} – {p.hallName}</td>
                <td><span className={`status-chip ${p.status}`}>{w(`status-${p.status}`)}</span></td>
                <td>{online(p)?.opensAt ? localDateTime(online(p)!.opensAt!, lang, p.timeZone) : ''}</td>
                <td className="actions">
                  {canEdit && <button className="link" name="edit-performance" onClick={() => setEditing(p)}>{w('edit')}</button>}
                  {canEdit && <button className="link" name="performance-prices" onClick={() => setPricing(p)}>{pw('open')}</button>}
                  {canEdit && p.status !== 'cancelled' && <button className="link danger" name="cancel-performance" onClick={() => setCancelling(p)}>{w('cancel')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && page.total > PAGE && (
        <p className="row">
          <button name="previous-performances" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>‹</button>
          <span>{w('page', { from: offset + 1, to: Math.min(offset + PAGE, page.total), total: page.total })}</span>
          <button name="next-performances" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>›</button>
        </p>
      )}
      {canEdit && chosen.length > 0 && (
        <div className="bulk row">
          <strong>{w('selected', { n: chosen.length })}</strong>
          <label className="inline">{w('openOnline')} <input type="datetime-local" name="online-opens-at" value={onlineFrom} onChange={(e) => setOnlineFrom(e.target.value)} /></label>
          <button className="primary" name="put-on-sale" onClick={() => void putOnSale()}>{w('putOnSale')}</button>
        </div>
      )}
      {editing && (
        <PerformanceEditor performance={editing} halls={halls} types={types} onClose={() => setEditing(null)}
          onSaved={async () => { setEditing(null); await changed(); }} />
      )}
      {pricing && (
        <PerformancePrices performance={{ id: pricing.id, hallId: pricing.hallId, title: pricing.title, when: localDateTime(pricing.startsAt, lang, pricing.timeZone) }}
          onClose={() => setPricing(null)} />
      )}
      {cancelling && (
        <CancelDialog performance={cancelling} onClose={() => setCancelling(null)}
          onCancelled={async (n: number) => { setCancelling(null); setNote(w('cancelled', { n })); await changed(); }} />
      )}
    </section>
  );
}

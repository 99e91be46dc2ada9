// Ticket types: the organisation's list (archived ones on request), one type's form (names in
// nl/fr/en, DIP category, channels, UiTPAS tariff or group pass), archiving after a confirmation.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, get, qs } from '../../api/client.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import type { SectionProps } from '../sections.js';
import { useTicketTypeWords } from './words.js';
import './ticket-types.css';

const DIP = ['normal', 'discount', 'free', 'other'] as const;
const CHANNELS = ['boxoffice', 'online'] as const;
export interface TicketType {
  id: string; name: string; names: { nl: string; fr: string; en: string }; dipCategory: (typeof DIP)[number];
  channels: (typeof CHANNELS)[number][]; uitpas: boolean; uitpasGroup: boolean; archived: boolean;
}
type Draft = Omit<TicketType, 'id' | 'name' | 'archived'>;
const EMPTY: Draft = { names: { nl: '', fr: '', en: '' }, dipCategory: 'normal', channels: ['boxoffice', 'online'], uitpas: false, uitpasGroup: false };

export function TicketTypesSection({ user }: SectionProps) {
  const { w } = useTicketTypeWords();
  const admin = user.role === 'admin';
  const [archived, setArchived] = useState(false);
  const [items, setItems] = useState<TicketType[] | null>(null);
  const [open, setOpen] = useState<TicketType | 'new' | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try { setItems((await get<{ items: TicketType[] }>(`/api/ticket-types${qs({ includeArchived: archived ? 'true' : undefined })}`)).items); }
    catch (e) { setError(e); }
  }, [archived]);
  useEffect(() => { void reload(); }, [reload]);

  const toggleArchive = async (t: TicketType) => {
    if (!t.archived && !window.confirm(w('confirmArchive', { name: t.name }))) return;
    try { await api('PATCH', `/api/ticket-types/${t.id}`, { body: { archived: !t.archived } }); setError(null); } catch (e) { setError(e); }
    await reload();
  };
  return (
    <div className="ticket-types">
      <h2>{w('title')}</h2>
      <p className="row">
        <label className="inline"><input type="checkbox" name="show-archived" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> {w('showArchived')}</label>
        {admin && <button name="new-ticket-type" onClick={() => { setOpen('new'); setNote(''); }}>+ {w('newType')}</button>}
      </p>
      {!admin && <p className="hint">{w('readOnly')}</p>}
      {note && <p className="saved" role="status">{note}</p>}
      <ErrorLine error={error} />
      {items?.length === 0 && <p>{w('none')}</p>}
      {!!items?.length && (
        <table className="list">
          <thead><tr><th>{w('name')}</th><th>{w('dipCategory')}</th><th>{w('channels')}</th><th>UiTPAS</th><th /></tr></thead>
          <tbody>
            {items.map((t) => (
              <tr key={t.id} data-ticket-type={t.id} className={t.archived ? 'archived' : undefined}>
                <td>{t.name} {t.archived && <small className="hint">({w('archived')})</small>}</td>
                <td>{w(`dip-${t.dipCategory}`)}</td>
                <td>{t.channels.map((c) => w(`channel-${c}`)).join(', ')}</td>
                <td>{[t.uitpas && w('uitpas'), t.uitpasGroup && w('uitpasGroup')].filter(Boolean).join(', ')}</td>
                <td className="actions">
                  {admin && <button className="link" name="edit-ticket-type" aria-label={`${w('edit')} ${t.name}`} onClick={() => { setOpen(t); setNote(''); }}>{w('edit')}</button>}
                  {admin && <button className={t.archived ? 'link' : 'link danger'} name={t.archived ? 'restore-ticket-type' : 'archive-ticket-type'}
                    aria-label={`${w(t.archived ? 'restore' : 'archive')} ${t.name}`} onClick={() => void toggleArchive(t)}>{w(t.archived ? 'restore' : 'archive')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <TicketTypeForm key={open === 'new' ? 'new' : open.id} type={open === 'new' ? null : open} onClose={() => setOpen(null)}
          onSaved={async () => { setOpen(null); setNote(w('saved')); await reload(); }} />
      )}
    </div>
  );
}

function TicketTypeForm({ type, onClose, onSaved }: { type: TicketType | null; onClose(): void; onSaved(): void | Promise<void> }) {
  const { w } = useTicketTypeWords();
  const [draft, setDraft] = useState<Draft>(type ? { names: type.names, dipCategory: type.dipCategory, channels: type.channels, uitpas: type.uitpas, uitpasGroup: type.uitpasGroup } : EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const setName = (lang: 'nl' | 'fr' | 'en', v: string) => setDraft((d) => ({ ...d, names: { ...d.names, [lang]: v } }));
  const toggleChannel = (c: (typeof CHANNELS)[number]) =>
    setDraft((d) => ({ ...d, channels: d.channels.includes(c) ? d.channels.filter((x) => x !== c) : CHANNELS.filter((x) => x === c || d.channels.includes(x)) }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      if (type) await api('PATCH', `/api/ticket-types/${type.id}`, { body: draft });
      else await api('POST', '/api/ticket-types', { body: draft });
      await onSaved();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form className="card ticket-type-form" onSubmit={submit} aria-label={type ? type.name : w('newType')}>
      <h3>{type ? type.name : w('newType')}</h3>
      <div className="grid3">
        {(['nl', 'fr', 'en'] as const).map((l) => (
          <Field key={l} label={w(l === 'nl' ? 'nameNl' : l === 'fr' ? 'nameFr' : 'nameEn')} name={`names/${l}`} error={error}>
            <input name={`name-${l}`} value={draft.names[l]} onChange={(e) => setName(l, e.target.value)} />
          </Field>
        ))}
        <Field label={w('dipCategory')} name="dipCategory" error={error}>
          <select name="dipCategory" value={draft.dipCategory} onChange={(e) => setDraft((d) => ({ ...d, dipCategory: e.target.value as Draft['dipCategory'] }))}>
            {DIP.map((c) => <option key={c} value={c}>{w(`dip-${c}`)}</option>)}
          </select>
        </Field>
        <fieldset className="field" data-field="channels">
          <legend className="field-label">{w('channels')}</legend>
          {CHANNELS.map((c) => (
            <label key={c} className="inline"><input type="checkbox" name={`channel-${c}`} checked={draft.channels.includes(c)} onChange={() => toggleChannel(c)} /> {w(`channel-${c}`)}</label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend className="field-label">UiTPAS</legend>
          <Field label={w('uitpas')} name="uitpas" error={error}>
            <input type="checkbox" name="uitpas" checked={draft.uitpas} onChange={(e) => setDraft((d) => ({ ...d, uitpas: e.target.checked }))} />
          </Field>
          <Field label={w('uitpasGroup')} name="uitpasGroup" error={error}>
            <input type="checkbox" name="uitpasGroup" checked={draft.uitpasGroup} onChange={(e) => setDraft((d) => ({ ...d, uitpasGroup: e.target.checked }))} />
          </Field>
        </fieldset>
      </div>
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      <p className="row">
        <button type="submit" className="primary" name="save-ticket-type" disabled={busy}>{w('save')}</button>
        <button type="button" name="close-ticket-type" onClick={onClose}>{w('close')}</button>
      </p>
    </form>
  );
}

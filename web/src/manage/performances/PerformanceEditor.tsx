// One performance: hall, start, doors, status, standard ticket type, sales per channel (box office,
// online: when sales open and close), UiTPAS and its UiTdatabank event. Cancelling goes through the
// cancel dialog, so it is not a status here.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { NEXT_STATUSES, STATUSES, wallClock, type HallChoice, type ManagedPerformance, type SalesWindow, type TicketTypeChoice } from './types.js';
import { usePerformanceWords } from './words.js';
import { QuotasPanel } from './QuotasPanel.js';
import { filledWindows, SalesWindowsFields, windowsOf } from './SalesWindowsFields.js';

export function PerformanceEditor({ performance: p, halls, types, onClose, onSaved }: {
  performance: ManagedPerformance; halls: HallChoice[]; types: TicketTypeChoice[]; onClose(): void; onSaved(): void | Promise<void>;
}) {
  const { w } = usePerformanceWords();
  const [draft, setDraft] = useState({
    hallId: p.hallId, startsAt: wallClock(p.startsAt), durationMinutes: p.durationMinutes, doorsOpenMinutes: p.doorsOpenMinutes, status: p.status,
    standardTicketTypeId: p.standardTicketTypeId ?? '', uitpasEnabled: p.uitpasEnabled, uitdatabankEventId: p.uitdatabankEventId ?? '',
  });
  const [windows, setWindows] = useState<SalesWindow[]>(() => windowsOf(p.salesWindows));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof draft>(k: K, v: (typeof draft)[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      await api('PATCH', `/api/performances/${p.id}`, {
        body: {
          ...draft, standardTicketTypeId: draft.standardTicketTypeId || null, uitdatabankEventId: draft.uitdatabankEventId || null,
          ...(draft.hallId === p.hallId ? { hallId: undefined } : {}),
          salesWindows: filledWindows(windows),
        },
      });
      await onSaved();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <div className="dialog-backdrop">
      <div className="dialog card performance-editor">
      <form onSubmit={submit} aria-label={w('edit')}>
        <h3>{p.title}</h3>
        <div className="grid3">
          <Field label={w('hall')} name="hallId" error={error}>
            <select name="hallId" value={draft.hallId} onChange={(e) => set('hallId', e.target.value)}>
              {halls.map((h) => <option key={h.id} value={h.id}>{h.venueName} – {h.name}</option>)}
            </select>
          </Field>
          <Field label={w('startsAt')} name="startsAt" error={error}>
            <input type="datetime-local" name="startsAt" value={draft.startsAt} onChange={(e) => set('startsAt', e.target.value)} />
          </Field>
          <Field label={w('status')} name="status" error={error}>
            <select name="status" value={draft.status} onChange={(e) => set('status', e.target.value as ManagedPerformance['status'])}>
              {STATUSES.filter((s) => s === p.status || NEXT_STATUSES[p.status].includes(s)).map((s) => <option key={s} value={s}>{w(`status-${s}`)}</option>)}
            </select>
          </Field>
          <Field label={w('durationMinutes')} name="durationMinutes" error={error}>
            <input type="number" name="durationMinutes" min={1} max={1440} value={draft.durationMinutes} onChange={(e) => set('durationMinutes', Number(e.target.value))} />
          </Field>
          <Field label={w('doorsOpenMinutes')} name="doorsOpenMinutes" error={error}>
            <input type="number" name="doorsOpenMinutes" min={0} max={1440} value={draft.doorsOpenMinutes} onChange={(e) => set('doorsOpenMinutes', Number(e.target.value))} />
          </Field>
          <Field label={w('standardTicketTypeId')} name="standardTicketTypeId" error={error}>
            <select name="standardTicketTypeId" value={draft.standardTicketTypeId} onChange={(e) => set('standardTicketTypeId', e.target.value)}>
              <option value="">{w('noType')}</option>
              {types.filter((t) => !t.archived).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </Field>
        </div>
        <SalesWindowsFields windows={windows} onChange={setWindows} error={error} />
        <div className="grid3">
          <Field label="UiTPAS" name="uitpasEnabled" error={error}>
            <label className="inline"><input type="checkbox" name="uitpasEnabled" checked={draft.uitpasEnabled} onChange={(e) => set('uitpasEnabled', e.target.checked)} /> {w('uitpasEnabled')}</label>
          </Field>
          <Field label={w('uitdatabankEventId')} name="uitdatabankEventId" error={error}>
            <input name="uitdatabankEventId" value={draft.uitdatabankEventId} onChange={(e) => set('uitdatabankEventId', e.target.value)} />
          </Field>
        </div>
        {fieldErrors(error).length === 0 && <ErrorLine error={error} />}
        <p className="row">
          <button type="submit" className="primary" name="save-performance" disabled={busy}>{w('save')}</button>
          <button type="button" name="close-editor" onClick={onClose}>{w('close')}</button>
        </p>
      </form>
      {/* Its own form: a quota being typed neither blocks saving the performance nor is saved with it. */}
      <QuotasPanel performanceId={p.id} />
      </div>
    </div>
  );
}

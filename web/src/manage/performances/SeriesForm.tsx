// One performance, or a series: every chosen weekday between two days at one or more times, less the
// dates clicked away in the preview; hall, doors, status and the sales per channel go to every one of
// them. The server works out the start times in the venue's zone. The form grows with the page (no
// scroll box of its own) and its fields wrap to one column on a narrow screen.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { errorFor, Field, fieldErrors } from '../form.js';
import { MakeFirst } from '../make-first.js';
import { filledWindows, SalesWindowsFields, windowsOf } from './SalesWindowsFields.js';
import type { HallChoice, ManagedPerformance, SalesWindow, Status, TicketTypeChoice } from './types.js';
import { usePerformanceWords } from './words.js';

export interface SeriesDefaults { durationMinutes: number | null }

export function SeriesForm({ productionId, halls, types, mode, defaults, onCreated, onClose }: {
  productionId: string; halls: HallChoice[]; types: TicketTypeChoice[]; mode: 'one' | 'series'; defaults: SeriesDefaults;
  onCreated(items: ManagedPerformance[]): void | Promise<void>; onClose(): void;
}) {
  const { w, weekday, lang } = usePerformanceWords();
  const [hallId, setHallId] = useState(halls[0]?.id ?? '');
  const [startsAt, setStartsAt] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [weekdays, setWeekdays] = useState<number[]>([4, 5, 6]);
  const [times, setTimes] = useState('20:15');
  const [except, setExcept] = useState<string[]>([]);
  const [durationMinutes, setDuration] = useState<number | ''>(defaults.durationMinutes ?? '');
  const [doorsOpenMinutes, setDoors] = useState(30);
  const [status, setStatus] = useState<Status>('draft');
  const [windows, setWindows] = useState<SalesWindow[]>(() => windowsOf());
  const [standardTicketTypeId, setType] = useState<string>('');
  const [preview, setPreview] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const hall = halls.find((h) => h.id === hallId) ?? halls[0];

  const common = () => ({
    productionId, hallId: hallId || hall?.id || '', doorsOpenMinutes, status, standardTicketTypeId: standardTicketTypeId || null,
    salesWindows: filledWindows(windows),
    ...(durationMinutes === '' ? {} : { durationMinutes }),
  });
  const seriesBody = () => ({
    ...common(), from, to, weekdays: [...weekdays].sort(), except,
    times: times.split(/[\s,;]+/).filter(Boolean),
  });
  const run = async (f: () => Promise<void>) => {
    setBusy(true); setError(null);
    try { await f(); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const showPreview = () => run(async () => {
    setPreview((await api<{ startsAt: string[] }>('POST', '/api/performances/series', { body: { ...seriesBody(), except: [], preview: true } })).startsAt);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (mode === 'one') {
        await onCreated([await api<ManagedPerformance>('POST', '/api/performances', { body: { ...common(), startsAt } })]);
      } else {
        await onCreated((await api<{ items: ManagedPerformance[] }>('POST', '/api/performances/series', { body: seriesBody() })).items);
      }
    });
  };
  const toggleDay = (d: number) => { setWeekdays((ds) => (ds.includes(d) ? ds.filter((x) => x !== d) : [...ds, d])); setPreview(null); };
  const toggleExcept = (day: string) => setExcept((xs) => (xs.includes(day) ? xs.filter((x) => x !== day) : [...xs, day]));
  const kept = preview?.filter((s) => !except.includes(s.slice(0, 10))) ?? [];
  const skipped = preview?.filter((s) => except.includes(s.slice(0, 10))) ?? [];
  const weekdayError = errorFor(error, 'weekdays');

  return (
    <form className="series-form card" onSubmit={submit} aria-label={mode === 'one' ? w('newOne') : w('newSeries')}>
      <h3>{mode === 'one' ? w('newOne') : w('newSeries')}</h3>
      <div className="series-grid">
        {mode === 'one' && (
          <Field label={w('startsAt')} name="startsAt" error={error}>
            <input type="datetime-local" name="startsAt" value={startsAt} required onChange={(e) => setStartsAt(e.target.value)} />
          </Field>
        )}
        {mode === 'series' && (
          <>
            <Field label={w('from')} name="from" error={error}>
              <input type="date" name="from" value={from} required onChange={(e) => { setFrom(e.target.value); setPreview(null); }} />
            </Field>
            <Field label={w('to')} name="to" error={error}>
              <input type="date" name="to" value={to} required onChange={(e) => { setTo(e.target.value); setPreview(null); }} />
            </Field>
            <Field label={w('times')} name="times" error={error} hint={w('timesHint')} nested>
              <input name="times" value={times} required onChange={(e) => { setTimes(e.target.value); setPreview(null); }} />
            </Field>
            <fieldset className={weekdayError ? 'weekdays field invalid' : 'weekdays field'} data-field="weekdays">
              <legend className="field-label">{w('weekdays')}</legend>
              <span className="row">
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <label key={d} className="inline"><input type="checkbox" name={`weekday-${d}`} checked={weekdays.includes(d)} onChange={() => toggleDay(d)} /> {weekday(d)}</label>
                ))}
              </span>
              {weekdayError && <small className="field-error" role="alert">{weekdayError}</small>}
            </fieldset>
          </>
        )}
        <Field label={w('hall')} name="hallId" error={error}>
          <select name="hallId" value={hall?.id ?? ''} onChange={(e) => { setHallId(e.target.value); setPreview(null); }}>
            {halls.map((h) => <option key={h.id} value={h.id}>{h.venueName} – {h.name}</option>)}
          </select>
          {halls.length === 0 && <MakeFirst need="hall" />}
        </Field>
        <Field label={w('durationMinutes')} name="durationMinutes" error={error}>
          <input type="number" name="durationMinutes" min={1} max={1440} value={durationMinutes} onChange={(e) => setDuration(e.target.value === '' ? '' : Number(e.target.value))} />
        </Field>
        <Field label={w('doorsOpenMinutes')} name="doorsOpenMinutes" error={error}>
          <input type="number" name="doorsOpenMinutes" min={0} max={1440} value={doorsOpenMinutes} onChange={(e) => setDoors(Number(e.target.value))} />
        </Field>
        <Field label={w('standardTicketTypeId')} name="standardTicketTypeId" error={error}>
          <select name="standardTicketTypeId" value={standardTicketTypeId} onChange={(e) => setType(e.target.value)}>
            <option value="">{w('noType')}</option>
            {types.filter((t) => !t.archived).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </Field>
        <Field label={w('status')} name="status" error={error}>
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            {(['draft', 'on_sale'] as const).map((s) => <option key={s} value={s}>{w(`status-${s}`)}</option>)}
          </select>
        </Field>
      </div>
      {hall && <p className="hint">{w('timeZoneNote', { zone: hall.timeZone })}</p>}
      <SalesWindowsFields windows={windows} onChange={setWindows} error={error} prefix="series-"
        hint={mode === 'series' ? w('seriesSalesHint') : undefined} />
      {mode === 'series' && preview && (
        <div className="series-preview" aria-label={w('preview')}>
          <p><strong>{w('previewCount', { n: kept.length })}</strong> · <span className="hint">{w('exceptHint')}</span></p>
          <ul>
            {preview.map((s) => {
              const off = except.includes(s.slice(0, 10));
              return (
                <li key={s}>
                  <button type="button" name="preview-date" data-day={s.slice(0, 10)} className={off ? 'skipped' : undefined}
                    aria-pressed={off} title={off ? w('skipped') : w('skip')} onClick={() => toggleExcept(s.slice(0, 10))}>
                    {localDateTime(s, lang, hall?.timeZone)}
                  </button>
                </li>
              );
            })}
          </ul>
          {skipped.length > 0 && (
            <p className="hint" data-field="except">{w('except')}: {skipped.map((s) => localDateTime(s, lang, hall?.timeZone).replace(/ \d\d:\d\d$/, '')).join(', ')}</p>
          )}
        </div>
      )}
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      <p className="row">
        {mode === 'series' && <button type="button" name="preview-series" disabled={busy} onClick={() => void showPreview()}>{w('preview')}</button>}
        <button type="submit" className="primary" name="create-performances" disabled={busy || (mode === 'series' && !preview)}>
          {mode === 'series' && preview ? w('createSeries', { n: kept.length }) : w('create')}
        </button>
        <button type="button" name="close-series" onClick={onClose}>{w('close')}</button>
      </p>
    </form>
  );
}

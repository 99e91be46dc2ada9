// The audit trail over GET /api/audit: filter by subject, person and days; page by cursor; each change as before → after.
// A row's thing opens its whole history (subject and id), so an earlier change of the same price list
// is not lost on a later page behind the changes made since.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { get, qs } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field } from '../form.js';
import { ChangeList } from './ChangeList.js';
import { useAuditReading, type Refs } from './reading.js';
import { SUBJECTS, useAuditWords } from './words.js';
import './audit.css';

interface AuditEvent {
  id: string; at: string; actor: { kind: string; id: string; name: string };
  subject: string; subjectId: string; action: string; label: string; changes: Record<string, [unknown, unknown]>;
}
interface Filter { subject: string; actorId: string; from: string; to: string; subjectId: string }
const EMPTY: Filter = { subject: '', actorId: '', from: '', to: '', subjectId: '' };
const PAGE = 25;

export function AuditSection() {
  const { w, subject, action, lang } = useAuditWords();
  const read = useAuditReading();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  /** The cursors of the pages shown so far: [null] is the newest page. */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<{ items: AuditEvent[]; next: string | null; refs: Refs } | null>(null);
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  /** The thing whose history is shown (a row's label), when one is chosen. */
  const [thing, setThing] = useState<(Pick<AuditEvent, 'subject' | 'subjectId' | 'label'> & { refs: Refs }) | null>(null);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => {
    Promise.all([get<{ items: { id: string; name: string }[] }>('/api/users'), get<{ items: { id: string; name: string }[] }>('/api/api-clients')])
      .then(([u, c]) => setPeople([...u.items, ...c.items]), setError);
  }, []);
  const load = useCallback(async () => {
    try {
      setPage(await get(`/api/audit${qs({ ...filter, limit: PAGE, before: cursor })}`)); setError(null);
    } catch (e) { setError(e); }
  }, [filter, cursor]);
  useEffect(() => { void load(); }, [load]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    // The chosen thing's history stays while its subject does.
    const keep = thing && draft.subject === thing.subject;
    if (!keep) setThing(null);
    setFilter({ ...draft, subjectId: keep ? filter.subjectId : '' }); setCursors([null]);
  };
  const clear = () => { setDraft(EMPTY); setFilter(EMPTY); setThing(null); setCursors([null]); };
  const historyOf = (e: AuditEvent) => {
    const next = { ...draft, subject: e.subject, subjectId: e.subjectId };
    setDraft(next); setFilter(next); setThing({ subject: e.subject, subjectId: e.subjectId, label: e.label, refs: page?.refs ?? {} }); setCursors([null]);
  };
  const allOf = () => { const next = { ...filter, subject: '', subjectId: '' }; setDraft(next); setFilter(next); setThing(null); setCursors([null]); };
  const set = (k: keyof Filter, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  return (
    <div className="audit">
      <h2>{w('title')}</h2>
      <form className="audit-filter" onSubmit={apply} aria-label={w('filter')}>
        <Field label={w('subject')} name="subject" error={error}>
          <select name="subject" value={draft.subject} onChange={(e) => set('subject', e.target.value)}>
            <option value="">{w('anySubject')}</option>
            {SUBJECTS.map((s) => <option key={s} value={s}>{subject(s)}</option>)}
          </select>
        </Field>
        <Field label={w('person')} name="actorId" error={error}>
          <select name="actorId" value={draft.actorId} onChange={(e) => set('actorId', e.target.value)}>
            <option value="">{w('anyPerson')}</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
        <Field label={w('from')} name="from" error={error}><input type="date" name="from" value={draft.from} onChange={(e) => set('from', e.target.value)} /></Field>
        <Field label={w('to')} name="to" error={error}><input type="date" name="to" value={draft.to} onChange={(e) => set('to', e.target.value)} /></Field>
        <button type="submit" className="primary" name="audit-filter">{w('filter')}</button>
        <button type="button" name="audit-clear" onClick={clear}>{w('clear')}</button>
      </form>
      {thing && (
        <p className="history-of" data-history-of={thing.subjectId}>
          {w('historyOf')} <strong>{subject(thing.subject)} {read.thing(thing, thing.refs)}</strong>{' '}
          <button type="button" className="link" name="audit-all" onClick={allOf}>{w('allThings')}</button>
        </p>
      )}
      <ErrorLine error={error} />
      {page?.items.length === 0 && <p>{w('none')}</p>}
      {!!page?.items.length && (
        <table className="list">
          <thead><tr><th>{w('when')}</th><th>{w('person')}</th><th>{w('what')}</th><th>{w('change')}</th></tr></thead>
          <tbody>
            {page.items.map((e) => (
              <tr key={e.id} data-audit={e.subject} data-subject-id={e.subjectId}>
                <td className="when">{localDateTime(e.at, lang)}</td>
                <td className="who" title={e.actor.name}>{read.who(e.actor)}</td>
                <td>
                  <strong>{subject(e.subject)}</strong>{' '}
                  <button type="button" className="link thing" name="audit-history" title={w('historyHint')} onClick={() => historyOf(e)}>{read.thing(e, page.refs)}</button>{' '}
                  <span className="action">{action(e.action)}</span>
                </td>
                <td><ChangeList changes={e.changes} field={(f) => read.field(e, f, page.refs)} value={(f, v) => read.value(e, f, v, page.refs)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="row">
        <button name="audit-newer" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>{w('newer')}</button>
        <span>{w('page', cursors.length)}</span>
        <button name="audit-older" disabled={!page?.next} onClick={() => page?.next && setCursors((c) => [...c, page.next])}>{w('older')}</button>
      </p>
    </div>
  );
}

// What every connector's settings card shares: load and save the settings (GET / PUT on one path),
// a write-only secret field that says whether one is stored, and the answer of a "test" button.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api, get } from '../../api/client.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { useConnectorWords } from './words.js';

export function useSettings<V>(path: string) {
  const [view, setView] = useState<V | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => { get<V>(path).then(setView, setError); }, [path]);
  const save = useCallback(async (body: unknown): Promise<boolean> => {
    setBusy(true); setError(null); setSaved(false);
    try {
      setView(await api<V>('PUT', path, { body }));
      setSaved(true);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, [path]);
  return { view, error, saved, busy, save };
}

/** The form's errors that no field shows (the problem itself, or a field this form does not have). */
export function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  const errors = fieldErrors(error);
  if (!error) return null;
  if (errors.length && errors.every((e) => fields.includes(e.field.replace(/^\/?(body\/)?/, '')))) return null;
  return <ErrorLine error={error} />;
}

/** A write-only secret: never filled in from the server; the hint says whether one is stored. */
export function SecretField({ label, name, isSet, value, onChange, error, hint }: {
  label: string; name: string; isSet: boolean; value: string; onChange(v: string): void; error: unknown; hint?: string;
}) {
  const { w } = useConnectorWords();
  return (
    <Field label={label} name={name} error={error} hint={[isSet ? w('secretSet') : w('secretNotSet'), hint].filter(Boolean).join(' ')}>
      <input name={name} type="password" autoComplete="new-password" value={value} onChange={(e) => onChange(e.target.value)}
        placeholder={isSet ? '••••••••' : ''} data-secret-set={isSet ? 'yes' : 'no'} />
    </Field>
  );
}

export type Verdict = { ok: boolean; text: string };

/** A button that asks the platform, and its answer in words (ok in green, anything else in red). */
export function TestButton<A>({ label, name, run, verdict }: { label: string; name: string; run(): Promise<A>; verdict(a: A): Verdict }) {
  const { w } = useConnectorWords();
  const [answer, setAnswer] = useState<Verdict | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true); setAnswer(null); setError(null);
    try { setAnswer(verdict(await run())); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <div className="test-connection">
      <button type="button" name={name} disabled={busy} onClick={() => void go()}>{busy ? w('testing') : label}</button>
      {answer && <p className={answer.ok ? 'answer ok' : 'answer refused'} role="status" data-answer={answer.ok ? 'ok' : 'refused'}>{answer.text}</p>}
      <ErrorLine error={error} />
    </div>
  );
}

export function Card({ title, intro, children, label }: { title: string; intro?: string; children: ReactNode; label?: string }) {
  return (
    <section className="card" aria-label={label ?? title}>
      <h3>{title}</h3>
      {intro && <p className="hint">{intro}</p>}
      {children}
    </section>
  );
}

/** The form's save button, with "saved" after it once the server took the change. */
export function SaveRow({ name, busy, saved }: { name: string; busy: boolean; saved: boolean }) {
  const { w } = useConnectorWords();
  return (
    <p className="row">
      <button className="primary" name={name} disabled={busy}>{w('save')}</button>
      {saved && <span className="saved" role="status">{w('saved')}</span>}
    </p>
  );
}

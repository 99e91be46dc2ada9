// A secret shown the one time the API answers it (an API client's, a catalogue key's): each value with
// a copy button, the warning that it is never shown again, and "I have copied it" to put it away.
import { useState } from 'react';
import { useManageWords } from './words.js';
import './secret-once.css';

export interface OnceValue {
  label: string;
  value: string;
  /** data-secret of the value's element ("id", "secret"); the secret itself gets the big type. */
  name: string;
}

function CopyButton({ value, name }: { value: string; name: string }) {
  const w = useManageWords();
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = async () => {
    try { await navigator.clipboard.writeText(value); setState('done'); } catch { setState('failed'); }
  };
  return (
    <>
      <button type="button" name={`copy-${name}`} onClick={() => void copy()}>{w('copy')}</button>
      {state === 'done' && <small className="copied">{w('copiedToClipboard')}</small>}
      {state === 'failed' && <small className="copy-failed">{w('copyFailed')}</small>}
    </>
  );
}

export function SecretOnce({ title, values, onDone }: { title: string; values: OnceValue[]; onDone(): void }) {
  const w = useManageWords();
  return (
    <div className="once secret-once card" role="status" data-once="secret">
      <strong>{title}</strong>
      <p className="secret-warning" role="note">{w('secretWarning')}</p>
      <dl>
        {values.map((v) => (
          <div key={v.name} className="secret-value">
            <dt>{v.label}</dt>
            <dd>
              <code className={v.name === 'secret' ? 'secret' : undefined} data-secret={v.name}>{v.value}</code>
              <CopyButton value={v.value} name={v.name} />
            </dd>
          </div>
        ))}
      </dl>
      <button name="forget-secret" className="primary" onClick={onDone}>{w('secretDone')}</button>
    </div>
  );
}

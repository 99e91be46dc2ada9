// The catalogue's application keys for sites and apps: the list (created, last used), a new key (its
// secret shown this once, by the shared SecretOnce) and revoking one after a confirmation.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, get } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { SecretOnce } from '../SecretOnce.js';
import type { CatalogueKey } from './types.js';
import { useCatalogueWords } from './words.js';

export function KeysPanel() {
  const { w, lang } = useCatalogueWords();
  const [keys, setKeys] = useState<CatalogueKey[] | null>(null);
  const [once, setOnce] = useState<(CatalogueKey & { secret: string }) | null>(null);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try { setKeys((await get<{ items: CatalogueKey[] }>('/api/catalogue/keys')).items); } catch (e) { setError(e); }
  }, []);
  useEffect(() => { void reload(); }, [reload]);

  const create = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      setOnce(await api<CatalogueKey & { secret: string }>('POST', '/api/catalogue/keys', { body: { label } }));
      setLabel(''); await reload();
    } catch (err) { setError(err); }
  };
  const revoke = (k: CatalogueKey) => {
    if (!window.confirm(w('confirmRevokeKey', { name: k.label }))) return;
    setError(null);
    api('DELETE', `/api/catalogue/keys/${k.id}`).then(reload, setError);
  };
  const when = (iso: string) => localDateTime(iso, lang);

  return (
    <section className="catalogue-keys" aria-label={w('keys')}>
      {once && (
        <SecretOnce title={w('secretOnce', { name: once.label })} onDone={() => setOnce(null)}
          values={[{ label: w('publicKey'), value: once.publicKey, name: 'id' }, { label: w('secret'), value: once.secret, name: 'secret' }]} />
      )}
      <h2>{w('keys')}</h2>
      <p className="hint">{w('keysHint')}</p>
      <table className="list">
        <thead><tr><th>{w('label')}</th><th>{w('publicKey')}</th><th>{w('created')}</th><th>{w('lastUsed')}</th><th /></tr></thead>
        <tbody>
          {keys?.map((k) => (
            <tr key={k.id} data-key={k.label} className={k.revokedAt ? 'off' : undefined}>
              <td>{k.label}</td><td><code>{k.publicKey}</code></td><td>{when(k.createdAt)}</td>
              <td className="last-used">{k.lastUsedAt ? when(k.lastUsedAt) : w('never')}</td>
              <td>{k.revokedAt ? <span className="revoked">{w('revoked')} {when(k.revokedAt)}</span>
                : <button name="revoke-key" className="danger" onClick={() => revoke(k)}>{w('revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card row" onSubmit={create} aria-label={w('newKey')}>
        <Field label={w('keyLabel')} name="label" error={error}>
          <input name="key-label" value={label} required maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        </Field>
        <button type="submit" className="primary" name="create-key">{w('createKey')}</button>
      </form>
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}
    </section>
  );
}

// API clients (OAuth 2 client credentials) and the catalogue's application keys: create (the secret
// shown this once), list, revoke.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, get } from '../../api/client.js';
import { localDateTime } from '../../format.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import type { ApiClient, CatalogueKey } from './types.js';
import { ROLES, usePeopleWords, type StaffRole } from './words.js';

type Once = { name: string; id: string; secret: string };

function SecretOnce({ once, onDone }: { once: Once; onDone(): void }) {
  const { w } = usePeopleWords();
  return (
    <div className="once card" role="status" data-once="secret">
      <strong>{w('secretOnce', { name: once.name })}</strong>
      <dl>
        <dt>{w('clientId')}</dt><dd><code data-secret="id">{once.id}</code></dd>
        <dt>{w('secret')}</dt><dd><code className="secret" data-secret="secret">{once.secret}</code></dd>
      </dl>
      <button name="forget-secret" onClick={onDone}>{w('copied')}</button>
    </div>
  );
}

export function ApiClientsPanel() {
  const { w, lang } = usePeopleWords();
  const [clients, setClients] = useState<ApiClient[] | null>(null);
  const [keys, setKeys] = useState<CatalogueKey[] | null>(null);
  const [once, setOnce] = useState<Once | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('boxoffice');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [keyError, setKeyError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setClients((await get<{ items: ApiClient[] }>('/api/api-clients')).items);
      setKeys((await get<{ items: CatalogueKey[] }>('/api/catalogue/keys')).items);
    } catch (e) { setError(e); }
  }, []);
  useEffect(() => { void reload(); }, [reload]);

  const createClient = async (e: FormEvent) => {
    e.preventDefault(); setError(null);
    try {
      const c = await api<ApiClient & { clientSecret: string }>('POST', '/api/api-clients', { body: { name, role } });
      setOnce({ name: c.name, id: c.clientId, secret: c.clientSecret }); setName(''); await reload();
    } catch (err) { setError(err); }
  };
  const createKey = async (e: FormEvent) => {
    e.preventDefault(); setKeyError(null);
    try {
      const k = await api<CatalogueKey & { secret: string }>('POST', '/api/catalogue/keys', { body: { label } });
      setOnce({ name: k.label, id: k.publicKey, secret: k.secret }); setLabel(''); await reload();
    } catch (err) { setKeyError(err); }
  };
  const revoke = (path: string, message: string) => {
    if (!window.confirm(message)) return;
    api('DELETE', path).then(reload, setError);
  };
  const when = (iso: string) => localDateTime(iso, lang);

  return (
    <section className="people-clients" aria-label={w('apiClients')}>
      {once && <SecretOnce once={once} onDone={() => setOnce(null)} />}
      <h2>{w('apiClients')}</h2>
      <p className="hint">{w('apiClientsHint')}</p>
      <table className="list">
        <thead><tr><th>{w('name')}</th><th>{w('clientId')}</th><th>{w('role')}</th><th>{w('created')}</th><th /></tr></thead>
        <tbody>
          {clients?.map((c) => (
            <tr key={c.id} data-client={c.name} className={c.revokedAt ? 'off' : undefined}>
              <td>{c.name}</td><td><code>{c.clientId}</code></td><td>{w(`role-${c.role}`)}</td><td>{when(c.createdAt)}</td>
              <td>{c.revokedAt ? `${w('revoked')} ${when(c.revokedAt)}`
                : <button name="revoke-client" className="danger" onClick={() => revoke(`/api/api-clients/${c.id}`, w('confirmRevoke', { name: c.name }))}>{w('revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card row" onSubmit={createClient} aria-label={w('newClient')}>
        <Field label={w('name')} name="name" error={error}><input name="client-name" value={name} required onChange={(e) => setName(e.target.value)} /></Field>
        <Field label={w('role')} name="role" error={error}>
          <select name="client-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {ROLES.map((r) => <option key={r} value={r}>{w(`role-${r}`)}</option>)}
          </select>
        </Field>
        <button type="submit" className="primary" name="create-client">{w('createClient')}</button>
      </form>
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}

      <h2>{w('keys')}</h2>
      <p className="hint">{w('keysHint')}</p>
      <table className="list">
        <thead><tr><th>{w('label')}</th><th>{w('publicKey')}</th><th>{w('created')}</th><th /></tr></thead>
        <tbody>
          {keys?.map((k) => (
            <tr key={k.id} data-key={k.label} className={k.revokedAt ? 'off' : undefined}>
              <td>{k.label}</td><td><code>{k.publicKey}</code></td><td>{when(k.createdAt)}</td>
              <td>{k.revokedAt ? `${w('revoked')} ${when(k.revokedAt)}`
                : <button name="revoke-key" className="danger" onClick={() => revoke(`/api/catalogue/keys/${k.id}`, w('confirmRevokeKey', { name: k.label }))}>{w('revoke')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card row" onSubmit={createKey} aria-label={w('newKey')}>
        <Field label={w('label')} name="label" error={keyError}><input name="key-label" value={label} required onChange={(e) => setLabel(e.target.value)} /></Field>
        <button type="submit" className="primary" name="create-key">{w('createKey')}</button>
      </form>
      {fieldErrors(keyError).length === 0 && <ErrorLine error={keyError} />}
    </section>
  );
}

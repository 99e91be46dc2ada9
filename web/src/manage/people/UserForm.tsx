// A new staff member, or one's name and role; the API's field errors show on their field.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import type { StaffUser } from './types.js';
import { ROLES, usePeopleWords, type StaffRole } from './words.js';

export function UserForm({ user, onSaved, onCancel }: { user: StaffUser | null; onSaved(u: StaffUser): void | Promise<void>; onCancel(): void }) {
  const { w } = usePeopleWords();
  const [email, setEmail] = useState(user?.email ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<StaffRole>(user?.role ?? 'boxoffice');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      const saved = user
        ? await api<StaffUser>('PATCH', `/api/users/${user.id}`, { body: { name, role } })
        : await api<StaffUser>('POST', '/api/users', { body: { email, name, role, password } });
      await onSaved(saved);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form className="user-form card" onSubmit={submit} aria-label={user ? user.name : w('newUser')}>
      <h3>{user ? user.name : w('newUser')}</h3>
      <div className="grid2">
        <Field label={w('email')} name="email" error={error}>
          <input name="email" type="email" value={email} required disabled={!!user} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label={w('name')} name="name" error={error}>
          <input name="name" value={name} required onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={w('role')} name="role" error={error}>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {ROLES.map((r) => <option key={r} value={r}>{w(`role-${r}`)}</option>)}
          </select>
        </Field>
        {!user && (
          <Field label={w('password')} name="password" error={error} hint={w('passwordHint')}>
            <input name="password" type="password" autoComplete="new-password" value={password} required minLength={10} onChange={(e) => setPassword(e.target.value)} />
          </Field>
        )}
      </div>
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      <p className="row">
        <button type="submit" className="primary" name="save-user" disabled={busy}>{user ? w('saveUser') : w('createUser')}</button>
        <button type="button" name="cancel-user" onClick={onCancel}>{w('close')}</button>
      </p>
    </form>
  );
}

// On the login screen: a staff member chooses a new password with the one-time code a manager gave them.
import { useState, type FormEvent } from 'react';
import { post, session } from '../../api/client.js';
import type { LoginAnswer, User } from '../../api/types.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { Field, fieldErrors } from '../form.js';
import { usePeopleWords } from './words.js';

export function ResetWithCode({ email: initialEmail, onLogin, onBack }: { email: string; onLogin(user: User): void; onBack(): void }) {
  const { t } = useI18n();
  const { w } = usePeopleWords();
  const [email, setEmail] = useState(initialEmail);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try {
      const answer = await post<LoginAnswer>('/api/auth/reset-password', { email, code, password });
      session.token = answer.token;
      onLogin(answer.user);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form onSubmit={submit} className="card" aria-label={w('haveCode')}>
      <h1>{w('haveCode')}</h1>
      <Field label={t('email')} name="email" error={error}>
        <input name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </Field>
      <Field label={w('code')} name="code" error={error}>
        <input name="code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
      </Field>
      <Field label={w('newPassword')} name="password" error={error} hint={w('passwordHint')}>
        <input name="new-password" type="password" autoComplete="new-password" minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} required />
      </Field>
      <button type="submit" className="primary" name="set-password" disabled={busy}>{w('setPassword')}</button>
      {fieldErrors(error).length === 0 && <ErrorLine error={error} />}
      <button type="button" className="link" name="back-to-login" onClick={onBack}>{w('backToLogin')}</button>
    </form>
  );
}

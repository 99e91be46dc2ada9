import { useState, type FormEvent } from 'react';
import { post, session } from './api/client.js';
import type { LoginAnswer, User } from './api/types.js';
import { useI18n } from './i18n/i18n.js';
import { ErrorLine } from './ui/ErrorLine.js';
import { useAction } from './ui/useAsync.js';
import { LanguageSwitch } from './ui/LanguageSwitch.js';
import { ResetWithCode } from './manage/people/ResetWithCode.js';
import { usePeopleWords } from './manage/people/words.js';

export function LoginScreen({ onLogin }: { onLogin(user: User): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();
  const people = usePeopleWords();
  const [resetting, setResetting] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const answer = await post<LoginAnswer>('/api/auth/login', { email, password });
      session.token = answer.token;
      onLogin(answer.user);
    });
  };
  if (resetting) {
    return (
      <main className="login">
        <ResetWithCode email={email} onLogin={onLogin} onBack={() => setResetting(false)} />
        <LanguageSwitch />
      </main>
    );
  }
  return (
    <main className="login">
      <form onSubmit={submit} className="card">
        <h1>{t('appName')}</h1>
        <label>{t('email')}<input name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus required /></label>
        <label>{t('password')}<input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
        <button type="submit" className="primary" disabled={busy}>{t('logIn')}</button>
        <ErrorLine error={error} />
        <button type="button" className="link" name="have-reset-code" onClick={() => setResetting(true)}>{people.w('haveCode')}</button>
        <LanguageSwitch />
      </form>
    </main>
  );
}

// A door account (role door) in the box office app: it scans tickets and nothing else, so it is told
// so and given the way to the scanner (/scan/), where it signs in with the same e-mail and password.
import type { User } from './api/types.js';
import type { Lang } from './i18n/dictionary.js';
import { useI18n } from './i18n/i18n.js';
import { LanguageSwitch } from './ui/LanguageSwitch.js';

const WORDS: Record<Lang, { title: string; text: string; open: string; logOut: string }> = {
  nl: {
    title: 'Dit account is voor de ingang', open: 'Scanner openen', logOut: 'Afmelden',
    text: 'Met een deuraccount scant u tickets; verkopen en beheren kan het niet. Meld u in de scanner aan met hetzelfde e-mailadres en wachtwoord.',
  },
  fr: {
    title: 'Ce compte est pour l’entrée', open: 'Ouvrir le scanner', logOut: 'Se déconnecter',
    text: 'Un compte de contrôle scanne les billets ; il ne vend ni ne gère. Connectez-vous au scanner avec la même adresse e-mail et le même mot de passe.',
  },
  en: {
    title: 'This account is for the door', open: 'Open the scanner', logOut: 'Log out',
    text: 'A door account scans tickets; it does not sell or manage. Sign in to the scanner with the same e-mail address and password.',
  },
};

export function DoorScreen({ user, onLogOut }: { user: User; onLogOut(): void }) {
  const { lang } = useI18n();
  const w = WORDS[lang];
  return (
    <main className="login">
      <section className="card door-account" data-role={user.role}>
        <h1>{w.title}</h1>
        <p><strong>{user.name}</strong> · {w.text}</p>
        <p><a className="button primary" href="/scan/" data-link="scanner">{w.open}</a></p>
        <button type="button" name="log-out" onClick={onLogOut}>{w.logOut}</button>
        <LanguageSwitch />
      </section>
    </main>
  );
}

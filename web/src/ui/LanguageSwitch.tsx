import { LANGUAGES, type Lang } from '../i18n/dictionary.js';
import { useI18n } from '../i18n/i18n.js';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <select aria-label={t('language')} value={lang} onChange={(e) => setLang(e.target.value as Lang)} className="lang">
      {LANGUAGES.map((l) => <option key={l} value={l}>{l.toUpperCase()}</option>)}
    </select>
  );
}

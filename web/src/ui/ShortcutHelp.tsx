import { useI18n } from '../i18n/i18n.js';

export const SHORTCUTS = [
  ['F2', 'kShortcutSearch'], ['B', 'kShortcutBest'], ['F7', 'kShortcutPin'], ['F8', 'kShortcutCash'], ['F9', 'kShortcutPrint'],
  ['F3', 'kShortcutOrders'], ['Esc', 'kShortcutEsc'],
] as const;

export function ShortcutHelp() {
  const { t } = useI18n();
  return (
    <details className="shortcuts">
      <summary>{t('shortcuts')}</summary>
      <ul>{SHORTCUTS.map(([k, label]) => <li key={k}><kbd>{k}</kbd> {t(label)}</li>)}</ul>
    </details>
  );
}

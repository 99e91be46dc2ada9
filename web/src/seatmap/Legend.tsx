import { useI18n } from '../i18n/i18n.js';
import { STATE_COLOURS, rankColour } from './colours.js';

export function Legend({ ranks }: { ranks: number[] }) {
  const { t } = useI18n();
  const items: [string, string][] = [
    ...ranks.map((r): [string, string] => [rankColour(r), `${t('free')} · ${t('rank')} ${r}`]),
    [STATE_COLOURS.mine, t('mine')], [STATE_COLOURS.held, t('held')], [STATE_COLOURS.reserved, t('reserved')],
    [STATE_COLOURS.sold, t('sold')], [STATE_COLOURS.definitive, t('blockedDefinitive')], [STATE_COLOURS.conditional, t('blockedConditional')],
  ];
  return (
    <ul className="legend">
      {items.map(([c, label]) => <li key={label}><i style={{ background: c }} />{label}</li>)}
      <li><span className="wheel">♿</span>{t('wheelchair')}</li>
    </ul>
  );
}

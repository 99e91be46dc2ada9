// Managers block seats chosen on the map (definitive: off the capacity; conditional: counted as blocked
// for DIP) and release the blocks holding chosen seats.
import { useState } from 'react';
import { api, get, post } from '../api/client.js';
import type { Block } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';

interface Props { performanceId: string; selected: ReadonlySet<string>; onChanged(): void }

export function BlockTools({ performanceId, selected, onChanged }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  const ids = [...selected];

  const block = (kind: 'definitive' | 'conditional') => run(async () => {
    await post(`/api/performances/${performanceId}/blocks`, { kind, reason, seatIds: ids });
    setReason('');
    onChanged();
  });
  const release = () => run(async () => {
    const blocks = await get<{ items: Block[] }>(`/api/performances/${performanceId}/blocks`);
    const hit = blocks.items.filter((b) => !b.releasedAt && b.seatIds.some((s) => selected.has(s)));
    for (const b of hit) await api('DELETE', `/api/blocks/${b.id}`);
    onChanged();
  });

  return (
    <section className="blocks card">
      <h3>{t('managerTools')}: {ids.length} {t('seats')}</h3>
      <input name="block-reason" placeholder={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="row">
        <button disabled={busy || !ids.length} onClick={() => void block('definitive')}>{t('block')}: {t('definitive')}</button>
        <button disabled={busy || !ids.length} onClick={() => void block('conditional')}>{t('block')}: {t('conditional')}</button>
        <button disabled={busy || !ids.length} onClick={() => void release()}>{t('release')}</button>
      </div>
      <ErrorLine error={error} />
    </section>
  );
}

// The performance's blocks in force: reason, kind, places as the ticket names them, who and when;
// a manager lifts one here (its places return to sale).
import { useEffect, useState } from 'react';
import { api, get } from '../api/client.js';
import type { Block, PlaceStates } from '../api/types.js';
import { localDateTime } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';
import { useAction } from '../ui/useAsync.js';

/** `states`: the live seat states; the list is read again whenever they change (a block made elsewhere, too). */
interface Props { performanceId: string; states: PlaceStates | null; onChanged(): void }

export function BlockList({ performanceId, states, onChanged }: Props) {
  const { t, lang } = useI18n();
  const [blocks, setBlocks] = useState<Block[]>([]);
  const { busy, error, run } = useAction();

  useEffect(() => {
    let stale = false;
    get<{ items: Block[] }>(`/api/performances/${performanceId}/blocks`).then((r) => { if (!stale) setBlocks(r.items); }, () => {});
    return () => { stale = true; };
  }, [performanceId, states, lang]);

  const lift = (id: string) => run(async () => {
    await api('DELETE', `/api/blocks/${id}`);
    setBlocks((bs) => bs.filter((b) => b.id !== id));
    onChanged();
  });

  return (
    <section className="block-list card">
      <h3>{t('blocksList')}</h3>
      {blocks.length === 0 && <p className="muted">{t('noBlocks')}</p>}
      <ul>
        {blocks.map((b) => (
          <li key={b.id} data-block={b.id}>
            <div className="row">
              <strong className="grow block-reason">{b.reason || t('noReason')}</strong>
              <button disabled={busy} onClick={() => void lift(b.id)}>{t('lift')}</button>
            </div>
            <small className="block-kind">{t(b.kind === 'conditional' ? 'blockedConditional' : 'blockedDefinitive')} · {b.places} {t('seats')}</small><br />
            <small className="block-places">{b.placeNames}</small><br />
            <small className="muted block-by">{b.createdBy?.name ? `${t('by')} ${b.createdBy.name} · ` : ''}<time dateTime={b.createdAt}>{localDateTime(b.createdAt, lang)}</time></small>
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
    </section>
  );
}

import { useEffect, useState, type RefObject } from 'react';
import { get, qs } from '../api/client.js';
import type { Performance } from '../api/types.js';
import { localDateTime, today } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorLine } from '../ui/ErrorLine.js';

interface Props { selected: Performance | null; onSelect(p: Performance): void; searchRef: RefObject<HTMLInputElement | null> }

/** Today's performances first; search by title and date. The first match is picked when nothing is yet. */
export function PerformancePicker({ selected, onSelect, searchRef }: Props) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [day, setDay] = useState('');
  const [items, setItems] = useState<Performance[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      const from = day || today();
      get<{ items: Performance[] }>(`/api/performances${qs({ q, from, to: day || undefined, limit: 50 })}`)
        .then((r) => {
          const sellable = r.items.filter((p) => p.status !== 'draft' && p.status !== 'cancelled');
          setItems(sellable);
          setError(null);
          if (!selected && sellable[0]) onSelect(sellable[0]);
        }, setError);
    }, 200);
    return () => clearTimeout(timer);
  }, [q, day]);

  return (
    <section className="picker">
      <div className="row">
        <input ref={searchRef} type="search" name="performance-search" placeholder={`${t('searchPerformances')} (F2)`} value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            // Leave the field after picking, so the next shortcut (B, a digit) is not typed into it.
            if (e.key === 'Enter') { if (items[0]) onSelect(items[0]); e.currentTarget.blur(); }
          }} />
        <input type="date" name="performance-date" aria-label={t('date')} value={day} onChange={(e) => setDay(e.target.value)} />
      </div>
      <ErrorLine error={error} />
      <ul className="performances">
        {items.length === 0 && <li className="muted">{t('noPerformances')}</li>}
        {items.map((p) => (
          <li key={p.id}>
            <button className={selected?.id === p.id ? 'perf active' : 'perf'} onClick={() => onSelect(p)}>
              <strong>{p.title}</strong> <span>{localDateTime(p.startsAt, lang)}</span> <small>{p.venueName} · {p.hallName}</small>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

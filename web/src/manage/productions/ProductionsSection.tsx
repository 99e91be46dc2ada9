// Productions: the organisation's productions a page at a time with a title search, one production's
// details, and its performances (web/src/manage/performances).
import { useCallback, useEffect, useState } from 'react';
import { get, qs } from '../../api/client.js';
import type { SectionProps } from '../sections.js';
import { useManageWords } from '../words.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { ProductionPrices } from '../prices/ProductionPrices.js';
import { PerformancesPanel } from '../performances/PerformancesPanel.js';
import { ProductionForm } from './ProductionForm.js';
import { PAGE_SIZE, type Production } from './types.js';
import { useProductionWords } from './words.js';
import './productions.css';

interface Page { items: Production[]; total: number; offset: number }

export function ProductionsSection({ user }: SectionProps) {
  const { w } = useProductionWords();
  const mw = useManageWords();
  const admin = user.role === 'admin';
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const [opened, setOpened] = useState<Production | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try { setPage(await get<Page>(`/api/productions${qs({ q, limit: PAGE_SIZE, offset })}`)); setError(null); } catch (e) { setError(e); }
  }, [q, offset]);
  useEffect(() => { void reload(); }, [reload]);
  const production = page?.items.find((p) => p.id === open) ?? (opened?.id === open ? opened : null);

  return (
    <div className="productions">
      <aside className="production-list">
        <h2>{w('productions')}</h2>
        <input type="search" name="search-productions" placeholder={w('searchHint')} aria-label={mw('search')} value={q}
          onChange={(e) => { setQ(e.target.value); setOffset(0); }} />
        <ErrorLine error={error} />
        {page && page.total === 0 && <p>{q ? w('noMatch') : w('none')}</p>}
        <ul>
          {page?.items.map((p) => (
            <li key={p.id}>
              <button name="open-production" className={p.id === open ? 'active' : undefined} onClick={() => { setOpen(p.id); setOpened(p); }}>
                {p.title}{p.subtitle && <small>{p.subtitle}</small>}
              </button>
            </li>
          ))}
        </ul>
        {page && page.total > PAGE_SIZE && (
          <p className="pager">
            <button name="previous-page" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>{mw('previous')}</button>
            <span>{w('page', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, page.total), total: page.total })}</span>
            <button name="next-page" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>{mw('next')}</button>
          </p>
        )}
        {admin && <button name="new-production" onClick={() => setOpen('new')}>+ {w('newProduction')}</button>}
        {!admin && <p className="hint">{mw('readOnly')}: {w('readOnly')}</p>}
      </aside>
      <div className="production-detail">
        {open === 'new' && (
          <ProductionForm key="new" production={null} canEdit={admin} onSaved={async (p) => { setOpened(p); setOpen(p.id); await reload(); }} />
        )}
        {production && (
          <>
            <ProductionForm key={production.id} production={production} canEdit={admin} onSaved={async (p) => { setOpened(p); await reload(); }} />
            <ProductionPrices key={`prices-${production.id}`} productionId={production.id} canEdit={admin} />
            <PerformancesPanel key={`perf-${production.id}`} production={production} canEdit={admin} />
          </>
        )}
      </div>
    </div>
  );
}

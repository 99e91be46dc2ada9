import { useEffect, useState } from 'react';
import { get, qs } from '../api/client.js';
import { addDays, today } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { DailySalesReport } from './DailySalesReport.js';
import { PerformancesReport } from './PerformancesReport.js';
import { CustomersReport } from './CustomersReport.js';
import type { Range } from './types.js';

type Kind = 'daily' | 'performances' | 'customers';

/** The performances report opens on the coming performances: today and this many days ahead. */
const COMING_DAYS = 90;

export function ReportsScreen({ role }: { role: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('daily');
  // What a manager asks first: the coming performances; money and customers over the last week.
  const [ranges, setRanges] = useState<Record<Kind, Range>>(() => ({
    daily: { from: addDays(today(), -6), to: today(), venue: '' },
    performances: { from: today(), to: addDays(today(), COMING_DAYS), venue: '' },
    customers: { from: addDays(today(), -6), to: today(), venue: '' },
  }));
  const range = ranges[kind];
  const setRange = (r: Range) => setRanges({ ...ranges, [kind]: r });
  const [venues, setVenues] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => { get<{ items: { id: string; name: string }[] }>('/api/venues').then((r) => setVenues(r.items), () => {}); }, []);
  const full = role !== 'boxoffice';
  const query = qs({ from: range.from, to: range.to, venue: range.venue || undefined });
  return (
    <div className="reports">
      <div className="row">
        <button className={kind === 'daily' ? 'tab active' : 'tab'} onClick={() => setKind('daily')}>{t('dailySales')}</button>
        {full && <button className={kind === 'performances' ? 'tab active' : 'tab'} onClick={() => setKind('performances')}>{t('performancesReport')}</button>}
        {full && <button className={kind === 'customers' ? 'tab active' : 'tab'} onClick={() => setKind('customers')}>{t('customersReport')}</button>}
        <span className="spacer" />
        <label>{t('from')} <input type="date" name="report-from" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} /></label>
        <label>{t('to')} <input type="date" name="report-to" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} /></label>
        <select name="report-venue" aria-label={t('venue')} value={range.venue} onChange={(e) => setRange({ ...range, venue: e.target.value })}>
          <option value="">{t('allVenues')}</option>
          {venues.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
      </div>
      {kind === 'daily' && <DailySalesReport query={query} />}
      {kind === 'performances' && <PerformancesReport query={query} />}
      {kind === 'customers' && <CustomersReport query={query} />}
    </div>
  );
}

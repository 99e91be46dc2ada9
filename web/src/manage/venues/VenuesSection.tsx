// Venues & halls: the organisation's venues, one venue's details and halls, and a hall's seat map editor.
import { useCallback, useEffect, useState } from 'react';
import { get } from '../../api/client.js';
import type { SectionProps } from '../sections.js';
import { useManageWords } from '../words.js';
import { ErrorLine } from '../../ui/ErrorLine.js';
import { HallEditor } from './HallEditor.js';
import { VenueForm } from './VenueForm.js';
import type { HallSummary, Venue } from './types.js';
import { useVenueWords } from './words.js';
import './venues.css';

type Open = { venueId: string | 'new'; hallId?: string | 'new' } | null;

export function VenuesSection({ user }: SectionProps) {
  const { w } = useVenueWords();
  const mw = useManageWords();
  const admin = user.role === 'admin';
  const [venues, setVenues] = useState<Venue[] | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try { setVenues((await get<{ items: Venue[] }>('/api/venues')).items); } catch (e) { setError(e); }
  }, []);
  useEffect(() => { void reload(); }, [reload]);

  const venue = venues?.find((v) => v.id === open?.venueId);
  if (open?.hallId && venue) {
    return <HallEditor venue={venue} hallId={open.hallId === 'new' ? null : open.hallId} canEdit={admin}
      onClose={() => setOpen({ venueId: venue.id })} />;
  }
  return (
    <div className="venues">
      <aside className="venue-list">
        <h2>{w('venues')}</h2>
        <ErrorLine error={error} />
        {venues && venues.length === 0 && <p>{w('noVenues')}</p>}
        <ul>
          {venues?.map((v) => (
            <li key={v.id}>
              <button name="open-venue" className={v.id === open?.venueId ? 'active' : undefined} onClick={() => setOpen({ venueId: v.id })}>
                {v.colour && <i className="swatch" style={{ background: v.colour }} />}{v.name} <small>{v.city}</small>
              </button>
            </li>
          ))}
        </ul>
        {admin && <button name="new-venue" onClick={() => setOpen({ venueId: 'new' })}>+ {w('newVenue')}</button>}
        {!admin && <p className="hint">{mw('readOnly')}: {w('readOnly')}</p>}
      </aside>
      <div className="venue-detail">
        {open?.venueId === 'new' && (
          <VenueForm key="new" venue={null} canEdit={admin} onSaved={async (v) => { await reload(); setOpen({ venueId: v.id }); }} />
        )}
        {venue && (
          <>
            <VenueForm key={venue.id} venue={venue} canEdit={admin} onSaved={async () => { await reload(); }} />
            <HallList venueId={venue.id} canEdit={admin} onOpen={(hallId) => setOpen({ venueId: venue.id, hallId })} />
          </>
        )}
      </div>
    </div>
  );
}

function HallList({ venueId, canEdit, onOpen }: { venueId: string; canEdit: boolean; onOpen(hallId: string): void }) {
  const { w } = useVenueWords();
  const [halls, setHalls] = useState<HallSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    get<{ items: HallSummary[] }>(`/api/venues/${venueId}/halls`).then((r) => setHalls(r.items), setError);
  }, [venueId]);
  return (
    <section className="hall-list">
      <h3>{w('halls')}</h3>
      <ErrorLine error={error} />
      {halls?.length === 0 && <p>{w('noHalls')}</p>}
      <table>
        <tbody>
          {halls?.map((h) => (
            <tr key={h.id} data-hall={h.id}>
              <td><button className="link" name="open-hall" onClick={() => onOpen(h.id)}>{h.name}</button></td>
              <td className="num">{h.seatCount} {w('seats')}</td>
              <td className="num">{h.zoneCapacity > 0 ? `+ ${h.zoneCapacity} ${w('places')}` : ''}</td>
              <td className="num"><strong>{h.capacity}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && <button name="new-hall" onClick={() => onOpen('new')}>+ {w('newHall')}</button>}
    </section>
  );
}

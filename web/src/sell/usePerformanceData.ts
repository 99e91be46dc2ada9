// The chosen performance's hall (geometry, once), live place states (polled), ticket types and prices.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { get } from '../api/client.js';
import type { Hall, Performance, PlaceStates, PriceList, TicketType } from '../api/types.js';
import { layoutOf } from '../seatmap/layout.js';
import { useI18n } from '../i18n/i18n.js';

const POLL_MS = 5000;

export function usePerformanceData(performance: Performance | null) {
  const [hall, setHall] = useState<Hall | null>(null);
  const [states, setStates] = useState<PlaceStates | null>(null);
  const [prices, setPrices] = useState<PriceList | null>(null);
  const [ticketTypes, setTicketTypes] = useState<TicketType[]>([]);
  const [error, setError] = useState<unknown>(null);

  const { lang } = useI18n();
  // Ticket type names come in the API's language: asked again after a language switch.
  useEffect(() => { get<{ items: TicketType[] }>('/api/ticket-types').then((r) => setTicketTypes(r.items), setError); }, [lang]);

  const refresh = useCallback(async () => {
    if (!performance) return;
    try {
      const next = await get<PlaceStates>(`/api/performances/${performance.id}/seats`);
      // An unchanged answer (most polls) must not redraw a big map.
      setStates((prev) => (prev && JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    } catch (e) { setError(e); }
  }, [performance]);

  useEffect(() => {
    if (!performance) return;
    let stale = false;
    setStates(null);
    if (hall?.id !== performance.hallId) setHall(null);
    Promise.all([
      hall?.id === performance.hallId ? Promise.resolve(hall) : get<Hall>(`/api/halls/${performance.hallId}`),
      get<PriceList>(`/api/performances/${performance.id}/prices`),
    ]).then(([h, p]) => { if (!stale) { setHall(h); setPrices(p); setError(null); } }, setError);
    void refresh();
    const timer = setInterval(() => { if (document.visibilityState === 'visible') void refresh(); }, POLL_MS);
    return () => { stale = true; clearInterval(timer); };
    // The hall is reused when the next performance plays in the same one.
  }, [performance?.id]);

  const layout = useMemo(() => (hall ? layoutOf(hall.seatMap) : null), [hall]);
  return { hall, layout, states, prices, ticketTypes, error, refresh };
}

// What a price grid needs besides its list: every ticket type (archived ones too, for lists that still
// price them) and the ranks the given halls use.
import { useEffect, useState } from 'react';
import { get } from '../../api/client.js';
import type { PriceType } from './PriceGrid.js';

interface SeatMap { sections: { rows: { seats: { rank: number }[] }[] }[]; zones?: { rank: number }[] }

export function usePriceChoices(hallIds: string[] | null) {
  const [types, setTypes] = useState<PriceType[] | null>(null);
  const [ranks, setRanks] = useState<number[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const halls = hallIds ? [...new Set(hallIds)].sort().join(',') : null;
  useEffect(() => {
    if (halls === null) return;
    (async () => {
      setTypes((await get<{ items: PriceType[] }>('/api/ticket-types?includeArchived=true')).items);
      const used = new Set<number>();
      for (const id of halls ? halls.split(',') : []) {
        const { seatMap } = await get<{ seatMap: SeatMap }>(`/api/halls/${id}`);
        for (const s of seatMap.sections) for (const r of s.rows) for (const seat of r.seats) used.add(seat.rank);
        for (const z of seatMap.zones ?? []) used.add(z.rank);
      }
      setRanks([...used].sort((a, b) => a - b));
    })().catch(setError);
  }, [halls]);
  return { types, ranks, error };
}

// The halls (of every venue) and ticket types a performance can be given.
import { useEffect, useState } from 'react';
import { get } from '../../api/client.js';
import type { HallChoice, TicketTypeChoice } from './types.js';

export function useChoices() {
  const [halls, setHalls] = useState<HallChoice[]>([]);
  const [types, setTypes] = useState<TicketTypeChoice[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    (async () => {
      const venues = (await get<{ items: { id: string; name: string; timeZone: string }[] }>('/api/venues')).items;
      const all: HallChoice[] = [];
      for (const v of venues) {
        for (const h of (await get<{ items: { id: string; name: string }[] }>(`/api/venues/${v.id}/halls`)).items) {
          all.push({ id: h.id, name: h.name, venueName: v.name, timeZone: v.timeZone });
        }
      }
      setHalls(all);
      setTypes((await get<{ items: TicketTypeChoice[] }>('/api/ticket-types')).items);
    })().catch(setError);
  }, []);
  return { halls, types, error };
}

// The cashier's open shift (or none), read after login and after every change at the till.
import { useCallback, useEffect, useState } from 'react';
import { get } from '../api/client.js';
import type { User } from '../api/types.js';
import type { CashUp } from './types.js';

export function useShift(user: User | null) {
  const [shift, setShift] = useState<CashUp | null>(null);
  const [known, setKnown] = useState(false);
  const refresh = useCallback(async () => {
    if (!user || user.role === 'reporting' || user.role === 'door') return;
    try {
      setShift((await get<{ shift: CashUp | null }>('/api/shifts/current')).shift);
      setKnown(true);
    } catch { /* a server without the till: no shift bar */ }
  }, [user]);
  useEffect(() => { void refresh(); }, [refresh]);
  return { shift, known, refresh };
}
export type ShiftState = ReturnType<typeof useShift>;

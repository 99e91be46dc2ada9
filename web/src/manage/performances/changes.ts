// "A production's performances changed" (created, moved to another hall, cancelled), for the panels
// beside the performances list that read them too: the production's price list takes its columns from
// the ranks of the halls its performances play in.
import { useEffect } from 'react';

const EVENT = 'foyer:performances-changed';

export function announcePerformancesChanged(productionId: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: productionId }));
}

/** Calls f whenever the performances of the production change in this page. */
export function useOnPerformancesChanged(productionId: string, f: () => void): void {
  useEffect(() => {
    const heard = (e: Event) => { if ((e as CustomEvent<string>).detail === productionId) f(); };
    window.addEventListener(EVENT, heard);
    return () => window.removeEventListener(EVENT, heard);
  }, [productionId, f]);
}

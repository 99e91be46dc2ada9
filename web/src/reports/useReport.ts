import { useEffect, useState } from 'react';
import { get } from '../api/client.js';

/** GETs `path` whenever it changes; null path: nothing. */
export function useReport<T>(path: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!path) return;
    let stale = false;
    get<T>(path).then((d) => { if (!stale) { setData(d); setError(null); } }, (e) => { if (!stale) setError(e); });
    return () => { stale = true; };
  }, [path]);
  return { data, error };
}

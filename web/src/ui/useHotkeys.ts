import { useEffect, useRef } from 'react';

/** Keys like "F2", "/", "b", "Escape". Letter keys are ignored while typing in a field; F-keys and Escape never are. */
export function useHotkeys(map: Record<string, (() => void) | undefined>): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const handler = ref.current[e.key];
      if (!handler) return;
      const el = e.target as HTMLElement | null;
      const typing = !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
      if (typing && e.key.length === 1) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

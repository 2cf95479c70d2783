/** Coalesce many requests into at most one call per animation frame (live charts redraw at frame rate, not event rate). */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

export function useFrame(callback: () => void): () => void {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  const pending = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (pending.current !== null) cancelAnimationFrame(pending.current);
      pending.current = null;
    },
    [],
  );
  return useCallback(() => {
    if (pending.current !== null) return;
    pending.current = requestAnimationFrame(() => {
      pending.current = null;
      latest.current();
    });
  }, []);
}

/** True when the user asked the system for less motion: charts then skip their transitions. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

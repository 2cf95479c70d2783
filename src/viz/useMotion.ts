/**
 * How long a redraw may animate. Live data (each generated token, each inspection) lands in one
 * frame: animating it would repaint the whole page every frame while tokens stream (~9 ms a frame
 * in software-rendered Chromium, measured by bench/panels.ts). What the user changes by hand
 * (a slider, a focus, a view switch) animates, unless the system asks for reduced motion.
 */
import { useCallback, useRef } from 'react';
import { prefersReducedMotion } from './useFrame';

/** Returns `motion(ms)`: ms for a redraw with the same `data` as the last one, 0 when `data` is new. */
export function useMotion(data: unknown): (ms: number) => number {
  const latest = useRef(data);
  latest.current = data; // the newest value only: idempotent, safe in a re-run render
  const drawn = useRef<unknown>(undefined);
  return useCallback((ms: number) => {
    const fresh = drawn.current !== latest.current;
    drawn.current = latest.current;
    return fresh || prefersReducedMotion() ? 0 : ms;
  }, []);
}

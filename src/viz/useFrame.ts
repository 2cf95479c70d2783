/**
 * Coalesce many redraw requests into one call: in the next animation frame when the chart is on
 * screen (or its position is unknown), otherwise in a task of its own soon after that frame, so
 * charts out of view never lengthen the frame that shows a new token.
 */
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { inView, watchInView } from './inView';

const OFFSCREEN_DELAY_MS = 30; // after the next frame, one task per chart

/** Also: `inView(el)` in a draw tells it whether scrolling or other layout-reading work can wait. */
export function useFrame(callback: () => void, target?: RefObject<Element | null>): () => void {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  const pending = useRef<(() => void) | null>(null);
  // The element being watched (it may mount after this hook, or be replaced), and how to stop.
  const watched = useRef<{ el: Element; stop: () => void } | null>(null);
  useEffect(
    () => () => {
      watched.current?.stop();
      watched.current = null;
      pending.current?.();
      pending.current = null;
    },
    [],
  );
  const schedule = useCallback(() => {
    if (pending.current !== null) return;
    const run = () => {
      pending.current = null;
      latest.current();
    };
    const el = target?.current ?? null;
    if (el && watched.current?.el !== el) {
      watched.current?.stop();
      // Coming into view redraws: work a draw put off while off screen (scrolling a strip to
      // its newest token) happens then.
      watched.current = { el, stop: watchInView(el, () => again.current()) };
    }
    if (inView(el)) {
      // The frame after the one showing React's commit: that frame lays out the panels' new DOM,
      // this one draws the charts, and neither has to hold both.
      let id = requestAnimationFrame(() => {
        id = requestAnimationFrame(run);
      });
      pending.current = () => cancelAnimationFrame(id);
    } else {
      const id = setTimeout(run, OFFSCREEN_DELAY_MS);
      pending.current = () => clearTimeout(id);
    }
  }, [target]);
  const again = useRef(schedule);
  again.current = schedule;
  return schedule;
}

/** True when the user asked the system for less motion: charts then skip their transitions. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

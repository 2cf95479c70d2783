/**
 * What the see-inside panels draw — the inspection, the linked selection, the Concepts cell and
 * the text it explains — as one snapshot that React renders as a transition: a new token first
 * commits what is urgent (the output text, the buttons) without touching the panels, then React
 * renders them in a background pass it splits into short tasks, so a generated token never blocks
 * the page for a long frame (bench/panels.ts measures it). While another panel is presented alone
 * (shared/Present.tsx), or while this one is out of view as tokens stream (the store's `live`), a
 * panel keeps its snapshot and does not render at all; it catches up when the whole page comes
 * back, when it scrolls into view, or a second on. A committed snapshot holds its inspection
 * (store/held-inspections), so its arrays stay on this page while the panel may draw them.
 */
import { startTransition, useEffect, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { heldInspections } from '../../store/held-inspections';
import { type AppState, useStore } from '../../store/store';
import { inView, watchInView } from '../../viz/inView';

export interface InspectionSnapshot {
  result: AppState['inspect']['result'];
  selected: number | null;
  concepts: AppState['concepts'];
  /** The generated text and prompt the inspection belongs to. */
  output: string;
  prompt: string;
  /** The text being inspected when it is not prompt + output ('' otherwise). */
  inspectText: string;
}

function pick(s: AppState): InspectionSnapshot {
  return {
    result: s.inspect.result,
    selected: s.inspect.selected,
    concepts: s.concepts,
    output: s.generation.output,
    prompt: s.generation.prompt,
    inspectText: s.inspect.text,
  };
}

/** How long a panel out of view may lag behind streaming tokens. */
const OUT_OF_VIEW_MS = 1000;

/** The snapshot for the panel with this test id. */
export function useInspection(panel: string): InspectionSnapshot {
  const [snap, setSnap] = useState(() => pick(useStore.getState()));
  useEffect(() => {
    let last = pick(useStore.getState());
    setSnap(last); // whatever changed between the first render and this effect
    const section = document.querySelector(`[data-testid="${panel}"]`);
    // Out of view while tokens stream: the panel waits, at most OUT_OF_VIEW_MS from the first
    // update it put off (so it still follows a long Play now and then).
    let putOff: ReturnType<typeof setTimeout> | undefined;
    const follow = (s: AppState, waited = false) => {
      if (s.presenting !== null && s.presenting !== panel) return; // hidden: nothing to draw
      const next = pick(s);
      if (shallow(next, last)) return;
      if (s.live && !waited && !inView(section)) {
        putOff ??= setTimeout(() => {
          putOff = undefined;
          follow(useStore.getState(), true);
        }, OUT_OF_VIEW_MS);
        return;
      }
      clearTimeout(putOff);
      putOff = undefined;
      last = next;
      startTransition(() => setSnap(next));
    };
    // Scrolled into view while tokens stream: catch up at once.
    const unwatch = section ? watchInView(section, () => follow(useStore.getState())) : () => {};
    const unsubscribe = useStore.subscribe((s) => follow(s));
    return () => {
      unsubscribe();
      unwatch();
      clearTimeout(putOff);
    };
  }, [panel]);
  // What this panel has committed it may draw again (hover, resize, export) until the next commit.
  useEffect(() => {
    heldInspections.hold(snap.result);
    return () => heldInspections.release(snap.result);
  }, [snap.result]);
  return snap;
}

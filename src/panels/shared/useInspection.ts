/**
 * What the see-inside panels draw — the inspection, the linked selection and the Concepts cell —
 * as one deferred value: a new token first commits what is cheap (the output text, the buttons),
 * then React renders the panels in a background pass it splits into short tasks, so a generated
 * token never blocks the page for a long frame (bench/panels.ts measures it).
 */
import { useDeferredValue } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';

export function useInspection() {
  const live = useStore(
    useShallow((s) => ({ result: s.inspect.result, selected: s.inspect.selected, concepts: s.concepts })),
  );
  return useDeferredValue(live);
}

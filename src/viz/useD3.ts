/**
 * React owns the <svg>; a D3 draw function owns what is inside it. `useD3` hands the draw
 * function a selection of the svg whenever a dependency changes, at most once per frame (charts
 * out of view: just after the frame, see useFrame).
 */
import { type Selection, select } from 'd3';
import { type DependencyList, type RefObject, useEffect, useRef } from 'react';
import { useFrame } from './useFrame';

export type SvgSelection = Selection<SVGSVGElement, unknown, null, undefined>;

export function useD3(
  draw: (svg: SvgSelection) => void,
  deps: DependencyList,
): RefObject<SVGSVGElement | null> {
  const ref = useRef<SVGSVGElement>(null);
  const schedule = useFrame(() => {
    if (ref.current) draw(select(ref.current));
  }, ref);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the drawing depends on.
  useEffect(schedule, deps);
  return ref;
}

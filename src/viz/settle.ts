/**
 * Write a redraw's moving attributes now or as a transition. Live data (a generated token) has no
 * transition: `t` is null and the attributes are set at once on the selection itself — no timer,
 * no tween per element, and quietWrites skips the values that did not change (bench/panels.ts:
 * the next-token chart rewrote ~500 rects a token through zero-length transitions).
 */
import type { BaseType, Selection, Transition } from 'd3';

export type SharedTransition = Transition<BaseType, unknown, null, undefined>;

/**
 * `sel.transition(t)` when t is given, else `sel`. Typed as the selection: transitions take the
 * same attr/style/text calls, which is all a draw chains after this.
 */
export function settle<E extends BaseType, D, P extends BaseType, PD>(
  sel: Selection<E, D, P, PD>,
  t: SharedTransition | null,
): Selection<E, D, P, PD> {
  return t ? (sel.transition(t) as unknown as Selection<E, D, P, PD>) : sel;
}

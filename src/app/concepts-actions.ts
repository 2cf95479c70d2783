/**
 * The Concepts panel's read-out: the selected token's embedding and the selected head's q·k
 * behind one attention cell, recomputed in the worker. Only the latest request's answer is
 * kept, so fast selection changes never show a stale cell.
 */
import { showError, useStore } from '../store/store';
import { engine, messageOf } from './engine';
import { currentContext } from './inspect-actions';

let latest = 0;

export async function explainConcepts(keyPosition?: number): Promise<void> {
  const st = useStore.getState().inspect;
  const r = st.result;
  if (!r || !useStore.getState().model) {
    useStore.setState({ concepts: null });
    return;
  }
  const T = r.ids.length;
  const position = Math.min(st.selected ?? T - 1, T - 1);
  const key = keyPosition !== undefined && keyPosition <= position ? keyPosition : undefined;
  const layer = Math.min(st.layer, r.n_layer - 1);
  const head = Math.min(st.head, r.n_head - 1);
  const { concepts: have, conceptsFor } = useStore.getState();
  if (have && conceptsFor?.result === r && conceptsFor.key === key) {
    // Already explained with this inspection (it came in the same message): nothing to fetch.
    if (have.position === position && have.layer === layer && have.head === head) return;
  }
  const ticket = ++latest;
  try {
    const concepts = await engine.concepts({
      text: st.text || currentContext(),
      position,
      layer,
      head,
      keyPosition: key,
      headMask: st.headMask ?? undefined,
    });
    // Dropped when a newer request or a newer inspection (which brings its own cell) came meanwhile.
    if (ticket === latest && useStore.getState().inspect.result === r)
      useStore.setState({ concepts, conceptsFor: { result: r, key } });
  } catch (e) {
    if (ticket === latest) showError(messageOf(e));
  }
}

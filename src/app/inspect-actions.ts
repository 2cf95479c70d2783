/**
 * Keeping the "see inside" panels current: one inspection per change of context or ablation,
 * coalesced so a burst of generated tokens costs at most one pending run.
 */
import { patch, showError, useStore } from '../store/store';
import type { SaliencyMethod } from '../worker/api';
import { engine, messageOf } from './engine';

let running = false;
let again = false;

/** The context the panels explain: the prompt plus what has been generated. */
export function currentContext(): string {
  const g = useStore.getState().generation;
  return g.prompt + g.output;
}

/** Re-inspect `text` (default: the current context); calls during a run collapse into one more. */
export async function refreshInspection(text?: string): Promise<void> {
  if (text !== undefined) patch('inspect', { text });
  if (!useStore.getState().model) return;
  if (running) {
    again = true;
    return;
  }
  running = true;
  patch('inspect', { busy: true });
  try {
    do {
      again = false;
      const { text: t, headMask } = useStore.getState().inspect;
      const context = t || currentContext();
      if (!context) break;
      const t0 = performance.now();
      const result = await engine.inspect(context, headMask ?? undefined);
      const { selected, layer, head, result: previous } = useStore.getState().inspect;
      const T = result.ids.length;
      // A selection on the newest token follows the newest token as generation proceeds.
      const onLast =
        selected === null || selected >= T || (previous !== null && selected === previous.ids.length - 1);
      patch('inspect', {
        result,
        selected: onLast ? T - 1 : selected,
        layer: Math.min(layer, result.n_layer - 1),
        head: Math.min(head, result.n_head - 1),
        lastMs: performance.now() - t0,
        saliency: null,
      });
    } while (again);
  } catch (e) {
    showError(messageOf(e));
  } finally {
    running = false;
    patch('inspect', { busy: false });
  }
}

export function selectToken(position: number | null): void {
  patch('inspect', { selected: position, saliency: null });
}

export function selectHead(layer: number, head: number): void {
  patch('inspect', { layer, head });
}

/** Switch one head off or on again, and recompute everything downstream of it. */
export async function toggleHead(layer: number, head: number): Promise<void> {
  const r = useStore.getState().inspect.result;
  if (!r) return;
  const mask = useStore.getState().inspect.headMask?.slice() ?? Array(r.n_layer * r.n_head).fill(1);
  const i = layer * r.n_head + head;
  mask[i] = mask[i] ? 0 : 1;
  patch('inspect', { headMask: mask.every((m) => m === 1) ? null : mask });
  await refreshInspection();
}

/** Saliency for the selected output position, explaining its top (greedy) prediction. */
export async function runSaliency(method?: SaliencyMethod, steps?: number): Promise<void> {
  const st = useStore.getState().inspect;
  const r = st.result;
  if (!r) return;
  const m = method ?? st.saliencyMethod;
  const s = steps ?? st.saliencySteps;
  patch('inspect', { saliencyMethod: m, saliencySteps: s });
  const position = st.selected ?? r.ids.length - 1;
  const L = r.n_layer;
  const token = r.lensIds[(L * r.ids.length + position) * r.lensK]; // the model's own top prediction there
  try {
    const saliency = await engine.saliency({
      text: st.text || currentContext(),
      position,
      token,
      method: m,
      steps: s,
      headMask: st.headMask ?? undefined,
    });
    patch('inspect', { saliency });
  } catch (e) {
    showError(messageOf(e));
  }
}

export async function loadAttentionHistory(): Promise<void> {
  try {
    patch('inspect', { history: await engine.attentionHistory() });
  } catch (e) {
    showError(messageOf(e));
  }
}

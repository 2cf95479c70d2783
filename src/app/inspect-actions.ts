/**
 * Keeping the "see inside" panels current: one inspection per change of context or ablation,
 * coalesced so a burst of generated tokens costs at most one pending run.
 */
import { heldInspections } from '../store/held-inspections';
import { patch, showError, useStore } from '../store/store';
import type { ConceptsAt, Inspected, SaliencyMethod } from '../worker/api';
import { engine, isEngineStop, messageOf, transfer } from './engine';

// Attention buffers the panels are done with go back for later inspections to be written into.
heldInspections.onGiveBack((buffers) => void engine.recycle(transfer(buffers, buffers)));

let running = false;
let again = false;
/** Inspections are numbered as they are asked for; an answer older than one already shown is dropped. */
let asked = 0;
let shown = 0;

/** The context the panels explain: the prompt plus what has been generated. */
export function currentContext(): string {
  const g = useStore.getState().generation;
  return g.prompt + g.output;
}

/** A number for a new inspection request (see showInspected). */
export function nextTicket(): number {
  return ++asked;
}

/** The Concepts cell to explain with the next inspection: the selected token (or the newest) and head. */
export function conceptsAt(followNewest: boolean): ConceptsAt {
  const { selected, layer, head } = useStore.getState().inspect;
  return { position: followNewest || selected === null ? 'last' : selected, layer, head };
}

/** Does the selection sit on the newest token (so it should follow the newest as tokens arrive)? */
export function selectionOnNewest(): boolean {
  const { selected, result } = useStore.getState().inspect;
  return selected === null || result === null || selected >= result.ids.length - 1;
}

/**
 * Show one inspection in every panel at once: one store update (one render, one draw per panel)
 * carrying the result, the selection, the Concepts cell and, when stepping, the longer output.
 */
export function showInspected(
  { result, concepts }: Inspected,
  ticket: number,
  followNewest: boolean,
  startedAt: number,
  output?: string,
): void {
  if (ticket < shown) return;
  shown = ticket;
  const before = useStore.getState().inspect.result;
  useStore.setState((s) => {
    const T = result.ids.length;
    const selected =
      followNewest || s.inspect.selected === null ? T - 1 : Math.min(s.inspect.selected, T - 1);
    return {
      inspect: {
        ...s.inspect,
        text: output === undefined ? s.inspect.text : '', // a step shows the generated context again
        result,
        selected,
        layer: Math.min(s.inspect.layer, result.n_layer - 1),
        head: Math.min(s.inspect.head, result.n_head - 1),
        lastMs: performance.now() - startedAt,
        saliency: null,
      },
      concepts: concepts ?? s.concepts,
      conceptsFor: concepts ? { result, key: undefined } : s.conceptsFor,
      generation: output === undefined ? s.generation : { ...s.generation, output },
    };
  });
  if (before && before !== result) heldInspections.replaced(before);
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
      const ticket = nextTicket();
      const follow = selectionOnNewest();
      // Generation fails on the same characters at the same moment, and either error may show
      // last: when the context is the prompt, both name the prompt.
      const inspected = await engine.inspect(context, {
        headMask: headMask ?? undefined,
        concepts: conceptsAt(follow),
        fromPrompt: !t,
      });
      showInspected(inspected, ticket, follow && selectionOnNewest(), t0);
    } while (again);
  } catch (e) {
    if (!isEngineStop(e)) showError(messageOf(e));
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
      ids: r.ids,
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

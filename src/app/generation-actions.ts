/** Generate text from the prompt, streaming tokens into the output one at a time. */
import { patch, showError, useStore } from '../store/store';
import { callback, engine, messageOf } from './engine';
import {
  conceptsAt,
  nextTicket,
  refreshInspection,
  selectionOnNewest,
  showInspected,
} from './inspect-actions';

function sampling() {
  const g = useStore.getState().generation;
  return { mode: g.mode, temperature: g.temperature, topK: g.topK, topP: g.topP, seed: g.seed };
}

/** Generate `length` tokens after the prompt; the output is replaced. */
export async function generate(): Promise<void> {
  const { generation: g, inspect } = useStore.getState();
  if (g.running) return;
  patch('generation', { running: true, output: '' });
  // Streamed tokens come over the callback's own message port, which is not ordered with the
  // call's reply: the reply's text is the whole output, and a token arriving after it is dropped.
  let finished = false;
  try {
    const text = await engine.generate(
      g.prompt,
      g.length,
      sampling(),
      callback((piece: string) => {
        if (!finished) patch('generation', { output: useStore.getState().generation.output + piece });
      }),
      inspect.headMask ?? undefined, // the model the panels show: ablated heads stay off
    );
    patch('generation', { output: text });
    showError(null);
    void refreshInspection(''); // the panels explain the text as it now ends (once, not per streamed token)
  } catch (e) {
    showError(messageOf(e)); // e.g. a prompt the vocabulary cannot encode: the panels keep what they show
  } finally {
    finished = true;
    patch('generation', { running: false });
  }
}

/**
 * One more token after prompt + output so far, drawn from the distribution the next-token panel
 * shows (head mask included), and every panel updated with it in one go.
 */
export async function generateStep(): Promise<void> {
  const { generation: g, inspect } = useStore.getState();
  if (g.running) return;
  patch('generation', { running: true });
  try {
    const t0 = performance.now();
    const ticket = nextTicket();
    const follow = selectionOnNewest() || inspect.text !== '';
    const stepped = await engine.step({
      context: g.prompt + g.output,
      sampling: { ...sampling(), seed: g.seed + [...g.output].length }, // a different draw at each step, still reproducible
      headMask: inspect.headMask ?? undefined,
      concepts: conceptsAt(follow),
    });
    showInspected(stepped, ticket, follow, t0, useStore.getState().generation.output + stepped.text);
    showError(null);
  } catch (e) {
    showError(messageOf(e));
  } finally {
    patch('generation', { running: false });
  }
}

export async function stopGenerating(): Promise<void> {
  await engine.stopGenerating();
}

/** Generate text from the prompt, streaming tokens into the output one at a time. */
import { patch, showError, useStore } from '../store/store';
import { callback, engine, messageOf } from './engine';
import { refreshInspection } from './inspect-actions';

function sampling() {
  const g = useStore.getState().generation;
  return { mode: g.mode, temperature: g.temperature, topK: g.topK, topP: g.topP, seed: g.seed };
}

/** Generate `length` tokens after the prompt; the output is replaced. */
export async function generate(): Promise<void> {
  const g = useStore.getState().generation;
  if (g.running) return;
  patch('generation', { running: true, output: '' });
  try {
    await engine.generate(
      g.prompt,
      g.length,
      sampling(),
      callback((text: string) =>
        patch('generation', { output: useStore.getState().generation.output + text }),
      ),
    );
    showError(null);
  } catch (e) {
    showError(messageOf(e));
  } finally {
    patch('generation', { running: false });
  }
}

/** One more token after prompt + output so far. */
export async function generateStep(): Promise<void> {
  const g = useStore.getState().generation;
  if (g.running) return;
  patch('generation', { running: true });
  try {
    const seed = g.seed + [...g.output].length; // a different draw at each step, still reproducible
    const text = await engine.generate(
      g.prompt + g.output,
      1,
      { ...sampling(), seed },
      callback(() => {}),
    );
    patch('generation', { output: useStore.getState().generation.output + text });
    showError(null);
    await refreshInspection('');
  } catch (e) {
    showError(messageOf(e));
  } finally {
    patch('generation', { running: false });
  }
}

export async function stopGenerating(): Promise<void> {
  await engine.stopGenerating();
}

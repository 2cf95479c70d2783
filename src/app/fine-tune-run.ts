/**
 * The fine-tune in progress, as training sees it: while the model it started on is the current one,
 * Train (resume) keeps its learning rate and schedule, and each run's end writes the "after" sample.
 */
import { FINE_TUNE_SAMPLE_TOKENS, type FineTuneRun } from '../store/fine-tune';
import { patch, useStore } from '../store/store';
import type { SamplingSettings } from '../worker/api';
import { callback, engine } from './engine';

/** Greedy: the before and after samples of the same prompt differ only by what training changed. */
export const GREEDY: SamplingSettings = { mode: 'greedy', temperature: 1, topK: 0, topP: 1, seed: 0 };

/** The fine-tune whose model is the one in the tab (a model built, loaded or restored since ends it). */
export function currentFineTune(): FineTuneRun | null {
  const { fineTune, model } = useStore.getState();
  return fineTune.run && fineTune.run.info === model ? fineTune.run : null;
}

/** The prompt's greedy continuation from the weights now; null if the engine could not write it. */
function greedy(prompt: string): Promise<string | null> {
  return engine
    .generate(
      prompt,
      FINE_TUNE_SAMPLE_TOKENS,
      GREEDY,
      callback(() => {}),
    )
    .catch(() => null); // a sample is a figure beside the run: the weights and history are unaffected
}

/** Before the fine-tune's first step: the sample the "after" one is compared with. */
export async function writeBeforeSample(): Promise<void> {
  const run = currentFineTune();
  const text = run && (await greedy(run.prompt));
  const now = currentFineTune();
  if (now && text !== null) patch('fineTune', { run: { ...now, before: text } });
}

/** After a fine-tune's run stops (done or paused): the same prompt, greedy, from the weights now. */
export async function writeAfterSample(): Promise<void> {
  const run = currentFineTune();
  const step = useStore.getState().training.step;
  if (!run || step <= run.from) return;
  const text = await greedy(run.prompt);
  const now = currentFineTune();
  if (now && text !== null) patch('fineTune', { run: { ...now, after: { step, text } } });
}

/** Settings changes, and what each one means for the corpus and the model. */
import { PRESETS } from '../model/config';
import type { Settings } from '../store/settings';
import { useStore } from '../store/store';
import { applyCorpus } from './corpus-actions';
import { rebuildIfUntrained } from './training-actions';

const MODEL_KEYS: (keyof Settings)[] = ['preset', 'custom', 'seed'];
const TOKENIZER_KEYS: (keyof Settings)[] = ['tokenizer', 'bpeVocab'];

export async function updateSettings(p: Partial<Settings>): Promise<void> {
  const before = useStore.getState().settings;
  const next = { ...before, ...p };
  // Picking a preset brings its training defaults with it.
  if (p.preset && p.preset !== before.preset && p.preset !== 'custom') {
    next.batchSize = PRESETS[p.preset].batch_size;
    next.learningRate = PRESETS[p.preset].learning_rate;
  }
  useStore.setState({ settings: next });
  const changed = (keys: (keyof Settings)[]) =>
    keys.some((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
  const { corpus } = useStore.getState();
  if (changed(TOKENIZER_KEYS) && corpus.stats) await applyCorpus(corpus.text, corpus.source);
  else if (changed(MODEL_KEYS)) await rebuildIfUntrained();
}

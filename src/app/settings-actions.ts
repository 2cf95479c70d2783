/** Settings changes, and what each one means for the corpus and the model. */
import { PRESETS } from '../model/config';
import type { Settings } from '../store/settings';
import { showError, useStore } from '../store/store';
import type { BackendRequest } from '../worker/api';
import { autosave } from './autosave';
import { applyCorpus } from './corpus-actions';
import { engine, messageOf } from './engine';
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

/**
 * Run on another backend: the session is saved, then the page opens again with `?backend=` (a
 * backend is chosen once, before any tensor exists), and the session comes back on it.
 */
export async function switchBackend(backend: BackendRequest): Promise<void> {
  if (useStore.getState().training.status === 'training') {
    showError('Pause training before switching the backend.');
    return;
  }
  await autosave();
  const q = new URLSearchParams(location.search);
  q.set('backend', backend);
  location.assign(`${location.pathname}?${q}${location.hash}`);
}

/** Time a training step of the current configuration on each backend offered here. */
export async function measureBackends(): Promise<void> {
  const { training, settings } = useStore.getState();
  if (training.status === 'training') {
    showError('Pause training before measuring the backends.');
    return;
  }
  useStore.setState({ busy: 'Timing a training step on each backend (a software GPU may take a minute)…' });
  try {
    useStore.setState({ backendFigures: await engine.measureBackends(settings.batchSize) });
  } catch (e) {
    showError(`Could not measure the backends: ${messageOf(e)}`);
  } finally {
    useStore.setState({ busy: null });
  }
}

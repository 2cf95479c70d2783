/** Checkpoints out (download) and in (file or the shipped pretrained model). */

// The shipped checkpoint's training report (written by `npm run pretrain`), bundled at build time.
import pretrained from '../../public/pretrained/baby-shakespeare.json';
import { checkpointFileName } from '../store/model-names';
import { initialTraining, patch, showError, useStore } from '../store/store';
import { download } from '../viz/exporting';
import type { ImportOptions, LoadedModel } from '../worker/api';
import { autosave } from './autosave';
import { engine, messageOf } from './engine';
import { refreshInspection } from './inspect-actions';

export const PRETRAINED_URL = 'pretrained/baby-shakespeare.safetensors';
export const PRETRAINED_LABEL = `${pretrained.preset} · ${pretrained.corpus} · ${pretrained.steps} steps · val loss ${pretrained.val_loss.toFixed(2)}`;
const PRETRAINED_SOURCE = 'the pretrained model';
/** The shipped model's loss curve (validation every 250 steps), drawn in the loss chart with it. */
const PRETRAINED_HISTORY = { losses: [], evals: pretrained.evals };
const MAX_CHECKPOINT_BYTES = 200 * 1024 * 1024;

export async function exportCheckpoint(): Promise<void> {
  const { model, modelSource, training } = useStore.getState();
  if (!model) return;
  try {
    const bytes = await engine.exportCheckpoint();
    // Named by the model's real shape (not the settings for the next one) and what it learned.
    const corpus = modelSource === PRETRAINED_SOURCE ? pretrained.corpus : '';
    const name = checkpointFileName(model, corpus, training.step);
    download(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }), name);
  } catch (e) {
    showError(`Export failed: ${messageOf(e)}`);
  }
}

function adopt(loaded: LoadedModel, source: string): void {
  useStore.setState((s) => ({
    model: loaded.info,
    modelSource: source,
    training: {
      ...initialTraining,
      step: loaded.step,
      losses: loaded.history.losses,
      evals: loaded.history.evals,
      tokensPerChar: loaded.stats ? loaded.stats.tokens / loaded.stats.characters : 1,
    },
    corpus: loaded.stats ? { ...s.corpus, stats: loaded.stats } : s.corpus,
    generation: { ...s.generation, output: '' },
    error: null,
    notice: loaded.stats
      ? null
      : `Loaded ${source}. Its vocabulary does not cover the current corpus, so it can generate but not train on it.`,
  }));
}

async function importBytes(bytes: Uint8Array, source: string, options?: ImportOptions): Promise<void> {
  if (useStore.getState().training.status === 'training') {
    showError('Pause training before loading a checkpoint.');
    return;
  }
  try {
    adopt(await engine.importCheckpoint(bytes, options), source);
    await autosave();
    void refreshInspection();
  } catch (e) {
    showError(`Could not load ${source}: ${messageOf(e)}. The current model is unchanged.`);
  }
}

export async function importCheckpointFile(file: File): Promise<void> {
  if (file.size > MAX_CHECKPOINT_BYTES) {
    showError(`"${file.name}" is too large for a checkpoint here (${(file.size / 1e6).toFixed(0)} MB).`);
    return;
  }
  await importBytes(new Uint8Array(await file.arrayBuffer()), `"${file.name}"`);
}

export async function loadPretrained(): Promise<void> {
  useStore.setState({ busy: 'Loading the pretrained model…' });
  try {
    const res = await fetch(PRETRAINED_URL);
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    await importBytes(new Uint8Array(await res.arrayBuffer()), PRETRAINED_SOURCE, {
      history: PRETRAINED_HISTORY,
    });
    patch('generation', { prompt: useStore.getState().generation.prompt || 'ROMEO:' });
  } catch (e) {
    showError(`Could not load the pretrained model: ${messageOf(e)}.`);
  } finally {
    useStore.setState({ busy: null });
  }
}

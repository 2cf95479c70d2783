/** Checkpoints out (download) and in (file or the shipped pretrained model). */

// The shipped checkpoint's training report (written by `npm run pretrain`), bundled at build time.
import pretrained from '../../public/pretrained/baby-shakespeare.json';
import { formatNumber, t } from '../i18n/i18n';
import { checkpointFileName } from '../store/model-names';
import { initialTraining, type LearnedFrom, patch, showError, useStore } from '../store/store';
import { download } from '../viz/exporting';
import type { ImportOptions, LoadedModel } from '../worker/api';
import { autosave } from './autosave';
import { TINY_SHAKESPEARE_URL } from './corpus-actions';
import { engine, messageOf } from './engine';
import { refreshInspection } from './inspect-actions';
import { oneAtATime } from './one-at-a-time';
import { DEFAULT_SAMPLE } from './samples';

export const PRETRAINED_URL = 'pretrained/baby-shakespeare.safetensors';
/** What the shipped checkpoint is, in English; the Keep & share panel writes it in the person's language. */
export const PRETRAINED_LABEL = `${pretrained.preset} · ${pretrained.corpus} · ${pretrained.steps} steps · val loss ${pretrained.val_loss.toFixed(2)}`;
/** The shipped model's loss curve (validation every 250 steps), drawn in the loss chart with it. */
const PRETRAINED_HISTORY = { losses: [], evals: pretrained.evals };
/** What the shipped model learned from (scripts/pretrain.ts trains on ../shared/data/tinyshakespeare.txt). */
export const PRETRAINED_CORPUS: LearnedFrom = {
  name: pretrained.corpus,
  characters: 1_115_394,
  url: TINY_SHAKESPEARE_URL,
};
const MAX_CHECKPOINT_BYTES = 200 * 1024 * 1024;

export async function exportCheckpoint(): Promise<void> {
  const { model, learnedFrom, training } = useStore.getState();
  if (!model) return;
  try {
    const bytes = await engine.exportCheckpoint();
    // Named by the model's real shape (not the settings for the next one) and what it learned.
    const name = checkpointFileName(model, learnedFrom?.name ?? '', training.step);
    download(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }), name);
  } catch (e) {
    showError(t('checkpoint.exportFailed', { reason: messageOf(e) }));
  }
}

function adopt(loaded: LoadedModel, source: string, options: Taking): void {
  // Without a corpus of its own here, the corpus panel names the text the model learned from.
  const noCorpus = options.withoutCorpus || !useStore.getState().corpus.text;
  useStore.setState((s) => ({
    model: loaded.info,
    modelId: null, // a model of its own in My models, from its first save
    modelSource: source,
    learnedFrom: options.learnedFrom ?? null,
    demo: !!options.unsaved,
    training: {
      ...initialTraining,
      step: loaded.step,
      losses: loaded.history.losses,
      evals: loaded.history.evals,
      tokensPerChar: loaded.stats ? loaded.stats.tokens / loaded.stats.characters : 1,
    },
    corpus: loaded.stats
      ? { ...s.corpus, stats: loaded.stats }
      : noCorpus
        ? { ...s.corpus, text: '', source: '', stats: null }
        : s.corpus,
    generation: { ...s.generation, output: '' },
    error: null,
    notice: loaded.stats || noCorpus ? null : t('fineTune.vocabularyMismatch', { source }),
  }));
}

interface Taking extends ImportOptions {
  learnedFrom?: LearnedFrom;
  /** Keep it out of the autosave: a first visit's demo is not the person's session yet. */
  unsaved?: boolean;
}

const importBytes = oneAtATime(
  async (bytes: Uint8Array, source: string, options: Taking = {}): Promise<boolean> => {
    if (useStore.getState().training.status === 'training') {
      showError(t('checkpoint.pauseFirst'));
      return false;
    }
    try {
      const { history, withoutCorpus } = options;
      adopt(await engine.importCheckpoint(bytes, { history, withoutCorpus }), source, options);
    } catch (e) {
      showError(t('checkpoint.loadFailed', { source, reason: messageOf(e) }));
      return false;
    }
    if (!options.unsaved) await autosave();
    void refreshInspection();
    return true;
  },
);

export async function importCheckpointFile(file: File): Promise<void> {
  if (file.size > MAX_CHECKPOINT_BYTES) {
    const size = formatNumber(file.size / 1e6, { maximumFractionDigits: 0 });
    showError(t('checkpoint.tooLarge', { name: file.name, size }));
    return;
  }
  await importBytes(
    new Uint8Array(await file.arrayBuffer()),
    t('checkpoint.fileSource', { name: file.name }),
  );
}

let pretrainedBytes: Promise<Uint8Array> | null = null;

/** The shipped checkpoint's bytes, downloaded once (start-up may begin this while the engine starts). */
export function fetchPretrained(): Promise<Uint8Array> {
  pretrainedBytes ??= (async () => {
    const res = await fetch(PRETRAINED_URL);
    if (!res.ok) throw new Error(t('checkpoint.serverAnswered', { status: res.status }));
    return new Uint8Array(await res.arrayBuffer());
  })();
  pretrainedBytes.catch(() => {
    pretrainedBytes = null; // a failed download is tried again next time
  });
  return pretrainedBytes;
}

/**
 * Load the shipped model with its loss curve. A corpus of the person's own stays (the model can
 * train on it); the default sample does not (unless `keepCorpus`: fine-tuning on it), so the corpus
 * panel names the text the model learned from.
 */
export async function loadPretrained(
  options: { unsaved?: boolean; keepCorpus?: boolean } = {},
): Promise<boolean> {
  useStore.setState({ busy: t('checkpoint.loadingPretrained') });
  try {
    const { corpus } = useStore.getState();
    const onlySample = !corpus.text || (!options.keepCorpus && corpus.source === DEFAULT_SAMPLE.label);
    // The bytes are copied to the worker, so the downloaded ones stay for the next load.
    const ok = await importBytes(await fetchPretrained(), t('checkpoint.pretrainedSource'), {
      history: PRETRAINED_HISTORY,
      withoutCorpus: onlySample,
      learnedFrom: PRETRAINED_CORPUS,
      unsaved: options.unsaved,
    });
    if (ok) patch('generation', { prompt: useStore.getState().generation.prompt || 'ROMEO:' });
    return ok;
  } catch (e) {
    showError(t('checkpoint.pretrainedFailed', { reason: messageOf(e) }));
    return false;
  } finally {
    useStore.setState({ busy: null });
  }
}

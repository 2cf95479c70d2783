/**
 * Autosave to IndexedDB, so a reload resumes where the person was (corpus, model, optimizer,
 * history): the open model's record in "My models" (app/models-db.ts), which the engine worker
 * writes, and this tab's slot pointing at it (app/tabs.ts). A save that does not fit is refused
 * whole, so the previous save stays as it was, and the person is told.
 */
import { t } from '../i18n/i18n';
import { shapeName } from '../store/model-names';
import { type ModelMeta, megabytes, type StorageUse } from '../store/saved-models';
import { type AppState, type LearnedFrom, showError, useStore } from '../store/store';
import type { SessionSnapshot } from '../worker/api';
import { engine } from './engine';
import { bitsPerChar, ModelsDb, newModelId, RECORD_VERSION, recordKey, thinCurve } from './models-db';
import { holdModel, MAIN_SLOT } from './tabs';

export const modelsDb = new ModelsDb();

/** This tab's slot (app/tabs.ts): the main one unless another tab holds it. */
let slot = MAIN_SLOT;
let saving: Promise<void> | null = null;
let queued: Promise<void> | null = null;

/** What a model's record holds besides the engine's snapshot: the UI's part of the session. */
export interface Saved {
  snap: SessionSnapshot;
  settings: AppState['settings'];
  modelSource: string;
  learnedFrom?: LearnedFrom | null;
  /** Where the corpus came from, for its stats line and the model's name. */
  corpusSource?: string;
  samples: { step: number; text: string }[];
}

/**
 * Save the session. One save at a time: a request made during a save runs once that save ends
 * (requests meanwhile share it), so what lands is the state at the last request, not an older one.
 */
export function autosave(): Promise<void> {
  if (useStore.getState().demo) return Promise.resolve(); // a first visit's demo is not their session yet
  if (queued) return queued;
  if (saving) {
    queued = saving.then(() => {
      queued = null;
      return autosave();
    });
    return queued;
  }
  saving = saveOpenModel()
    .catch((e) => console.warn('autosave failed', e))
    .finally(() => {
      saving = null;
    });
  return saving;
}

async function saveOpenModel(): Promise<void> {
  const state = useStore.getState();
  if (!state.model) return;
  // A model first saved (or one open in another tab too, which this tab copies) gets a new id.
  const id = state.modelId ?? newModelId();
  const { settings, modelSource, learnedFrom, training, corpus } = state;
  // The worker writes it: the snapshot (weights, moments, corpus) never crosses to this thread.
  const outcome = await engine.autosave(recordKey(id), {
    settings,
    modelSource,
    learnedFrom,
    corpusSource: corpus.source,
    samples: training.samples,
  });
  if (!outcome.saved) {
    if (outcome.reason === 'storage-full') showError(await storageFullMessage());
    else if (outcome.reason === 'failed') console.warn('autosave failed', outcome.message);
    return;
  }
  await modelsDb.upsert(metaOf(id, outcome.bytes, state));
  if (state.modelId !== id) {
    await modelsDb.pointSlot(slot, id);
    await holdModel(id);
    useStore.setState({ modelId: id });
  }
  await refreshModels();
}

/** A corpus source as a model's name says it: the sources that are not names become words. */
function corpusName(source: string): string {
  if (source === 'typed or pasted') return t('models.yourText');
  if (source === 'restored' || source === t('models.restored')) return t('app.yourLastCorpus');
  return source || t('models.noCorpus');
}

/** The index entry for the open model, from what the page shows of it. */
function metaOf(id: string, bytes: number, s: AppState): ModelMeta {
  const model = s.model!;
  const evals = s.training.evals;
  const last = evals[evals.length - 1];
  const tokensPerChar = s.training.tokensPerChar || 1;
  const corpus = s.learnedFrom?.name ?? corpusName(s.corpus.source);
  const now = Date.now();
  return {
    id,
    name: t('models.nameOn', { shape: shapeName(model), corpus }),
    version: RECORD_VERSION,
    created: now,
    updated: now,
    shape: {
      n_layer: model.n_layer,
      n_head: model.n_head,
      n_embd: model.n_embd,
      block_size: model.block_size,
      vocab_size: model.vocab_size,
    },
    tokenizer: s.corpus.stats?.tokenizer ?? s.settings.tokenizer,
    step: s.training.step,
    valLoss: last?.val ?? null,
    bitsPerChar: last ? bitsPerChar(last.val, tokensPerChar) : null,
    tokensPerChar,
    corpus,
    source: s.modelSource,
    bytes,
    evals: thinCurve(evals),
  };
}

async function storageFullMessage(): Promise<string> {
  const use = await storageUse();
  const figures = use
    ? t('models.storageFigures', { used: megabytes(use.usage), quota: megabytes(use.quota) })
    : '';
  return t('models.storageFull', { figures });
}

async function storageUse(): Promise<StorageUse | null> {
  try {
    const e = await navigator.storage?.estimate();
    return e ? { usage: e.usage ?? 0, quota: e.quota ?? 0 } : null;
  } catch {
    return null;
  }
}

/** Read the list of saved models and the storage figures into the store. */
export async function refreshModels(): Promise<void> {
  const [models, storage] = await Promise.all([modelsDb.list(), storageUse()]);
  useStore.setState({ models, storage });
}

/** Save to `key` from now on (start-up, once this tab's slot is claimed). */
export function saveTo(key: string): void {
  slot = key;
}

export function currentSlot(): string {
  return slot;
}

/** The saved session in `from` (a slot: it points at a model; an old whole session is migrated). */
export async function loadSaved(from = slot): Promise<{ id: string; saved: Saved } | undefined> {
  try {
    const id = await modelsDb.openSlot(from);
    const saved = id ? await modelsDb.record(id) : undefined;
    return id && saved ? { id, saved } : undefined;
  } catch (e) {
    console.warn('could not read the saved session', e);
    return undefined;
  }
}

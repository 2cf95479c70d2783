/**
 * The one zustand store, in slices. Per-step data (losses, tokens) flows in through
 * small appends; charts subscribe to the slice they draw, not to the whole tree.
 */
import { create } from 'zustand';
import type { Lang } from '../i18n/languages';
import type {
  AttentionSnapshot,
  BackendFigure,
  BackendInfo,
  ConceptsResult,
  CorpusStats,
  EngineMemory,
  EvalPoint,
  InspectResult,
  LossPoint,
  ModelInfo,
  Saliency,
  SaliencyMethod,
  TrainProgress,
  TrainStatus,
} from '../worker/api';
import { type FineTuneSlice, initialFineTune } from './fine-tune';
import type { ModelMeta, StorageUse } from './saved-models';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export interface LearnedFrom {
  name: string;
  characters: number;
  /** Where a person can load it from. */
  url: string;
}

/** A saved model's validation curve, drawn over the current one in the loss chart to compare. */
export interface CompareCurve {
  id: string;
  name: string;
  /** Validation estimates in nats per token, as the model was trained. */
  evals: EvalPoint[];
  /** That model's tokens per character, to draw it in bits per character beside any other. */
  tokensPerChar: number;
}

export interface CorpusSlice {
  text: string;
  /** Where the text came from, for the stats line ("pasted", a file name, a sample, a URL). */
  source: string;
  stats: CorpusStats | null;
  /** BPE training progress in [0, 1], or null when idle. */
  tokenizing: number | null;
}

export interface TrainingSlice {
  status: TrainStatus;
  step: number;
  losses: LossPoint[];
  evals: EvalPoint[];
  tokensPerSec: number;
  elapsedMs: number;
  tokensPerChar: number;
  warmingUp: boolean;
  samples: { step: number; text: string }[];
  /** What the engine held at the last progress report (a flat figure over many steps: no leak). */
  memory: EngineMemory | null;
}

export interface GenerationSlice {
  prompt: string;
  length: number;
  mode: 'greedy' | 'sample';
  temperature: number;
  topK: number;
  topP: number;
  seed: number;
  output: string;
  running: boolean;
}

/** What the "see inside" panels show, and the selection they share. */
export interface InspectSlice {
  /** The text being inspected (its last block_size tokens). */
  text: string;
  result: InspectResult | null;
  /** Linked selection: a position in result.ids, or null. */
  selected: number | null;
  layer: number;
  head: number;
  /** Per (layer·n_head + head): 1 on, 0 ablated. Null = all on. */
  headMask: number[] | null;
  saliencyMethod: SaliencyMethod;
  saliencySteps: number;
  saliency: Saliency | null;
  /** Attention snapshots recorded while training, for the time scrubber. */
  history: AttentionSnapshot[];
  busy: boolean;
  /** Milliseconds the last inspection took, end to end (worker + transfer). */
  lastMs: number;
}

export interface AppState {
  settings: Settings;
  /** The interface language (i18n/languages.ts): `?lang=`, remembered, or the browser's. */
  lang: Lang;
  /** The guided lesson's stop (1-based) while it is open, or null (lesson/stops.ts). */
  lesson: number | null;
  corpus: CorpusSlice;
  model: ModelInfo | null;
  /** Where the model came from: "new", "pretrained", "imported <file>", "restored". */
  modelSource: string;
  /**
   * The text the model learned from when that is not the corpus loaded now (the pretrained model's
   * Tiny Shakespeare, before it is loaded): named in the corpus panel and in file names.
   */
  learnedFrom: LearnedFrom | null;
  /**
   * A first visit (app/arrival.ts): the pretrained model thinks about a prompt on the first screen,
   * the "see inside" panels come first, and the address bar stays the bare link. Ends once the
   * person takes their own path (their own text, training, "train your own model").
   */
  arrival: boolean;
  /**
   * The model is a first visit's demo, not yet the person's: nothing is autosaved for it, and a
   * corpus of their own gets a fresh model of the chosen shape (the student's path: text → train).
   */
  demo: boolean;
  /** Saved models picked in "My models" to overlay in the loss chart (in bits per character). */
  compare: CompareCurve[];
  /** The saved model open in this tab (its autosave goes there); null until its first save. */
  modelId: string | null;
  /** Every model kept in this browser, most recently saved first. */
  models: ModelMeta[];
  storage: StorageUse | null;
  /** The last "Measure backends": ms per training step on each backend offered here, fastest first. */
  backendFigures: BackendFigure[] | null;
  /** Why auto runs where it does (app/backend-choice.ts), beside the figures it measured. */
  backendChoice: string | null;
  /** A new version of the app is installed and waits for "Reload to update" (app/offline.ts). */
  updateReady: boolean;
  /** The service worker could make this page isolated (wasm threads) with a reload the person did not get yet. */
  isolationReload: boolean;
  training: TrainingSlice;
  /** Fine-tune: its controls, what the vocabulary lacks, the last fine-tune's results (store/fine-tune.ts). */
  fineTune: FineTuneSlice;
  generation: GenerationSlice;
  inspect: InspectSlice;
  /** The Concepts panel's read-out for the selected token and head (explainConcepts). */
  concepts: ConceptsResult | null;
  /** The inspection `concepts` was computed on, and the key asked for (undefined = most attended). */
  conceptsFor: { result: InspectResult; key: number | undefined } | null;
  backend: BackendInfo | null;
  /** The test id of the "see inside" panel shown alone, full width (presenting), or null. */
  presenting: string | null;
  /**
   * Tokens are streaming, or did a moment ago (app/live-mode.ts): panels out of view wait to draw
   * them until they come into view or a second on (panels/shared/useInspection), and the
   * screen-reader tables follow when the page is idle (panels/shared/useIdleWhileLive).
   */
  live: boolean;
  /** One line saying what the app is busy with ("Loading Tiny Shakespeare…"), or null. */
  busy: string | null;
  error: string | null;
  notice: string | null;
}

export const initialTraining: TrainingSlice = {
  status: 'idle',
  step: 0,
  losses: [],
  evals: [],
  tokensPerSec: 0,
  elapsedMs: 0,
  tokensPerChar: 1,
  warmingUp: false,
  samples: [],
  memory: null,
};

export const useStore = create<AppState>(() => ({
  settings: DEFAULT_SETTINGS,
  lang: 'en',
  lesson: null,
  corpus: { text: '', source: '', stats: null, tokenizing: null },
  model: null,
  modelSource: '',
  learnedFrom: null,
  arrival: false,
  demo: false,
  compare: [],
  modelId: null,
  models: [],
  storage: null,
  backendFigures: null,
  backendChoice: null,
  updateReady: false,
  isolationReload: false,
  training: initialTraining,
  fineTune: initialFineTune,
  generation: {
    prompt: '',
    length: 200,
    mode: 'sample',
    temperature: 0.8,
    topK: 0,
    topP: 1,
    seed: 42,
    output: '',
    running: false,
  },
  inspect: {
    text: '',
    result: null,
    selected: null,
    layer: 0,
    head: 0,
    headMask: null,
    saliencyMethod: 'grad-x-input',
    saliencySteps: 32,
    saliency: null,
    history: [],
    busy: false,
    lastMs: 0,
  },
  concepts: null,
  conceptsFor: null,
  backend: null,
  presenting: null,
  live: false,
  busy: null,
  error: null,
  notice: null,
}));

type Patch<K extends keyof AppState> = Partial<AppState[K]>;

/** Shallow-merge a patch into one slice. */
export function patch<K extends 'settings' | 'corpus' | 'training' | 'fineTune' | 'generation' | 'inspect'>(
  key: K,
  p: Patch<K>,
): void {
  useStore.setState((s) => ({ [key]: { ...s[key], ...p } }) as Partial<AppState>);
}

export function showError(message: string | null): void {
  useStore.setState({ error: message, notice: null });
}

/** Fold one training progress report into the training slice. */
export function applyProgress(p: TrainProgress): void {
  useStore.setState((s) => ({
    training: {
      ...s.training,
      step: p.step,
      losses: p.losses.length ? [...s.training.losses, ...p.losses] : s.training.losses,
      evals: p.evals.length ? [...s.training.evals, ...p.evals] : s.training.evals,
      tokensPerSec: p.tokensPerSec,
      elapsedMs: p.elapsedMs,
      tokensPerChar: p.tokensPerChar,
      warmingUp: p.warmingUp,
      memory: p.memory,
    },
  }));
}

/**
 * The verbs panels may call. src/app registers the implementation at start-up, so panels
 * depend on this interface only (panels → store, never panels → app or worker).
 */
import type { EmbeddingNeighbours, StepDemo } from '../analysis/types';
import type { BackendRequest, ConceptsResult, InspectResult, Saliency, SaliencyMethod } from '../worker/api';
import type { Settings } from './settings';

/** What the lesson's live figures ask the model in the tab (app/lesson-actions.ts); each call leaves it unchanged. */
export interface LessonCalls {
  /** Attention, logit lens and the next-token logits of `text`'s last block_size tokens. */
  inspect(text: string): Promise<InspectResult>;
  encode(text: string): Promise<{ ids: number[]; tokens: string[] }>;
  /** A token's embedding and its nearest tokens by cosine similarity. */
  neighbours(id: number, k: number): Promise<EmbeddingNeighbours & { vocab: string[] }>;
  /** `text` inspected, with one attention cell of its last token explained (q, k, q·k/√d, softmax). */
  attention(
    text: string,
    layer: number,
    head: number,
  ): Promise<{ result: InspectResult; cell: ConceptsResult }>;
  /** One step of plain gradient descent on a batch from `text`, taken and undone. */
  stepDemo(text: string, learningRate: number): Promise<StepDemo>;
  /** Gradient × input saliency of the last position's logit for `token`. */
  saliency(ids: number[], token: number): Promise<Saliency>;
}

export interface Actions {
  lesson: LessonCalls;
  /** Open the guided lesson at a stop (1-based; default: where the class was), or go to a stop. */
  openLesson(stop?: number): void;
  /** Back to the lab with the same model. */
  closeLesson(): void;
  samples: { id: string; label: string }[];
  /** What the shipped checkpoint is, for its button: e.g. "baby · Tiny Shakespeare · val loss 1.73". */
  pretrainedLabel: string;
  draftCorpus(text: string): void;
  loadFile(file: File): Promise<void>;
  loadUrl(url: string, label?: string): Promise<void>;
  loadTinyShakespeare(): Promise<void>;
  loadSample(id: string): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  /** Time a training step on each backend offered here (store.backendFigures). */
  measureBackends(): Promise<void>;
  /** Run on another backend from now on; the session moves with the engine. */
  switchBackend(backend: BackendRequest): Promise<void>;
  /** "Reload to update": pause, save, and let the waiting new version take over. */
  applyUpdate(): Promise<void>;
  /** Reload into cross-origin isolation (wasm threads), saved first. */
  reloadForThreads(): Promise<void>;
  startTraining(): Promise<void>;
  pauseTraining(): Promise<void>;
  resetTraining(): Promise<void>;
  /** Keep the model's weights and train them on the current corpus (store.fineTune's policy, rate, steps). */
  fineTune(): Promise<void>;
  /** List what the model fine-tune would start from lacks of the corpus (store.fineTune.plan). */
  refreshFineTunePlan(): Promise<void>;
  generate(): Promise<void>;
  generateStep(): Promise<void>;
  stopGenerating(): Promise<void>;
  exportCheckpoint(): Promise<void>;
  /** Download a .zip that trains this model on this corpus in PyTorch (one process or torchrun). */
  exportPytorch(): Promise<void>;
  importCheckpointFile(file: File): Promise<void>;
  loadPretrained(): Promise<void>;
  /** My models: open a saved model in place of the current one (saved first). */
  openModel(id: string): Promise<void>;
  renameModel(id: string, name: string): Promise<void>;
  duplicateModel(id: string): Promise<void>;
  deleteModel(id: string): Promise<void>;
  exportModel(id: string): Promise<void>;
  /** Overlay (or stop overlaying) a saved model's validation curve in the loss chart. */
  toggleCompare(id: string): void;
  /** The first screen's prompt: the panels follow it as it is typed. */
  tryPrompt(prompt: string): void;
  /** "Train your own model": the lab's steps come first again. */
  leaveArrival(): void;
  /** Inspect `text` (or, with no argument, the current prompt + output) for the panels. */
  refreshInspection(text?: string): Promise<void>;
  /** Linked selection: a position in the inspected context. */
  selectToken(position: number | null): void;
  /** Show one "see inside" panel alone, full width (its test id), or the whole page again (null). */
  present(panel: string | null): void;
  selectHead(layer: number, head: number): void;
  /** Ablate a head (or restore it) and recompute. */
  toggleHead(layer: number, head: number): Promise<void>;
  runSaliency(method?: SaliencyMethod, steps?: number): Promise<void>;
  loadAttentionHistory(): Promise<void>;
  /** Explain the selected token and head (embedding, q·k → weight, logits): stores `concepts`. */
  explainConcepts(keyPosition?: number): Promise<void>;
}

let registered: Actions | null = null;

export function registerActions(a: Actions): void {
  registered = a;
}

export function actions(): Actions {
  if (!registered) throw new Error('actions used before the app registered them');
  return registered;
}

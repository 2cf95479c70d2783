/**
 * The one typed surface between the UI thread and the engine worker (Comlink RPC).
 * Plain data only: the UI imports this file's types, never TensorFlow.js.
 */
import type {
  Concepts,
  EmbeddingNeighbours,
  Inspection,
  Saliency,
  SaliencyMethod,
  StepDemo,
} from '../analysis/types';
import type { Lang } from '../i18n/languages';
import type { TokenizerJSON } from '../model/tokenizer/types';
import type { BackendInfo, BackendName, BackendRequest } from './backend-types';

export type { BackendInfo, BackendName, BackendRequest, Inspection, Saliency, SaliencyMethod, TokenizerJSON };

/** An inspection of a text's last block_size tokens, with each token's text for labels. */
export interface InspectResult extends Inspection {
  tokens: string[];
  /** Text of every vocabulary id, for labelling logit-lens cells and candidates. */
  vocab: string[];
}

/** One token's embedding and one attention cell, explained (see src/analysis/concepts.ts). */
export interface ConceptsQuery extends ConceptsAt {
  text: string;
  /** Query position within the inspected (cropped) context. */
  position: number;
  headMask?: number[];
}

/** The numbers behind one attention cell and one prediction (analysis/concepts.ts). */
export type ConceptsResult = Concepts;

/** Which attention cell the Concepts panel explains, asked for together with an inspection. */
export interface ConceptsAt {
  /** Query position within the inspected (cropped) context; 'last' = its newest token. */
  position: number | 'last';
  layer: number;
  head: number;
  /** Key position; omitted (or after the query) = the most-attended key. */
  keyPosition?: number;
}

export interface InspectQuery {
  /** Per (layer·n_head + head): 1 on, 0 ablated. */
  headMask?: number[];
  /** Also explain this cell (the Concepts panel), in the same call. */
  concepts?: ConceptsAt;
  /** The text is the prompt and what was generated after it: an error names the prompt, as Step's does. */
  fromPrompt?: boolean;
}

/** Everything the see-inside panels need for one context, delivered as one message. */
export interface Inspected {
  result: InspectResult;
  concepts: ConceptsResult | null;
}

/** One generation step as the panels teach it: draw from the distribution shown, append, inspect again. */
export interface StepQuery extends InspectQuery {
  /** The text so far (prompt + output); empty starts from a newline as generation does. */
  context: string;
  /** The draw uses one uniform from Rng(sampling.seed), the same u the next-token panel shows. */
  sampling: SamplingSettings;
}

export interface Stepped extends Inspected {
  /** The appended token's id and text. */
  id: number;
  text: string;
}

export interface SaliencyQuery {
  /**
   * The inspection's own (cropped) context ids: the saliency explains what the panels show, not
   * the text as it is by the time the request is made (a newer generation may have replaced it).
   */
  ids: number[];
  /** Output position within that context. */
  position: number;
  token: number;
  method: SaliencyMethod;
  steps: number;
  headMask?: number[];
}

/** Attention on a fixed probe text, recorded at evaluation steps during training. */
export interface AttentionSnapshot {
  step: number;
  tokens: string[];
  /** (L, nh, T, T) as in Inspection.attention. */
  attention: Float32Array;
}

export type TokenizerKind = 'char' | 'bpe';

export interface TokenizerChoice {
  kind: TokenizerKind;
  /** BPE only: target vocabulary size (256 + merges). */
  vocabSize?: number;
}

export interface CorpusStats {
  characters: number;
  vocabSize: number;
  tokens: number;
  trainTokens: number;
  valTokens: number;
  tokenizer: TokenizerKind;
  /** The first few hundred characters as tokens, for the tokens view. */
  preview: { id: number; text: string }[];
  /** BPE merges in order, as text ("␣t + he → ␣the"); empty for char. */
  merges: string[];
}

export interface ModelSpec {
  n_layer: number;
  n_head: number;
  n_embd: number;
  block_size: number;
  tied: boolean;
  dropout: number;
}

export interface ModelInfo extends ModelSpec {
  vocab_size: number;
  parameters: number;
  memoryBytes: number;
}

export interface TrainSettings {
  seed: number;
  learningRate: number;
  batchSize: number;
  maxSteps: number;
  /** Validation loss every this many steps. */
  evalInterval: number;
  /** Batches per validation estimate. */
  evalIters: number;
  /** A generated text sample every this many steps (0 = never). */
  sampleInterval: number;
  /** A fine-tune: its learning-rate schedule (short warmup, then held) counts from this step. */
  fineTuneFrom?: number;
}

/** What fine-tuning does with characters of the corpus the model's vocabulary lacks. */
export type VocabPolicy = 'extend' | 'drop';

/** A character and how often the corpus holds it. */
export interface CharCount {
  char: string;
  /** How the tokens view writes it: "␣", "↵", "<U+00A0>" for the invisible ones, else itself. */
  shown: string;
  count: number;
}

/** What a fine-tune of a model on the current corpus would meet, before it starts. */
export interface FineTunePlan {
  tokenizer: TokenizerKind;
  vocabSize: number;
  /** Corpus characters the vocabulary lacks, in code-point order; always empty for byte-level BPE. */
  missing: CharCount[];
  /** Code points in the corpus. */
  characters: number;
}

export interface FineTuneRequest {
  policy: VocabPolicy;
  seed: number;
  batchSize: number;
  /** Batches for the validation estimate before the first step. */
  evalIters: number;
}

/** The model and corpus as fine-tuning starts, measured before any step. */
export interface FineTuneStart {
  info: ModelInfo;
  stats: CorpusStats;
  step: number;
  /** Characters added to the vocabulary (extend), appended in this order. */
  added: string[];
  /** Characters taken out of the corpus (drop), with how many of each. */
  removed: CharCount[];
  /** The corpus text it trains on: without the removed characters (drop), else as it was. */
  text: string;
  /** Validation (and train) loss on the new text at the fine-tune's step 0, added to the history. */
  eval: EvalPoint;
  /** A fixed prompt from the new text, for greedy samples before and after (the page asks for them). */
  prompt: string;
  tokensPerChar: number;
}

export interface LossPoint {
  step: number;
  loss: number;
}

export interface EvalPoint {
  step: number;
  train: number;
  val: number;
}

/** Live tensors (count, bytes) and the wasm heap's size (null off wasm), read after a tick. */
export interface EngineMemory {
  tensors: number;
  tensorBytes: number;
  wasmHeapBytes: number | null;
}

export interface TrainProgress {
  step: number;
  maxSteps: number;
  /** New per-step training losses since the last report. */
  losses: LossPoint[];
  evals: EvalPoint[];
  tokensPerSec: number;
  elapsedMs: number;
  learningRate: number;
  /** Tokens per character of the corpus, to show loss in bits per character. */
  tokensPerChar: number;
  /** True while the first steps compile shaders / warm kernels. */
  warmingUp: boolean;
  memory: EngineMemory;
}

export type TrainStatus = 'idle' | 'training' | 'paused' | 'done' | 'error';

export interface TrainEvents {
  progress(p: TrainProgress): void;
  sample(step: number, text: string): void;
}

export interface TrainOutcome {
  status: TrainStatus;
  step: number;
  /** Why training stopped, when it was not the user's pause or reaching max steps. */
  error?: string;
}

export interface SamplingSettings {
  mode: 'greedy' | 'sample';
  temperature: number;
  topK: number;
  topP: number;
  seed: number;
}

/** Everything a reload needs to resume, as one checkpoint plus the history around it. */
export interface SessionSnapshot {
  corpus: string;
  tokenizer: TokenizerChoice;
  /** The model as a safetensors checkpoint (it carries the tokenizer and step). */
  checkpoint: Uint8Array;
  /** AdamW moments and step, so a resumed run continues exactly. */
  optimizer: {
    step: number;
    /** The step the moments started from (a fine-tune's fresh optimizer); absent: 0. */
    from?: number;
    m: Map<string, Float32Array>;
    v: Map<string, Float32Array>;
  } | null;
  /** The batch sampler's RNG state. */
  rngState: number | null;
  history: { losses: LossPoint[]; evals: EvalPoint[] };
  train: TrainSettings | null;
  elapsedMs: number;
}

/** How a checkpoint is taken in: with the history that came beside it. */
export interface ImportOptions {
  /** The loss curve shipped beside the checkpoint (the pretrained model's), drawn and kept. */
  history?: { losses: LossPoint[]; evals: EvalPoint[] };
  /** Leave the current corpus behind (it was only the default sample, not the person's text). */
  withoutCorpus?: boolean;
}

/** One backend's time for a training step of the current configuration (worker/measure.ts). */
export interface BackendFigure {
  name: BackendName;
  /** Null when it did not start, failed, or its warm-up alone took too long. */
  msPerStep: number | null;
  /** A software GPU (SwiftShader, llvmpipe, a fallback adapter): correct, not fast. */
  software: boolean;
  error?: string;
  /** Not timed: a software GPU when only the backends worth choosing were timed (auto). */
  skipped?: boolean;
}

/** How a measurement runs: every backend (the Measure button) or only those worth choosing (auto). */
export interface MeasureOptions {
  /** Leave software GPUs untimed (reported as skipped): they train slower than wasm (TFJS-NOTES). */
  skipSoftware?: boolean;
}

/** What an autosave did: the record's size, or why nothing was written (the old record stays whole). */
export type SaveOutcome =
  | { saved: true; bytes: number }
  | { saved: false; reason: 'no-model' | 'storage-full' | 'failed'; message?: string };

export interface LoadedModel {
  info: ModelInfo;
  step: number;
  stats: CorpusStats | null;
  history: { losses: LossPoint[]; evals: EvalPoint[] };
}

export interface EngineApi {
  /** The heartbeat: answers at once unless the worker is stuck (app/supervisor.ts). */
  ping(): Promise<true>;
  /** Write the engine's messages (errors, progress) in this language from now on. */
  setLanguage(lang: Lang): Promise<void>;
  /** Time a training step of the model's configuration on each backend offered here, fastest first. */
  measureBackends(batchSize: number, options?: MeasureOptions): Promise<BackendFigure[]>;
  /**
   * Run on another backend from now on, keeping the session: the model's weights, optimizer state,
   * step, history and corpus move across (read out, rebuilt on the new backend). Not while training.
   */
  moveToBackend(request: BackendRequest): Promise<BackendInfo>;
  /** Pick and start the tfjs backend; `onGpuLost` hears when its GPU goes away (worker/gpu-loss.ts). */
  init(request: BackendRequest, onGpuLost?: (why: string) => void): Promise<BackendInfo>;
  /** Tokenize a corpus (BPE trains here, reporting progress). Keeps the old corpus if this throws. */
  setCorpus(
    text: string,
    tokenizer: TokenizerChoice,
    onProgress?: (done: number, total: number) => void,
  ): Promise<CorpusStats>;
  /** Build a fresh model for the current corpus. */
  buildModel(spec: ModelSpec, seed: number): Promise<ModelInfo>;
  describeModel(spec: ModelSpec): Promise<ModelInfo>;
  /**
   * What fine-tuning would meet on the current corpus: the characters the vocabulary lacks. Of the
   * current model, or of a model with tokenizer `base` (one not loaded yet: the shipped one).
   */
  fineTunePlan(base?: TokenizerJSON): Promise<FineTunePlan | null>;
  /**
   * Make the current model ready to fine-tune on the current corpus: the vocabulary policy applied
   * (new rows, or the characters dropped), a fresh optimizer, the validation loss before any step.
   * `train` with `fineTuneFrom` then runs it. Not while training.
   */
  prepareFineTune(request: FineTuneRequest): Promise<FineTuneStart>;
  /** Train until paused, done or failed; progress arrives through events. */
  train(settings: TrainSettings, events: TrainEvents): Promise<TrainOutcome>;
  pause(): Promise<void>;
  /** Tokenize text with the current tokenizer (throws naming characters outside the vocab). */
  encode(text: string): Promise<{ ids: number[]; tokens: string[] }>;
  /** Generate after the prompt, streaming each token's text; heads in `headMask` at 0 are ablated. */
  generate(
    prompt: string,
    count: number,
    sampling: SamplingSettings,
    onToken: (text: string, id: number) => void,
    headMask?: number[],
  ): Promise<string>;
  stopGenerating(): Promise<void>;
  exportCheckpoint(): Promise<Uint8Array>;
  /** A .zip that trains this model on this corpus in PyTorch (train.py, weights, ids, recipe: export/pytorch-bundle.ts). */
  exportPytorch(settings: TrainSettings): Promise<Uint8Array>;
  importCheckpoint(bytes: Uint8Array, options?: ImportOptions): Promise<LoadedModel>;
  /** Trace the model on a text: attention, logit lens, next-token logits (optionally with heads ablated), and the Concepts cell. */
  inspect(text: string, query?: InspectQuery): Promise<Inspected>;
  /**
   * Append one token drawn from the context's next-token distribution (with the head mask, as the
   * panels show it), then inspect the longer context: one traced forward per token.
   */
  step(query: StepQuery): Promise<Stepped>;
  /** Attention buffers of inspections the page no longer draws, for later inspections to be written into. */
  recycle(buffers: ArrayBuffer[]): Promise<void>;
  saliency(query: SaliencyQuery): Promise<Saliency>;
  /** Embedding, q·k → weight for one attention cell, and the logits at one position. */
  concepts(query: ConceptsQuery): Promise<ConceptsResult>;
  /** The lesson: token `id`'s embedding and its `k` nearest tokens by cosine similarity. */
  neighbours(id: number, k: number): Promise<EmbeddingNeighbours>;
  /** The lesson: one step of gradient descent on a batch of `text`, reported and undone. */
  stepDemo(text: string, learningRate: number): Promise<StepDemo>;
  /** The probe text whose attention is recorded while training, and the snapshots so far. */
  setProbe(text: string): Promise<void>;
  attentionHistory(): Promise<AttentionSnapshot[]>;
  /** Store the session and `extras` (the UI's part) under `key` in IndexedDB, from the worker. */
  autosave(key: string, extras: Record<string, unknown>): Promise<SaveOutcome>;
  restore(snapshot: SessionSnapshot): Promise<LoadedModel>;
}

/**
 * The fine-tune controls and the last fine-tune's results: the store's `fineTune` slice. Plain data;
 * app/fine-tune-actions.ts fills it, panels/Training/FineTune.tsx draws it.
 */
import type { CharCount, FineTunePlan, ModelInfo, VocabPolicy } from '../worker/api';

/**
 * Fine-tuning's learning rate: a tenth of the shipped baby model's pretraining 1e-3 (nanoGPT's
 * finetune_shakespeare takes 3e-5 for GPT-2's 6e-4), with fineTuneSchedule's 20-step warmup and
 * cosine to a tenth. Measured fine-tuning the shipped model 500 steps on new texts (batch 12,
 * validation over 10 batches, nats; wasm): 10k characters, 1e-4 1.91 → 1.58 where 3e-4 overfit
 * (1.57 at step 50, 1.95 at 500); 40k, 1e-4 1.87 → 1.59, 3e-4 → 1.63 (held at 3e-4: 1.68);
 * 100k, 3e-4 a little ahead (1.69 vs 1.71). A fresh baby model on the 40k text at its preset's
 * 1e-3: 4.21 → 2.11.
 */
export const FINE_TUNE_LR = 1e-4;
export const FINE_TUNE_STEPS = 500;
/** Tokens of the before/after greedy samples. */
export const FINE_TUNE_SAMPLE_TOKENS = 120;

/** A fine-tune started on the model `info` (the same object the store's `model` holds while it is current). */
export interface FineTuneRun {
  info: ModelInfo;
  from: number;
  /** Validation loss on the new text at the fine-tune's step 0. */
  startVal: number;
  /** ln(vocab): what a model that knows nothing scores. */
  freshVal: number;
  vocabBefore: number;
  added: string[];
  removed: CharCount[];
  prompt: string;
  /** The prompt's greedy continuation before any step; null until written. */
  before: string | null;
  /** The same prompt, greedy, when the run last stopped (and at which step); null until then. */
  after: { step: number; text: string } | null;
}

export interface FineTuneSlice {
  policy: VocabPolicy;
  learningRate: number;
  steps: number;
  /** What fine-tuning starts from: the model in the tab, or (it is new and untrained) the shipped one. */
  base: 'current' | 'pretrained';
  /** What the base model's vocabulary lacks of the current corpus; null without a corpus. */
  plan: FineTunePlan | null;
  run: FineTuneRun | null;
}

export const initialFineTune: FineTuneSlice = {
  policy: 'extend',
  learningRate: FINE_TUNE_LR,
  steps: FINE_TUNE_STEPS,
  base: 'current',
  plan: null,
  run: null,
};

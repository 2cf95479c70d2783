/**
 * The fine-tune controls and the last fine-tune's results: the store's `fineTune` slice. Plain data;
 * app/fine-tune-actions.ts fills it, panels/Training/FineTune.tsx draws it.
 */
import type { CharCount, FineTunePlan, ModelInfo, VocabPolicy } from '../worker/api';

/**
 * Fine-tuning's learning rate: a tenth of or less than the presets' pretraining ones (baby 1e-3,
 * nano 3e-3), as nanoGPT's finetune_shakespeare takes 3e-5 for GPT-2's 6e-4. Measured on the
 * shipped baby model and a new text (bench/NOTES.md): it lowers the validation loss in a few
 * hundred steps without first undoing what the model knew.
 */
export const FINE_TUNE_LR = 3e-4;
export const FINE_TUNE_STEPS = 500;
/** Tokens of the before/after greedy samples. */
export const FINE_TUNE_SAMPLE_TOKENS = 120;

/** A fine-tune started on the model `info` (the same object the store's `model` holds while it is current). */
export interface FineTuneRun {
  info: ModelInfo;
  from: number;
  learningRate: number;
  /** Validation loss on the new text at the fine-tune's step 0. */
  startVal: number;
  /** ln(vocab): what a model that knows nothing scores. */
  freshVal: number;
  vocabBefore: number;
  added: string[];
  removed: CharCount[];
  prompt: string;
  before: string;
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

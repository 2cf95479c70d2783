/** Model configuration, presets and size estimates. Names follow nanoGPT's GPTConfig. */
import { t } from '../i18n/i18n';

export interface GPTConfig {
  n_layer: number;
  n_head: number;
  n_embd: number;
  block_size: number;
  vocab_size: number;
  /** Biases in Linear layers and LayerNorms, as nanoGPT's `bias`. */
  bias: boolean;
  /** lm_head shares its weight with wte (nanoGPT always ties; here it is a choice). */
  tied: boolean;
  dropout: number;
}

/** The architecture part of a preset; vocab_size comes from the tokenizer. */
export type ModelShape = Pick<GPTConfig, 'n_layer' | 'n_head' | 'n_embd' | 'block_size'>;

export interface Preset {
  id: string;
  label: string;
  shape: ModelShape;
  batch_size: number;
  learning_rate: number;
}

export const PRESETS: Record<string, Preset> = {
  nano: {
    id: 'nano',
    label: 'nano — 2 layers, 4 heads, 64 embd, block 32 (fast, for class demos)',
    shape: { n_layer: 2, n_head: 4, n_embd: 64, block_size: 32 },
    batch_size: 16,
    learning_rate: 3e-3,
  },
  baby: {
    id: 'baby',
    label: "baby — nanoGPT's CPU config: 4 layers, 4 heads, 128 embd, block 64",
    shape: { n_layer: 4, n_head: 4, n_embd: 128, block_size: 64 },
    batch_size: 12,
    learning_rate: 1e-3,
  },
  small: {
    id: 'small',
    label: 'small — 6 layers, 6 heads, 192 embd, block 128 (wants a GPU)',
    shape: { n_layer: 6, n_head: 6, n_embd: 192, block_size: 128 },
    batch_size: 16,
    learning_rate: 6e-4,
  },
  // nanoGPT's width and depth at half its context: a quarter of its attention cost per token.
  medium: {
    id: 'medium',
    label: "medium — nanoGPT's Shakespeare width and depth at block 128: 6 layers, 6 heads, 384 embd",
    shape: { n_layer: 6, n_head: 6, n_embd: 384, block_size: 128 },
    batch_size: 12,
    learning_rate: 1e-3,
  },
  /**
   * nanoGPT's config/train_shakespeare_char.py shape. Its recipe is batch 64, lr 1e-3, warmup 100,
   * min_lr 1e-4 (defaultSchedule gives the same warmup and floor from 2,000 steps on), dropout 0.2.
   * Batch 8 here: 64 needs ~7.6 GiB of tensors a step (trainingMemoryBytes), past wasm's 4 GiB heap.
   * Dropout 0, as every preset: the fused attention kernel has none (the composed paths keep
   * 4.5–6× its attention memory and run slower), and an hour in a tab (~350 steps at ~10 s a step,
   * bench/NOTES.md) sees under one epoch of Tiny Shakespeare, far from nanoGPT's ~80 epochs
   * (5,000 × 64 × 256 tokens) where 0.2 holds overfitting back.
   */
  shakespeare: {
    id: 'shakespeare',
    label: "shakespeare — nanoGPT's Shakespeare-char: 6 layers, 6 heads, 384 embd, block 256",
    shape: { n_layer: 6, n_head: 6, n_embd: 384, block_size: 256 },
    batch_size: 8,
    learning_rate: 1e-3,
  },
};

export function makeConfig(shape: ModelShape, vocab_size: number, extra: Partial<GPTConfig> = {}): GPTConfig {
  const config: GPTConfig = { ...shape, vocab_size, bias: true, tied: false, dropout: 0, ...extra };
  validateConfig(config);
  return config;
}

/** Throws a specific message for a config that cannot build a model. */
export function validateConfig(c: GPTConfig): void {
  const ints: (keyof GPTConfig)[] = ['n_layer', 'n_head', 'n_embd', 'block_size', 'vocab_size'];
  for (const key of ints) {
    const v = c[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      throw new RangeError(t('errors.config.positiveInteger', { key, value: String(v) }));
    }
  }
  if (c.n_embd % c.n_head !== 0) {
    throw new RangeError(t('errors.config.divisible', { embd: String(c.n_embd), heads: String(c.n_head) }));
  }
  if (!(c.dropout >= 0 && c.dropout < 1))
    throw new RangeError(t('errors.config.dropout', { value: String(c.dropout) }));
  if (typeof c.bias !== 'boolean' || typeof c.tied !== 'boolean') {
    throw new TypeError(t('errors.config.booleans'));
  }
}

/** Number of parameters, counting a tied lm_head once (as PyTorch's parameters() does). */
export function parameterCount(c: GPTConfig): number {
  const C = c.n_embd;
  const b = c.bias ? 1 : 0;
  const ln = C + b * C;
  const block =
    2 * ln + (C * 3 * C + b * 3 * C) + (C * C + b * C) + (C * 4 * C + b * 4 * C) + (4 * C * C + b * C);
  const head = c.tied ? 0 : C * c.vocab_size;
  return c.vocab_size * C + c.block_size * C + c.n_layer * block + ln + head;
}

/**
 * Floating-point operations of one training step, the backward pass as twice the forward:
 * 6 per parameter and token, plus attention's q·kᵀ and att·v (4·B·T²·C a layer, forward).
 */
export function trainingStepFlops(c: GPTConfig, batch: number): number {
  const tokens = batch * c.block_size;
  return 6 * parameterCount(c) * tokens + 12 * c.n_layer * tokens * c.block_size * c.n_embd;
}

/**
 * Which attention code a training step runs (attention.ts), which sets what the step keeps alive:
 * the fused kernel (wasm SIMD, WebGL; heads of a multiple of 4 floats, no dropout), heads as
 * convolution channels (wasm otherwise) or as a batch of matMuls (cpu, WebGPU).
 */
export type AttentionPath = 'fused' | 'channels' | 'batched';

/** The path `backend` takes for this config; `backendFuses`: it has the fused attention kernel. */
export function attentionPath(c: GPTConfig, backend: string, backendFuses: boolean): AttentionPath {
  if (backendFuses && (c.n_embd / c.n_head) % 4 === 0 && c.dropout === 0) return 'fused';
  return backend === 'wasm' ? 'channels' : 'batched';
}

/**
 * Floats alive at a training step's peak, per (B·T·C) and per attention map (B, nh, T, T) of a
 * layer. Every tensor a step makes lives until the step's tf.tidy ends (tfjs frees the backward
 * pass's temporaries only then), so the peak is the sum of them all. Counted, not guessed: the peak
 * of live tensor buffers (memory-meter.ts) fitted over 19 shapes for each path in node (wasm with
 * and without the fused kernel, cpu), which every shape then matched to 0.5 %; memory.test.ts holds
 * two presets to 2 % on each backend. WebGL and WebGPU are unmeasured: they take their path's figures.
 */
const STEP_FLOATS: Record<AttentionPath, { btc: number; att: number }> = {
  fused: { btc: 43, att: 2 }, // q, k, v never split out; att kept once, its gradient once
  channels: { btc: 59, att: 12 },
  batched: { btc: 55, att: 9 },
};

/**
 * Bytes of tensors alive at the peak of a training step at batch size `batch`: 5 floats a parameter
 * (weight, gradient, AdamW's m and v, the transposed copy a matMul keeps), per layer 43–59 (B·T·C),
 * 2–12 attention maps and 8 (B·T) of LayerNorm statistics, 10 (B·T·V) for logits, softmax and their
 * gradients, 6 (B·T·C) for the embeddings and ln_f, 2 (T·T) for the causal mask. The wasm heap
 * holding them is larger (memory-fit.ts: wasmHeapBytes).
 */
export function trainingMemoryBytes(c: GPTConfig, batch: number, path: AttentionPath = 'batched'): number {
  const k = STEP_FLOATS[path];
  const T = c.block_size;
  const bt = batch * T;
  const btc = bt * c.n_embd;
  const perLayer = k.btc * btc + k.att * batch * c.n_head * T * T + 8 * bt;
  const floats = 5 * parameterCount(c) + c.n_layer * perLayer + 10 * bt * c.vocab_size + 6 * btc + 2 * T * T;
  return 4 * floats;
}

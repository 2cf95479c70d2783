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
 * Rough bytes needed to train: weights, gradients and two Adam moments (4 × params × 4 B),
 * plus the activations kept for backprop, dominated per layer by ~16 (B·T·C) tensors
 * and the (B, nh, T, T) attention maps.
 */
export function trainingMemoryBytes(c: GPTConfig, batch: number): number {
  const params = parameterCount(c) * 4 * 4;
  const btc = batch * c.block_size * c.n_embd;
  const att = batch * c.n_head * c.block_size * c.block_size;
  const logits = batch * c.block_size * c.vocab_size;
  return params + 4 * (c.n_layer * (16 * btc + 3 * att) + 3 * logits);
}

/**
 * Growing a trained GPT's vocabulary for fine-tuning: `added` new token rows at the end of the
 * token embedding (transformer.wte.weight) and of the head (lm_head.weight, when untied; a tied
 * head is wte itself), drawn N(0, 0.02) as nanoGPT's _init_weights draws every Embedding and
 * Linear weight. Every other weight is the very same array, so it stays bit-for-bit what it was.
 * Plain arrays, no TensorFlow.js: the caller builds the GPT from what this returns.
 */
import type { GPTConfig } from './config';
import { Rng } from './rng';

const INIT_STD = 0.02;

export interface Grown {
  config: GPTConfig;
  /** Weights in this engine's layout (wte (V+k, C); lm_head stored (C, V+k)). */
  weights: Map<string, Float32Array>;
}

/** k new rows of n values, N(0, 0.02), drawn row after row from one seeded stream. */
function newRows(k: number, n: number, rng: Rng): Float32Array {
  const out = new Float32Array(k * n);
  for (let i = 0; i < out.length; i++) out[i] = rng.normal() * INIT_STD;
  return out;
}

export function extendVocabulary(
  config: GPTConfig,
  weights: Map<string, Float32Array>,
  added: number,
  seed: number,
): Grown {
  if (!Number.isInteger(added) || added < 0) throw new RangeError(`cannot add ${added} tokens`);
  if (added === 0) return { config, weights };
  const { vocab_size: V, n_embd: C } = config;
  const rng = new Rng(seed);
  const out = new Map(weights); // the same arrays: only the two grown ones are replaced

  const wte = weights.get('transformer.wte.weight');
  if (!wte || wte.length !== V * C) throw new Error('transformer.wte.weight is not (vocab_size, n_embd)');
  const wteGrown = new Float32Array((V + added) * C); // (V+k, C): the new rows after the old
  wteGrown.set(wte);
  wteGrown.set(newRows(added, C, rng), V * C);
  out.set('transformer.wte.weight', wteGrown);

  if (!config.tied) {
    // PyTorch's (V, C) rows, stored here as (C, V): row v of the torch weight is column v.
    const head = weights.get('lm_head.weight');
    if (!head || head.length !== V * C) throw new Error('lm_head.weight is not (vocab_size, n_embd)');
    const rows = newRows(added, C, rng); // (k, C) in torch order
    const grown = new Float32Array(C * (V + added)); // (C, V+k)
    for (let c = 0; c < C; c++) {
      grown.set(head.subarray(c * V, (c + 1) * V), c * (V + added));
      for (let j = 0; j < added; j++) grown[c * (V + added) + V + j] = rows[j * C + c];
    }
    out.set('lm_head.weight', grown);
  }
  return { config: { ...config, vocab_size: V + added }, weights: out };
}

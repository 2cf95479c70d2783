/**
 * One traced forward pass → everything the panels draw: attention maps, the logit lens and
 * the next-token logits. The lens applies the model's own head (ln_f then lm_head) to the
 * residual stream after the embeddings and after each block, so its last layer *is* the
 * model's output.
 */
import * as tf from '@tensorflow/tfjs';
import { type GPT, headMaskTensor } from '../model/gpt';
import { readInto } from '../model/readback';
import type { BufferPool } from './buffer-pool';
import type { Inspection } from './types';

export interface InspectOptions {
  /** (n_layer·n_head) head multipliers, 0 ablates a head; omitted = all heads on. */
  headMask?: number[];
  /** How many top tokens the logit lens keeps per cell. */
  lensK?: number;
  /**
   * Where the attention array's buffer comes from: buffers the page has handed back save a page
   * fault per 4 KB on first write (bench/NOTES.md try 27). Omitted: a new buffer of exactly its size.
   */
  buffers?: BufferPool;
}

export function contextIds(model: GPT, ids: ArrayLike<number>): number[] {
  const T = Math.min(ids.length, model.config.block_size);
  if (T === 0) throw new RangeError('nothing to inspect: the context is empty');
  return Array.from(ids).slice(ids.length - T);
}

export async function inspect(
  model: GPT,
  ids: ArrayLike<number>,
  opts: InspectOptions = {},
): Promise<Inspection> {
  const ctx = contextIds(model, ids);
  const T = ctx.length;
  const { n_layer, n_head, n_embd: C } = model.config;
  const k = Math.min(opts.lensK ?? 5, model.config.vocab_size);
  const [attention, lensProbs, lensIds, logits] = tf.tidy(() => {
    const idx = tf.tensor2d(ctx, [1, T], 'int32');
    const { logits, trace } = model.forward(idx, {
      trace: true,
      headMask: headMaskTensor(model, opts.headMask),
    });
    const att = tf.stack(trace!.attention.map((a) => tf.squeeze(a, [0]))); // (L, nh, T, T)
    const resid = tf.reshape(tf.stack(trace!.residual), [(n_layer + 1) * T, C]); // ((L+1)·T, C)
    // The top k on the device: 13 KB to read back instead of 83 (bench/NOTES.md, try 26).
    const { values, indices } = tf.topk(tf.softmax(model.head(resid)), k); // ((L+1)·T, k) each
    const last = tf.reshape(tf.slice(logits, [0, T - 1, 0], [1, 1, -1]), [-1]); // (V,)
    return [att, values, indices, last];
  });
  const n = attention.size; // L·nh·T²
  const room = n_layer * n_head * model.config.block_size ** 2; // the longest context's
  const buffer = opts.buffers?.take(4 * n, 4 * room) ?? new ArrayBuffer(4 * n);
  const out: Inspection = {
    ids: ctx,
    n_layer,
    n_head,
    attention: await readInto(attention, new Float32Array(buffer, 0, n)),
    lensIds: (await lensIds.data()) as Int32Array,
    lensProbs: (await lensProbs.data()) as Float32Array,
    lensK: k,
    logits: (await logits.data()) as Float32Array,
  };
  tf.dispose([attention, lensProbs, lensIds, logits]);
  return out;
}

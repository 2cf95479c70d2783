/** Autoregressive generation, one token at a time, context cropped to block_size as nanoGPT does. */
import * as tf from '@tensorflow/tfjs';
import { type GPT, headMaskTensor } from './gpt';
import type { Rng } from './rng';
import { type SamplingOptions, sampleToken } from './sample';
import { taskYielder } from './yield';

/** Logits (V,) of the next token after `context`, cropped to the last block_size tokens; heads ablated by `headMask`. */
export async function nextTokenLogits(
  model: GPT,
  context: ArrayLike<number>,
  headMask?: number[],
): Promise<Float32Array> {
  const T = Math.min(context.length, model.config.block_size);
  if (T === 0) throw new RangeError('the context is empty: give at least one token');
  const ids = Int32Array.from(Array.prototype.slice.call(context, context.length - T));
  const last = tf.tidy(() => {
    const idx = tf.tensor2d(ids, [1, T], 'int32');
    const { logits } = model.forward(idx, { headMask: headMaskTensor(model, headMask), lastOnly: true }); // (1, 1, V)
    return tf.reshape(logits, [-1]); // (V,)
  });
  const data = (await last.data()) as Float32Array;
  last.dispose();
  return data;
}

export interface GenerateOptions {
  /** Called as each token arrives; returning false stops. */
  onToken?: (id: number, index: number) => boolean | undefined;
  /** (n_layer·n_head) head multipliers, 0 ablates a head (as the panels' head mask). */
  headMask?: number[];
}

/** Generate `count` tokens after `prompt`. */
export async function generate(
  model: GPT,
  prompt: ArrayLike<number>,
  count: number,
  sampling: SamplingOptions,
  rng: Rng,
  { onToken, headMask }: GenerateOptions = {},
): Promise<number[]> {
  const context = Array.from(prompt);
  const out: number[] = [];
  const yieldTask = taskYielder(); // a big model's token takes ~1 s on a slow CPU (model/yield.ts)
  for (let i = 0; i < count; i++) {
    const id = sampleToken(await nextTokenLogits(model, context, headMask), sampling, rng);
    context.push(id);
    out.push(id);
    if (onToken?.(id, i) === false) break;
    await yieldTask();
  }
  return out;
}

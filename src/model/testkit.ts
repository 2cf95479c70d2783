/** Small builders shared by the engine's unit tests. */
import * as tf from '@tensorflow/tfjs';
import { type GPTConfig, makeConfig } from './config';
import { GPT } from './gpt';

export function tinyConfig(extra: Partial<GPTConfig> = {}): GPTConfig {
  return makeConfig({ n_layer: 2, n_head: 2, n_embd: 16, block_size: 8 }, 11, extra);
}

export function ids2d(rows: number[][]): tf.Tensor2D {
  return tf.tensor2d(rows, [rows.length, rows[0].length], 'int32');
}

/** Scalar loss of the model on (x, y), read synchronously (tests only). */
export function lossOf(model: GPT, x: number[][], y: number[][]): number {
  return tf.tidy(() => model.loss(ids2d(x), ids2d(y)).dataSync()[0]);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

export { GPT };

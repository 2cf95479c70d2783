/** Train/validation split and seeded random batches of (B, T) windows, as nanoGPT's get_batch. */
import type { Rng } from './rng';

export interface Split {
  train: Int32Array;
  val: Int32Array;
}

/** First 90% train, last 10% validation (nanoGPT's prepare.py). */
export function splitTokens(ids: Int32Array, valFraction = 0.1): Split {
  const n = Math.floor(ids.length * (1 - valFraction));
  return { train: ids.subarray(0, n), val: ids.subarray(n) };
}

export interface Batch {
  x: Int32Array; // (B, T) row-major
  y: Int32Array; // (B, T): x shifted by one
  B: number;
  T: number;
}

/** Smallest token count a split needs to yield one window of T plus its target. */
export function minTokensFor(T: number): number {
  return T + 1;
}

export function sampleBatch(data: Int32Array, B: number, T: number, rng: Rng): Batch {
  if (data.length < minTokensFor(T)) {
    throw new RangeError(`need at least ${minTokensFor(T)} tokens for block size ${T}, have ${data.length}`);
  }
  const x = new Int32Array(B * T);
  const y = new Int32Array(B * T);
  const span = data.length - T; // valid starts: 0 … len − T − 1
  for (let b = 0; b < B; b++) {
    const i = rng.int(span);
    x.set(data.subarray(i, i + T), b * T);
    y.set(data.subarray(i + 1, i + T + 1), b * T);
  }
  return { x, y, B, T };
}

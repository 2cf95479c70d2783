/** topK against tf.topk on random rows and on ties. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../model/rng';
import { topK } from './topk';

function reference(p: Float32Array, V: number, k: number) {
  return tf.tidy(() => {
    const t = tf.topk(tf.tensor2d(p, [p.length / V, V]), k);
    return { values: Array.from(t.values.dataSync()), indices: Array.from(t.indices.dataSync()) };
  });
}

describe('topK', () => {
  it('equals tf.topk: values largest first, with their indices', () => {
    const rng = new Rng(5);
    const [rows, V, k] = [7, 65, 5];
    const p = Float32Array.from({ length: rows * V }, () => rng.next());
    const ours = topK(p, V, k);
    const ref = reference(p, V, k);
    expect(Array.from(ours.lensProbs)).toEqual(ref.values);
    expect(Array.from(ours.lensIds)).toEqual(ref.indices);
  });

  it('keeps ties in index order and handles k = V', () => {
    const p = Float32Array.from([0.2, 0.5, 0.2, 0.1, 0.5, 0.2]); // one row, V 6
    expect(Array.from(topK(p, 6, 4).lensIds)).toEqual([1, 4, 0, 2]);
    expect(Array.from(topK(p, 6, 6).lensIds)).toEqual([1, 4, 0, 2, 5, 3]);
    expect(Array.from(topK(p, 6, 6).lensProbs)).toEqual(
      Array.from(Float32Array.from([0.5, 0.5, 0.2, 0.2, 0.2, 0.1])),
    );
  });
});

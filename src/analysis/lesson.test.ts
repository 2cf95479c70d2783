/** The lesson's two figures against independent computations on the same weights. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { GPT } from '../model/gpt';
import { lossOf, tinyConfig } from '../model/testkit';
import { embeddingNeighbours, passageBatch, stepDemo } from './lesson';

const ids = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4];

function model(seed: number): GPT {
  const m = GPT.create(tinyConfig(), seed);
  tf.tidy(() => {
    for (const v of m.trainable) v.assign(tf.add(v, tf.randomNormal(v.shape, 0, 0.1, 'float32', seed)));
  });
  return m;
}

const rows = (flat: number[], B: number, T: number) =>
  Array.from({ length: B }, (_, b) => flat.slice(b * T, (b + 1) * T));

describe('passageBatch', () => {
  it('cuts the passage into windows of block_size with targets shifted by one', () => {
    const { x, y, B, T } = passageBatch(ids, 8);
    expect([B, T]).toEqual([2, 8]);
    expect(x.slice(8, 16)).toEqual(ids.slice(8, 16));
    expect(y.slice(8, 16)).toEqual(ids.slice(9, 17));
  });
});

describe('stepDemo', () => {
  it('reports the batch loss, the steepest weight and its gradient as finite differences give them, and undoes the step', async () => {
    const m = model(3);
    const { x, y, B, T } = passageBatch(ids, m.config.block_size);
    const before = lossOf(m, rows(x, B, T), rows(y, B, T));
    const weightsBefore = [...m.params.values()].map((v) => Array.from(v.dataSync()));
    const tensors = tf.memory().numTensors;
    const lr = 0.05;
    const d = await stepDemo(m, ids, lr);
    expect(tf.memory().numTensors).toBe(tensors);
    expect([...m.params.values()].map((v) => Array.from(v.dataSync()))).toEqual(weightsBefore);
    expect(d.lossBefore).toBeCloseTo(before, 5);
    // ∂L/∂w of the reported weight by central differences on that one entry (PyTorch index → stored layout).
    const spec = m.specs.find((s) => s.name === d.weight.name)!;
    const [i, j] = d.weight.index;
    const flat =
      spec.torchShape.length === 1
        ? i
        : spec.linear
          ? j * spec.torchShape[0] + i
          : i * spec.torchShape[1] + j;
    const v = m.params.get(d.weight.name)!;
    const nudge = (eps: number) => {
      const data = v.dataSync().slice();
      data[flat] += eps;
      v.assign(tf.tensor(data, v.shape));
      const l = lossOf(m, rows(x, B, T), rows(y, B, T));
      data[flat] -= eps;
      v.assign(tf.tensor(data, v.shape));
      return l;
    };
    const eps = 1e-2;
    const numeric = (nudge(eps) - nudge(-eps)) / (2 * eps);
    expect(Math.abs(d.weight.grad - numeric)).toBeLessThan(0.02 * Math.abs(numeric) + 1e-3);
    expect(d.weight.before).toBeCloseTo(v.dataSync()[flat], 6);
    expect(d.weight.after).toBeCloseTo(d.weight.before - lr * d.weight.grad, 6);
    // A small step downhill lowers the loss by about η‖g‖² (first order).
    expect(d.lossAfter).toBeLessThan(d.lossBefore);
    expect(d.lossBefore - d.lossAfter).toBeCloseTo(lr * d.gradNorm ** 2, 1);
  });
});

describe('embeddingNeighbours', () => {
  it('ranks the other tokens by the cosine of their wte rows, computed here in float64', async () => {
    const m = model(5);
    const { vocab_size: V, n_embd: C } = m.config;
    const wte = m.params.get('transformer.wte.weight')!.dataSync();
    const row = (r: number) => Array.from(wte.subarray(r * C, (r + 1) * C));
    const cos = (a: number[], b: number[]) =>
      a.reduce((s, ai, c) => s + ai * b[c], 0) /
      Math.sqrt(a.reduce((s, ai) => s + ai * ai, 0) * b.reduce((s, bi) => s + bi * bi, 0));
    const expected = Array.from({ length: V }, (_, r) => r)
      .filter((r) => r !== 4)
      .map((r) => ({ id: r, cosine: cos(row(4), row(r)) }))
      .sort((a, b) => b.cosine - a.cosine)
      .slice(0, 3);
    const got = await embeddingNeighbours(m, 4, 3);
    expect(Array.from(got.vector)).toEqual(row(4));
    expect(got.neighbours.map((n) => n.id)).toEqual(expected.map((n) => n.id));
    for (const [k, n] of got.neighbours.entries()) expect(n.cosine).toBeCloseTo(expected[k].cosine, 5);
  });
});

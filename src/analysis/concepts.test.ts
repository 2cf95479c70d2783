/** The concepts read-out against independent computations on the same weights. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { GPT } from '../model/gpt';
import { maxAbsDiff, tinyConfig } from '../model/testkit';
import { concepts } from './concepts';
import { inspect } from './inspect';

function model(seed: number, extra = {}): GPT {
  const m = GPT.create(tinyConfig(extra), seed);
  tf.tidy(() => {
    for (const v of m.trainable) v.assign(tf.add(v, tf.randomNormal(v.shape, 0, 0.25, 'float32', seed)));
  });
  return m;
}
const ids = [3, 1, 4, 1, 5, 9, 2, 6];
const T = ids.length;

/** attention[layer] (1, nh, T, T) and residual[0] (1, T, C) from the model's own traced forward pass. */
function traced(m: GPT, headMask?: number[]) {
  return tf.tidy(() => {
    const mask = headMask ? tf.tensor2d(headMask, [m.config.n_layer, m.config.n_head]) : undefined;
    const { trace } = m.forward(tf.tensor2d([ids], [1, T], 'int32'), { trace: true, headMask: mask });
    return {
      attention: trace!.attention.map((a) => a.arraySync()[0]), // [layer][head][q][k]
      embeddings: trace!.residual[0].arraySync()[0], // [t][c]
    };
  });
}

describe('concepts', () => {
  it('returns the attention weight of the traced forward pass for every cell', async () => {
    for (const bias of [true, false]) {
      const m = model(bias ? 1 : 2, { bias });
      const t = traced(m);
      for (const layer of [0, 1])
        for (const head of [0, 1])
          for (const position of [0, 3, 7])
            for (let key = 0; key <= position; key += 2) {
              const c = await concepts(m, { ids, position, layer, head, keyPosition: key });
              expect(Math.abs(c.weight - t.attention[layer][head][position][key])).toBeLessThan(1e-5);
              expect(
                maxAbsDiff(c.weights, t.attention[layer][head][position].slice(0, position + 1)),
              ).toBeLessThan(1e-5);
            }
      m.dispose();
    }
  });

  it('scales the dot product of q and k by 1/√hs', async () => {
    const m = model(3);
    const hs = m.config.n_embd / m.config.n_head;
    const c = await concepts(m, { ids, position: 6, layer: 1, head: 1, keyPosition: 2 });
    expect(c.q.length).toBe(hs);
    expect(c.k.length).toBe(hs);
    const dot = Array.from(c.q).reduce((s, v, i) => s + v * c.k[i], 0);
    expect(c.dot).toBeCloseTo(dot, 10);
    expect(c.scaled).toBeCloseTo(dot / Math.sqrt(hs), 10);
    expect(c.scores[2]).toBeCloseTo(c.scaled, 5);
    m.dispose();
  });

  it('defaults the key to the most-attended one', async () => {
    const m = model(4);
    const t = traced(m);
    const row = t.attention[1][0][5].slice(0, 6);
    const c = await concepts(m, { ids, position: 5, layer: 1, head: 0 });
    expect(c.keyPosition).toBe(row.indexOf(Math.max(...row)));
    m.dispose();
  });

  it('gives the embedding as wte row + wpe row, equal to the residual input', async () => {
    const m = model(5);
    const t = traced(m);
    for (const position of [0, 4, 7]) {
      const c = await concepts(m, { ids, position, layer: 0, head: 0 });
      expect(c.token).toBe(ids[position]);
      expect(maxAbsDiff(c.embedding, t.embeddings[position])).toBeLessThan(1e-6);
      const sum = c.tokenEmbedding.map((v, i) => v + c.positionEmbedding[i]);
      expect(maxAbsDiff(sum, c.embedding)).toBe(0);
    }
    m.dispose();
  });

  it('follows the head mask as inspect() does, and gives that position’s logits', async () => {
    const m = model(6);
    const headMask = [0, 1, 1, 1]; // layer 0, head 0 off: changes layer 1's input
    const r = await inspect(m, ids, { headMask });
    const c = await concepts(m, { ids, position: T - 1, layer: 1, head: 1, keyPosition: 3, headMask });
    const nh = 2;
    expect(Math.abs(c.weight - r.attention[((1 * nh + 1) * T + T - 1) * T + 3])).toBeLessThan(1e-5);
    expect(maxAbsDiff(c.logits, r.logits)).toBeLessThan(1e-5);
    const full = await concepts(m, { ids, position: T - 1, layer: 1, head: 1, keyPosition: 3 });
    expect(Math.abs(full.weight - c.weight)).toBeGreaterThan(1e-6);
    m.dispose();
  });

  it('rejects positions outside the context and keys after the query', async () => {
    const m = model(7);
    await expect(concepts(m, { ids, position: T, layer: 0, head: 0 })).rejects.toThrow(/position/);
    await expect(concepts(m, { ids, position: 2, layer: 0, head: 0, keyPosition: 3 })).rejects.toThrow(/key/);
    await expect(concepts(m, { ids, position: 2, layer: 2, head: 0 })).rejects.toThrow(/layer/);
    m.dispose();
  });

  it('leaves no tensors behind', async () => {
    const m = model(8);
    await concepts(m, { ids, position: 7, layer: 1, head: 1 });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++)
      await concepts(m, { ids, position: i % T, layer: i % 2, head: 0, headMask: [1, 0, 1, 1] });
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });
});

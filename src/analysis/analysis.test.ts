/** Each analysis against an independent computation on the same weights. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { GPT } from '../model/gpt';
import { softmax } from '../model/sample';
import { maxAbsDiff, tinyConfig } from '../model/testkit';
import { BufferPool } from './buffer-pool';
import { inspect } from './inspect';
import { saliency } from './saliency';

/** A tiny model with weights large enough that every path matters. */
function model(seed: number): GPT {
  const m = GPT.create(tinyConfig(), seed);
  tf.tidy(() => {
    for (const v of m.trainable) v.assign(tf.add(v, tf.randomNormal(v.shape, 0, 0.25, 'float32', seed)));
  });
  return m;
}
const ids = [3, 1, 4, 1, 5, 9, 2, 6];

describe('attention maps', () => {
  it('are written into a recycled buffer with room for the longest context, the same numbers', async () => {
    const m = model(1);
    const expected = await inspect(m, ids);
    const pool = new BufferPool();
    const room = 2 * 2 * m.config.block_size ** 2 * 4;
    const recycled = new ArrayBuffer(room);
    new Float32Array(recycled).fill(7); // what an earlier inspection left in it
    pool.give([recycled]);
    const r = await inspect(m, ids, { buffers: pool });
    expect(r.attention.buffer).toBe(recycled);
    expect(Array.from(r.attention)).toEqual(Array.from(expected.attention));
    expect(pool.size).toBe(0);
    // With nothing to recycle, a new buffer is made with room for the longest context.
    expect((await inspect(m, ids, { buffers: pool })).attention.buffer.byteLength).toBe(room);
    m.dispose();
  });

  it('have rows summing to 1 and exact zeros above the diagonal', async () => {
    const m = model(1);
    const r = await inspect(m, ids);
    const T = ids.length;
    expect(r.attention.length).toBe(2 * 2 * T * T);
    for (let lh = 0; lh < 4; lh++) {
      for (let q = 0; q < T; q++) {
        let sum = 0;
        for (let k = 0; k < T; k++) {
          const a = r.attention[(lh * T + q) * T + k];
          if (k > q) expect(a).toBe(0);
          sum += a;
        }
        expect(sum).toBeCloseTo(1, 5);
      }
    }
    m.dispose();
  });
});

describe('logit lens', () => {
  it('its last layer equals the model output distribution', async () => {
    const m = model(2);
    const r = await inspect(m, ids, { lensK: 11 });
    const T = ids.length;
    const logits = tf.tidy(() => m.forward(tf.tensor2d([ids], [1, T], 'int32')).logits.arraySync()[0]);
    for (let t = 0; t < T; t++) {
      const p = softmax(logits[t]);
      const base = ((2 * T + t) * 11) as number; // layer L = 2
      for (let j = 0; j < 11; j++) expect(r.lensProbs[base + j]).toBeCloseTo(p[r.lensIds[base + j]], 5);
      expect(r.lensIds[base]).toBe(p.indexOf(Math.max(...p)));
    }
    expect(maxAbsDiff(r.logits, logits[T - 1])).toBeLessThan(1e-6);
    m.dispose();
  });
});

describe('saliency', () => {
  it('is exactly zero after the output position (both methods)', async () => {
    const m = model(3);
    for (const method of ['grad-x-input', 'integrated-gradients'] as const) {
      const s = await saliency(m, { ids, position: 4, token: 7, method, steps: 8 });
      for (let i = 5; i < ids.length; i++) expect(s.scores[i]).toBe(0);
      expect(s.scores.slice(0, 5).some((v) => Math.abs(v) > 1e-6)).toBe(true);
    }
    m.dispose();
  });

  it('integrated gradients sum to the logit difference from the baseline', async () => {
    const m = model(4);
    const s = await saliency(m, { ids, position: 7, token: 2, method: 'integrated-gradients', steps: 256 });
    const total = s.scores.reduce((a, b) => a + b, 0);
    const diff = s.logit - s.baselineLogit;
    expect(Math.abs(diff)).toBeGreaterThan(0.1);
    expect(Math.abs(total - diff)).toBeLessThan(0.02 * Math.abs(diff) + 1e-3);
    m.dispose();
  });

  it('gradient × input matches a finite-difference directional derivative', async () => {
    const m = model(5);
    const s = await saliency(m, { ids, position: 6, token: 3, method: 'grad-x-input' });
    // d/dε z((1+ε)·e_i) at ε = 0 equals Σ_c ∂z/∂e_ic · e_ic: scale one token's embedding.
    const T = ids.length;
    const zAt = (i: number, eps: number) =>
      tf.tidy(() => {
        const e = m.embed(tf.tensor2d([ids], [1, T], 'int32'));
        const scale = tf.tensor3d(
          Array.from({ length: T }, (_, t) => (t === i ? 1 + eps : 1)),
          [1, T, 1],
        );
        const logits = m.forwardEmbedded(tf.mul(e, scale) as tf.Tensor3D).logits;
        return logits.arraySync()[0][6][3];
      });
    for (const i of [0, 3, 6]) {
      const fd = (zAt(i, 1e-2) - zAt(i, -1e-2)) / 2e-2;
      expect(Math.abs(fd - s.scores[i])).toBeLessThan(2e-3 + 0.02 * Math.abs(fd));
    }
    m.dispose();
  });
});

describe('head ablation', () => {
  it('changes the output exactly as recomputing with that head’s c_proj inputs zeroed', async () => {
    const m = model(6);
    const { n_head, n_embd } = m.config;
    const hs = n_embd / n_head;
    const mask = [1, 1, 0, 1]; // layer 1, head 0 off
    const ablated = await inspect(m, ids, { headMask: mask });
    const full = await inspect(m, ids);
    expect(maxAbsDiff(ablated.logits, full.logits)).toBeGreaterThan(1e-3);
    // Independent: zero the rows of layer 1's attn.c_proj weight (stored (in, out)) that read head 0.
    const w = m.params.get('transformer.h.1.attn.c_proj.weight')!;
    const saved = w.dataSync().slice();
    const zeroed = saved.slice();
    zeroed.fill(0, 0, hs * n_embd);
    tf.tidy(() => w.assign(tf.tensor(zeroed, w.shape)));
    const recomputed = await inspect(m, ids);
    tf.tidy(() => w.assign(tf.tensor(saved, w.shape)));
    expect(maxAbsDiff(ablated.logits, recomputed.logits)).toBeLessThan(1e-5);
    m.dispose();
  });

  it('leaves no tensors behind', async () => {
    const m = model(7);
    await inspect(m, ids);
    await saliency(m, { ids, position: 7, token: 1, method: 'integrated-gradients', steps: 4 });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      await inspect(m, ids, { headMask: [1, 0, 1, 1] });
      await saliency(m, { ids, position: 7, token: 1, method: 'integrated-gradients', steps: 4 });
    }
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });
});

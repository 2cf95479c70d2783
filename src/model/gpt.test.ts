import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { makeConfig } from './config';
import { Rng } from './rng';
import { GPT, ids2d, lossOf, tinyConfig } from './testkit';

const rows = (rng: Rng, B: number, T: number, V: number) =>
  Array.from({ length: B }, () => Array.from({ length: T }, () => rng.int(V)));

describe('GPT forward', () => {
  it('starts with a loss within 0.1 of ln(vocab)', () => {
    const config = makeConfig({ n_layer: 2, n_head: 4, n_embd: 64, block_size: 32 }, 65);
    const model = GPT.create(config, 1);
    const rng = new Rng(2);
    const loss = lossOf(model, rows(rng, 4, 32, 65), rows(rng, 4, 32, 65));
    expect(Math.abs(loss - Math.log(65))).toBeLessThan(0.1);
    model.dispose();
  });

  it('is causal: changing token j changes no logit before j', () => {
    const model = GPT.create(tinyConfig(), 3);
    const a = [[1, 2, 3, 4, 5, 6, 7, 8]];
    for (const j of [0, 3, 7]) {
      const b = [a[0].map((t, i) => (i === j ? (t + 5) % 11 : t))];
      const [la, lb] = [a, b].map((x) => tf.tidy(() => model.forward(ids2d(x)).logits.arraySync()[0]));
      for (let i = 0; i < 8; i++) {
        const diff = Math.max(...la[i].map((v, k) => Math.abs(v - lb[i][k])));
        if (i < j) expect(diff).toBe(0);
        else if (i === j) expect(diff).toBeGreaterThan(0);
      }
    }
    model.dispose();
  });

  it("lastOnly gives the last position's logits of each sequence, as the full forward does", () => {
    const model = GPT.create(tinyConfig(), 5);
    const x = [
      [1, 2, 3, 4, 5, 6],
      [6, 5, 4, 3, 2, 1],
    ];
    const [full, last] = tf.tidy(() => [
      model.forward(ids2d(x)).logits.arraySync(),
      model.forward(ids2d(x), { lastOnly: true }).logits.arraySync(),
    ]);
    expect(last.map((seq) => seq.length)).toEqual([1, 1]);
    for (let b = 0; b < 2; b++)
      full[b][5].forEach((v, k) => {
        expect(last[b][0][k]).toBeCloseTo(v, 5);
      });
    expect(() => model.forward(ids2d(x), { lastOnly: true, trace: true })).toThrow(/every position/);
    model.dispose();
  });

  it('traces attention (L of (B, nh, T, T)) and the residual stream (L+1 of (B, T, C))', () => {
    const model = GPT.create(tinyConfig(), 4);
    tf.tidy(() => {
      const { trace, logits } = model.forward(ids2d([[1, 2, 3, 4, 5]]), { trace: true });
      expect(logits.shape).toEqual([1, 5, 11]);
      expect(trace!.attention.map((t) => t.shape)).toEqual([
        [1, 2, 5, 5],
        [1, 2, 5, 5],
      ]);
      expect(trace!.residual.map((t) => t.shape)).toEqual([
        [1, 5, 16],
        [1, 5, 16],
        [1, 5, 16],
      ]);
      const att = trace!.attention[1].arraySync()[0][1];
      for (let q = 0; q < 5; q++) {
        expect(att[q].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
        for (let k = q + 1; k < 5; k++) expect(att[q][k]).toBe(0);
      }
    });
    model.dispose();
  });

  it('has gradients that match central finite differences', () => {
    const config = tinyConfig({ bias: true });
    const model = GPT.create(config, 5);
    // Larger weights than the 0.02 init, so every path carries gradient well above float32 noise.
    tf.tidy(() => {
      for (const v of model.trainable) v.assign(tf.add(v, tf.randomNormal(v.shape, 0, 0.3, 'float32', 9)));
    });
    const rng = new Rng(6);
    const x = rows(rng, 2, 8, 11);
    const y = rows(rng, 2, 8, 11);
    const { grads } = tf.variableGrads(() => model.loss(ids2d(x), ids2d(y)), model.trainable);
    const eps = 1e-2;
    let checked = 0;
    for (const [name, v] of model.params) {
      const g = grads[v.name].dataSync();
      const base = v.dataSync().slice();
      for (let trial = 0; trial < 2; trial++) {
        const i = rng.int(base.length);
        const at = (delta: number) => {
          const w = base.slice();
          w[i] += delta;
          tf.tidy(() => v.assign(tf.tensor(w, v.shape)));
          return lossOf(model, x, y);
        };
        const fd = (at(eps) - at(-eps)) / (2 * eps);
        tf.tidy(() => v.assign(tf.tensor(base, v.shape)));
        expect(Math.abs(fd - g[i]), `${name}[${i}] fd=${fd} grad=${g[i]}`).toBeLessThan(
          2e-3 + 0.03 * Math.abs(fd),
        );
        checked++;
      }
    }
    expect(checked).toBe(2 * model.params.size);
    tf.dispose(grads);
    model.dispose();
  });
});

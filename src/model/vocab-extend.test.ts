/** Growing the vocabulary keeps every weight, and a fine-tune's fresh optimizer and schedule count from its start. */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { AdamW } from './adamw';
import { variableFrom } from './ops';
import { initialWeights } from './params';
import { fineTuneSchedule, learningRateAt } from './schedule';
import { GPT, tinyConfig } from './testkit';
import { extendVocabulary } from './vocab-extend';

const std = (a: Float32Array) => {
  const mean = a.reduce((s, x) => s + x, 0) / a.length;
  return Math.sqrt(a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length);
};

describe('extendVocabulary', () => {
  const config = tinyConfig({ n_embd: 32 }); // vocab 11, C 32
  const weights = initialWeights(config, 5);
  const V = config.vocab_size;
  const C = config.n_embd;
  const k = 40;
  const grown = extendVocabulary(config, weights, k, 9);

  it('grows only vocab_size, and keeps every other weight as the very same array', () => {
    expect(grown.config).toEqual({ ...config, vocab_size: V + k });
    for (const [name, data] of weights) {
      if (name === 'transformer.wte.weight' || name === 'lm_head.weight') continue;
      expect(grown.weights.get(name)).toBe(data);
    }
    expect(grown.weights.size).toBe(weights.size);
  });

  it('appends new token rows to wte and the head, the old rows bit-for-bit, the new ones N(0, 0.02)', () => {
    const wte = grown.weights.get('transformer.wte.weight')!;
    expect(wte.length).toBe((V + k) * C);
    expect(wte.subarray(0, V * C)).toEqual(weights.get('transformer.wte.weight'));
    const newWte = wte.subarray(V * C);
    expect(std(newWte)).toBeGreaterThan(0.015);
    expect(std(newWte)).toBeLessThan(0.025);
    // lm_head is stored (C, V): each of its C rows gains k columns at the end.
    const head = grown.weights.get('lm_head.weight')!;
    const old = weights.get('lm_head.weight')!;
    const added = new Float32Array(C * k);
    for (let c = 0; c < C; c++) {
      expect(head.subarray(c * (V + k), c * (V + k) + V)).toEqual(old.subarray(c * V, (c + 1) * V));
      added.set(head.subarray(c * (V + k) + V, (c + 1) * (V + k)), c * k);
    }
    expect(std(added)).toBeGreaterThan(0.015);
    expect(std(added)).toBeLessThan(0.025);
    // A model builds from it, and its logits for the old tokens start where the old model's were.
    const before = new GPT(config, weights);
    const after = new GPT(grown.config, grown.weights);
    const idx = tf.tensor2d([[1, 2, 3, 4]], [1, 4], 'int32');
    const a = before.forward(idx).logits;
    const b = tf.slice(after.forward(idx).logits, [0, 0, 0], [1, 4, V]);
    expect(b.arraySync()).toEqual(a.arraySync());
    tf.dispose([idx, a, b]);
    before.dispose();
    after.dispose();
  });

  it('with a tied head, grows wte alone (the head is wte)', () => {
    const tied = tinyConfig({ tied: true });
    const w = initialWeights(tied, 1);
    const g = extendVocabulary(tied, w, 3, 2);
    expect(g.weights.has('lm_head.weight')).toBe(false);
    expect(g.weights.get('transformer.wte.weight')!.length).toBe((tied.vocab_size + 3) * tied.n_embd);
    const model = new GPT(g.config, g.weights);
    model.dispose();
  });

  it('adds nothing for 0 new tokens', () => {
    expect(extendVocabulary(config, weights, 0, 1).weights).toBe(weights);
  });
});

describe('a fine-tune’s optimizer and schedule', () => {
  it('a fresh AdamW started at step 3500 updates exactly as one started at 0 (bias correction from its start)', () => {
    const run = (start: number) => {
      const p = variableFrom(tf.tensor1d([0.5, -0.25, 1]), true);
      const opt = new AdamW(new Map([['w', p]]), () => true);
      opt.step = start;
      opt.from = start;
      for (const g of [
        [0.1, -0.2, 0.3],
        [0.05, 0.1, -0.1],
      ])
        tf.tidy(() => opt.apply({ [p.name]: tf.tensor1d(g) }, 1e-2));
      const out = Array.from(p.dataSync());
      opt.dispose();
      p.dispose();
      return out;
    };
    expect(run(3500)).toEqual(run(0));
  });

  it('warms up from the fine-tune’s own start, then decays to a tenth by its end', () => {
    const s = fineTuneSchedule(1e-4, 3500, 4000); // 500 steps: 20 of warmup
    expect(learningRateAt(3500, s)).toBeCloseTo(1e-4 / 21, 15);
    expect(learningRateAt(3519, s)).toBeCloseTo((1e-4 * 20) / 21, 15);
    expect(learningRateAt(3520, s)).toBeCloseTo(1e-4, 15);
    expect(learningRateAt(3760, s)).toBeCloseTo(0.55e-4, 15); // halfway through the decay
    expect(learningRateAt(4000, s)).toBeCloseTo(1e-5, 15);
  });
});

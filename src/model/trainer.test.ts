import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { splitTokens } from './batch';
import { generate } from './generate';
import { Rng } from './rng';
import { defaultSchedule, learningRateAt } from './schedule';
import { GPT, tinyConfig } from './testkit';
import { Trainer } from './trainer';

const corpus = (n: number, seed: number) => {
  const rng = new Rng(seed);
  return Int32Array.from({ length: n }, () => rng.int(11));
};

const lossesOf = (trainer: Trainer, steps: number) =>
  Array.from({ length: steps }, () => {
    const l = trainer.step();
    const v = l.dataSync()[0];
    l.dispose();
    return v;
  });

describe('Trainer', () => {
  it('overfits one batch to a loss below 0.05', () => {
    const model = GPT.create(tinyConfig(), 1);
    const trainer = new Trainer(model, splitTokens(corpus(400, 2)), {
      batchSize: 4,
      seed: 3,
      schedule: { learningRate: 1e-2, minLr: 1e-2, warmupIters: 0, decayIters: 1 },
      adamw: { beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay: 0, gradClip: 1 },
    });
    const batch = trainer.nextBatch();
    let loss = Infinity;
    for (let i = 0; i < 300 && loss >= 0.05; i++) {
      const l = trainer.step(batch);
      loss = l.dataSync()[0];
      l.dispose();
    }
    expect(loss).toBeLessThan(0.05);
    trainer.dispose();
    model.dispose();
  });

  it('repeats the same loss curve for the same seed, corpus and config', () => {
    const run = () => {
      const model = GPT.create(tinyConfig(), 7);
      const trainer = new Trainer(model, splitTokens(corpus(500, 8)), {
        batchSize: 4,
        seed: 9,
        schedule: defaultSchedule(3e-3, 10),
      });
      const losses = lossesOf(trainer, 10);
      trainer.dispose();
      model.dispose();
      return losses;
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a[9]).toBeLessThan(a[0]);
  });

  it('keeps the tensor count flat over 200 training steps and 200 generated tokens', async () => {
    const model = GPT.create(tinyConfig(), 11);
    const trainer = new Trainer(model, splitTokens(corpus(500, 12)), {
      batchSize: 4,
      seed: 13,
      schedule: defaultSchedule(1e-3, 200),
    });
    lossesOf(trainer, 2); // first step creates nothing lasting beyond the optimizer's moments
    const before = tf.memory().numTensors;
    lossesOf(trainer, 200);
    expect(tf.memory().numTensors).toBe(before);
    await trainer.estimateLoss(2);
    await generate(model, [1, 2, 3], 200, { mode: 'sample', temperature: 1, topK: 5, topP: 0.9 }, new Rng(1));
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    model.dispose();
  });

  it('leaves no tensor behind once a model and its optimizer are disposed (a reset or a new checkpoint)', () => {
    const before = tf.memory().numTensors;
    const model = GPT.create(tinyConfig(), 14);
    const trainer = new Trainer(model, splitTokens(corpus(500, 15)), {
      batchSize: 4,
      seed: 16,
      schedule: defaultSchedule(1e-3, 10),
    });
    lossesOf(trainer, 2);
    trainer.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('learning-rate schedule', () => {
  it('warms up linearly, then decays by cosine to min_lr (nanoGPT get_lr)', () => {
    const s = { learningRate: 1e-3, minLr: 1e-4, warmupIters: 10, decayIters: 110 };
    expect(learningRateAt(0, s)).toBeCloseTo(1e-3 / 11, 12);
    expect(learningRateAt(10, s)).toBeCloseTo(1e-3, 12);
    expect(learningRateAt(60, s)).toBeCloseTo(1e-4 + 0.5 * 9e-4, 12);
    expect(learningRateAt(500, s)).toBe(1e-4);
  });
});

/** The wasm backend (with the workarounds in ops.ts) computes what the cpu reference does. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../worker/backend.node';
import { splitTokens } from './batch';
import { Rng } from './rng';
import { defaultSchedule } from './schedule';
import { GPT, tinyConfig } from './testkit';
import { Trainer } from './trainer';

async function run(backend: 'cpu' | 'wasm') {
  await initNodeBackend(backend);
  const model = GPT.create(tinyConfig(), 31);
  const rng = new Rng(32);
  const data = Int32Array.from({ length: 400 }, () => rng.int(11));
  const trainer = new Trainer(model, splitTokens(data), {
    batchSize: 4,
    seed: 33,
    schedule: defaultSchedule(3e-3, 5),
  });
  const losses: number[] = [];
  for (let i = 0; i < 5; i++) {
    const l = trainer.step();
    losses.push((await l.data())[0]);
    l.dispose();
  }
  const logits = tf.tidy(() =>
    model.forward(tf.tensor2d([[1, 2, 3, 4, 5, 6, 7, 8]], [1, 8], 'int32')).logits.dataSync(),
  );
  trainer.dispose();
  model.dispose();
  return { losses, logits };
}

describe('backends agree', () => {
  afterAll(() => initNodeBackend('cpu'));

  it('wasm gives the same losses and logits as cpu from the same weights and batches', async () => {
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    expect(tf.getBackend()).toBe('wasm');
    for (let i = 0; i < 5; i++) expect(Math.abs(wasm.losses[i] - cpu.losses[i])).toBeLessThan(1e-4);
    let err = 0;
    for (let i = 0; i < cpu.logits.length; i++) err = Math.max(err, Math.abs(cpu.logits[i] - wasm.logits[i]));
    expect(err).toBeLessThan(1e-4);
  });
});

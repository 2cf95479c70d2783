/** The wasm backend (with the workarounds in ops.ts) computes what the cpu reference does. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../worker/backend.node';
import { splitTokens } from './batch';
import { mm } from './ops';
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

/** mm on a batched (P, M, K)·(P, K, N) product: value and both gradients under a fixed upstream gradient. */
function batchedProduct() {
  const rng = new Rng(7);
  const fill = (n: number) => Float32Array.from({ length: n }, () => rng.next() * 2 - 1);
  const [P, M, K, N] = [6, 5, 3, 4];
  return tf.tidy(() => {
    const a = tf.tensor3d(fill(P * M * K), [P, M, K]);
    const b = tf.tensor3d(fill(P * K * N), [P, K, N]);
    const w = tf.tensor3d(fill(P * M * N), [P, M, N]);
    const f = (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(mm(x, y), w));
    const { value, grads } = tf.valueAndGrads(f)([a, b]);
    return [mm(a, b).dataSync(), value.dataSync(), grads[0].dataSync(), grads[1].dataSync()].map((d) =>
      Array.from(d),
    );
  });
}

describe('backends agree', () => {
  afterAll(() => initNodeBackend('cpu'));

  it('a batched product (wasm: one depthwise convolution) and its gradients equal cpu matMul', async () => {
    await initNodeBackend('cpu');
    const cpu = batchedProduct();
    await initNodeBackend('wasm');
    const wasm = batchedProduct();
    for (let i = 0; i < cpu.length; i++) {
      expect(wasm[i].length).toBe(cpu[i].length);
      for (let j = 0; j < cpu[i].length; j++) expect(wasm[i][j]).toBeCloseTo(cpu[i][j], 5);
    }
  });

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

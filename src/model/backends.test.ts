/** The wasm backend (with the workarounds in ops.ts) computes what the cpu reference does. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../worker/backend.node';
import { batchedAttention, channelsAttention } from './attention';
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

/**
 * Attention in both layouts (heads as a batch; heads as convolution channels, wasm's) on one
 * backend: outputs, kept probabilities and the gradients for q, k, v under a fixed upstream gradient.
 */
function attentionBothWays(B: number) {
  const rng = new Rng(7 + B);
  const [T, nh, hs] = [5, 3, 4];
  const fill = (n: number) => Float32Array.from({ length: n }, () => rng.next() * 2 - 1);
  return tf.tidy(() => {
    const [q, k, v, w] = [0, 1, 2, 3].map(() => tf.tensor2d(fill(B * T * nh * hs), [B * T, nh * hs]));
    const mask = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), -1e9) as tf.Tensor2D;
    const headMask = tf.tensor1d([1, 0, 0.5]);
    return [batchedAttention, channelsAttention].map((attend) => {
      let att: number[] = [];
      const keep = (p: tf.Tensor) => {
        att = Array.from(p.dataSync());
      };
      const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
        tf.sum(tf.mul(attend(a, b, c, { B, T, nh, hs }, { mask, headMask, keep }), w));
      const { value, grads } = tf.valueAndGrads(f)([q, k, v]);
      return [Array.from(value.dataSync()), att, ...grads.map((g) => Array.from(g.dataSync()))];
    });
  });
}

describe('backends agree', () => {
  afterAll(() => initNodeBackend('cpu'));

  for (const backend of ['cpu', 'wasm'] as const)
    it(`attention laid out as convolution channels (wasm's) equals the batched layout, with gradients (${backend})`, async () => {
      await initNodeBackend(backend);
      for (const B of [1, 2]) {
        const [batched, channels] = attentionBothWays(B);
        for (let i = 0; i < batched.length; i++) {
          expect(channels[i].length).toBe(batched[i].length);
          for (let j = 0; j < batched[i].length; j++) expect(channels[i][j]).toBeCloseTo(batched[i][j], 5);
        }
        expect(batched[2].some((g) => Math.abs(g) > 1e-3)).toBe(true); // the gradients are not trivially 0
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

  it('wasm: training holds no more heap after its steps than before (Identity shares blocks, refcounted)', async () => {
    await initNodeBackend('wasm');
    const x = tf.tensor1d([1, 2, 3]);
    const y = tf.clone(x); // Identity: the same heap block, two references
    x.dispose();
    expect(Array.from(await y.data())).toEqual([1, 2, 3]);
    y.dispose();
    const blocks = () =>
      (tf.backend() as unknown as { dataIdMap: { numDataIds(): number } }).dataIdMap.numDataIds();
    const before = { ...tf.memory(), blocks: blocks() };
    await run('wasm');
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numBytes).toBe(before.numBytes);
    expect(blocks()).toBe(before.blocks);
  });
});

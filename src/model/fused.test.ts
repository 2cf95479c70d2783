/** The fused kernels' loops (js/kernels.ts) against the composed ops on cpu; wasm keeps the composed ops. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../worker/backend.node';
import { FUSED } from './fused';
import { checkFusedKernels } from './fused-check';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(['cpu', 'wasm'] as const)('fused kernels on %s', (backend) => {
  it('agree with the composed ops, and training with them follows the same losses', async () => {
    await initNodeBackend(backend);
    const before = tf.memory().numTensors;
    const check = await checkFusedKernels();
    expect(tf.memory().numTensors).toBe(before);
    expect(check.backend).toBe(backend);
    for (const [kernel, used] of Object.entries(check.fused)) {
      // cpu: all but the batched product (tfjs's own is fine there); wasm: none (its native kernels win).
      const expected = backend === 'cpu' && FUSED[kernel as keyof typeof FUSED] !== FUSED.batchedMatMul;
      expect(used, kernel).toBe(expected);
    }
    for (const [name, d] of Object.entries(check.diff)) expect(d, name).toBeLessThan(2e-5);
    check.losses.fused.forEach((loss, i) => {
      expect(loss).toBeCloseTo(check.losses.composed[i], 4);
    });
  });
});

/** The fused kernels against the composed ops: the loops of js/kernels.ts on cpu, wasm/kernels.ts on wasm. */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from '../worker/backend.node';
import { checkFusedKernels } from './fused-check';

/** cpu: the loops of js/kernels.ts; wasm: wasm/kernels.ts and its SIMD kernels (simd-kernels.ts). */
const EXPECTED = {
  cpu: (k: string) =>
    ![
      'batchedMatMul',
      'splitColumns',
      'maskedSoftmax',
      'maskedSoftmaxGrad',
      'transpose',
      'geluWithDerivative',
      'causalAttention',
      'causalAttentionGrad',
    ].includes(k),
  wasm: (k: string) =>
    !['gelu', 'geluGrad', 'maskedSoftmax', 'maskedSoftmaxGrad', 'batchedMatMul'].includes(k),
};

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
    for (const [kernel, used] of Object.entries(check.fused))
      expect(used, kernel).toBe(EXPECTED[backend](kernel));
    for (const [name, d] of Object.entries(check.diff)) expect(d, name).toBeLessThan(2e-5);
    check.losses.fused.forEach((loss, i) => {
      expect(loss).toBeCloseTo(check.losses.composed[i], 4);
    });
  });
});

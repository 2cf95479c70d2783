/**
 * Fused kernels: one pass for what composed tfjs ops do in several. A backend that has one
 * registered (webgl/kernels.ts) runs it; every other backend runs the composed ops, which are
 * also the reference the fused kernels are tested against (e2e/kernels.spec.ts, in Chromium).
 */
import * as tf from '@tensorflow/tfjs';
import './webgl/kernels';

export const FUSED = {
  /** x → x·Φ(x) */
  gelu: 'TinyGPTGelu',
  /** (dy, x) → dy·(Φ(x) + x·φ(x)) */
  geluGrad: 'TinyGPTGeluGrad',
  /** (m, g, coef), attrs beta, squared → β·m + (1 − β)·(coef·g)^(1 or 2) */
  adamMoment: 'TinyGPTAdamMoment',
  /** (p, m, v), attrs decay, stepSize, sqrtBc2, eps → p·decay − stepSize·m/(√v/√bc₂ + eps) */
  adamUpdate: 'TinyGPTAdamUpdate',
  /** (a (P, M, K), b (P, K, N)) → a·b, batched */
  batchedMatMul: 'TinyGPTBatchedMatMul',
} as const;

export type FusedKernel = (typeof FUSED)[keyof typeof FUSED];

/** Whether the active backend has this fused kernel. Set `TINYGPT_FUSED=false` to compare without. */
export function canFuse(name: FusedKernel): boolean {
  return fusedEnabled && tf.getKernel(name, tf.getBackend()) !== undefined;
}

let fusedEnabled = true;

/** Turn the fused kernels off (the bench and the kernel tests compare both paths). */
export function setFusedKernels(on: boolean): void {
  fusedEnabled = on;
}

/** Run a fused kernel on the active backend; one output. */
export function runFused(
  name: FusedKernel,
  inputs: Record<string, tf.Tensor>,
  attrs: Record<string, number | boolean> = {},
): tf.Tensor {
  return tf.engine().runKernel(name, inputs, attrs) as tf.Tensor;
}

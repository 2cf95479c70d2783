/**
 * Fused kernels: one pass for what composed tfjs ops do in several. Each backend registers only
 * those that measured faster on it (webgl/, wasm/, js/ for cpu); where a kernel is missing the model
 * runs the composed ops, which are also the reference the kernels are tested against
 * (fused-check.ts: fused.test.ts on cpu and wasm, e2e/kernels.spec.ts on Chromium's WebGL).
 */
import * as tf from '@tensorflow/tfjs';
import '../kernels/js/kernels';
import '../kernels/wasm/kernels';
import '../kernels/webgl/kernels';

export const FUSED = {
  /** x → x·Φ(x) */
  gelu: 'TinyGPTGelu',
  /** (dy, x) → dy·(Φ(x) + x·φ(x)) */
  geluGrad: 'TinyGPTGeluGrad',
  /** x → [x·Φ(x), Φ(x) + x·φ(x)]: GELU and its derivative in one pass (the gradient is one product) */
  geluWithDerivative: 'TinyGPTGeluWithDerivative',
  /** (m, g, coef), attrs beta, squared → β·m + (1 − β)·(coef·g)^(1 or 2) */
  adamMoment: 'TinyGPTAdamMoment',
  /** (p, m, v), attrs decay, stepSize, sqrtBc2, eps → p·decay − stepSize·m/(√v/√bc₂ + eps) */
  adamUpdate: 'TinyGPTAdamUpdate',
  /** x (N, C), attrs eps → (N, 2): each row's mean and 1/√(var + eps) */
  layerNormStats: 'TinyGPTLayerNormStats',
  /** (x, stats, g, b) → (x − mean)·rstd·g + b */
  layerNorm: 'TinyGPTLayerNorm',
  /** (dy, x, stats, g) → (N, 2): each row's mean(dy·g) and mean(dy·g·x̂) */
  layerNormRowGrad: 'TinyGPTLayerNormRowGrad',
  /** (dy, x, stats, g, rows) → LayerNorm's dx */
  layerNormInputGrad: 'TinyGPTLayerNormInputGrad',
  /** (dy[, x, stats]) → (C,): column sums of dy·x̂ (with x, stats) or of dy */
  columnSum: 'TinyGPTColumnSum',
  /** (s (P, T, T), mask (T, T)), attrs scale → softmax(s·scale + mask) over the last axis */
  maskedSoftmax: 'TinyGPTMaskedSoftmax',
  /** (att, datt), attrs scale → scale·att·(datt − Σ att·datt): the gradient for s */
  maskedSoftmaxGrad: 'TinyGPTMaskedSoftmaxGrad',
  /** x (N, parts·C), attrs parts → parts tensors (N, C), its columns in order */
  splitColumns: 'TinyGPTSplitColumns',
  /** (a (P, M, K), b (P, K, N)) → a·b, batched */
  batchedMatMul: 'TinyGPTBatchedMatMul',
  /**
   * qkv (B·T, 3C), attrs B, T, nh, scale → [y (B·T, C), att (B, nh, T, T)]: causal attention,
   * att = softmax(scale·q·kᵀ + causal mask), y = att·v with the heads merged
   */
  causalAttention: 'TinyGPTCausalAttention',
  /** (dy (B·T, C), qkv, att), attrs B, T, nh, scale → dqkv (B·T, 3C): its gradient */
  causalAttentionGrad: 'TinyGPTCausalAttentionGrad',
  /** x (R, C) → xᵀ (C, R), or each of a batch (P, R, C) → (P, C, R) */
  transpose: 'TinyGPTTranspose',
} as const;

export type FusedKernel = (typeof FUSED)[keyof typeof FUSED];

/** Whether the active backend has this fused kernel (and it is not switched off). */
export function canFuse(name: FusedKernel): boolean {
  return enabled(name) && tf.getKernel(name, tf.getBackend()) !== undefined;
}

let enabled: (name: FusedKernel) => boolean = () => true;

/** Use all fused kernels, none, or only those named (the kernel check and bench/fused.ts compare). */
export function setFusedKernels(use: boolean | readonly FusedKernel[]): void {
  enabled = typeof use === 'boolean' ? () => use : (name) => use.includes(name);
}

/** Run a fused kernel on the active backend; one output. */
export function runFused(
  name: FusedKernel,
  inputs: Record<string, tf.Tensor>,
  attrs: Record<string, number | boolean> = {},
): tf.Tensor {
  return tf.engine().runKernel(name, inputs, attrs) as tf.Tensor;
}

/** Run a fused kernel with several outputs. */
export function runFusedAll(
  name: FusedKernel,
  inputs: Record<string, tf.Tensor>,
  attrs: Record<string, number | boolean> = {},
): tf.Tensor[] {
  return tf.engine().runKernel(name, inputs, attrs) as tf.Tensor[];
}

/** x (N, parts·C) → its `parts` column blocks (N, C), fused where the backend has the kernel. */
export function splitColumns(x: tf.Tensor2D, parts: number): tf.Tensor2D[] {
  return (
    canFuse(FUSED.splitColumns) ? runFusedAll(FUSED.splitColumns, { x }, { parts }) : tf.split(x, parts, 1)
  ) as tf.Tensor2D[];
}

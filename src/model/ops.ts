/**
 * The few ops the GPT is built from, with gradients chosen for speed on every backend.
 *
 * wasm's matMul with transposeA/transposeB is 10–25× slower than a plain matMul, and the
 * built-in matMul gradient uses those flags (TFJS-NOTES pitfall 1), so `mm` transposes
 * explicitly in its gradient (WebGL's fused batched kernel reads a transposed operand in place;
 * wasm's transposes are SIMD kernels). Attention's batched products have a layout of their own on
 * wasm (attention.ts). Bias gradients are `sumRows`, fused where tfjs's own column sum is slow.
 * Embeddings are one-hot × matMul because wasm has no UnsortedSegmentSum for gather's gradient
 * (pitfall 3), and the one-hot is made as int32 then cast, because wasm's float32 oneHot is wrong
 * (pitfall 2).
 */
import * as tf from '@tensorflow/tfjs';
import { canFuse, FUSED, runFused, runFusedAll } from './fused';

/** Swap the last two axes of a 2-D or 3-D tensor (through the fused kernel where there is one). */
export function swapLast(x: tf.Tensor): tf.Tensor {
  if (canFuse(FUSED.transpose)) return runFused(FUSED.transpose, { x });
  return x.rank === 2 ? tf.transpose(x) : tf.transpose(x, [0, 2, 1]);
}

/** A variable holding `init`'s values; `init` is disposed (a variable shares its data, so a kept
 * initial tensor would hold the memory after the variable is gone). */
export function variableFrom(init: tf.Tensor, trainable: boolean, name?: string): tf.Variable {
  const v = tf.variable(init, trainable, name);
  init.dispose();
  return v;
}

/**
 * a @ b with either operand transposed. Batched products go through the fused kernel where there is
 * one (it reads a transposed operand in place); otherwise the transposes are explicit, never
 * matMul's flags (wasm's transposed matMul is 10–25× slower: TFJS-NOTES pitfall 1).
 */
function matMul(a: tf.Tensor, b: tf.Tensor, transposeA = false, transposeB = false): tf.Tensor {
  if (a.rank === 3 && canFuse(FUSED.batchedMatMul)) {
    return runFused(FUSED.batchedMatMul, { a, b }, { transposeA, transposeB });
  }
  return tf.matMul(transposeA ? swapLast(a) : a, transposeB ? swapLast(b) : b);
}

/** a @ b for (M, K)·(K, N) or batched (P, M, K)·(P, K, N); its gradient dy·bᵀ and aᵀ·dy. */
export const mm = tf.customGrad((a: tf.Tensor | tf.GradSaveFunc, b: tf.Tensor | tf.GradSaveFunc, save) => {
  const [A, B] = [a as tf.Tensor, b as tf.Tensor];
  (save as tf.GradSaveFunc)([A, B]);
  return {
    value: matMul(A, B),
    gradFunc: (dy: tf.Tensor, [sa, sb]: tf.Tensor[]) => [matMul(dy, sb, false, true), matMul(sa, dy, true)],
  };
}) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/** a·bᵀ for batched (P, M, K)·(P, N, K) (attention's q·kᵀ); its gradient dy·b and dyᵀ·a. */
export const mmNT = tf.customGrad((a: tf.Tensor | tf.GradSaveFunc, b: tf.Tensor | tf.GradSaveFunc, save) => {
  const [A, B] = [a as tf.Tensor, b as tf.Tensor];
  (save as tf.GradSaveFunc)([A, B]);
  return {
    value: matMul(A, B, false, true),
    gradFunc: (dy: tf.Tensor, [sa, sb]: tf.Tensor[]) => [matMul(dy, sb), matMul(dy, sa, true)],
  };
}) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/**
 * Whether tfjs is recording operations for a gradient (inside tf.grad, variableGrads, …): the test
 * tfjs's own fused ops make. Passes nothing will differentiate can take cheaper paths.
 */
export const recording = (): boolean => tf.engine().state.gradientDepth > 0;

/** x (N, in) @ w (in, out) + b (out). Weights are kept as (in, out) here and exported as PyTorch's (out, in). */
export function linear(x: tf.Tensor2D, w: tf.Tensor, b?: tf.Tensor): tf.Tensor2D {
  if (!b) return mm(x, w) as tf.Tensor2D;
  return (recording() ? affine(x, w, b) : affineValue(x, w, b)) as tf.Tensor2D;
}

/**
 * x·w + b as the fused kernel alone, for passes nothing differentiates: without tfjs's op around it
 * (three reshapes and a gradient scope) and affine's, a call costs ~7 µs instead of ~10–16 — a
 * token at full context runs 16 (bench/NOTES.md try 31).
 */
function affineValue(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const [M, K] = x.shape;
  const N = w.shape[1] as number;
  const attrs = { transposeA: false, transposeB: false, activation: 'linear' };
  const inputs = { a: tf.reshape(x, [1, M, K]), b: tf.reshape(w, [1, K, N]), bias: b };
  const y = tf.engine().runKernel('_FusedMatMul', inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
  return tf.reshape(y, [M, N]);
}

/** x·w + b as one kernel (tfjs's fused matMul), its gradient with explicit transposes as mm's and db = Σ rows dy. */
const affine = tf.customGrad(
  (x: tf.Tensor | tf.GradSaveFunc, w: tf.Tensor | tf.GradSaveFunc, b: tf.Tensor | tf.GradSaveFunc, save) => {
    const [X, W] = [x as tf.Tensor2D, w as tf.Tensor2D];
    (save as tf.GradSaveFunc)([X, W]);
    return {
      value: tf.fused.matMul({ a: X, b: W, bias: b as tf.Tensor }),
      gradFunc: (dy: tf.Tensor, [sx, sw]: tf.Tensor[]) => [
        matMul(dy, sw, false, true),
        matMul(sx, dy, true),
        sumRows(dy),
      ],
    };
  },
) as (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/**
 * Σ over the rows of x (…, C) → (C,): the gradient of a broadcast bias. Fused where the backend has
 * it (tfjs-wasm's Sum over axis 0 transposes first: wasm/kernels.ts).
 */
export function sumRows(x: tf.Tensor): tf.Tensor1D {
  const rows = tf.reshape(x, [-1, x.shape[x.rank - 1]]) as tf.Tensor2D;
  return (
    canFuse(FUSED.columnSum) ? runFused(FUSED.columnSum, { dy: rows }) : tf.sum(rows, 0)
  ) as tf.Tensor1D;
}

/**
 * Exact GELU, 0.5·x·(1 + erf(x/√2)), as PyTorch's nn.GELU() (not the tanh approximation), with
 * its closed-form gradient  Φ(x) + x·φ(x) = 0.5·(1 + erf(x/√2)) + x·exp(−x²/2)/√(2π). Composed,
 * the gradient reuses the forward's Φ(x); fused (one pass each way), it recomputes it from x.
 */
export const gelu = tf.customGrad((x: tf.Tensor | tf.GradSaveFunc, save) => {
  const X = x as tf.Tensor;
  if (canFuse(FUSED.geluWithDerivative)) {
    // One pass computes GELU and its derivative (one exp for both); the gradient is dy·d.
    const [y, d] = runFusedAll(FUSED.geluWithDerivative, { x: X });
    (save as tf.GradSaveFunc)([d]);
    return { value: y, gradFunc: (dy: tf.Tensor, [ds]: tf.Tensor[]) => tf.mul(dy, ds) };
  }
  if (canFuse(FUSED.gelu)) {
    (save as tf.GradSaveFunc)([X]);
    return {
      value: runFused(FUSED.gelu, { x: X }),
      gradFunc: (dy: tf.Tensor, [xs]: tf.Tensor[]) => runFused(FUSED.geluGrad, { dy, x: xs }),
    };
  }
  const cdf = tf.mul(tf.add(tf.erf(tf.mul(X, Math.SQRT1_2)), 1), 0.5); // Φ(x)
  (save as tf.GradSaveFunc)([X, cdf]);
  return {
    value: tf.mul(X, cdf),
    gradFunc: (dy: tf.Tensor, [xs, phi]: tf.Tensor[]) => {
      const pdf = tf.mul(tf.exp(tf.mul(tf.square(xs), -0.5)), 1 / Math.sqrt(2 * Math.PI)); // φ(x)
      return tf.mul(dy, tf.add(phi, tf.mul(xs, pdf)));
    },
  };
}) as <T extends tf.Tensor>(x: T) => T;

/** One-hot (N, depth) float32 rows for int32 ids (N,), safe on wasm. */
export function oneHotF32(ids: tf.Tensor, depth: number): tf.Tensor2D {
  return tf.cast(tf.oneHot(ids as tf.Tensor1D, depth), 'float32') as tf.Tensor2D;
}

/**
 * Mean cross-entropy of logits (N, V) against one-hot targets (N, V), with the fused
 * gradient (softmax − onehot) / N instead of autodiff through logSoftmax.
 */
export const crossEntropy = tf.customGrad(
  (logits: tf.Tensor | tf.GradSaveFunc, targets: tf.Tensor | tf.GradSaveFunc, save) => {
    const [z, t] = [logits as tf.Tensor2D, targets as tf.Tensor2D];
    const n = z.shape[0];
    const logp = tf.logSoftmax(z);
    (save as tf.GradSaveFunc)([logp, t]);
    return {
      value: tf.div(tf.neg(tf.sum(tf.mul(t, logp))), n),
      gradFunc: (dy: tf.Tensor, [lp, tt]: tf.Tensor[]) => [
        tf.mul(tf.sub(tf.exp(lp), tt), tf.div(dy, n)),
        tf.zerosLike(tt),
      ],
    };
  },
) as (logits: tf.Tensor2D, targets: tf.Tensor2D) => tf.Scalar;

/**
 * The sum of same-shaped tensors, as pairwise adds. Not tf.addN: on WebGPU (tfjs 4.22) it silently
 * adds only as many inputs as the adapter binds storage buffers at once (4 scalars on SwiftShader's
 * adapter; e2e/webgpu.spec.ts found it as an optimizer that did not clip).
 */
export function sumOf(ts: tf.Tensor[]): tf.Tensor {
  let level = ts;
  while (level.length > 1) {
    const next: tf.Tensor[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? tf.add(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

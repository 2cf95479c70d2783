/**
 * The few ops the GPT is built from, with gradients chosen for speed on every backend.
 *
 * wasm's matMul with transposeA/transposeB is 10–25× slower than a plain matMul, and the
 * built-in matMul gradient uses those flags (TFJS-NOTES pitfall 1), so `mm` transposes
 * explicitly in its gradient. Attention's batched products have a layout of their own on wasm
 * (attention.ts). Embeddings are one-hot × matMul because wasm has no UnsortedSegmentSum for
 * gather's gradient (pitfall 3), and the one-hot is made as int32 then cast, because wasm's
 * float32 oneHot is wrong (pitfall 2).
 */
import * as tf from '@tensorflow/tfjs';
import { canFuse, FUSED, runFused } from './fused';

/** Swap the last two axes of a 2-D or 3-D tensor. */
export function swapLast(x: tf.Tensor): tf.Tensor {
  return x.rank === 2 ? tf.transpose(x) : tf.transpose(x, [0, 2, 1]);
}

/** A variable holding `init`'s values; `init` is disposed (a variable shares its data, so a kept
 * initial tensor would hold the memory after the variable is gone). */
export function variableFrom(init: tf.Tensor, trainable: boolean, name?: string): tf.Variable {
  const v = tf.variable(init, trainable, name);
  init.dispose();
  return v;
}

/** a @ b, no transpose flags; batched products through the fused kernel where there is one. */
function matMul(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return a.rank === 3 && canFuse(FUSED.batchedMatMul)
    ? runFused(FUSED.batchedMatMul, { a, b })
    : tf.matMul(a, b);
}

/** a @ b for (M, K)·(K, N) or batched (P, M, K)·(P, K, N), with transposes made explicit in the gradient. */
export const mm = tf.customGrad((a: tf.Tensor | tf.GradSaveFunc, b: tf.Tensor | tf.GradSaveFunc, save) => {
  const [A, B] = [a as tf.Tensor, b as tf.Tensor];
  (save as tf.GradSaveFunc)([A, B]);
  return {
    value: matMul(A, B),
    gradFunc: (dy: tf.Tensor, [sa, sb]: tf.Tensor[]) => [matMul(dy, swapLast(sb)), matMul(swapLast(sa), dy)],
  };
}) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/** x (N, in) @ w (in, out) + b (out). Weights are kept as (in, out) here and exported as PyTorch's (out, in). */
export function linear(x: tf.Tensor2D, w: tf.Tensor, b?: tf.Tensor): tf.Tensor2D {
  const y = mm(x, w) as tf.Tensor2D;
  return b ? (tf.add(y, b) as tf.Tensor2D) : y;
}

/**
 * LayerNorm over the last axis, eps 1e-5 as PyTorch's nn.LayerNorm; biased variance. The gradient
 * is the closed form (10 kernels) instead of tfjs differentiating tf.moments (~60, most of them
 * copies), for the 9 LayerNorms of a baby step:
 *   x̂ = (x − μ)·r, r = 1/√(σ² + ε);  dx = r·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)), dx̂ = dy·g, dg = Σ dy·x̂.
 */
export function layerNorm<T extends tf.Tensor>(x: T, g: tf.Tensor, b?: tf.Tensor, eps = 1e-5): T {
  const even = x.shape.length === 2 && x.shape.every((d) => d % 2 === 0); // packed 2×2 texels, no padding
  if (even && canFuse(FUSED.layerNorm)) {
    return fusedLayerNorm(x, g, b ?? tf.zerosLike(g), eps) as T;
  }
  const scaled = normalizeScale(x, g, tf.scalar(eps));
  return (b ? tf.add(scaled, b) : scaled) as T;
}

/** The same LayerNorm in fused kernels (x (N, C), N and C even): 2 passes forward, 4 backward. */
function fusedLayerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor, eps: number): tf.Tensor {
  return tf.customGrad(
    (
      xs: tf.Tensor | tf.GradSaveFunc,
      gs: tf.Tensor | tf.GradSaveFunc,
      bs: tf.Tensor | tf.GradSaveFunc,
      save,
    ) => {
      const [X, G, Bs] = [xs as tf.Tensor, gs as tf.Tensor, bs as tf.Tensor];
      const stats = runFused(FUSED.layerNormStats, { x: X }, { eps }); // (N, 2): mean, rstd
      (save as tf.GradSaveFunc)([X, stats, G]);
      return {
        value: runFused(FUSED.layerNorm, { x: X, stats, g: G, b: Bs }),
        gradFunc: (dy: tf.Tensor, [sx, st, sg]: tf.Tensor[]) => {
          const rows = runFused(FUSED.layerNormRowGrad, { dy, x: sx, stats: st, g: sg });
          return [
            runFused(FUSED.layerNormInputGrad, { dy, x: sx, stats: st, g: sg, rows }),
            runFused(FUSED.columnSum, { dy, x: sx, stats: st }),
            runFused(FUSED.columnSum, { dy }),
          ];
        },
      };
    },
  )(x, g, b);
}

const normalizeScale = tf.customGrad(
  (
    x: tf.Tensor | tf.GradSaveFunc,
    g: tf.Tensor | tf.GradSaveFunc,
    eps: tf.Tensor | tf.GradSaveFunc,
    save,
  ) => {
    const [X, G] = [x as tf.Tensor, g as tf.Tensor];
    const centred = tf.sub(X, tf.mean(X, -1, true));
    const r = tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), eps as tf.Tensor));
    const xhat = tf.mul(centred, r);
    (save as tf.GradSaveFunc)([xhat, r, G]);
    return {
      value: tf.mul(xhat, G),
      gradFunc: (dy: tf.Tensor, [xh, rs, gs]: tf.Tensor[]) => {
        const dxhat = tf.mul(dy, gs);
        const inner = tf.sub(
          tf.sub(dxhat, tf.mean(dxhat, -1, true)),
          tf.mul(xh, tf.mean(tf.mul(dxhat, xh), -1, true)),
        );
        const dg = tf.reshape(tf.sum(tf.reshape(tf.mul(dy, xh), [-1, gs.size]), 0), gs.shape);
        return [tf.mul(inner, rs), dg, tf.zerosLike(eps as tf.Tensor)];
      },
    };
  },
) as (x: tf.Tensor, g: tf.Tensor, eps: tf.Tensor) => tf.Tensor;

/**
 * Exact GELU, 0.5·x·(1 + erf(x/√2)), as PyTorch's nn.GELU() (not the tanh approximation), with
 * its closed-form gradient  Φ(x) + x·φ(x) = 0.5·(1 + erf(x/√2)) + x·exp(−x²/2)/√(2π). Composed,
 * the gradient reuses the forward's Φ(x); fused (one pass each way), it recomputes it from x.
 */
export const gelu = tf.customGrad((x: tf.Tensor | tf.GradSaveFunc, save) => {
  const X = x as tf.Tensor;
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

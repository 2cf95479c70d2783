/**
 * LayerNorm over the last axis, as PyTorch's nn.LayerNorm (eps 1e-5, biased variance), with its
 * gradient in closed form instead of tfjs differentiating tf.moments (~60 kernels, most of them
 * copies). Where the backend has the fused kernels (webgl, wasm, cpu) it is 2 passes forward and 4
 * backward.
 */
import * as tf from '@tensorflow/tfjs';
import { canFuse, FUSED, runFused } from './fused';
import { sumRows } from './ops';

/**
 *   x̂ = (x − μ)·r, r = 1/√(σ² + ε);  dx = r·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)), dx̂ = dy·g, dg = Σ dy·x̂.
 * The fused kernels take (N, C); WebGL's only with N and C even (its packed 2×2 texels then hold no
 * padding), so a single row (generation's last position) runs them too on wasm and cpu.
 */
export function layerNorm<T extends tf.Tensor>(x: T, g: tf.Tensor, b?: tf.Tensor, eps = 1e-5): T {
  const bias = b ?? tf.zerosLike(g);
  const fits = x.shape.length === 2 && (tf.getBackend() !== 'webgl' || x.shape.every((d) => d % 2 === 0));
  if (fits && canFuse(FUSED.layerNorm)) return fusedLayerNorm(x, g, bias, eps) as T;
  return normalizeAffine(x, g, bias, tf.scalar(eps)) as T;
}

/** The same LayerNorm in fused kernels (x (N, C)): 2 passes forward, 4 backward. */
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
            sumRows(dy),
          ];
        },
      };
    },
  )(x, g, b);
}

/** Composed: (x − μ)·r·g + b, its gradient in closed form. */
const normalizeAffine = tf.customGrad(
  (
    x: tf.Tensor | tf.GradSaveFunc,
    g: tf.Tensor | tf.GradSaveFunc,
    b: tf.Tensor | tf.GradSaveFunc,
    eps: tf.Tensor | tf.GradSaveFunc,
    save,
  ) => {
    const [X, G] = [x as tf.Tensor, g as tf.Tensor];
    const centred = tf.sub(X, tf.mean(X, -1, true));
    const r = tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), eps as tf.Tensor));
    const xhat = tf.mul(centred, r);
    (save as tf.GradSaveFunc)([xhat, r, G]);
    return {
      value: tf.add(tf.mul(xhat, G), b as tf.Tensor),
      gradFunc: (dy: tf.Tensor, [xh, rs, gs]: tf.Tensor[]) => {
        const dxhat = tf.mul(dy, gs);
        const inner = tf.sub(
          tf.sub(dxhat, tf.mean(dxhat, -1, true)),
          tf.mul(xh, tf.mean(tf.mul(dxhat, xh), -1, true)),
        );
        return [tf.mul(inner, rs), sumRows(tf.mul(dy, xh)), sumRows(dy), tf.zerosLike(eps as tf.Tensor)];
      },
    };
  },
) as (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor, eps: tf.Tensor) => tf.Tensor;

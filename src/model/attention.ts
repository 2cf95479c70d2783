/**
 * Causal scaled dot-product attention over q, k, v of (B·T, C) split into nh heads of hs:
 *   att = softmax(q·kᵀ/√hs + causal mask), y = att·v, heads merged back to (B·T, C).
 *
 * Where the backend has the fused kernel (wasm with SIMD) it is one kernel forward and one backward,
 * straight from the qkv projection and over the causal triangle only (bench/NOTES.md, try 25).
 * Otherwise two layouts of the same arithmetic in tfjs ops. Most backends take the heads as a batch, (B·nh, T, hs), and
 * use batched matMuls. tfjs-wasm runs a batched matMul in a scalar loop (~2 GFLOP/s) while its
 * depthwise convolution goes through XNNPACK, so on wasm the heads are laid out as convolution
 * channels instead — (T, hs, P) and (hs, P, T) with P = B·nh — and each product is one depthwise
 * convolution (`headProduct`). That layout is also what q, k, v become with one transpose each, and
 * att·v comes out as (T, B, nh, hs), already merged for B = 1: 5 transposes a layer instead of 11
 * (bench/NOTES.md, try 10).
 */
import * as tf from '@tensorflow/tfjs';
import { canFuse, FUSED, runFused, runFusedAll, splitColumns } from './fused';
import { mm, mmNT, swapLast } from './ops';

export interface AttentionShape {
  B: number;
  T: number;
  nh: number;
  hs: number;
}

export interface AttentionHooks {
  /** Additive causal mask (T, T): 0 on and below the diagonal, a large negative number above. */
  mask: tf.Tensor2D;
  /** Applied to the attention probabilities before att·v: dropout, only while it is on. */
  dropout?: (att: tf.Tensor) => tf.Tensor;
  /** (nh,) multipliers on each head's output; 0 ablates a head. */
  headMask?: tf.Tensor;
  /** Receives the attention probabilities as (B, nh, T, T). */
  keep?: (att: tf.Tensor4D) => void;
}

/** y (B·T, C) from qkv (B·T, 3C), the c_attn projection: q, k, v side by side in nanoGPT's order. */
export function causalAttention(qkv: tf.Tensor2D, shape: AttentionShape, hooks: AttentionHooks): tf.Tensor2D {
  // The fused kernel's vectors take heads of a multiple of 4 floats; dropout needs att·v composed.
  if (!hooks.dropout && shape.hs % 4 === 0 && canFuse(FUSED.causalAttention))
    return fusedAttention(qkv, shape, hooks);
  const [q, k, v] = splitColumns(qkv, 3); // each (B·T, C)
  return (tf.getBackend() === 'wasm' ? channelsAttention : batchedAttention)(q, k, v, shape, hooks);
}

/** One kernel each way (its gradient is registered with it); att (B, nh, T, T) comes out with y. */
function fusedAttention(qkv: tf.Tensor2D, { B, T, nh, hs }: AttentionShape, hooks: AttentionHooks) {
  const attrs = { B, T, nh, scale: 1 / Math.sqrt(hs) };
  const [y, att] = runFusedAll(FUSED.causalAttention, { qkv }, attrs);
  hooks.keep?.(att as tf.Tensor4D);
  if (!hooks.headMask) return y as tf.Tensor2D;
  const heads = tf.mul(tf.reshape(y, [B * T, nh, hs]), tf.reshape(hooks.headMask, [1, nh, 1]));
  return tf.reshape(heads, [B * T, nh * hs]) as tf.Tensor2D;
}

/** y (B·T, C) from q, k, v (B·T, C). */
export type Attention = (
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  shape: AttentionShape,
  hooks: AttentionHooks,
) => tf.Tensor2D;

/** Heads as a batch: (B·nh, T, hs) products with batched matMuls. */
export const batchedAttention: Attention = (q, k, v, { B, T, nh, hs }, hooks) => {
  const heads = (t: tf.Tensor) =>
    tf.reshape(tf.transpose(tf.reshape(t, [B, T, nh, hs]), [0, 2, 1, 3]), [B * nh, T, hs]);
  const att = maskedSoftmax(mmNT(heads(q), heads(k)), hooks.mask, 1 / Math.sqrt(hs)); // (B·nh, T, T)
  hooks.keep?.(tf.reshape(att, [B, nh, T, T]));
  let y = tf.reshape(mm(hooks.dropout?.(att) ?? att, heads(v)), [B, nh, T, hs]);
  if (hooks.headMask) y = tf.mul(y, tf.reshape(hooks.headMask, [1, nh, 1, 1]));
  return tf.reshape(tf.transpose(y, [0, 2, 1, 3]), [B * T, nh * hs]) as tf.Tensor2D;
};

/** softmax(s·scale + mask) over the last axis of s (P, T, T): rows sum to 1, masked entries are exactly 0. */
export function maskedSoftmax(s: tf.Tensor, mask: tf.Tensor2D, scale: number): tf.Tensor {
  if (!canFuse(FUSED.maskedSoftmax)) return tf.softmax(tf.add(tf.mul(s, scale), mask));
  // Fused: two passes each way; the gradient needs only the output, ds = scale·att·(datt − Σ att·datt).
  return tf.customGrad((sv: tf.Tensor | tf.GradSaveFunc, mv: tf.Tensor | tf.GradSaveFunc, save) => {
    const att = runFused(FUSED.maskedSoftmax, { s: sv as tf.Tensor, mask: mv as tf.Tensor }, { scale });
    (save as tf.GradSaveFunc)([att]);
    return {
      value: att,
      gradFunc: (datt: tf.Tensor, [a]: tf.Tensor[]) => [
        runFused(FUSED.maskedSoftmaxGrad, { att: a, datt }, { scale }),
        tf.zerosLike(mv as tf.Tensor),
      ],
    };
  })(s, mask);
}

/** Heads as convolution channels (P = B·nh): each product one depthwise convolution. */
export const channelsAttention: Attention = (q, k, v, { B, T, nh, hs }, hooks) => {
  const P = B * nh;
  const split = (t: tf.Tensor) => tf.reshape(t, [B, T, nh, hs]);
  // B = 1 needs no transpose to bring T in front: a reshape moves nothing.
  const timeFirst = (t: tf.Tensor) => (B === 1 ? t : tf.transpose(t, [1, 0, 2, 3])); // (T, B, nh, ·)
  const qc = tf.reshape(tf.transpose(split(q), [1, 3, 0, 2]), [T, hs, P]) as tf.Tensor3D; // (M = T, K = hs, P)
  const kc = tf.reshape(tf.transpose(split(k), [3, 0, 2, 1]), [hs, P, T]) as tf.Tensor3D; // (K = hs, P, N = T)
  const mask = tf.reshape(hooks.mask, [T, 1, T]);
  const scores = tf.add(tf.mul(headProduct(qc, kc), 1 / Math.sqrt(hs)), mask); // (Tq, P, Tk)
  const att = tf.softmax(scores);
  if (hooks.keep) hooks.keep(tf.transpose(tf.reshape(att, [T, B, nh, T]), [1, 2, 0, 3]) as tf.Tensor4D);
  const ac = swapLast(hooks.dropout?.(att) ?? att) as tf.Tensor3D; // (M = Tq, K = Tk, P)
  const vc = tf.reshape(timeFirst(split(v)), [T, P, hs]) as tf.Tensor3D; // (K = Tk, P, N = hs)
  let y = tf.reshape(headProduct(ac, vc), [T, B, nh, hs]);
  if (hooks.headMask) y = tf.mul(y, tf.reshape(hooks.headMask, [1, 1, nh, 1]));
  return tf.reshape(timeFirst(y), [B * T, nh * hs]) as tf.Tensor2D;
};

/**
 * Per channel p, a[:, :, p] (M, K) @ b[:, p, :] (K, N), for a (M, K, P) and b (K, P, N) → (M, P, N):
 * one depthwise convolution of a as a (1, M, K, P) image with b as a 1×K filter of channel
 * multiplier N ('valid'), out[0, m, 0, p·N + n] = Σ_k a[m, k, p]·b[k, p, n]. Its gradients are the
 * same product in other layouts (tfjs-wasm has no depthwise-convolution gradient kernels):
 *   dA[m, k, p] = Σ_n dy[m, p, n]·b[k, p, n],   dB[k, p, n] = Σ_m a[m, k, p]·dy[m, p, n].
 */
export const headProduct = tf.customGrad(
  (a: tf.Tensor | tf.GradSaveFunc, b: tf.Tensor | tf.GradSaveFunc, save) => {
    const [A, Bf] = [a as tf.Tensor3D, b as tf.Tensor3D];
    (save as tf.GradSaveFunc)([A, Bf]);
    return {
      value: channelProduct(A, Bf),
      gradFunc: (dy: tf.Tensor, [sa, sb]: tf.Tensor[]) => [
        swapLast(channelProduct(swapLast(dy) as tf.Tensor3D, tf.transpose(sb, [2, 1, 0]) as tf.Tensor3D)),
        channelProduct(tf.transpose(sa, [1, 0, 2]) as tf.Tensor3D, dy as tf.Tensor3D),
      ],
    };
  },
) as (a: tf.Tensor3D, b: tf.Tensor3D) => tf.Tensor3D;

function channelProduct(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
  const [M, K, P] = a.shape;
  const N = b.shape[2];
  const image = tf.reshape(a, [1, M, K, P]) as tf.Tensor4D;
  const out = tf.depthwiseConv2d(image, tf.reshape(b, [1, K, P, N]) as tf.Tensor4D, 1, 'valid');
  return tf.reshape(out, [M, P, N]); // (1, M, 1, P·N)
}

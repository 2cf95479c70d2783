/**
 * Which input tokens drove one output logit. Both methods differentiate the chosen logit
 * with respect to the token embeddings (positions are kept), through the same forward code.
 *
 * - gradient × input: s_i = Σ_c ∂z/∂e_ic · e_ic
 * - integrated gradients (baseline: all-zero token embeddings, positions kept):
 *   s_i = Σ_c e_ic · mean_{α = (j+½)/m} ∂z/∂e_ic (α·e), so Σ_i s_i ≈ z(e) − z(0).
 * Causal attention makes ∂z/∂e_i exactly zero for tokens after the output position.
 */
import * as tf from '@tensorflow/tfjs';
import { type GPT, headMaskTensor } from '../model/gpt';
import { contextIds } from './inspect';
import type { Saliency, SaliencyMethod } from './types';

export interface SaliencyRequest {
  ids: ArrayLike<number>;
  /** Output position in the (cropped) context whose prediction is explained. */
  position: number;
  /** The token whose logit is explained (e.g. the predicted or the true next token). */
  token: number;
  method: SaliencyMethod;
  /** Integrated-gradients steps (midpoint rule). */
  steps?: number;
  headMask?: number[];
}

export async function saliency(model: GPT, req: SaliencyRequest): Promise<Saliency> {
  const ids = contextIds(model, req.ids);
  const T = ids.length;
  if (!(req.position >= 0 && req.position < T))
    throw new RangeError(`position ${req.position} is outside 0…${T - 1}`);
  const steps = req.method === 'integrated-gradients' ? Math.max(1, req.steps ?? 32) : 1;
  const [scores, logit, baseline] = tf.tidy(() => {
    const mask = headMaskTensor(model, req.headMask);
    const e = model.embed(tf.tensor2d(ids, [1, T], 'int32')); // (1, T, C)
    // Σ over the batch of the chosen logit: rows are independent, so its gradient holds each row's own.
    const z = (emb: tf.Tensor) => {
      const { logits } = model.forwardEmbedded(emb as tf.Tensor3D, { headMask: mask }); // (S, T, V)
      return tf.sum(tf.slice(logits, [0, req.position, req.token], [-1, 1, 1])) as tf.Scalar;
    };
    // The path α·e for α at the midpoints of `steps` equal intervals, as one batch (S, T, C).
    const alphas = tf.reshape(tf.tensor1d(Array.from({ length: steps }, (_, j) => (j + 0.5) / steps)), [
      steps,
      1,
      1,
    ]);
    const path = req.method === 'grad-x-input' ? e : tf.mul(alphas, e);
    const g = tf.mean(tf.grad(z)(path), 0, true); // (1, T, C): ∂z/∂e, averaged along the path for IG
    return [tf.reshape(tf.sum(tf.mul(g, e), -1), [T]), z(e), z(tf.zerosLike(e))];
  });
  const out: Saliency = {
    scores: (await scores.data()) as Float32Array,
    method: req.method,
    steps,
    logit: (await logit.data())[0],
    baselineLogit: (await baseline.data())[0],
  };
  tf.dispose([scores, logit, baseline]);
  return out;
}

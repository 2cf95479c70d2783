/**
 * AdamW exactly as torch.optim.AdamW (decoupled weight decay), with global-norm gradient
 * clipping as torch.nn.utils.clip_grad_norm_. Everything stays on the device: no GPU→CPU
 * read inside a step.
 */
import * as tf from '@tensorflow/tfjs';
import { canFuse, FUSED, runFused } from './fused';
import { sumOf, variableFrom } from './ops';

export interface AdamWOptions {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
  /** Clip the global gradient norm to this; 0 turns clipping off. */
  gradClip: number;
}

export const DEFAULT_ADAMW: AdamWOptions = {
  beta1: 0.9,
  beta2: 0.99,
  eps: 1e-8,
  weightDecay: 0.1,
  gradClip: 1,
};

export class AdamW {
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();
  /** Steps taken so far (PyTorch's `state['step']`). */
  step = 0;
  /**
   * The step these moments started from: a fresh optimizer on a model already trained `from` steps
   * (a fine-tune) bias-corrects by its own steps, step − from, as a new torch.optim.AdamW would.
   */
  from = 0;

  constructor(
    private readonly params: Map<string, tf.Variable>,
    private readonly decays: (name: string) => boolean,
    readonly options: AdamWOptions = DEFAULT_ADAMW,
  ) {
    for (const [name, p] of params) {
      this.m.set(name, variableFrom(tf.zerosLike(p), false));
      this.v.set(name, variableFrom(tf.zerosLike(p), false));
    }
  }

  /** Apply one update at learning rate lr; grads are keyed by tf variable name, as variableGrads returns them. Call inside tf.tidy. */
  apply(grads: tf.NamedTensorMap, lr: number): void {
    const { beta1, beta2, eps, weightDecay, gradClip } = this.options;
    this.step += 1;
    const bc1 = 1 - beta1 ** (this.step - this.from);
    const bc2 = 1 - beta2 ** (this.step - this.from);
    const coef = gradClip > 0 ? clipCoefficient(Object.values(grads), gradClip) : undefined;
    // Fused: three passes a parameter instead of ~14, one shader each for m, v and p.
    const fusedCoef =
      canFuse(FUSED.adamMoment) && canFuse(FUSED.adamUpdate) ? (coef ?? tf.scalar(1)) : undefined;
    for (const [name, p] of this.params) {
      const g = grads[p.name];
      if (!g) continue;
      const m = this.m.get(name)!;
      const v = this.v.get(name)!;
      const decay = this.decays(name) && weightDecay > 0 ? 1 - lr * weightDecay : 1;
      if (fusedCoef) {
        m.assign(runFused(FUSED.adamMoment, { m, g, coef: fusedCoef }, { beta: beta1, squared: false }));
        v.assign(runFused(FUSED.adamMoment, { m: v, g, coef: fusedCoef }, { beta: beta2, squared: true }));
        const attrs = { decay, stepSize: lr / bc1, sqrtBc2: Math.sqrt(bc2), eps };
        p.assign(runFused(FUSED.adamUpdate, { p, m, v }, attrs));
        continue;
      }
      const gc = coef ? tf.mul(g, coef) : g;
      m.assign(tf.add(tf.mul(m, beta1), tf.mul(gc, 1 - beta1)));
      v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(gc), 1 - beta2)));
      // PyTorch: p ← p·(1 − lr·wd); p ← p − (lr/bc1) · m / (√v/√bc2 + eps)
      const decayed = decay === 1 ? p : tf.mul(p, decay);
      const denom = tf.add(tf.div(tf.sqrt(v), Math.sqrt(bc2)), eps);
      p.assign(tf.sub(decayed, tf.mul(tf.div(m, denom), lr / bc1)));
    }
  }

  /** Moments by parameter name, for checkpoints that resume training exactly. */
  async readState(): Promise<{
    step: number;
    from: number;
    m: Map<string, Float32Array>;
    v: Map<string, Float32Array>;
  }> {
    const read = async (src: Map<string, tf.Variable>) => {
      const out = new Map<string, Float32Array>();
      for (const [k, t] of src) out.set(k, (await t.data()) as Float32Array);
      return out;
    };
    return { step: this.step, from: this.from, m: await read(this.m), v: await read(this.v) };
  }

  loadState(state: {
    step: number;
    from?: number;
    m: Map<string, Float32Array>;
    v: Map<string, Float32Array>;
  }): void {
    this.step = state.step;
    this.from = state.from ?? 0;
    for (const [src, dst] of [
      [state.m, this.m],
      [state.v, this.v],
    ] as const) {
      for (const [k, variable] of dst) {
        const data = src.get(k);
        if (data) tf.tidy(() => variable.assign(tf.tensor(data, variable.shape)));
      }
    }
  }

  dispose(): void {
    for (const t of [...this.m.values(), ...this.v.values()]) t.dispose();
  }
}

/** min(1, maxNorm / (‖g‖₂ + 1e-6)) over all gradients together, as a scalar tensor. */
export function clipCoefficient(grads: tf.Tensor[], maxNorm: number): tf.Scalar {
  const sq = sumOf(grads.map((g) => tf.sum(tf.square(g))));
  return tf.minimum(1, tf.div(maxNorm, tf.add(tf.sqrt(sq), 1e-6))) as tf.Scalar;
}

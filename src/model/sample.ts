/**
 * Turning next-token logits into a choice: greedy, temperature, top-k and top-p (nucleus).
 * Pure JS on a Float32Array of one position's logits, so every backend samples alike.
 */
import { t } from '../i18n/i18n';
import type { Rng } from './rng';

export interface SamplingOptions {
  mode: 'greedy' | 'sample';
  /** Divides the logits; → 0 approaches greedy. Below 1e-6 counts as greedy. */
  temperature: number;
  /** Keep the k most likely tokens; 0 keeps all. */
  topK: number;
  /** Keep the smallest set of most likely tokens whose probability reaches p; 1 keeps all. */
  topP: number;
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Softmax of logits / temperature, computed stably in float64. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const out = new Float64Array(logits.length);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp((logits[i] - max) / temperature);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/**
 * The distribution a sampler draws from: temperature-scaled softmax, then zero outside the
 * top-k, then zero outside the nucleus, renormalised. Greedy is a one-hot on the argmax.
 */
export function samplingDistribution(logits: ArrayLike<number>, o: SamplingOptions): Float64Array {
  const V = logits.length;
  if (o.mode === 'greedy' || o.temperature < 1e-6) {
    const p = new Float64Array(V);
    p[argmax(logits)] = 1;
    return p;
  }
  const p = softmax(logits, o.temperature);
  const order = Array.from({ length: V }, (_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
  let keep = o.topK > 0 ? Math.min(o.topK, V) : V;
  if (o.topP < 1) {
    // The nucleus: the fewest top tokens whose mass reaches topP (at least one).
    let mass = 0;
    let n = 0;
    while (n < keep && (n === 0 || mass < o.topP)) mass += p[order[n++]];
    keep = n;
  }
  const q = new Float64Array(V);
  let total = 0;
  for (let r = 0; r < keep; r++) total += p[order[r]];
  for (let r = 0; r < keep; r++) q[order[r]] = p[order[r]] / total;
  return q;
}

/** Draw from a distribution with one uniform number u ∈ [0, 1) (shared across rules in the panels). */
export function drawWithUniform(p: ArrayLike<number>, u: number): number {
  let acc = 0;
  let last = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] <= 0) continue;
    acc += p[i];
    last = i;
    if (u < acc) return i;
  }
  return last; // rounding left u just above the total mass
}

export function sampleToken(logits: ArrayLike<number>, o: SamplingOptions, rng: Rng): number {
  if (o.mode === 'greedy' || o.temperature < 1e-6) return argmax(logits);
  return drawWithUniform(samplingDistribution(logits, o), rng.next());
}

/** Throws on options no sampler can use, with the reason. */
export function validateSampling(o: SamplingOptions): void {
  if (!(o.temperature >= 0) || !Number.isFinite(o.temperature))
    throw new RangeError(t('errors.sampling.temperature'));
  if (!Number.isInteger(o.topK) || o.topK < 0) throw new RangeError(t('errors.sampling.topK'));
  if (!(o.topP > 0 && o.topP <= 1)) throw new RangeError(t('errors.sampling.topP'));
}

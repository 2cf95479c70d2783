/** Learning-rate schedule of nanoGPT's train.py: linear warmup, then cosine decay to min_lr. */

export interface LrSchedule {
  learningRate: number;
  minLr: number;
  warmupIters: number;
  decayIters: number;
}

export function learningRateAt(it: number, s: LrSchedule): number {
  if (it < s.warmupIters) return (s.learningRate * (it + 1)) / (s.warmupIters + 1);
  if (it > s.decayIters) return s.minLr;
  const ratio = (it - s.warmupIters) / Math.max(1, s.decayIters - s.warmupIters);
  const coeff = 0.5 * (1 + Math.cos(Math.PI * ratio));
  return s.minLr + coeff * (s.learningRate - s.minLr);
}

/** Sensible defaults for a run of maxSteps: 5% warmup (≤ 100), decay to lr/10 at the end. */
export function defaultSchedule(learningRate: number, maxSteps: number): LrSchedule {
  return {
    learningRate,
    minLr: learningRate / 10,
    warmupIters: Math.min(100, Math.max(1, Math.round(maxSteps * 0.05))),
    decayIters: Math.max(1, maxSteps),
  };
}

/** Learning-rate schedule of nanoGPT's train.py: linear warmup, then cosine decay to min_lr. */

export interface LrSchedule {
  learningRate: number;
  minLr: number;
  warmupIters: number;
  decayIters: number;
  /** The step the schedule counts from (a fine-tune starts at the model's step); 0 when absent. */
  startIter?: number;
}

export function learningRateAt(step: number, s: LrSchedule): number {
  const it = step - (s.startIter ?? 0);
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

/**
 * Fine-tuning from step `from` to `maxSteps`: a short linear warmup (5% of the run, at most 20
 * steps; the moments are fresh), then cosine to lr/10 at the end. nanoGPT's finetune_shakespeare
 * holds its rate instead; on the shipped model and a 40k-character new text, the held rate began
 * to overfit within 500 steps where the decayed one held its gain (store/fine-tune.ts).
 */
export function fineTuneSchedule(learningRate: number, from: number, maxSteps: number): LrSchedule {
  const steps = Math.max(1, maxSteps - from);
  return {
    learningRate,
    minLr: learningRate / 10,
    warmupIters: Math.min(20, Math.max(1, Math.round(steps * 0.05))),
    decayIters: steps,
    startIter: from,
  };
}

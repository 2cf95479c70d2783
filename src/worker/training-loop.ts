/**
 * The paced, cancellable training loop: steps in ticks of ~150 ms, losses read back once
 * per tick (a GPU→CPU read is a sync point), validation every evalInterval steps, a text
 * sample every sampleInterval, and a NaN guard that restores the last good weights.
 */
import type * as tf from '@tensorflow/tfjs';
import { formatNumber, t } from '../i18n/i18n';
import { Rng } from '../model/rng';
import { defaultSchedule, fineTuneSchedule } from '../model/schedule';
import type { Trainer } from '../model/trainer';
import type { EngineMemory, EvalPoint, LossPoint, TrainEvents, TrainOutcome, TrainSettings } from './api';

const TICK_MS = 150;
const WARMUP_STEPS = 2;

export interface LoopHost {
  trainer: Trainer;
  history: { losses: LossPoint[]; evals: EvalPoint[] };
  tokensPerChar: number;
  elapsedMs: number;
  /** Polled between ticks: true once the user pauses. */
  stopRequested(): boolean;
  /** Save weights and optimizer state as the last known good point. */
  checkpointGood(): Promise<void>;
  /** Go back to the last good point; returns its step. */
  restoreGood(): Promise<number>;
  sampleText(rng: Rng): Promise<string>;
  memory(): EngineMemory;
}

/** A number as JavaScript writes it (1000000, 1e-7: what the person typed), with the language's decimal sign. */
const asTyped = (n: number) => String(n).replace('.', formatNumber(0.5).charAt(1));

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runTraining(
  host: LoopHost,
  s: TrainSettings,
  events: TrainEvents,
): Promise<TrainOutcome> {
  const { trainer } = host;
  trainer.options.schedule =
    s.fineTuneFrom === undefined
      ? defaultSchedule(s.learningRate, s.maxSteps)
      : fineTuneSchedule(s.learningRate, s.fineTuneFrom, s.maxSteps);
  const tokensPerStep = s.batchSize * trainer.model.config.block_size;
  let stepsPerTick = 1;
  let rate = 0;
  let provisional = true;
  let warm = 0;
  await host.checkpointGood();

  const report = (losses: LossPoint[], evals: EvalPoint[]) =>
    events.progress({
      step: trainer.iteration,
      maxSteps: s.maxSteps,
      losses,
      evals,
      tokensPerSec: rate,
      elapsedMs: host.elapsedMs,
      learningRate: trainer.options.schedule.learningRate,
      tokensPerChar: host.tokensPerChar,
      warmingUp: warm < WARMUP_STEPS,
      memory: host.memory(),
    });
  report([], []);

  while (trainer.iteration < s.maxSteps) {
    if (host.stopRequested()) return { status: 'paused', step: trainer.iteration };
    const t0 = performance.now();
    const pending: { step: number; loss: tf.Scalar }[] = [];
    // A tick ends at the next validation step, so validation runs every evalInterval steps exactly.
    const toEval = s.evalInterval - (trainer.iteration % s.evalInterval);
    const n = Math.min(stepsPerTick, s.maxSteps - trainer.iteration, toEval);
    for (let i = 0; i < n; i++) pending.push({ step: trainer.iteration + 1, loss: trainer.step() });
    const losses: LossPoint[] = [];
    for (const p of pending) {
      losses.push({ step: p.step, loss: (await p.loss.data())[0] });
      p.loss.dispose();
    }
    const ms = performance.now() - t0;
    host.elapsedMs += ms;
    warm += n;
    // Throughput: a provisional figure from the warm-up steps (kernel compilation included), replaced by
    // the first steady measurement, then smoothed.
    const now = (n * tokensPerStep * 1000) / ms;
    if (warm <= WARMUP_STEPS) rate = rate === 0 ? now : rate;
    else if (provisional) {
      rate = now;
      provisional = false;
    } else rate = 0.7 * rate + 0.3 * now;
    stepsPerTick = Math.max(1, Math.min(50, Math.round((n * TICK_MS) / Math.max(ms, 1))));

    const bad = losses.find((l) => !Number.isFinite(l.loss));
    if (bad) {
      const back = await host.restoreGood();
      // Forget the losses of the steps just undone, so the history (and its autosave) matches the weights.
      const { losses: kept, evals: keptEvals } = host.history;
      while (kept.length > 0 && kept[kept.length - 1].step > back) kept.pop();
      while (keptEvals.length > 0 && keptEvals[keptEvals.length - 1].step > back) keptEvals.pop();
      return {
        status: 'error',
        step: back,
        error: t('errors.training.diverged', {
          loss: String(bad.loss),
          step: String(bad.step),
          lr: asTyped(s.learningRate),
          back: String(back),
        }),
      };
    }
    host.history.losses.push(...losses);

    const evals: EvalPoint[] = [];
    const step = trainer.iteration;
    if (step % s.evalInterval === 0 || step === s.maxSteps) {
      const est = await trainer.estimateLoss(s.evalIters);
      evals.push({ step, ...est });
      host.history.evals.push(...evals);
      await host.checkpointGood();
    }
    report(losses, evals);
    if (s.sampleInterval > 0 && losses.some((l) => l.step % s.sampleInterval === 0)) {
      events.sample(step, await host.sampleText(new Rng(s.seed + step)));
    }
    await nextFrame(); // let pause() and other calls in
  }
  return { status: 'done', step: trainer.iteration };
}

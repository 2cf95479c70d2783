/**
 * The training loop's one step and the loss estimate, on a GPT and a tokenised corpus.
 * Pacing, pausing and progress belong to the caller (the worker session).
 */
import * as tf from '@tensorflow/tfjs';
import { AdamW, type AdamWOptions, DEFAULT_ADAMW } from './adamw';
import { type Batch, type Split, sampleBatch } from './batch';
import type { GPT } from './gpt';
import { Rng } from './rng';
import { type LrSchedule, learningRateAt } from './schedule';
import { taskYielder } from './yield';

export interface TrainOptions {
  batchSize: number;
  schedule: LrSchedule;
  adamw?: AdamWOptions;
  seed: number;
}

export interface LossEstimate {
  train: number;
  val: number;
}

export class Trainer {
  readonly optimizer: AdamW;
  private rng: Rng;

  constructor(
    readonly model: GPT,
    /** The batches come from here; the session swaps it when the corpus changes under a trained model. */
    public data: Split,
    readonly options: TrainOptions,
  ) {
    const specs = new Map(model.specs.map((s) => [s.name, s]));
    this.optimizer = new AdamW(
      model.params,
      (n) => specs.get(n)?.decay ?? false,
      options.adamw ?? DEFAULT_ADAMW,
    );
    this.rng = new Rng(options.seed);
  }

  /** Steps done so far. */
  get iteration(): number {
    return this.optimizer.step;
  }

  nextBatch(): Batch {
    return sampleBatch(this.data.train, this.options.batchSize, this.model.config.block_size, this.rng);
  }

  /**
   * One AdamW step on the next batch. Returns the batch loss (before the update) as a
   * scalar the caller reads when it likes (a read is a GPU sync point) and then disposes.
   */
  step(batch: Batch = this.nextBatch()): tf.Scalar {
    const lr = learningRateAt(this.optimizer.step, this.options.schedule);
    return tf.tidy(() => {
      const x = tf.tensor2d(batch.x, [batch.B, batch.T], 'int32');
      const y = tf.tensor2d(batch.y, [batch.B, batch.T], 'int32');
      const { value, grads } = tf.variableGrads(
        () => this.model.loss(x, y, { training: true }),
        this.model.trainable,
      );
      this.optimizer.apply(grads, lr);
      return value;
    });
  }

  /** Mean loss over `iters` fixed batches of each split (the same batches every call, for a smooth curve). */
  async estimateLoss(iters: number): Promise<LossEstimate> {
    const T = this.model.config.block_size;
    const mean = async (data: Int32Array, seed: number) => {
      if (data.length < T + 1) return Number.NaN;
      const rng = new Rng(seed);
      const yieldTask = taskYielder();
      let total = 0;
      for (let i = 0; i < iters; i++) {
        const b = sampleBatch(data, this.options.batchSize, T, rng);
        const loss = tf.tidy(() =>
          this.model.loss(tf.tensor2d(b.x, [b.B, b.T], 'int32'), tf.tensor2d(b.y, [b.B, b.T], 'int32')),
        );
        total += (await loss.data())[0];
        loss.dispose();
        await yieldTask(); // a big model's validation takes minutes (model/yield.ts)
      }
      return total / iters;
    };
    return {
      train: await mean(this.data.train, this.options.seed + 1),
      val: await mean(this.data.val, this.options.seed + 2),
    };
  }

  /** The batch RNG's state, so a resumed run draws the same batches it would have. */
  get rngState(): number {
    return this.rng.snapshot;
  }

  set rngState(state: number) {
    this.rng = Rng.fromSnapshot(state);
  }

  dispose(): void {
    this.optimizer.dispose();
  }
}

/**
 * A trainer for a model that has had `step` steps: its optimizer counts on from there with fresh
 * moments, bias-corrected from that step as a new torch.optim.AdamW would be. The training loop
 * sets the learning-rate schedule of each run.
 */
export function trainerAt(
  model: GPT,
  data: Split,
  options: { batchSize: number; seed: number },
  step: number,
): Trainer {
  const schedule = { learningRate: 0, minLr: 0, warmupIters: 0, decayIters: 1 };
  const trainer = new Trainer(model, data, { ...options, schedule });
  trainer.optimizer.step = step;
  trainer.optimizer.from = step;
  return trainer;
}

/** Take `n` training steps and read each loss (one GPU→CPU read a step: for checks and timing, not the app's loop). */
export async function trainSteps(trainer: Trainer, n: number): Promise<number[]> {
  const losses: number[] = [];
  for (let i = 0; i < n; i++) {
    const loss = trainer.step();
    losses.push((await loss.data())[0]);
    loss.dispose();
  }
  return losses;
}

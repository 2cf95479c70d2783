/** The last known good weights and optimizer state, kept in memory so a NaN loss can be undone. */
import * as tf from '@tensorflow/tfjs';
import type { Trainer } from '../model/trainer';

export interface OptimizerState {
  step: number;
  /** The step the moments started from (a fine-tune's fresh optimizer); absent in older saves: 0. */
  from?: number;
  m: Map<string, Float32Array>;
  v: Map<string, Float32Array>;
}

interface Good {
  weights: Map<string, Float32Array>;
  optimizer: OptimizerState;
  rng: number;
}

export class Snapshots {
  private good: Good | null = null;

  async keep(trainer: Trainer): Promise<void> {
    this.good = {
      weights: await trainer.model.readWeights(),
      optimizer: await trainer.optimizer.readState(),
      rng: trainer.rngState,
    };
  }

  /** Put the trainer back to the kept point; returns its step. */
  async restore(trainer: Trainer): Promise<number> {
    const good = this.good;
    if (!good) return trainer.iteration;
    tf.tidy(() => trainer.model.setWeights(good.weights));
    trainer.optimizer.loadState(good.optimizer);
    trainer.rngState = good.rng;
    return good.optimizer.step;
  }

  clear(): void {
    this.good = null;
  }
}

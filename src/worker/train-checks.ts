/** What must hold before a model trains on a corpus: each failure says what to change. */
import type { TrainSettings } from './api';

/** Throws a message a person can act on when the corpus or the settings cannot train this model. */
export function checkTrainable(
  s: TrainSettings,
  blockSize: number,
  split: { train: ArrayLike<number>; val: ArrayLike<number> },
): void {
  const need = blockSize + 1;
  if (split.train.length < need || split.val.length < need) {
    throw new Error(
      `The corpus is too short: with block size ${blockSize}, its training and validation parts ` +
        `each need at least ${need} tokens (they have ${split.train.length} and ${split.val.length}). ` +
        'Add text or choose a smaller block size.',
    );
  }
  if (!(s.learningRate > 0 && Number.isFinite(s.learningRate)))
    throw new Error('The learning rate must be a positive number.');
  if (!(Number.isInteger(s.batchSize) && s.batchSize >= 1))
    throw new Error('The batch size must be a whole number ≥ 1.');
  if (!(Number.isInteger(s.maxSteps) && s.maxSteps >= 1))
    throw new Error('Max steps must be a whole number ≥ 1.');
}

/** What must hold before a model trains on a corpus: each failure says what to change. */
import { t } from '../i18n/i18n';
import type { GPTConfig } from '../model/config';
import { memoryMessage, memoryVerdict } from '../model/memory-fit';
import type { TrainSettings } from './api';
import { memoryLimits } from './memory-limits';

/** Throws a message a person can act on when the corpus or the settings cannot train this model. */
export function checkTrainable(
  s: TrainSettings,
  blockSize: number,
  split: { train: ArrayLike<number>; val: ArrayLike<number> },
): void {
  checkSplit(blockSize, split);
  if (!(s.learningRate > 0 && Number.isFinite(s.learningRate)))
    throw new Error(t('errors.training.learningRate'));
  if (!(Number.isInteger(s.batchSize) && s.batchSize >= 1)) throw new Error(t('errors.training.batchSize'));
  if (!(Number.isInteger(s.maxSteps) && s.maxSteps >= 1)) throw new Error(t('errors.training.maxSteps'));
}

/** Throws when either split is shorter than one window of the block and its target. */
export function checkSplit(
  blockSize: number,
  split: { train: ArrayLike<number>; val: ArrayLike<number> },
): void {
  const need = blockSize + 1;
  if (split.train.length < need || split.val.length < need) {
    throw new Error(
      t('errors.corpus.tooShort', {
        block: String(blockSize),
        need: String(need),
        train: String(split.train.length),
        val: String(split.val.length),
      }),
    );
  }
}

/**
 * Throws the Model panel's own warning when a training step of `config` at `batch` will not fit
 * here (model/memory-fit.ts): refused before a step runs out of memory and takes the tab with it.
 */
export function checkMemory(config: GPTConfig, batch: number): void {
  const verdict = memoryVerdict(config, batch, memoryLimits());
  if (verdict.level === 'wontFit')
    throw new Error(t('model.memory.refused', { why: memoryMessage(verdict) }));
}

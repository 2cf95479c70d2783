/** What must hold before a model trains on a corpus: each failure says what to change. */
import { t } from '../i18n/i18n';
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
      t('errors.corpus.tooShort', {
        block: String(blockSize),
        need: String(need),
        train: String(split.train.length),
        val: String(split.val.length),
      }),
    );
  }
  if (!(s.learningRate > 0 && Number.isFinite(s.learningRate)))
    throw new Error(t('errors.training.learningRate'));
  if (!(Number.isInteger(s.batchSize) && s.batchSize >= 1)) throw new Error(t('errors.training.batchSize'));
  if (!(Number.isInteger(s.maxSteps) && s.maxSteps >= 1)) throw new Error(t('errors.training.maxSteps'));
}

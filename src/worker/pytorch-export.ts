/**
 * "Train this in PyTorch" from the engine's side: the session's model, corpus and batch stream, with
 * the recipe of the person's settings, as the bundle export/pytorch-bundle.ts zips.
 */
import { buildPytorchBundle, pytorchRecipe } from '../export/pytorch-bundle';
import { type AdamWOptions, DEFAULT_ADAMW } from '../model/adamw';
import type { GPT } from '../model/gpt';
import { defaultSchedule } from '../model/schedule';
import type { TrainSettings } from './api';
import type { PreparedCorpus } from './corpus';

export interface SessionState {
  model: GPT;
  /** The corpus as the model's tokenizer reads it. */
  corpus: PreparedCorpus;
  /** The model's checkpoint (encodeCheckpoint). */
  checkpoint: Uint8Array;
  /** Steps the weights have had; the batch RNG's state (null: never trained in this session). */
  step: number;
  rngState: number | null;
  adamw?: AdamWOptions;
}

export function pytorchBundle(settings: TrainSettings, s: SessionState): Uint8Array {
  // The rest of the person's run, or, when it is done, as many steps again.
  const maxIters = settings.maxSteps > s.step ? settings.maxSteps - s.step : settings.maxSteps;
  return buildPytorchBundle({
    checkpoint: s.checkpoint,
    corpus: s.corpus.text,
    train: s.corpus.split.train,
    val: s.corpus.split.val,
    config: s.model.config,
    recipe: pytorchRecipe({
      batchSize: settings.batchSize,
      schedule: defaultSchedule(settings.learningRate, maxIters),
      adamw: s.adamw ?? DEFAULT_ADAMW,
      seed: settings.seed,
      rngState: s.rngState ?? settings.seed, // train.py draws the batches the lab would draw next
      maxIters,
      evalInterval: settings.evalInterval,
      evalIters: settings.evalIters,
      startStep: s.step,
    }),
  });
}

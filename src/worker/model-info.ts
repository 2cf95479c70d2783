/** A model's shape and size as the UI shows it: parameters and the memory training needs. */
import { type GPTConfig, parameterCount, trainingMemoryBytes } from '../model/config';
import type { ModelInfo } from './api';

/** Batch size assumed by the memory estimate (the presets use 12–16). */
const ESTIMATE_BATCH = 12;

export function modelInfo(c: GPTConfig): ModelInfo {
  const { n_layer, n_head, n_embd, block_size, tied, dropout, vocab_size } = c;
  return {
    ...{ n_layer, n_head, n_embd, block_size, tied, dropout, vocab_size },
    parameters: parameterCount(c),
    memoryBytes: trainingMemoryBytes(c, ESTIMATE_BATCH),
  };
}

/** The models kept in this browser, as the list and the loss chart see them (app/models-db.ts keeps them). */
import { fixed, t } from '../i18n/i18n';
import type { EvalPoint } from '../worker/api';

/** What the list shows of one model, and what the loss chart needs to compare it. */
export interface ModelMeta {
  id: string;
  name: string;
  version: number;
  /** Milliseconds since the epoch. */
  created: number;
  updated: number;
  shape: { n_layer: number; n_head: number; n_embd: number; block_size: number; vocab_size: number };
  tokenizer: string;
  step: number;
  /** Last validation estimate in nats per token, and in bits per character; null before one. */
  valLoss: number | null;
  bitsPerChar: number | null;
  tokensPerChar: number;
  /** The text it learned from ("Tiny Shakespeare", a file name, "typed or pasted"). */
  corpus: string;
  /** Where it came from ("new", "the pretrained model", an imported file). */
  source: string;
  /** Size of its record, bytes (weights, optimizer moments, corpus). */
  bytes: number;
  /** Validation curve, thinned to at most 200 points. */
  evals: EvalPoint[];
}

/** How much of the browser's storage the lab uses, and how much it may (navigator.storage.estimate). */
export interface StorageUse {
  usage: number;
  quota: number;
}

/** 3.3 MB, 1.2 GB: a size as the storage line shows it. */
export function megabytes(bytes: number): string {
  return bytes >= 1e9
    ? t('models.gigabytes', { size: fixed(bytes / 1e9, 1) })
    : t('models.megabytes', { size: fixed(bytes / 1e6, 1) });
}

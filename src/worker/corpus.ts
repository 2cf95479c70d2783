/** A corpus made ready to train on: checked, tokenized, split, and described for the UI. */
import { formatNumber, t } from '../i18n/i18n';
import { type Split, splitTokens } from '../model/batch';
import { BpeTokenizer, type Tokenizer, trainBpe, trainChar } from '../model/tokenizer';
import type { CorpusStats, TokenizerChoice } from './api';

/** Largest corpus accepted, in characters (a tab holds it, BPE trains it in seconds). */
export const MAX_CORPUS_CHARS = 20_000_000;
const PREVIEW_CHARS = 400;

export interface PreparedCorpus {
  text: string;
  tokenizer: Tokenizer;
  ids: Int32Array;
  split: Split;
  stats: CorpusStats;
}

/** Throws a message a person can act on when the text cannot be a training corpus. */
export function checkCorpusText(text: string): void {
  if (text.trim().length === 0) {
    throw new Error(t('errors.corpus.empty'));
  }
  if (text.length > MAX_CORPUS_CHARS) {
    throw new Error(
      t('errors.corpus.tooLong', {
        length: formatNumber(text.length),
        limit: formatNumber(MAX_CORPUS_CHARS),
      }),
    );
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) control++;
  }
  if (control > Math.max(8, text.length * 0.01)) {
    throw new Error(t('errors.corpus.binary', { n: String(control) }));
  }
}

export function prepareCorpus(
  text: string,
  choice: TokenizerChoice,
  onProgress?: (done: number, total: number) => void,
): PreparedCorpus {
  checkCorpusText(text);
  const tokenizer =
    choice.kind === 'bpe' ? trainBpe(text, choice.vocabSize ?? 512, onProgress) : trainChar(text);
  return withTokenizer(text, tokenizer);
}

/** Tokenize text with an existing tokenizer (e.g. a checkpoint's); throws on characters it lacks. */
export function withTokenizer(text: string, tokenizer: Tokenizer): PreparedCorpus {
  const ids = tokenizer.encode(text);
  const split = splitTokens(ids);
  return { text, tokenizer, ids, split, stats: corpusStats(text, tokenizer, ids, split) };
}

function corpusStats(text: string, tokenizer: Tokenizer, ids: Int32Array, split: Split): CorpusStats {
  const head = tokenizer.encode(text.slice(0, PREVIEW_CHARS).replace(/[\uD800-\uDBFF]$/, ''));
  return {
    characters: [...text].length,
    vocabSize: tokenizer.vocabSize,
    tokens: ids.length,
    trainTokens: split.train.length,
    valTokens: split.val.length,
    tokenizer: tokenizer.kind,
    preview: Array.from(head, (id) => ({ id, text: tokenizer.decode([id]) })),
    merges: tokenizer instanceof BpeTokenizer ? tokenizer.merges.map((_, i) => tokenizer.mergeText(i)) : [],
  };
}

/**
 * Fine-tuning's preparation: which characters of a new text the model's vocabulary lacks, and the
 * model, tokenizer and corpus it then trains on — its vocabulary grown by those characters
 * (extend) or the text without them (drop). Builds new things and never disposes old ones: the
 * session swaps them in once everything has been checked.
 */
import { t } from '../i18n/i18n';
import { GPT } from '../model/gpt';
import { CharTokenizer, printable, type Tokenizer } from '../model/tokenizer';
import { extendVocabulary } from '../model/vocab-extend';
import type { CharCount, EvalPoint, FineTunePlan, FineTuneRequest, FineTuneStart } from './api';
import { type PreparedCorpus, withTokenizer } from './corpus';
import { modelInfo } from './model-info';
import { checkSplit } from './train-checks';

/** Characters of `text` the tokenizer cannot encode, in code-point order, with counts; byte-level BPE lacks none. */
export function missingChars(text: string, tokenizer: Tokenizer): CharCount[] {
  if (!(tokenizer instanceof CharTokenizer)) return []; // every byte is in a byte-level BPE vocabulary
  const known = new Set(tokenizer.chars);
  const counts = new Map<string, number>();
  for (const ch of text) if (!known.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return [...counts]
    .map(([char, count]) => ({ char, shown: printable(char), count }))
    .sort((a, b) => a.char.codePointAt(0)! - b.char.codePointAt(0)!);
}

export function fineTunePlan(text: string, tokenizer: Tokenizer): FineTunePlan {
  return {
    tokenizer: tokenizer.kind,
    vocabSize: tokenizer.vocabSize,
    missing: missingChars(text, tokenizer),
    characters: [...text].length,
  };
}

/** `text` without any of `chars` (whole code points). */
export function dropChars(text: string, chars: readonly string[]): string {
  if (chars.length === 0) return text;
  const drop = new Set(chars);
  let out = '';
  for (const ch of text) if (!drop.has(ch)) out += ch;
  return out;
}

/** The greedy samples' prompt: the text's first line (at most 40 characters), or its first 40. */
export function samplePrompt(text: string): string {
  const chars = [...text];
  const line = chars.slice(0, Math.max(0, chars.indexOf('\n'))).slice(0, 40);
  return (line.length >= 8 ? line : chars.slice(0, 40)).join('');
}

export interface FineTuneParts {
  /** The model to train: the same one, or (extend) a new one with the grown vocabulary. */
  model: GPT;
  tokenizer: Tokenizer;
  corpus: PreparedCorpus;
  text: string;
  added: string[];
  removed: CharCount[];
}

/**
 * What fine-tuning `model` on `text` trains: with `extend`, the missing characters appended to the
 * char vocabulary and new rows in wte/lm_head seeded by `seed`; with `drop`, the text without them.
 * Throws a person's message when the text is empty, nothing is left of it, or it is too short for
 * the block; then nothing new is left behind (a grown model is disposed) and nothing old changed.
 */
export async function fineTuneParts(
  model: GPT,
  tokenizer: Tokenizer,
  text: string,
  r: FineTuneRequest,
): Promise<FineTuneParts> {
  if (!text.trim()) throw new Error(t('fineTune.noText'));
  if (!(Number.isInteger(r.batchSize) && r.batchSize >= 1)) throw new Error(t('errors.training.batchSize'));
  const parts = await partsFor(model, tokenizer, text, r);
  try {
    checkSplit(model.config.block_size, parts.corpus.split);
  } catch (e) {
    if (parts.model !== model) parts.model.dispose();
    throw e;
  }
  return parts;
}

async function partsFor(
  model: GPT,
  tokenizer: Tokenizer,
  text: string,
  { policy, seed }: FineTuneRequest,
): Promise<FineTuneParts> {
  const missing = missingChars(text, tokenizer);
  const chars = missing.map((m) => m.char);
  if (missing.length === 0 || !(tokenizer instanceof CharTokenizer)) {
    return { model, tokenizer, corpus: withTokenizer(text, tokenizer), text, added: [], removed: [] };
  }
  if (policy === 'drop') {
    const kept = dropChars(text, chars);
    if (!kept.trim()) throw new Error(t('fineTune.nothingLeft'));
    return {
      model,
      tokenizer,
      corpus: withTokenizer(kept, tokenizer),
      text: kept,
      added: [],
      removed: missing,
    };
  }
  const grownTokenizer = new CharTokenizer([...tokenizer.chars, ...chars]);
  const corpus = withTokenizer(text, grownTokenizer); // before the new model: this cannot fail now
  const grown = extendVocabulary(model.config, await model.readWeights(), chars.length, seed);
  return {
    ...{ model: new GPT(grown.config, grown.weights), tokenizer: grownTokenizer, corpus, text },
    ...{ added: chars, removed: [] },
  };
}

/** What the page is told of the fine-tune as it starts. */
export function fineTuneStart(parts: FineTuneParts, evalPoint: EvalPoint): FineTuneStart {
  const { model, corpus, added, removed, text } = parts;
  return {
    ...{ info: modelInfo(model.config), stats: corpus.stats, step: evalPoint.step, added, removed, text },
    prompt: samplePrompt(text),
    eval: evalPoint,
    tokensPerChar: corpus.ids.length / Math.max(1, corpus.stats.characters),
  };
}

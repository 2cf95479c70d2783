/** Tokenizers: char-level and byte-level BPE, and rebuilding either from its JSON form. */

import { t } from '../../i18n/i18n';
import { BpeTokenizer, type Merge } from './bpe';
import { CharTokenizer } from './char';
import type { Tokenizer, TokenizerJSON } from './types';

export { BpeTokenizer, BYTE_VOCAB, GPT2_SPLIT_PATTERN, MAX_BPE_VOCAB, type Merge, splitChunks } from './bpe';
export { trainBpe } from './bpe-train';
export { CharTokenizer, trainChar } from './char';
export { printable } from './printable';
export { OutOfVocabularyError, type Progress, type Tokenizer, type TokenizerJSON } from './types';

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return t('errors.tokenizer.kindArray');
  if (value === null) return t('errors.tokenizer.kindNull');
  return typeof value === 'string'
    ? JSON.stringify(value)
    : t('errors.tokenizer.kindOther', { type: typeof value });
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * Rebuilds a tokenizer from `toJSON()` output, e.g. from a checkpoint's metadata. The input is
 * untrusted (it comes from a file), so its shape is checked and every problem is a clear Error.
 */
export function tokenizerFromJSON(json: TokenizerJSON): Tokenizer {
  const raw: unknown = json;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(t('errors.tokenizer.notObject', { kind: kindOf(raw) }));
  }
  const { kind } = raw as { kind?: unknown };
  if (kind === 'char') {
    const given = (raw as { chars?: unknown }).chars;
    // A string of the vocabulary's characters is accepted too (Python's ''.join(chars)).
    const chars = typeof given === 'string' ? [...given] : given;
    if (!Array.isArray(chars)) fail(t('errors.tokenizer.needsChars', { kind: kindOf(chars) }));
    chars.forEach((ch: unknown, i) => {
      if (typeof ch !== 'string')
        fail(t('errors.tokenizer.charNotString', { i: String(i), kind: kindOf(ch) }));
    });
    return new CharTokenizer(chars as string[]);
  }
  if (kind === 'bpe') {
    const { merges, pattern } = raw as { merges?: unknown; pattern?: unknown };
    if (!Array.isArray(merges)) fail(t('errors.tokenizer.needsMerges', { kind: kindOf(merges) }));
    if (typeof pattern !== 'string') fail(t('errors.tokenizer.needsPattern', { kind: kindOf(pattern) }));
    merges.forEach((m: unknown, i) => {
      if (!Array.isArray(m) || m.length !== 2 || !m.every((id) => Number.isInteger(id))) {
        fail(t('errors.tokenizer.mergeNotPair', { i: String(i), merge: String(JSON.stringify(m)) }));
      }
    });
    return new BpeTokenizer(merges as Merge[], pattern);
  }
  return fail(t('errors.tokenizer.unknownKind', { kind: kindOf(kind) }));
}

/**
 * Character-level tokenizer, nanoGPT's shakespeare_char convention: the vocabulary is the corpus's
 * unique characters sorted by code point (Python's `sorted(set(text))`), and a token's id is its index.
 * A "character" is a Unicode code point, so an emoji outside the BMP is one token, not two surrogates.
 */

import { t } from '../../i18n/i18n';
import { printable } from './printable';
import { OutOfVocabularyError, type Tokenizer, type TokenizerJSON } from './types';

/** Code-point order; JS's default sort compares UTF-16 units and puts astral chars before U+E000–U+FFFF. */
function byCodePoint(a: string, b: string): number {
  return a.codePointAt(0)! - b.codePointAt(0)!;
}

function isOneCodePoint(s: string): boolean {
  if (s.length === 0 || s.length > 2) return false;
  return String.fromCodePoint(s.codePointAt(0)!) === s;
}

export class CharTokenizer implements Tokenizer {
  readonly kind = 'char' as const;
  /** The vocabulary: `chars[id]` is the character of token `id`. */
  readonly chars: readonly string[];
  private readonly ids: Map<string, number>;

  /** Throws if an entry is not exactly one code point or a character appears twice. */
  constructor(chars: readonly string[]) {
    const ids = new Map<string, number>();
    chars.forEach((ch, i) => {
      if (typeof ch !== 'string' || !isOneCodePoint(ch)) {
        throw new Error(t('errors.tokenizer.charNotOne', { i: String(i), ch: String(JSON.stringify(ch)) }));
      }
      const seen = ids.get(ch);
      if (seen !== undefined) {
        throw new Error(
          t('errors.tokenizer.charTwice', { ch: JSON.stringify(ch), first: String(seen), i: String(i) }),
        );
      }
      ids.set(ch, i);
    });
    this.chars = [...chars];
    this.ids = ids;
  }

  get vocabSize(): number {
    return this.chars.length;
  }

  encode(text: string): Int32Array {
    // text.length (UTF-16 units) bounds the number of code points from above.
    const out = new Int32Array(text.length);
    let n = 0;
    const missing = new Set<string>();
    for (const ch of text) {
      const id = this.ids.get(ch);
      if (id === undefined) missing.add(ch);
      else out[n++] = id;
    }
    if (missing.size > 0) throw new OutOfVocabularyError([...missing]);
    return n === out.length ? out : out.slice(0, n);
  }

  decode(ids: ArrayLike<number>): string {
    const parts = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) parts[i] = this.chars[this.checkId(ids[i])];
    return parts.join('');
  }

  tokenText(id: number): string {
    return printable(this.chars[this.checkId(id)]);
  }

  toJSON(): TokenizerJSON {
    return { kind: 'char', chars: [...this.chars] };
  }

  private checkId(id: number): number {
    if (!Number.isInteger(id) || id < 0 || id >= this.chars.length) {
      throw new RangeError(`Token id ${id} is outside the char vocabulary [0, ${this.chars.length})`);
    }
    return id;
  }
}

/** The char tokenizer of a corpus: its unique code points, sorted by code point. */
export function trainChar(text: string): CharTokenizer {
  return new CharTokenizer([...new Set(text)].sort(byCodePoint));
}

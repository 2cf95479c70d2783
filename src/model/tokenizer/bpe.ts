/**
 * Byte-level BPE (GPT-2 / minbpe style). Ids 0–255 are the raw bytes, id 256 + i is merge i. Text is
 * split into chunks by a regex first, so a token never spans two chunks (no "dog." or "e t" tokens).
 * Well-formed Unicode always round-trips: every byte is in the base vocabulary, so encode never throws.
 */

import { t } from '../../i18n/i18n';
import { byteLabel, printable } from './printable';
import type { Tokenizer, TokenizerJSON } from './types';

/** GPT-2's split pattern, with \p{…} classes for the 'u' flag. */
export const GPT2_SPLIT_PATTERN =
  "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

export const BYTE_VOCAB = 256;

/** Pair keys are a * vocabSize + b in a double; this keeps them exact with a wide margin. */
export const MAX_BPE_VOCAB = 1 << 20;

export type Merge = readonly [number, number];

/** Compiles a split pattern, with an Error that says which pattern failed. */
export function compileSplitPattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'gu');
  } catch (e) {
    throw new Error(
      t('errors.tokenizer.badPattern', { pattern: JSON.stringify(pattern), reason: (e as Error).message }),
    );
  }
}

/**
 * The chunks of `text` under `re`, in order. Text the pattern leaves unmatched becomes its own chunk,
 * so a pattern from a JSON file that does not cover every character still never drops text.
 */
export function* splitChunks(text: string, re: RegExp): Generator<string> {
  let end = 0;
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    if (m.index > end) yield text.slice(end, m.index);
    yield m[0];
    end = m.index + m[0].length;
  }
  if (end < text.length) yield text.slice(end);
}

const utf8 = new TextEncoder();
// ignoreBOM: a leading U+FEFF is text the user wrote; the default decoder would silently drop it.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Encoding a long corpus meets each distinct word once; the bound keeps memory flat on endless input. */
const CACHE_LIMIT = 200_000;

/** Byte length of a UTF-8 sequence from its lead byte; 0 for a continuation or invalid byte. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if ((lead & 0xe0) === 0xc0) return 2;
  if ((lead & 0xf0) === 0xe0) return 3;
  if ((lead & 0xf8) === 0xf0) return 4;
  return 0;
}

export class BpeTokenizer implements Tokenizer {
  readonly kind = 'bpe' as const;
  readonly merges: readonly Merge[];
  readonly pattern: string;
  private readonly splitter: RegExp;
  /** Pair key (a * vocabSize + b) → merge rank. */
  private readonly ranks = new Map<number, number>();
  private readonly bytes: Uint8Array[] = [];
  private readonly cache = new Map<string, Int32Array>();

  /** Throws if a merge names a token not yet defined when it is learned, or repeats an earlier merge. */
  constructor(merges: readonly Merge[], pattern: string = GPT2_SPLIT_PATTERN) {
    if (merges.length > MAX_BPE_VOCAB - BYTE_VOCAB) {
      throw new Error(
        t('errors.tokenizer.tooManyMerges', {
          n: String(merges.length),
          max: String(MAX_BPE_VOCAB - BYTE_VOCAB),
        }),
      );
    }
    this.splitter = compileSplitPattern(pattern);
    this.pattern = pattern;
    this.merges = merges.map(([a, b]) => [a, b] as const);
    for (let b = 0; b < BYTE_VOCAB; b++) this.bytes.push(Uint8Array.of(b));
    const size = BYTE_VOCAB + merges.length;
    this.merges.forEach(([a, b], i) => {
      const defined = BYTE_VOCAB + i;
      for (const id of [a, b]) {
        if (!Number.isInteger(id) || id < 0 || id >= defined) {
          throw new Error(
            t('errors.tokenizer.mergeUndefined', { i: String(i), id: String(id), last: String(defined - 1) }),
          );
        }
      }
      const key = a * size + b;
      const earlier = this.ranks.get(key);
      if (earlier !== undefined)
        throw new Error(
          t('errors.tokenizer.mergeRepeats', {
            i: String(i),
            earlier: String(earlier),
            a: String(a),
            b: String(b),
          }),
        );
      this.ranks.set(key, i);
      const joined = new Uint8Array(this.bytes[a].length + this.bytes[b].length);
      joined.set(this.bytes[a]);
      joined.set(this.bytes[b], this.bytes[a].length);
      this.bytes.push(joined);
    });
  }

  get vocabSize(): number {
    return BYTE_VOCAB + this.merges.length;
  }

  encode(text: string): Int32Array {
    // Tokens never outnumber UTF-8 bytes (at most 3 per UTF-16 unit); grow from a smaller guess.
    let out = new Int32Array(Math.max(16, text.length));
    let n = 0;
    for (const chunk of splitChunks(text, this.splitter)) {
      const ids = this.encodeChunk(chunk);
      if (n + ids.length > out.length) {
        const grown = new Int32Array(Math.max(out.length * 2, n + ids.length));
        grown.set(out.subarray(0, n));
        out = grown;
      }
      out.set(ids, n);
      n += ids.length;
    }
    return out.slice(0, n);
  }

  decode(ids: ArrayLike<number>): string {
    let length = 0;
    for (let i = 0; i < ids.length; i++) length += this.bytes[this.checkId(ids[i])].length;
    const buf = new Uint8Array(length);
    let at = 0;
    for (let i = 0; i < ids.length; i++) {
      const b = this.bytes[ids[i]];
      buf.set(b, at);
      at += b.length;
    }
    return utf8Decoder.decode(buf);
  }

  /** The token's text; bytes that are not a whole UTF-8 character appear as "<0xE2>". */
  tokenText(id: number): string {
    const bytes = this.bytes[this.checkId(id)];
    let out = '';
    let i = 0;
    while (i < bytes.length) {
      const n = sequenceLength(bytes[i]);
      let ch: string | undefined;
      if (n > 0 && i + n <= bytes.length) {
        try {
          ch = strictUtf8.decode(bytes.subarray(i, i + n));
        } catch {
          ch = undefined; // overlong form, surrogate or bad continuation: show the bytes instead
        }
      }
      if (ch === undefined) {
        out += byteLabel(bytes[i]);
        i += 1;
      } else {
        out += printable(ch);
        i += n;
      }
    }
    return out;
  }

  /** The raw bytes of a token (a copy). */
  tokenBytes(id: number): Uint8Array {
    return this.bytes[this.checkId(id)].slice();
  }

  /** How merge `i` reads, e.g. "␣t + he → ␣the". */
  mergeText(i: number): string {
    if (!Number.isInteger(i) || i < 0 || i >= this.merges.length) {
      throw new RangeError(`Merge index ${i} is outside [0, ${this.merges.length})`);
    }
    const [a, b] = this.merges[i];
    return `${this.tokenText(a)} + ${this.tokenText(b)} → ${this.tokenText(BYTE_VOCAB + i)}`;
  }

  toJSON(): TokenizerJSON {
    return { kind: 'bpe', merges: this.merges.map(([a, b]) => [a, b]), pattern: this.pattern };
  }

  private encodeChunk(chunk: string): Int32Array {
    const hit = this.cache.get(chunk);
    if (hit) return hit;
    const ids = this.applyMerges(utf8.encode(chunk));
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(chunk, ids);
    return ids;
  }

  /**
   * minbpe's order: repeatedly merge every occurrence of the lowest-ranked pair present. A merge only
   * creates pairs with a later rank, so ranks are visited in increasing order and the loop ends.
   */
  private applyMerges(bytes: Uint8Array): Int32Array {
    const ids = Int32Array.from(bytes);
    const size = this.vocabSize;
    let len = ids.length;
    while (len >= 2) {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i + 1 < len; i++) {
        const rank = this.ranks.get(ids[i] * size + ids[i + 1]);
        if (rank !== undefined && rank < best) best = rank;
      }
      if (best === Number.POSITIVE_INFINITY) break;
      const [a, b] = this.merges[best];
      const merged = BYTE_VOCAB + best;
      let w = 0;
      for (let r = 0; r < len; r++) {
        if (r + 1 < len && ids[r] === a && ids[r + 1] === b) {
          ids[w++] = merged;
          r++;
        } else {
          ids[w++] = ids[r];
        }
      }
      len = w;
    }
    return ids.slice(0, len);
  }

  private checkId(id: number): number {
    if (!Number.isInteger(id) || id < 0 || id >= this.bytes.length) {
      throw new RangeError(`Token id ${id} is outside the BPE vocabulary [0, ${this.bytes.length})`);
    }
    return id;
  }
}

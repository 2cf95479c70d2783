/**
 * Learning byte-level BPE merges. Works on the unique chunks of the corpus (weighted by how often each
 * occurs) and keeps pair counts up to date incrementally: a merge touches only the chunks that contain
 * its pair, found through a pair → chunks index, as in Hugging Face's tokenizers.
 */

import {
  BpeTokenizer,
  BYTE_VOCAB,
  compileSplitPattern,
  GPT2_SPLIT_PATTERN,
  MAX_BPE_VOCAB,
  splitChunks,
} from './bpe';
import type { Progress } from './types';

/**
 * Max-heap of (count, pair key): highest count first, ties to the smaller key. The key is
 * a * vocabSize + b, so smaller key = lexicographically smaller (a, b) and merge order is deterministic.
 * Entries go stale as counts change; `best` re-checks each against the live counts (lazy deletion).
 */
class PairHeap {
  private readonly counts: number[] = [];
  private readonly keys: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(count: number, key: number): void {
    this.counts.push(count);
    this.keys.push(key);
    this.up(this.keys.length - 1);
  }

  /** Removes and returns the top entry as [count, key]. */
  pop(): [number, number] {
    const top: [number, number] = [this.counts[0], this.keys[0]];
    const lastCount = this.counts.pop()!;
    const lastKey = this.keys.pop()!;
    if (this.keys.length > 0) {
      this.counts[0] = lastCount;
      this.keys[0] = lastKey;
      this.down(0);
    }
    return top;
  }

  private above(i: number, j: number): boolean {
    const ci = this.counts[i];
    const cj = this.counts[j];
    return ci > cj || (ci === cj && this.keys[i] < this.keys[j]);
  }

  private swap(i: number, j: number): void {
    [this.counts[i], this.counts[j]] = [this.counts[j], this.counts[i]];
    [this.keys[i], this.keys[j]] = [this.keys[j], this.keys[i]];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.keys.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < n && this.above(l, top)) top = l;
      if (r < n && this.above(r, top)) top = r;
      if (top === i) return;
      this.swap(i, top);
      i = top;
    }
  }
}

/** The corpus as its distinct multi-byte chunks, bytes laid end to end in one typed array. */
interface Chunks {
  sym: Int32Array;
  start: Int32Array;
  len: Int32Array;
  freq: Float64Array;
}

function uniqueChunks(text: string, pattern: string): Chunks {
  const freqs = new Map<string, number>();
  for (const chunk of splitChunks(text, compileSplitPattern(pattern))) {
    freqs.set(chunk, (freqs.get(chunk) ?? 0) + 1);
  }
  const encoder = new TextEncoder();
  const encoded: Uint8Array[] = [];
  const weights: number[] = [];
  let total = 0;
  for (const [chunk, f] of freqs) {
    const bytes = encoder.encode(chunk);
    if (bytes.length < 2) continue; // a single byte holds no pair
    encoded.push(bytes);
    weights.push(f);
    total += bytes.length;
  }
  const sym = new Int32Array(total);
  const start = new Int32Array(encoded.length);
  const len = new Int32Array(encoded.length);
  let at = 0;
  encoded.forEach((bytes, i) => {
    sym.set(bytes, at);
    start[i] = at;
    len[i] = bytes.length;
    at += bytes.length;
  });
  return { sym, start, len, freq: Float64Array.from(weights) };
}

/**
 * Learns `vocabSize - 256` merges from the UTF-8 bytes of `text`, fewer if the corpus runs out of
 * pairs. `onProgress(done, total)` is called at the start, about every 1% of merges, and with
 * (total, total) at the end.
 */
export function trainBpe(
  text: string,
  vocabSize: number,
  onProgress?: Progress,
  pattern: string = GPT2_SPLIT_PATTERN,
): BpeTokenizer {
  if (!Number.isInteger(vocabSize) || vocabSize < BYTE_VOCAB || vocabSize > MAX_BPE_VOCAB) {
    throw new RangeError(
      `BPE vocabSize must be an integer from ${BYTE_VOCAB} (the 256 byte tokens) to ${MAX_BPE_VOCAB}, got ${vocabSize}`,
    );
  }
  const total = vocabSize - BYTE_VOCAB;
  const every = Math.max(1, Math.floor(total / 100));
  onProgress?.(0, total);

  const { sym, start, len, freq } = uniqueChunks(text, pattern);
  const V = vocabSize; // pair key base: every id is < vocabSize
  const counts = new Map<number, number>();
  const where = new Map<number, Set<number>>();
  const grown = new Set<number>();

  const add = (key: number, f: number, chunk: number): void => {
    counts.set(key, (counts.get(key) ?? 0) + f);
    const set = where.get(key);
    if (set) set.add(chunk);
    else where.set(key, new Set([chunk]));
    grown.add(key);
  };
  const sub = (key: number, f: number): void => {
    const c = (counts.get(key) ?? 0) - f;
    if (c > 0) counts.set(key, c);
    else counts.delete(key);
  };

  for (let w = 0; w < start.length; w++) {
    for (let i = start[w], end = start[w] + len[w]; i + 1 < end; i++)
      add(sym[i] * V + sym[i + 1], freq[w], w);
  }
  const heap = new PairHeap();
  for (const key of grown) heap.push(counts.get(key)!, key);
  grown.clear();

  const merges: [number, number][] = [];
  while (merges.length < total) {
    const key = nextPair(heap, counts);
    if (key === undefined) break; // every chunk is a single token: nothing left to merge
    const a = Math.floor(key / V);
    const b = key - a * V;
    const c = BYTE_VOCAB + merges.length;
    merges.push([a, b]);

    // Rewrite each chunk holding (a, b) in place, moving counts from the pairs it destroys to the
    // pairs it creates. `prev` is read from the output, so back-to-back merges (a b a b → c c) count right.
    for (const w of where.get(key) ?? []) {
      const s = start[w];
      const end = s + len[w];
      const f = freq[w];
      let o = s;
      for (let r = s; r < end; r++) {
        if (r + 1 < end && sym[r] === a && sym[r + 1] === b) {
          sub(key, f);
          if (o > s) {
            sub(sym[o - 1] * V + a, f);
            add(sym[o - 1] * V + c, f, w);
          }
          if (r + 2 < end) {
            sub(b * V + sym[r + 2], f);
            add(c * V + sym[r + 2], f, w);
          }
          sym[o++] = c;
          r++;
        } else {
          sym[o++] = sym[r];
        }
      }
      len[w] = o - s;
    }
    where.delete(key);
    counts.delete(key);
    for (const k of grown) {
      const count = counts.get(k);
      if (count !== undefined) heap.push(count, k);
    }
    grown.clear();
    if (merges.length % every === 0) onProgress?.(merges.length, total);
  }
  onProgress?.(total, total);
  return new BpeTokenizer(merges, pattern);
}

/** The most frequent live pair (ties to the smallest key), or undefined when no pair is left. */
function nextPair(heap: PairHeap, counts: Map<number, number>): number | undefined {
  while (heap.size > 0) {
    const [count, key] = heap.pop();
    const live = counts.get(key);
    if (live === count) return key;
    // Stale entry: the count fell since it was pushed. Re-queue it at its live count.
    if (live !== undefined) heap.push(live, key);
  }
  return undefined;
}

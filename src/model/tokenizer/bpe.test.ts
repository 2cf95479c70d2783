import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BpeTokenizer, GPT2_SPLIT_PATTERN, splitChunks, tokenizerFromJSON, trainBpe } from './index';

const TRAIN = `The quick brown fox jumps over the lazy dog. The dog sleeps; the fox doesn't.
Café crème brûlée, naïve résumé — they're here, we've gone, I'll stay.
東京は日本の首都です。 東京 東京 北京
${'the then there these those other mother brother '.repeat(20)}`;

// Nothing like this was in training: new scripts, astral emoji, ZWJ sequences, a BOM, odd spacing.
const UNSEEN = '\uFEFFПривет, мир! 🙂👍🏽👨‍👩‍👧 안녕하세요 مرحبا   spaces\t\ttabs\r\n\n\nend 12345 ½ 𝔘𝔫𝔦';

const SHAKESPEARE = fileURLToPath(new URL('../../../../shared/data/tinyshakespeare.txt', import.meta.url));
const haveShakespeare = existsSync(SHAKESPEARE);
if (!haveShakespeare)
  console.warn(`[bpe.test] ${SHAKESPEARE} not found: skipping the Tiny Shakespeare tests`);

describe('byte-level BPE', () => {
  const tok = trainBpe(TRAIN, 256 + 60);

  it('learns the requested number of merges and round-trips the training text', () => {
    expect(tok.vocabSize).toBe(316);
    expect(tok.merges.length).toBe(60);
    const ids = tok.encode(TRAIN);
    expect(ids.length).toBeLessThan(new TextEncoder().encode(TRAIN).length);
    expect(tok.decode(ids)).toBe(TRAIN);
  });

  it('round-trips text never seen in training, and never throws', () => {
    expect(tok.decode(tok.encode(UNSEEN))).toBe(UNSEEN);
    expect(tok.decode(tok.encode(''))).toBe('');
    const untrained = trainBpe('', 300);
    expect(untrained.merges.length).toBe(0);
    expect([...untrained.encode('é')]).toEqual([0xc3, 0xa9]);
  });

  it('learns the same merges in the same order every time', () => {
    expect(trainBpe(TRAIN, 316).merges).toEqual(tok.merges);
  });

  it('never merges across a chunk boundary', () => {
    // Compare as byte strings, since a token may hold part of a UTF-8 character.
    const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);
    const chunks = [...splitChunks(TRAIN, new RegExp(GPT2_SPLIT_PATTERN, 'gu'))].map((c) =>
      latin1(new TextEncoder().encode(c)),
    );
    for (let id = 256; id < tok.vocabSize; id++) {
      const token = latin1(tok.tokenBytes(id));
      expect(
        chunks.some((c) => c.includes(token)),
        tok.tokenText(id),
      ).toBe(true);
    }
    const perChunk = [...splitChunks(UNSEEN + TRAIN, new RegExp(GPT2_SPLIT_PATTERN, 'gu'))].flatMap((c) => [
      ...tok.encode(c),
    ]);
    expect([...tok.encode(UNSEEN + TRAIN)]).toEqual(perChunk);
  });

  it('shows tokens and merges printably', () => {
    const id = tok.encode(' the')[0];
    expect(tok.tokenText(id)).toBe('␣the');
    expect(tok.tokenText(10)).toBe('↵');
    expect(tok.tokenText(0xe2)).toBe('<0xE2>');
    const [a, b] = tok.merges[0];
    expect(tok.mergeText(0)).toBe(`${tok.tokenText(a)} + ${tok.tokenText(b)} → ${tok.tokenText(256)}`);
    // "東" is E6 9D B1: a partial-character token shows its bytes, a whole one shows the character.
    const kanji = [...tok.encode('東')].map((t) => tok.tokenText(t)).join('');
    expect(kanji === '東' || kanji.includes('<0xE6>')).toBe(true);
  });

  it('rebuilds exactly from JSON and validates it', () => {
    const back = tokenizerFromJSON(JSON.parse(JSON.stringify(tok.toJSON())));
    expect(back).toBeInstanceOf(BpeTokenizer);
    expect(back.toJSON()).toEqual(tok.toJSON());
    expect([...back.encode(TRAIN + UNSEEN)]).toEqual([...tok.encode(TRAIN + UNSEEN)]);

    const bad = (json: unknown) => () => tokenizerFromJSON(json as never);
    const pattern = GPT2_SPLIT_PATTERN;
    expect(bad({ kind: 'bpe', pattern })).toThrow(/"merges" array/);
    expect(bad({ kind: 'bpe', merges: [] })).toThrow(/"pattern" string/);
    expect(bad({ kind: 'bpe', merges: [], pattern: '(' })).toThrow(/not a valid regex/);
    expect(bad({ kind: 'bpe', merges: [[1, 'x']], pattern })).toThrow(/merge 0 must be a pair of integer/);
    expect(bad({ kind: 'bpe', merges: [[1, 2, 3]], pattern })).toThrow(/merge 0 must be a pair/);
    expect(bad({ kind: 'bpe', merges: [[1, 256]], pattern })).toThrow(/merge 0 uses token 256/);
    expect(
      bad({
        kind: 'bpe',
        merges: [
          [1, 2],
          [-1, 2],
        ],
        pattern,
      }),
    ).toThrow(/merge 1 uses token -1/);
    expect(
      bad({
        kind: 'bpe',
        merges: [
          [1, 2],
          [1, 2],
        ],
        pattern,
      }),
    ).toThrow(/merge 1 repeats merge 0/);
  });

  it('rejects a vocabulary smaller than the byte alphabet and bad ids', () => {
    expect(() => trainBpe(TRAIN, 255)).toThrow(RangeError);
    expect(() => trainBpe(TRAIN, 300.5)).toThrow(RangeError);
    expect(() => tok.decode([tok.vocabSize])).toThrow(RangeError);
  });

  it('stops with fewer merges when the corpus runs out of pairs', () => {
    const small = trainBpe('abab abab', 1000);
    expect(small.merges.length).toBeLessThan(744);
    expect(small.encode('abab abab').length).toBe(2);
  });

  it('reports progress from 0 up to the total', () => {
    const calls: [number, number][] = [];
    trainBpe(TRAIN, 256 + 40, (done, total) => calls.push([done, total]));
    expect(calls[0]).toEqual([0, 40]);
    expect(calls.at(-1)).toEqual([40, 40]);
    expect(calls.length).toBeGreaterThan(2);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThanOrEqual(calls[i - 1][0]);
  });

  it.skipIf(!haveShakespeare)(
    'compresses Tiny Shakespeare to under 0.6 tokens per character at vocab 512',
    () => {
      const text = readFileSync(SHAKESPEARE, 'utf8');
      let t0 = performance.now();
      const shakespeare = trainBpe(text, 512);
      const trainMs = performance.now() - t0;
      t0 = performance.now();
      const ids = shakespeare.encode(text);
      const encodeMs = performance.now() - t0;
      const ratio = ids.length / [...text].length;
      console.log(
        `[bpe.test] Tiny Shakespeare, vocab 512: ${ids.length} tokens / ${text.length} chars = ${ratio.toFixed(4)} tokens/char; train ${trainMs.toFixed(0)} ms, encode ${encodeMs.toFixed(0)} ms`,
      );
      expect(shakespeare.merges.length).toBe(256);
      expect(ratio).toBeLessThan(0.6);
      expect(shakespeare.decode(ids)).toBe(text);
    },
  );
});

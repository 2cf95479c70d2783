import { describe, expect, it } from 'vitest';
import { OutOfVocabularyError, type TokenizerJSON, tokenizerFromJSON, trainChar } from './index';

const MIXED = 'Héllo, wörld!\nnaïve café — 東京 and 北京\n🙂 emoji 👍🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\r\n\ttab';

describe('char tokenizer', () => {
  it('uses the sorted unique characters, like nanoGPT shakespeare_char', () => {
    expect(trainChar('hello').toJSON()).toEqual({ kind: 'char', chars: ['e', 'h', 'l', 'o'] });
    const tok = trainChar('hello world');
    expect(tok.vocabSize).toBe(8);
    expect([...tok.encode('hello')]).toEqual([3, 2, 4, 4, 5]);
  });

  it('round-trips mixed Unicode: accents, CJK, emoji, astral letters, newlines', () => {
    const tok = trainChar(MIXED);
    const ids = tok.encode(MIXED);
    expect(tok.decode(ids)).toBe(MIXED);
    expect(ids.length).toBe([...MIXED].length);
  });

  it('treats an astral code point as one character', () => {
    const tok = trainChar('a🙂b');
    expect(tok.vocabSize).toBe(3);
    expect(tok.encode('🙂🙂').length).toBe(2);
  });

  it('sorts the vocabulary by code point, not by UTF-16 unit', () => {
    // UTF-16 order would put 🙂 (surrogates D83D..) before U+FF01; code-point order puts it last.
    const tok = trainChar('！🙂a\n');
    expect(tok.toJSON()).toEqual({ kind: 'char', chars: ['\n', 'a', '！', '🙂'] });
    const cps = trainChar(MIXED).chars.map((c) => c.codePointAt(0)!);
    expect(cps).toEqual([...cps].sort((a, b) => a - b));
  });

  it('throws OutOfVocabularyError naming every missing character once', () => {
    const tok = trainChar('abc');
    let error: unknown;
    try {
      tok.encode('abXcYX🙂');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutOfVocabularyError);
    expect((error as OutOfVocabularyError).missing).toEqual(['X', 'Y', '🙂']);
    expect((error as Error).message).toContain('"🙂"');
  });

  it('shows whitespace visibly in tokenText', () => {
    const tok = trainChar(' \na\t\u00a0');
    expect(tok.tokenText(tok.encode(' ')[0])).toBe('␣');
    expect(tok.tokenText(tok.encode('\n')[0])).toBe('↵');
    expect(tok.tokenText(tok.encode('\t')[0])).toBe('⇥');
    expect(tok.tokenText(tok.encode('\u00a0')[0])).toBe('<U+00A0>');
    expect(tok.tokenText(tok.encode('a')[0])).toBe('a');
  });

  it('rejects ids outside the vocabulary', () => {
    const tok = trainChar('ab');
    expect(() => tok.decode([0, 2])).toThrow(RangeError);
    expect(() => tok.tokenText(-1)).toThrow(RangeError);
  });

  it('rebuilds exactly from JSON and validates it', () => {
    const tok = trainChar(MIXED);
    const back = tokenizerFromJSON(JSON.parse(JSON.stringify(tok.toJSON())));
    expect(back.toJSON()).toEqual(tok.toJSON());
    expect([...back.encode(MIXED)]).toEqual([...tok.encode(MIXED)]);

    const bad = (json: unknown) => () => tokenizerFromJSON(json as never);
    expect(bad({ kind: 'word', chars: [] })).toThrow(/Unknown tokenizer kind "word"/);
    expect(bad(null)).toThrow(/must be an object/);
    expect(bad({ kind: 'char' })).toThrow(/"chars" array/);
    expect(bad({ kind: 'char', chars: ['a', 7] })).toThrow(/\[1\] must be a string/);
    expect(bad({ kind: 'char', chars: ['a', 'b', 'a'] })).toThrow(/"a" twice \(entries 0 and 2\)/);
    expect(bad({ kind: 'char', chars: ['ab'] })).toThrow(/single character/);
  });
});

describe('char tokenizer JSON from Python', () => {
  it('accepts the vocabulary as one string as well as a list', () => {
    const fromString = tokenizerFromJSON({ kind: 'char', chars: '\n !abc' } as unknown as TokenizerJSON);
    const fromList = tokenizerFromJSON({ kind: 'char', chars: ['\n', ' ', '!', 'a', 'b', 'c'] });
    expect(Array.from(fromString.encode('cab !'))).toEqual(Array.from(fromList.encode('cab !')));
    expect(fromString.vocabSize).toBe(6);
  });
});

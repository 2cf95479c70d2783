import { describe, expect, it } from 'vitest';
import { lineBreaks, tokenParts, tokensPerChar, tokenTitle } from './tokenDisplay';

describe('tokenParts', () => {
  it('keeps plain text as one run', () => {
    expect(tokenParts('hello')).toEqual([{ kind: 'text', text: 'hello' }]);
  });
  it('shows spaces as faint dots and merges runs', () => {
    expect(tokenParts('  the')).toEqual([
      { kind: 'space', text: '··' },
      { kind: 'text', text: 'the' },
    ]);
  });
  it('gives each newline its own arrow', () => {
    expect(tokenParts('\n\n')).toEqual([
      { kind: 'newline', text: '↵' },
      { kind: 'newline', text: '↵' },
    ]);
    expect(lineBreaks('a\n\nb')).toBe(2);
    expect(lineBreaks('ab')).toBe(0);
  });
  it('writes out invisible characters and marks tabs', () => {
    expect(tokenParts('\t')).toEqual([{ kind: 'tab', text: '⇥' }]);
    expect(tokenParts('\u00a0')).toEqual([{ kind: 'invisible', text: '<U+00A0>' }]);
    expect(tokenParts('\u200d')).toEqual([{ kind: 'invisible', text: '<U+200D>' }]);
  });
  it('handles astral characters as one', () => {
    expect(tokenParts('😀')).toEqual([{ kind: 'text', text: '😀' }]);
  });
});

describe('tokenTitle', () => {
  it('quotes and escapes the text', () => {
    expect(tokenTitle('hello', 7)).toBe('"hello" → 7');
    expect(tokenTitle('\n', 0)).toBe('"\\n" → 0');
    expect(tokenTitle('say "hi"', 3)).toBe('"say \\"hi\\"" → 3');
  });
});

describe('tokensPerChar', () => {
  it('divides safely', () => {
    expect(tokensPerChar(50, 100)).toBe(0.5);
    expect(tokensPerChar(0, 0)).toBe(0);
  });
});

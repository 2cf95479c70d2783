/** How one token's text is shown: whitespace made visible, invisibles written out. Pure, for tests. */

export type PartKind = 'text' | 'space' | 'newline' | 'tab' | 'invisible';

export interface Part {
  kind: PartKind;
  text: string;
}

const GLYPH: Readonly<Record<string, { kind: PartKind; text: string }>> = {
  ' ': { kind: 'space', text: '·' },
  '\n': { kind: 'newline', text: '↵' },
  '\t': { kind: 'tab', text: '⇥' },
  '\r': { kind: 'invisible', text: '␍' },
};

// Controls, format characters, separators other than the plain space, surrogates, unassigned.
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** The token's text as runs: plain text, and stand-ins ('·', '↵', '⇥', '<U+00A0>') drawn faintly. */
export function tokenParts(text: string): Part[] {
  const parts: Part[] = [];
  for (const ch of text) {
    const named = GLYPH[ch];
    const part: Part = named
      ? named
      : INVISIBLE.test(ch)
        ? { kind: 'invisible', text: `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>` }
        : { kind: 'text', text: ch };
    const last = parts[parts.length - 1];
    if (last && last.kind === part.kind && part.kind !== 'newline') last.text += part.text;
    else parts.push({ ...part });
  }
  return parts;
}

/** Line breaks to put after the token: one per newline it holds. */
export function lineBreaks(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n++;
  return n;
}

/** `"hello" → 7`, with escapes (`"\n"`) so whitespace reads unambiguously. */
export function tokenTitle(text: string, id: number): string {
  return `${JSON.stringify(text)} → ${id}`;
}

export function tokensPerChar(tokens: number, characters: number): number {
  return characters > 0 ? tokens / characters : 0;
}

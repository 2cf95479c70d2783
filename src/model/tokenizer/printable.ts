/** Visible stand-ins for characters that would otherwise render as nothing in the tokens view. */

const NAMED: Readonly<Record<string, string>> = { ' ': '␣', '\n': '↵', '\t': '⇥', '\r': '␍' };

// Controls, format characters (ZWJ, BOM), separators other than the plain space, surrogates, unassigned.
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** "<U+00A0>": a code point written out; distinct from "<0xE2>", which is a lone byte. */
export function codePointLabel(cp: number): string {
  return `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** "<0xE2>": one byte that is not a whole UTF-8 character on its own. */
export function byteLabel(byte: number): string {
  return `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`;
}

/** The printable form of a string: "␣" for space, "↵" for newline, "<U+XXXX>" for other invisibles. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const named = NAMED[ch];
    if (named !== undefined) out += named;
    else if (INVISIBLE.test(ch)) out += codePointLabel(ch.codePointAt(0)!);
    else out += ch;
  }
  return out;
}

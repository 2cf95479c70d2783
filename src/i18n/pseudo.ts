/**
 * The pseudo-locale: every catalogue string with its letters swapped for accented look-alikes
 * and wrapped in ⟦ ⟧, placeholders ({{name}}, $t(key)) untouched. Rendered in it, any plain
 * ASCII word on screen is text that did not come from a catalogue (e2e/i18n-complete.spec.ts).
 */
const LOOKALIKE: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'áƀçđéƒğĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĞĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'][i],
  ]),
);

/** Placeholders an i18next string carries, kept as they are. */
const PLACEHOLDER = /(\{\{[^}]*\}\}|\$t\([^)]*\))/;

export function pseudoString(s: string): string {
  const parts = s
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (c) => LOOKALIKE[c] ?? c)));
  return `⟦${parts.join('')}⟧`;
}

type Tree = { [key: string]: string | Tree };

export function pseudoCatalogue<T extends Tree>(tree: T): T {
  const out: Tree = {};
  for (const [k, v] of Object.entries(tree))
    out[k] = typeof v === 'string' ? pseudoString(v) : pseudoCatalogue(v);
  return out as T;
}

/** Letters outside ⟦ ⟧: what a screen in the pseudo-locale shows that no catalogue gave it. */
export function untranslated(text: string): string[] {
  const outside = text.replace(/⟦[^⟧]*⟧/g, ' ');
  return outside.match(/[A-Za-z]{2,}/g) ?? [];
}

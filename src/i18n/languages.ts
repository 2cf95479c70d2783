/**
 * The languages the lab speaks, how one is chosen (`?lang=`, then the one remembered, then the
 * browser's), and the pseudo-locale the completeness test renders in (never offered in the menu).
 */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'de', name: 'Deutsch' },
] as const;

export type ShippedLang = (typeof LANGUAGES)[number]['code'];

/** Every catalogue string, accented and bracketed (i18n/pseudo.ts): untranslated text stands out. */
export const PSEUDO = 'en-XA';

export type Lang = ShippedLang | typeof PSEUDO;

export function isLang(code: string | null | undefined): code is Lang {
  return code === PSEUDO || LANGUAGES.some((l) => l.code === code);
}

/** The shipped language closest to a BCP 47 tag ("de-AT" → "de"), or null. */
function shippedFor(tag: string): ShippedLang | null {
  const base = tag.toLowerCase().split('-')[0];
  return LANGUAGES.find((l) => l.code === base)?.code ?? null;
}

/** `?lang=` wins; then the language picked last time in this browser; then the browser's own. */
export function chooseLanguage(
  search: string,
  remembered: string | null,
  preferred: readonly string[],
): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (isLang(asked)) return asked;
  if (isLang(remembered)) return remembered;
  for (const tag of preferred) {
    const lang = shippedFor(tag);
    if (lang) return lang;
  }
  return 'en';
}

/**
 * The message catalogues behind every string a person reads, on i18next (plurals through
 * Intl.PluralRules, `{{n, number}}` through Intl.NumberFormat). Plain data and functions, no DOM:
 * the worker loads it too, so the engine's messages come in the person's language.
 */
import i18next from 'i18next';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { type Lang, PSEUDO } from './languages';
import { pseudoCatalogue } from './pseudo';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false, // the catalogues are bundled: t() works from the first line of the app
  interpolation: { escapeValue: false }, // React and textContent escape; catalogues hold no markup
  returnNull: false,
  showSupportNotice: false, // no banner in the console of every tab and worker
  resources: {
    en: { translation: en },
    es: { translation: es },
    de: { translation: de },
    [PSEUDO]: { translation: pseudoCatalogue(en) },
  },
});

export const t = i18n.t.bind(i18n);

export type TFunction = typeof t;

export function setLanguage(lang: Lang): void {
  void i18n.changeLanguage(lang);
}

export function language(): Lang {
  return i18n.language as Lang;
}

/** The locale numbers are written in: the pseudo-locale writes them as English does. */
export function numberLocale(lang: Lang = language()): string {
  return lang === PSEUDO ? 'en' : lang;
}

const formats = new Map<string, Intl.NumberFormat>();

/** A number as the current language writes it: 1,234.5 · 1.234,5 · 1 234,5. */
export function formatNumber(n: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${numberLocale()}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(numberLocale(), options);
    formats.set(key, f);
  }
  return f.format(n);
}

/** `digits` decimals, fixed (a loss "1.734", a probability "0.21"). */
export function fixed(n: number, digits: number): string {
  return formatNumber(n, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

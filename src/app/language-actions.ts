/**
 * The interface language: chosen at start-up (`?lang=`, remembered, the browser's), changed from
 * the header's menu, remembered for the next visit, and told to the engine so its messages match.
 */
import { setLanguage } from '../i18n/i18n';
import { chooseLanguage, type Lang, PSEUDO } from '../i18n/languages';
import { useStore } from '../store/store';
import { engine } from './engine';

const REMEMBERED = 'tinygpt-lab/lang';

export function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null; // storage blocked: the language lasts this visit
  }
}

export function rememberLanguage(lang: Lang): void {
  try {
    localStorage.setItem(REMEMBERED, lang);
  } catch {
    // storage blocked: nothing to keep
  }
}

function apply(lang: Lang): void {
  setLanguage(lang); // before the store: components re-render with the new catalogue
  document.documentElement.lang = lang;
  useStore.setState({ lang });
  void engine.setLanguage(lang);
}

/**
 * Before the first render: the page is drawn in its language from the first frame. A link's
 * `?lang=` is remembered like a pick (a class's link sets the language for the next plain visit);
 * the pseudo-locale, a test's, is not.
 */
export function startLanguage(): void {
  const lang = chooseLanguage(
    location.search,
    rememberedLanguage(),
    navigator.languages ?? [navigator.language],
  );
  if (lang !== PSEUDO && new URLSearchParams(location.search).get('lang') === lang) rememberLanguage(lang);
  apply(lang);
}

export function pickLanguage(lang: Lang): void {
  rememberLanguage(lang);
  apply(lang);
}

/** Start-up: settings from the URL, the backend, then the autosaved session or a first sample. */
import { t } from '../i18n/i18n';
import { type Settings, settingsFromQuery, settingsToQuery, shapeOf } from '../store/settings';
import { useStore } from '../store/store';
import { arrive, isPlainVisit, prefetchArrival } from './arrival';
import { autosave, loadSaved, refreshModels, saveTo } from './autosave';
import { followRememberedChoice } from './backend-actions';
import { applyCorpus } from './corpus-actions';
import { messageOf } from './engine';
import { followGeneration } from './live-mode';
import { copyNotice, restoreSaved } from './models-actions';
import { followPresenting } from './present-mode';
import { DEFAULT_SAMPLE } from './samples';
import { personActed, startupDone } from './startup';
import { startEngine, superviseEngine } from './supervisor';
import { claimSlot, listenToOtherTabs, MAIN_SLOT, tellOtherTabs } from './tabs';

/** The settings, and the language and lesson stop when they are not the defaults, as a link carries them. */
function linkQuery(settings: Settings | null, lang: string, lesson: number | null): string {
  const q = new URLSearchParams(settings ? settingsToQuery(settings) : '');
  if (lang !== 'en') q.set('lang', lang);
  if (lesson !== null) q.set('lesson', String(lesson));
  return q.toString();
}

/** Mirror settings into the address bar so the link reproduces the setup. */
function syncUrl(): void {
  let last = '';
  useStore.subscribe((s) => {
    // A first visit keeps its plain link (language and lesson stop aside), so a reload shows the demo again.
    const q = linkQuery(s.arrival ? null : s.settings, s.lang, s.lesson);
    if (q !== last) {
      last = q;
      history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}${location.hash}`);
    }
  });
}

export async function boot(): Promise<void> {
  try {
    await start();
    await followRememberedChoice(); // auto's measured backend for this model, if it was measured here
  } finally {
    startupDone(); // what the person did meanwhile runs now
    superviseEngine();
  }
}

async function start(): Promise<void> {
  // A plain link is likely a first visit: the checkpoint starts downloading now, beside the engine
  // (for a returning person it is a cached file, or a wasted 3 MB on their first return only).
  if (isPlainVisit(location.search)) prefetchArrival();
  const slot = await claimSlot();
  saveTo(slot);
  listenToOtherTabs();
  tellOtherTabs({ kind: 'opened' });
  // This tab's own session, or (a tab opened beside another) the main slot's model, which it copies.
  const found = (await loadSaved(slot)) ?? (slot !== MAIN_SLOT ? await loadSaved(MAIN_SLOT) : undefined);
  const saved = found?.saved;
  void refreshModels();
  const firstVisit = !saved && isPlainVisit(location.search) && !personActed();
  if (firstVisit) useStore.setState({ arrival: true });
  const fromUrl = !isPlainVisit(location.search);
  // An explicit link wins over the autosaved setup; otherwise the autosave's settings come back.
  const settings = settingsFromQuery(location.search, fromUrl || !saved ? undefined : saved.settings);
  useStore.setState({ settings, busy: t('app.startingEngine') });
  syncUrl();
  followGeneration();
  followPresenting();
  saveWhenHidden();
  try {
    await startEngine(settings.backend);
  } catch (e) {
    useStore.setState({ error: t('app.engineFailed', { reason: messageOf(e) }), busy: null });
    return;
  }
  if (saved && !sameModelSetup(saved.settings, settings)) {
    // A shared link for another setup (a teacher's, say) starts that setup; the corpus stays.
    useStore.setState({ busy: null });
    if (saved.snap.corpus) await applyCorpus(saved.snap.corpus, t('app.yourLastCorpus'));
    else if (!personActed())
      await applyCorpus(DEFAULT_SAMPLE.make(), DEFAULT_SAMPLE.label, { unlessActed: true });
    useStore.setState({
      notice: t('app.linkOtherSetup'),
    });
    return;
  }
  if (found) {
    try {
      useStore.setState({ busy: t('app.restoring') });
      // The page being replaced by a reload may hold the model's lock for a moment yet.
      const { own, step } = await restoreSaved(found.id, found.saved, 600);
      useStore.setState({ notice: own ? t('app.restored', { step }) : copyNotice(step) });
      return;
    } catch (e) {
      useStore.setState({
        notice: t('app.restoreFailed', { reason: messageOf(e) }),
      });
    }
  }
  useStore.setState({ busy: null });
  // A file picked or text pasted during start-up is the corpus; the default sample is not put over it.
  if (personActed()) useStore.setState({ arrival: false });
  else if (!(firstVisit && (await arrive())))
    // Checked again when its turn comes: a text pasted after this line is not put under the sample.
    await applyCorpus(DEFAULT_SAMPLE.make(), DEFAULT_SAMPLE.label, { unlessActed: true });
}

/**
 * Save when the page is hidden: a tab switched away from, a window minimized, and (in Chromium)
 * a reload or close, which hides the page first; between, training saves every 20 s.
 */
function saveWhenHidden(): void {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void autosave();
  });
}

/** True when two settings build the same model (shape, seed, tokenizer), so a saved one may resume. */
function sameModelSetup(a: Settings, b: Settings): boolean {
  const key = (s: Settings) =>
    JSON.stringify([shapeOf(s), s.seed, s.tokenizer, s.tokenizer === 'bpe' ? s.bpeVocab : 0]);
  return key(a) === key(b);
}

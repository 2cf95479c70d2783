/**
 * The page's side of the service worker (src/sw/sw.ts): registering it, becoming cross-origin
 * isolated on a host that sends no headers, and offering a new version.
 *
 * Isolation: the first visit is served by the host (no COOP/COEP), so wasm starts with one thread;
 * once the worker controls the page a reload makes it isolated. The page reloads itself only if the
 * person has not touched it yet (nothing of theirs can be lost); otherwise the header offers it.
 * Updates: a new version waits; the header offers "Reload to update", and the reload saves first
 * and waits for training to pause. Nothing reloads by itself mid-training.
 */
import { registerSW } from 'virtual:pwa-register';
import { t } from '../i18n/i18n';
import { useStore } from '../store/store';
import { autosave } from './autosave';
import { flushCorpus } from './corpus-actions';
import { pauseAndWait } from './training-actions';

const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** Set for the one reload that isolation takes, so a browser that cannot isolate never loops. */
const TRIED = 'tinygpt-lab/isolation-reload';

let touched = false;
let update: ((reload?: boolean) => Promise<void>) | null = null;

export function startServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  for (const type of ['pointerdown', 'keydown', 'drop', 'paste'])
    document.addEventListener(type, () => (touched = true), { capture: true, once: true });
  if (!isolated()) {
    navigator.serviceWorker.addEventListener('controllerchange', becomeIsolated);
    if (navigator.serviceWorker.controller) becomeIsolated();
  }
  update = registerSW({
    immediate: true,
    onNeedRefresh: () => useStore.setState({ updateReady: true }),
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update(), UPDATE_CHECK_MS);
    },
  });
}

const isolated = () => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;

function becomeIsolated(): void {
  if (isolated() || sessionStorage.getItem(TRIED)) return;
  if (!touched && useStore.getState().training.status !== 'training') {
    sessionStorage.setItem(TRIED, '1');
    location.reload();
  } else {
    useStore.setState({ isolationReload: true });
  }
}

/** Reload into isolation (the header's offer): saved first. */
export async function reloadForThreads(): Promise<void> {
  await pauseAndSave();
  sessionStorage.setItem(TRIED, '1');
  location.reload();
}

/** "Reload to update": training paused, the session saved, then the new version takes over and the page reloads. */
export async function applyUpdate(): Promise<void> {
  await pauseAndSave();
  await update?.(true);
}

async function pauseAndSave(): Promise<void> {
  await flushCorpus(); // text typed a moment ago is part of what is saved
  if (useStore.getState().training.status === 'training') useStore.setState({ busy: t('app.pausingToSave') });
  await pauseAndWait();
  await autosave();
}

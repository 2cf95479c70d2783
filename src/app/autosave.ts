/** Autosave to IndexedDB, so a reload resumes where the user was (corpus, model, optimizer, history). The engine worker writes, this thread reads once at start-up. */
import { del, get } from 'idb-keyval';
import { useStore } from '../store/store';
import type { SessionSnapshot } from '../worker/api';
import { engine } from './engine';

const KEY = 'tinygpt-lab/session/v1';
let saving: Promise<void> | null = null;
let queued: Promise<void> | null = null;

/**
 * Save the session. One save at a time: a request made during a save runs once that save ends
 * (requests meanwhile share it), so what lands is the state at the last request, not an older one.
 */
export function autosave(): Promise<void> {
  if (queued) return queued;
  if (saving) {
    queued = saving.then(() => {
      queued = null;
      return autosave();
    });
    return queued;
  }
  saving = (async () => {
    try {
      // The worker writes it: the snapshot (weights, moments, corpus) never crosses to this thread.
      const { settings, modelSource, training } = useStore.getState();
      await engine.autosave(KEY, { settings, modelSource, samples: training.samples });
    } catch (e) {
      console.warn('autosave failed', e);
    } finally {
      saving = null;
    }
  })();
  return saving;
}

export interface Saved {
  snap: SessionSnapshot;
  settings: ReturnType<typeof useStore.getState>['settings'];
  modelSource: string;
  samples: { step: number; text: string }[];
}

export async function loadSaved(): Promise<Saved | undefined> {
  try {
    return await get<Saved>(KEY);
  } catch {
    return undefined;
  }
}

export function forgetSaved(): Promise<void> {
  return del(KEY);
}

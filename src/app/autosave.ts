/** Autosave to IndexedDB, so a reload resumes where the user was (corpus, model, optimizer, history). */
import { del, get, set } from 'idb-keyval';
import { useStore } from '../store/store';
import type { SessionSnapshot } from '../worker/api';
import { engine } from './engine';

const KEY = 'tinygpt-lab/session/v1';
let saving: Promise<void> | null = null;

export async function autosave(): Promise<void> {
  if (saving) return saving; // one save at a time; the next tick saves again
  saving = (async () => {
    try {
      const snap = await engine.snapshot();
      if (snap)
        await set(KEY, {
          snap,
          settings: useStore.getState().settings,
          modelSource: useStore.getState().modelSource,
          samples: useStore.getState().training.samples,
        });
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

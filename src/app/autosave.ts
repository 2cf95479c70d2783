/** Autosave to IndexedDB, so a reload resumes where the user was (corpus, model, optimizer, history). The engine worker writes, this thread reads once at start-up. */
import { del, get } from 'idb-keyval';
import { type LearnedFrom, useStore } from '../store/store';
import type { SessionSnapshot } from '../worker/api';
import { engine } from './engine';

import { MAIN_SLOT } from './tabs';

/** This tab's slot (app/tabs.ts): the main one unless another tab holds it. */
let slot = MAIN_SLOT;
let saving: Promise<void> | null = null;
let queued: Promise<void> | null = null;

/**
 * Save the session. One save at a time: a request made during a save runs once that save ends
 * (requests meanwhile share it), so what lands is the state at the last request, not an older one.
 */
export function autosave(): Promise<void> {
  if (useStore.getState().demo) return Promise.resolve(); // a first visit's demo is not their session yet
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
      const { settings, modelSource, learnedFrom, training } = useStore.getState();
      await engine.autosave(slot, { settings, modelSource, learnedFrom, samples: training.samples });
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
  learnedFrom?: LearnedFrom | null;
  samples: { step: number; text: string }[];
}

/** Save to `key` from now on (start-up, once this tab's slot is claimed). */
export function saveTo(key: string): void {
  slot = key;
}

export async function loadSaved(from = slot): Promise<Saved | undefined> {
  try {
    return await get<Saved>(from);
  } catch {
    return undefined;
  }
}

export function forgetSaved(): Promise<void> {
  return del(slot);
}

/** The UI's handle on the engine worker: a Comlink proxy typed by the worker's API. */
import * as Comlink from 'comlink';
import type { EngineApi } from '../worker/api';

const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
  type: 'module',
  name: 'engine',
});

export const engine = Comlink.wrap<EngineApi>(worker);

/** Send `value` with these buffers moved to the worker rather than copied (they are gone here). */
export const transfer = Comlink.transfer;

/** Wrap a callback so the worker can call it across the thread boundary. */
export const callback = Comlink.proxy;

/** A worker error as one readable sentence (Comlink carries the message across). */
export function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.replace(/^(Error|RangeError|TypeError|CheckpointError|OutOfVocabularyError):\s*/, '');
}

/**
 * The UI's handle on the engine worker: a Comlink proxy typed by the worker's API. Calls go to the
 * worker alive now; when it dies (app/supervisor.ts) a new one replaces it, and every call still
 * waiting on the old one fails at once with "The engine stopped", so no caller waits forever.
 */
import * as Comlink from 'comlink';
import { language } from '../i18n/i18n';
import type { EngineApi } from '../worker/api';

interface Live {
  worker: Worker;
  remote: Comlink.Remote<EngineApi>;
  /** Rejects when this worker is replaced. */
  died: Promise<never>;
  kill: (why: Error) => void;
}

function start(): Live {
  const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'engine',
  });
  let kill: (why: Error) => void = () => {};
  const died = new Promise<never>((_, reject) => {
    kill = reject;
  });
  died.catch(() => {}); // nobody may be waiting
  const remote = Comlink.wrap<EngineApi>(worker);
  void remote.setLanguage(language()); // a replacement engine speaks the language the page does
  return { worker, remote, died, kill };
}

let live = start();

export const engine = new Proxy({} as Comlink.Remote<EngineApi>, {
  get(_, key) {
    if (typeof key !== 'string') return undefined;
    const now = live;
    const method = (now.remote as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[key];
    return (...args: unknown[]) => Promise.race([method(...args), now.died]);
  },
});

/** The worker running now (for its error events). */
export function engineWorker(): Worker {
  return live.worker;
}

/** Stop the worker (if it still runs) and start a fresh one; calls waiting on the old one fail. */
export function replaceEngine(why: string): void {
  const old = live;
  live = start();
  old.kill(new Error(`${STOPPED} (${why})`));
  old.worker.terminate();
}

const STOPPED = 'The engine stopped';

/** True for the failure of a call that was waiting on a worker that died (the supervisor reports it). */
export function isEngineStop(e: unknown): boolean {
  return e instanceof Error && e.message.startsWith(STOPPED);
}

/** Send `value` with these buffers moved to the worker rather than copied (they are gone here). */
export const transfer = Comlink.transfer;

/** Wrap a callback so the worker can call it across the thread boundary. */
export const callback = Comlink.proxy;

/** A worker error as one readable sentence (Comlink carries the message across). */
export function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.replace(/^(Error|RangeError|TypeError|CheckpointError|OutOfVocabularyError):\s*/, '');
}

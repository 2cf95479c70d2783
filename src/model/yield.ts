/**
 * Task boundaries in long loops of the engine. A read (`await t.data()`) on wasm or cpu resolves as
 * a microtask, so a loop of reads never lets the worker take a message: not the page's heartbeat
 * (app/supervisor.ts restarts a worker silent for 12 s), not a request to stop. A validation or a
 * generation with a big model (~1 s a forward pass on a slow CPU) would hold the worker for minutes.
 */

/** A function to await in each round of a loop: it yields a task at most every `everyMs`, so small models pay nothing. */
export function taskYielder(everyMs = 500): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}

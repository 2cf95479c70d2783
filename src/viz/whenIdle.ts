/**
 * Run `job` once the page is idle (the frames showing the latest update are done), at most
 * `timeoutMs` later; returns the function that cancels it. Follow-up work — a saliency explanation
 * after a generated token — then neither delays the panels' frames nor competes with them for the
 * CPU (bench/panels.ts: asked for at once, it made each token's longest task ~8 ms longer).
 */
export function whenIdle(job: () => void, timeoutMs = 500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(job, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(job, 100); // Safari: no idle callbacks; after a few frames
  return () => clearTimeout(id);
}

/**
 * Start-up and the person's first actions. Every control works from the first paint: an action
 * taken while the engine starts (a file picked, a text pasted, "Load pretrained" pressed) waits
 * for start-up to end and then runs, and start-up, seeing that the person acted, loads no
 * default sample over it.
 */

let finish: () => void = () => {};
const started = new Promise<void>((resolve) => {
  finish = resolve;
});
let acted = false;

/** Called by boot once the engine is up and the first corpus or model is in place (or start-up failed). */
export function startupDone(): void {
  finish();
}

/** True once the person has done something that start-up must not overwrite. */
export function personActed(): boolean {
  return acted;
}

/** Note that the person acted, so start-up puts nothing of its own over what they did. */
export function noteAction(): void {
  acted = true;
}

/** Note that the person acted; resolves once start-up has ended (at once after it). */
export function afterStartup(): Promise<void> {
  noteAction();
  return started;
}

/** Wrap an action so that, taken during start-up, it runs after it instead of being overwritten. */
export function queuedUntilStarted<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    await afterStartup();
    return action(...args);
  };
}

/**
 * The actions that replace the corpus or the model (a corpus applied with the model rebuilt for it,
 * a checkpoint or the pretrained model taken in, a saved model restored) run one after another, in
 * the order the person asked for them: otherwise a model built for a text pasted a moment earlier
 * can land after, and over, the pretrained model loaded next. Do not nest them (a queued action
 * that waited for another queued one would wait for itself).
 */
let tail: Promise<unknown> = Promise.resolve();

export function oneAtATime<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return (...args: A) => {
    const run = tail.then(() => action(...args));
    tail = run.catch(() => {});
    return run;
  };
}

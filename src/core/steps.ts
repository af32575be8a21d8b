/**
 * Long work written as steps: a generator that yields now and then (how far it is) and returns its
 * result. Run to its end at once where nothing waits on it (the server, a Worker, the command
 * line), or a slice at a time on a page's thread, which must answer clicks and draw a progress bar
 * between slices (sidebar/reading/client.ts).
 */

/** Runs steps to their end at once, telling `onStep` each step; returns the result. */
export function finishSteps<Y, T>(steps: Generator<Y, T, void>, onStep?: (step: Y) => void): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onStep?.(next.value);
  }
}

/** The same steps, each said another way (a stage's fraction as the whole read's). */
export function* mapSteps<A, B, T>(steps: Generator<A, T, void>, say: (step: A) => B): Generator<B, T, void> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield say(next.value);
  }
}

/**
 * Facts about the current execution. Apps Script evaluates the whole script afresh for every
 * execution, so module state normally lives exactly one execution; the test harness that runs
 * these modules directly gives each execution its own service objects instead. Keying state by
 * the `PropertiesService` global serves both.
 */

function executionKey(): object {
  return PropertiesService as unknown as object;
}

/** A value kept for the rest of this execution. */
export function perExecution<T>(): { get(): T | undefined; set(value: T): void } {
  const values = new WeakMap<object, T>();
  return { get: () => values.get(executionKey()), set: (value) => void values.set(executionKey(), value) };
}

const started = perExecution<number>();

/** Notes that this execution began now (the first thing every google.script.run target does). */
export function markExecutionStart(): void {
  started.set(Date.now());
}

/** When this execution began, as far as SettleSheet knows (now, if nobody marked it). */
export function executionStart(): number {
  return started.get() ?? Date.now();
}

/** A hand-driven clock for tests: time moves only when the test (or a `slow` fault) says so. */

/** A clock whose time a test sets and advances. */
export interface ManualClock {
  /** The current time in milliseconds since the epoch. */
  now(): number;
  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void;
}

/** A manual clock starting at `start` (milliseconds, or an ISO timestamp). */
export function manualClock(start: number | string = '2026-01-15T09:00:00Z'): ManualClock {
  let time = typeof start === 'number' ? start : Date.parse(start);
  if (!Number.isFinite(time)) throw new RangeError(`Not a time: ${String(start)}`);
  return {
    now: () => time,
    advance(ms: number) {
      if (!(ms >= 0)) throw new RangeError(`A clock only moves forward, not by ${ms} ms`);
      time += ms;
    },
  };
}

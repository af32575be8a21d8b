/**
 * The world's clock. Fakes never read the machine's time: cache expiry, state-token expiry, lock
 * waits and `Utilities.sleep` all run on this clock, so tests control time exactly.
 */

/** A settable clock in epoch milliseconds. */
export class Clock {
  constructor(private current: number) {}

  /** The current time in epoch milliseconds. */
  now(): number {
    return this.current;
  }

  /** Moves time forward; a script that sleeps or waits for a lock spends world time, not real time. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`Cannot advance the clock by ${ms} ms`);
    this.current += ms;
  }
}

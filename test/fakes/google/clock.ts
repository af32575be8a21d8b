/**
 * The world's clock. Fakes never read the machine's time: cache expiry, state-token expiry, lock
 * waits and `Utilities.sleep` all run on this clock, so tests control time exactly.
 */

/** A settable clock in epoch milliseconds. */
export class Clock {
  /** The time scripts have spent so far (calls, sleeps, lock waits), as opposed to time a test let pass. */
  spent = 0;

  constructor(private current: number) {}

  /** The current time in epoch milliseconds. */
  now(): number {
    return this.current;
  }

  /** Moves time forward (a test letting time pass, or a service answering slowly). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`Cannot advance the clock by ${ms} ms`);
    this.current += ms;
  }

  /** Moves time forward as time a script spends: a call's cost, a sleep, a wait for a lock. */
  spend(ms: number): void {
    this.advance(ms);
    this.spent += ms;
  }
}

/**
 * `LockService`: document, user and script locks shared by every execution of the world. The
 * fakes run one execution at a time, so a lock another execution holds is never released while
 * someone waits for it: `tryLock` spends the whole timeout on the world's clock and returns false,
 * `waitLock` spends it and throws Google's "Lock timeout: another process was holding the lock for
 * too long.". A lock is re-entrant for the execution holding it, and Apps Script releases whatever
 * an execution still holds when it ends (`world.endExecution`).
 */
import { SERVICE, type FakeObject } from './boundary';
import type { Clock } from './clock';
import { GoogleException } from './errors';

/** Which execution holds each lock, by lock key (`script`, `document`, `user:<email>`). */
export type LockTable = Map<string, number>;

/** One lock as one execution sees it (Apps Script's `Lock`). */
export class Lock implements FakeObject {
  readonly [SERVICE] = 'Lock';

  constructor(
    readonly _table: LockTable,
    readonly _key: string,
    readonly _execution: number,
    readonly _clock: Clock,
  ) {}

  /** Takes the lock if it is free (or already ours); otherwise waits out the timeout and returns false. */
  tryLock(timeoutInMillis: number): boolean {
    const holder = this._table.get(this._key);
    if (holder === undefined || holder === this._execution) {
      this._table.set(this._key, this._execution);
      return true;
    }
    this._clock.spend(Math.max(0, timeoutInMillis));
    return false;
  }

  /** Takes the lock, or throws Google's message after the timeout. */
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new GoogleException('Lock timeout: another process was holding the lock for too long.');
    }
  }

  /** True when this execution holds the lock. */
  hasLock(): boolean {
    return this._table.get(this._key) === this._execution;
  }

  /** Releases the lock if this execution holds it. */
  releaseLock(): void {
    if (this.hasLock()) this._table.delete(this._key);
  }
}

/** The `LockService` of one execution (with or without an open document). */
export function createLockService(table: LockTable, execution: number, user: string, clock: Clock, hasDocument = true) {
  return {
    [SERVICE]: 'LockService',
    /** The lock every user of this document shares; null without a document. */
    // Typed as Google's typings type it (never null), though Google returns null without a document.
    getDocumentLock: (): Lock => (hasDocument ? new Lock(table, 'document', execution, clock) : null) as Lock,
    /** The lock of the current user. */
    getUserLock: () => new Lock(table, `user:${user}`, execution, clock),
    /** The lock every user of the script shares. */
    getScriptLock: () => new Lock(table, 'script', execution, clock),
  };
}

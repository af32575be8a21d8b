/**
 * The Xero ports in memory, for unit tests and the Node workbench: a key-value store, a lock that
 * is either free or held, a hand-driven clock, a cache that expires on that clock, and crypto from
 * node:crypto.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CachePort, Clock, Crypto, KeyValueStore, LockPort, StateTokenPort } from '../../src/xero/ports';

/** A key-value store whose entries a test can read. */
export interface MemoryStore extends KeyValueStore {
  entries(): Record<string, string>;
}

/** An empty (or seeded) store. */
export function memoryStore(initial: Record<string, string> = {}): MemoryStore {
  const map = new Map(Object.entries(initial));
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    delete: (key) => void map.delete(key),
    entries: () => Object.fromEntries(map),
  };
}

/** A lock a test can hold on behalf of "another execution"; waiting spends clock time. */
export interface MemoryLock extends LockPort {
  /** True while someone else holds it. */
  heldElsewhere: boolean;
}

/** A free lock on a clock. */
export function memoryLock(clock: TestClock): MemoryLock {
  const lock: MemoryLock = {
    heldElsewhere: false,
    run(waitMs, work) {
      if (lock.heldElsewhere) {
        clock.advance(waitMs);
        return { ok: false };
      }
      return { ok: true, value: work() };
    },
  };
  return lock;
}

/** A clock that moves only when told (sleeping moves it too). */
export interface TestClock extends Clock {
  advance(ms: number): void;
  /** Every sleep, in order. */
  sleeps: number[];
}

/** A test clock starting at an ISO time. */
export function testClock(start = '2026-01-15T09:00:00Z'): TestClock {
  let time = Date.parse(start);
  const clock: TestClock = {
    sleeps: [],
    now: () => time,
    advance(ms) {
      time += ms;
    },
    sleep(ms) {
      clock.sleeps.push(ms);
      time += ms;
    },
  };
  return clock;
}

/** A cache that expires entries on the clock. */
export function memoryCache(clock: Clock): CachePort & { keys(): string[] } {
  const map = new Map<string, { value: string; until: number }>();
  return {
    get(key) {
      const entry = map.get(key);
      return entry && entry.until > clock.now() ? entry.value : null;
    },
    put: (key, value, seconds) => void map.set(key, { value, until: clock.now() + seconds * 1000 }),
    remove: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}

/** Crypto from node:crypto. */
export const nodeCrypto: Crypto = {
  randomBase64Url: (bytes) => randomBytes(bytes).toString('base64url'),
  sha256Base64Url: (text) => createHash('sha256').update(text, 'utf8').digest('base64url'),
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  base64: (text) => Buffer.from(text, 'utf8').toString('base64'),
};

/** State tokens a test can look up (the callback name each was made for). */
export function memoryStateTokens(): StateTokenPort & { issued: Map<string, string> } {
  const issued = new Map<string, string>();
  let n = 0;
  return {
    issued,
    create(callbackFunction) {
      const token = `state-${++n}-${randomBytes(8).toString('hex')}`;
      issued.set(token, callbackFunction);
      return token;
    },
  };
}

/**
 * The small doors between the Xero modules and the runtime. Apps Script implements them with its
 * services (src/server/xero/ports.ts); tests and the Node workbench implement them in memory, so
 * everything under src/xero runs unchanged in both.
 */

/** A store of string values by key: user, document or script properties. */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** What running under a lock gave: the work's value, or `busy` when the lock could not be had. */
export type Locked<T> = { ok: true; value: T } | { ok: false };

/** A lock shared by executions: the user's (token refresh) or the document's (posting, binding). */
export interface LockPort {
  /** Runs `work` holding the lock, waiting up to `waitMs` for it; `{ ok: false }` if it stayed taken. */
  run<T>(waitMs: number, work: () => T): Locked<T>;
}

/** Time: Apps Script has no timers, so waiting is a blocking sleep. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Blocks for `ms` milliseconds. */
  sleep(ms: number): void;
}

/** A cache of string values that expire (the document's cache in Apps Script). */
export interface CachePort {
  get(key: string): string | null;
  put(key: string, value: string, seconds: number): void;
  remove(key: string): void;
}

/** Randomness, hashing and Base64, which Apps Script offers through Utilities only. */
export interface Crypto {
  /** `bytes` random bytes as unpadded base64url. */
  randomBase64Url(bytes: number): string;
  /** SHA-256 of the UTF-8 text as unpadded base64url (PKCE's S256). */
  sha256Base64Url(text: string): string;
  /** SHA-256 of the UTF-8 text as lower-case hex. */
  sha256Hex(text: string): string;
  /** Standard padded Base64 of the UTF-8 text (HTTP Basic authentication). */
  base64(text: string): string;
}

/** Makes the state token Google checks before it calls the OAuth callback (ScriptApp.newStateToken). */
export interface StateTokenPort {
  create(callbackFunction: string, timeoutSeconds: number): string;
}

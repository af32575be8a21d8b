/**
 * `CacheService`: script, document and per-user caches that expire on the world's clock. Google's
 * limits: keys up to 250 characters, values up to 100 KB ("Argument too large: key" / "… value"),
 * entries kept 600 s by default and at most 21,600 s (6 h). Google documents the maximum, not an
 * error past it, so a longer expiry is cut to 6 h.
 */
import { SERVICE, type FakeObject } from './boundary';
import type { Clock } from './clock';
import { GoogleException } from './errors';

/** The longest key Google accepts, in characters. */
export const MAX_CACHE_KEY_CHARACTERS = 250;
/** The largest value Google accepts, in bytes. */
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
/** How long an entry lives unless told otherwise, in seconds. */
export const DEFAULT_CACHE_SECONDS = 600;
/** The longest an entry can live, in seconds. */
export const MAX_CACHE_SECONDS = 21600;

/** A cached value and when it expires (epoch ms). */
export interface CacheEntry {
  value: string;
  expiresAt: number;
}

/** One cache (Apps Script's `Cache`). */
export class Cache implements FakeObject {
  readonly [SERVICE] = 'Cache';

  constructor(readonly _entries: Map<string, CacheEntry>, readonly _clock: Clock) {}

  _checkKey(key: string): void {
    if (key.length > MAX_CACHE_KEY_CHARACTERS) throw new GoogleException('Argument too large: key');
  }

  _entry(key: string, value: unknown, expirationInSeconds: number): CacheEntry {
    this._checkKey(key);
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_CACHE_VALUE_BYTES) throw new GoogleException('Argument too large: value');
    const seconds = Math.min(Math.max(expirationInSeconds, 1), MAX_CACHE_SECONDS);
    return { value: text, expiresAt: this._clock.now() + seconds * 1000 };
  }

  /** The value, or null when absent or expired. */
  get(key: string): string | null {
    this._checkKey(String(key));
    const e = this._entries.get(String(key));
    if (!e) return null;
    if (e.expiresAt <= this._clock.now()) {
      this._entries.delete(String(key));
      return null;
    }
    return e.value;
  }

  /** The values found for the keys (absent and expired keys are left out). */
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const v = this.get(key);
      if (v !== null) out[key] = v;
    }
    return out;
  }

  /** Stores a value for `expirationInSeconds` (600 by default). */
  put(key: string, value: unknown, expirationInSeconds = DEFAULT_CACHE_SECONDS): void {
    this._entries.set(String(key), this._entry(String(key), value, expirationInSeconds));
  }

  /** Stores several values (all or none, when one is too large). */
  putAll(values: Record<string, unknown>, expirationInSeconds = DEFAULT_CACHE_SECONDS): void {
    const entries = Object.entries(values).map(([k, v]) => [k, this._entry(k, v, expirationInSeconds)] as const);
    for (const [k, e] of entries) this._entries.set(k, e);
  }

  /** Forgets a key. */
  remove(key: string): void {
    this._checkKey(String(key));
    this._entries.delete(String(key));
  }

  /** Forgets several keys. */
  removeAll(keys: string[]): void {
    for (const key of keys) this.remove(key);
  }
}

/** Where the world keeps caches. */
export interface CacheStores {
  script: Map<string, CacheEntry>;
  document: Map<string, CacheEntry>;
  user(email: string): Map<string, CacheEntry>;
}

/** The `CacheService` of one execution run by `user` (with or without an open document). */
export function createCacheService(stores: CacheStores, user: string, clock: Clock, hasDocument = true) {
  return {
    [SERVICE]: 'CacheService',
    /** The script's cache. */
    getScriptCache: () => new Cache(stores.script, clock),
    /** The document's cache; null without a document. */
    getDocumentCache: () => (hasDocument ? new Cache(stores.document, clock) : null),
    /** The current user's cache. */
    getUserCache: () => new Cache(stores.user(user), clock),
  };
}

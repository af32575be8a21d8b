/**
 * The document and user caches as SettleSheet uses them: only ever a shortcut. Google refuses a
 * value over 100 KB or a key over 250 characters ("Argument too large", CacheService reference),
 * and a cache may be missing or failing; none of that may stop the work, so a value that does not
 * fit is simply not cached (and any older copy is dropped so it cannot be read back stale).
 */
import type { CachePort } from '../../xero/ports';
import { utf8Length } from './utf8';

/** The largest value Google's cache takes, in bytes. */
export const CACHE_VALUE_BYTES = 100 * 1024;
const CACHE_KEY_CHARACTERS = 250;

/** Caches `value` if it fits; returns whether it did. */
export function cacheIfItFits(cache: GoogleAppsScript.Cache.Cache, key: string, value: string, seconds: number): boolean {
  try {
    if (key.length > CACHE_KEY_CHARACTERS) return false;
    if (utf8Length(value) > CACHE_VALUE_BYTES) {
      cache.remove(key);
      return false;
    }
    cache.put(key, value, seconds);
    return true;
  } catch (error) {
    console.warn(`SettleSheet: not cached (${error instanceof Error ? error.message : String(error)})`);
    return false;
  }
}

/** A CacheService cache as a CachePort whose `put` never throws. */
export function cachePort(cache: GoogleAppsScript.Cache.Cache): CachePort {
  return {
    get: (key) => cache.get(key),
    put: (key, value, seconds) => void cacheIfItFits(cache, key, value, seconds),
    remove: (key) => cache.remove(key),
  };
}

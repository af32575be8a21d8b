/**
 * The Xero ports implemented with Apps Script's services: properties, locks, the document cache,
 * Utilities for time, hashing and randomness, ScriptApp for state tokens and UrlFetchApp for HTTP.
 */
import { NetworkError, type HttpPort } from '../../xero/http';
import type { CachePort, Clock, Crypto, KeyValueStore, LockPort, StateTokenPort } from '../../xero/ports';

/** A property store as a KeyValueStore. */
export function propertiesStore(properties: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => properties.getProperty(key),
    set: (key, value) => void properties.setProperty(key, value),
    delete: (key) => void properties.deleteProperty(key),
  };
}

/** An Apps Script lock as a LockPort: `tryLock` waits, and the lock is always released after the work. */
export function lockPort(lock: GoogleAppsScript.Lock.Lock): LockPort {
  return {
    run(waitMs, work) {
      if (!lock.tryLock(waitMs)) return { ok: false };
      try {
        return { ok: true, value: work() };
      } finally {
        lock.releaseLock();
      }
    },
  };
}

/** A CacheService cache as a CachePort. */
export function cachePort(cache: GoogleAppsScript.Cache.Cache): CachePort {
  return {
    get: (key) => cache.get(key),
    put: (key, value, seconds) => cache.put(key, value, seconds),
    remove: (key) => cache.remove(key),
  };
}

/** Apps Script's clock: there are no timers, so waiting is Utilities.sleep. */
export const appsScriptClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => Utilities.sleep(ms),
};

function sha256(text: string): number[] {
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);
}

const unpadded = (base64: string) => base64.replace(/=+$/, '');

/**
 * Hashing, Base64 and randomness through Utilities. Apps Script has no random-bytes call: random
 * bytes are SHA-256 digests of three random UUIDs (366 random bits per 32 bytes).
 */
export const appsScriptCrypto: Crypto = {
  randomBase64Url(bytes) {
    const out: number[] = [];
    while (out.length < bytes) out.push(...sha256(Utilities.getUuid() + Utilities.getUuid() + Utilities.getUuid()));
    return unpadded(Utilities.base64EncodeWebSafe(out.slice(0, bytes)));
  },
  sha256Base64Url: (text) => unpadded(Utilities.base64EncodeWebSafe(sha256(text))),
  sha256Hex: (text) => sha256(text).map((b) => (b & 0xff).toString(16).padStart(2, '0')).join(''),
  base64: (text) => Utilities.base64Encode(text, Utilities.Charset.UTF_8),
};

/** State tokens that make Google call a top-level function back. */
export const stateTokenPort: StateTokenPort = {
  create: (callbackFunction, timeoutSeconds) =>
    ScriptApp.newStateToken().withMethod(callbackFunction).withTimeout(timeoutSeconds).createToken(),
};

/**
 * UrlFetchApp as the HttpPort: HTTP errors come back as responses (muteHttpExceptions), header
 * names are lower-cased, and a fetch that throws (no answer at all) is a NetworkError.
 */
export const urlFetchHttp: HttpPort = (request) => {
  const { 'content-type': contentType, ...headers } = request.headers;
  const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
    method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
    headers,
    muteHttpExceptions: true,
  };
  if (request.body !== undefined) params.payload = request.body;
  if (contentType !== undefined) params.contentType = contentType;
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(request.url, params);
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  const responseHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.getAllHeaders() as Record<string, string | string[]>)) {
    responseHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status: response.getResponseCode(), headers: responseHeaders, body: response.getContentText() };
};

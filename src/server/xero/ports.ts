/**
 * The Xero ports implemented with Apps Script's services: locks, Utilities for time, hashing and
 * randomness, and ScriptApp for state tokens. Properties and the cache are in ../storage, HTTP in
 * url-fetch.ts.
 */
import type { Clock, Crypto, LockPort, StateTokenPort } from '../../xero/ports';
import { noteLockTaken } from '../records/record-sheet';

/**
 * An Apps Script lock as a LockPort: `tryLock` waits, and the lock is always released after the
 * work. Work asked for while this execution already holds the lock (a post run inside a server
 * call that took the document lock) runs at once and leaves the lock to its holder: Apps Script's
 * `releaseLock` does not count, so releasing here would free the outer holder's lock too early.
 */
export function lockPort(lock: GoogleAppsScript.Lock.Lock): LockPort {
  return {
    run(waitMs, work) {
      if (lock.hasLock()) return { ok: true, value: work() };
      if (!lock.tryLock(waitMs)) return { ok: false };
      noteLockTaken();
      try {
        return { ok: true, value: work() };
      } finally {
        lock.releaseLock();
      }
    },
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

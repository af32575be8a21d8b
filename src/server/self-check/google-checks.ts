/**
 * The Google side of the self-check: the scopes the manifest asks for are granted, a property
 * value holds what SettleSheet writes (8,000 bytes) and how much more, a cache value holds 100 KB,
 * the document lock can be taken, and UrlFetch may reach Xero's identity host. Everything it
 * writes goes to the person's own properties and cache under one key, removed at once.
 */
import { check, timed, type CheckResult } from './report';

const PROBE_KEY = 'settlesheet.selfcheck.probe';
/** What SettleSheet writes at most into one property value (see storage/properties.ts). */
const PROPERTY_NEEDED = 8000;
/** Google's quota page figure; the search for the real limit stops there. */
const PROPERTY_DOCUMENTED = 9 * 1024;
const CACHE_VALUE = 100 * 1024;
const IDENTITY_PROBE = 'https://identity.xero.com/.well-known/openid-configuration';

/** One line per scope: the call that needs it works. */
export function scopeChecks(uiShown: boolean): CheckResult[] {
  return [
    check('Scope userinfo.email (who imports and posts)', () => {
      const email = Session.getActiveUser().getEmail();
      return { outcome: 'pass', figure: email ? 'granted; your address is visible' : 'granted; Google hides your address here', ...(email ? {} : { detail: 'The Log will name you by a temporary key instead.' }) };
    }),
    check('Scope spreadsheets.currentonly (this spreadsheet)', () => ({ outcome: 'pass', figure: `granted; spreadsheet "${SpreadsheetApp.getActiveSpreadsheet().getName()}"` })),
    check('Scope script.container.ui (sidebar, dialogs)', () =>
      uiShown ? { outcome: 'pass', figure: 'granted; this check asked you a question' } : { outcome: 'skipped', figure: 'not checked', detail: 'Run "Check this installation" from the add-on menu to check it.' },
    ),
  ];
}

function fits(properties: GoogleAppsScript.Properties.Properties, bytes: number): boolean {
  try {
    properties.setProperty(PROBE_KEY, 'x'.repeat(bytes));
    return true;
  } catch {
    return false;
  }
}

/** The property value SettleSheet needs fits, and the largest that does, found by halving. */
export function propertyValueCheck(): CheckResult {
  return check('Property value size', () => {
    const properties = PropertiesService.getUserProperties();
    try {
      if (!fits(properties, PROPERTY_NEEDED)) {
        return { outcome: 'fail', figure: `a value of ${PROPERTY_NEEDED} bytes was refused`, detail: 'SettleSheet splits values at 7,900 bytes and needs 8,000 to fit.' };
      }
      let low = PROPERTY_NEEDED;
      let high = PROPERTY_DOCUMENTED + 1;
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (fits(properties, mid)) low = mid;
        else high = mid;
      }
      return { outcome: 'pass', figure: `largest value accepted: ${low} bytes (SettleSheet writes at most 7,900)` };
    } finally {
      properties.deleteProperty(PROBE_KEY);
    }
  });
}

/** A cache value of 100 KB fits and one byte more is refused (SettleSheet skips caching above). */
export function cacheValueCheck(): CheckResult {
  return check('Cache value size', () => {
    const cache = CacheService.getUserCache();
    try {
      cache.put(PROBE_KEY, 'x'.repeat(CACHE_VALUE), 60);
      let refused = false;
      try {
        cache.put(PROBE_KEY, 'x'.repeat(CACHE_VALUE + 1), 60);
      } catch {
        refused = true;
      }
      return { outcome: 'pass', figure: `100 KB accepted; 1 byte more ${refused ? 'refused' : 'accepted too'}` };
    } finally {
      cache.remove(PROBE_KEY);
    }
  });
}

/** The document lock exists here and can be taken. */
export function documentLockCheck(): CheckResult {
  return check('Document lock', () => {
    const lock = LockService.getDocumentLock();
    if (!lock) return { outcome: 'fail', figure: 'no document lock', detail: 'Imports and posts need it to serialise collaborators.' };
    const taken = timed(() => lock.tryLock(10_000));
    if (taken.value) lock.releaseLock();
    return taken.value ? { outcome: 'pass', figure: `taken in ${taken.ms} ms` } : { outcome: 'fail', figure: 'busy for 10 s', detail: 'Someone else held it; run the check again.' };
  });
}

/** UrlFetch reaches Xero's identity host: the manifest allows it and the scope is granted. */
export function urlFetchCheck(): CheckResult {
  return check("UrlFetch to Xero's identity host", () => {
    const answer = timed(() => UrlFetchApp.fetch(IDENTITY_PROBE, { muteHttpExceptions: true, followRedirects: false }));
    return { outcome: 'pass', figure: `HTTP ${answer.value.getResponseCode()} in ${answer.ms} ms` };
  });
}

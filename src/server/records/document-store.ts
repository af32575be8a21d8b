/**
 * The spreadsheet's store as the Xero modules see it (their `KeyValueStore`, unchanged): posted
 * records (`xero.posted.<settlement id>`, the key src/xero/posted-records.ts writes) go to the
 * records tab, which has room for every settlement; the small fixed-size facts (the bound
 * organisation, who is posting now) stay in document properties.
 */
import type { KeyValueStore } from '../../xero/ports';
import { propertiesStore } from '../storage/properties';
import { openRecords } from './open';
import type { RecordSheet } from './record-sheet';

/** The key prefix of posted records (the Xero module's). */
export const POSTED_RECORD_PREFIX = 'xero.posted.';

/** Document properties plus the records tab, as one KeyValueStore. */
export function documentStore(properties: GoogleAppsScript.Properties.Properties): KeyValueStore {
  const small = propertiesStore(properties);
  let records: RecordSheet | undefined;
  // Opened on first use: a status check that never reads a posted record never touches the tab.
  const tab = () => (records ??= openRecords());
  const inTab = (key: string) => key.startsWith(POSTED_RECORD_PREFIX);
  return {
    get: (key) => (inTab(key) ? tab().get(key) : small.get(key)),
    set: (key, value) => (inTab(key) ? tab().set(key, value) : small.set(key, value)),
    delete: (key) => (inTab(key) ? tab().delete(key) : small.delete(key)),
  };
}

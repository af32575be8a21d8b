/**
 * Opening the records of the active spreadsheet. The records tab is created with the other tabs;
 * records an older version kept in document properties (the registry and the posted records) move
 * into it the first time, under the document lock: copied first, then marked moved, then deleted
 * from properties, so an interruption at any point leaves every record readable and the next
 * call finishes the move (a key already in the tab keeps the tab's value).
 */
import { UserFacingError } from '../api/envelope';
import { perExecution } from '../execution';
import { Workbook } from '../workbook/workbook';
import { noteLockTaken, RecordSheet } from './record-sheet';

/** Where records lived before the records tab (document property key prefixes). */
export const LEGACY_RECORD_PREFIXES = ['settlesheet.settlement.', 'xero.posted.'] as const;
/** The document property saying the records now live in the tab. */
const MOVED_KEY = 'settlesheet.records';
const MOVED = 'tab';

// One RecordSheet per execution, so the registry and the posted records share one index read.
const opened = perExecution<RecordSheet>();

/** The records of the active spreadsheet (its tabs created and old records moved if needed). */
export function openRecords(): RecordSheet {
  const known = opened.get();
  if (known) return known;
  const workbook = Workbook.active();
  workbook.ensure();
  const properties = PropertiesService.getDocumentProperties();
  if (properties && properties.getProperty(MOVED_KEY) !== MOVED) moveFromProperties(properties, workbook);
  const records = new RecordSheet(workbook);
  opened.set(records);
  return records;
}

function moveFromProperties(properties: GoogleAppsScript.Properties.Properties, workbook: Workbook): void {
  const lock = LockService.getDocumentLock();
  const held = lock.hasLock();
  if (!held && !lock.tryLock(30_000)) {
    throw new UserFacingError('SettleSheet is moving this spreadsheet’s records to their new place for someone else. Try again in a minute.');
  }
  noteLockTaken();
  try {
    if (properties.getProperty(MOVED_KEY) === MOVED) return;
    const legacy = Object.entries(properties.getProperties()).filter(([key]) => LEGACY_RECORD_PREFIXES.some((prefix) => key.startsWith(prefix)));
    if (legacy.length > 0) {
      const records = new RecordSheet(workbook);
      const present = new Set(records.entries('').map(([key]) => key));
      // Hundreds of records in a workbook that filled its properties: written in a few calls.
      records.appendMany(legacy.filter(([key]) => !present.has(key)));
    }
    properties.setProperty(MOVED_KEY, MOVED);
    for (const [key] of legacy) properties.deleteProperty(key);
  } finally {
    if (!held) lock.releaseLock();
  }
}

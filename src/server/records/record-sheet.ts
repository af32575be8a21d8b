/**
 * SettleSheet's records in the hidden `_SettleSheet records` tab, one row per key: the
 * settlement registry (`settlesheet.settlement.<id>`) and the posted records (`xero.posted.<id>`).
 * Document properties held them before, and a workbook filled its 500 KB in about a year; a tab
 * holds tens of thousands of rows.
 *
 * The rules that make it as safe as a property store, and what later work can rely on:
 * - A record is one row: its key in column A, its JSON in B (continued in C–E when longer than
 *   one cell holds). Writing a record is ONE `setValues` of that row (or one `appendRow` for a
 *   new key), so a reader sees the old record or the new one, never half of each.
 * - Rows never move: a removed record's row is emptied, not deleted, and new keys are appended
 *   with `appendRow`, which Google documents as atomic (it cannot land on a row another
 *   execution is writing). So a row number found in this execution stays that record's row.
 * - Every read checks the key cell of the row it read: a row is never trusted by position alone.
 * - The key index is read once per instance (one call of ≤100,000 cells) and read again after
 *   an append, and whenever this execution has taken a lock since (`noteLockTaken`): what another
 *   execution wrote before we got the lock is then seen, so a change made under the document lock
 *   starts from what is there now.
 * - Values are written with a leading apostrophe into General cells, so a piece of JSON that
 *   looks like a number or a formula stays text (see workbook/cells.ts).
 */
import { readRows, rowsPerCall, writeRows } from '../workbook/blocks';
import { RECORD_COLUMNS } from '../workbook/layout';
import type { Workbook } from '../workbook/workbook';

const WIDTH = RECORD_COLUMNS.length;
/** Characters of JSON per cell: under Sheets' 50,000 characters a cell holds. */
const CELL_CHARACTERS = 45_000;
/** The longest value one record may have. */
export const MAX_RECORD_CHARACTERS = CELL_CHARACTERS * (WIDTH - 1);

// Bumped whenever this execution takes a lock: an index read before it may miss records others
// wrote while we waited.
let lockEpoch = 0;

/** Tells every record index that this execution now holds a lock it did not hold when it read. */
export function noteLockTaken(): void {
  lockEpoch++;
}

/** A record value too long for its row. */
export class RecordTooLargeError extends Error {
  override name = 'RecordTooLargeError';
}

function rowOf(key: string, value: string): string[] {
  if (value.length > MAX_RECORD_CHARACTERS) {
    throw new RecordTooLargeError(`SettleSheet's record ${key} has grown past ${MAX_RECORD_CHARACTERS} characters and cannot be saved.`);
  }
  const cells: string[] = [key];
  for (let i = 0; i < WIDTH - 1; i++) {
    const piece = value.slice(i * CELL_CHARACTERS, (i + 1) * CELL_CHARACTERS);
    cells.push(piece === '' ? '' : `'${piece}`);
  }
  return cells;
}

function keyOf(row: readonly unknown[]): string {
  return String(row[0] ?? '');
}

function valueOf(row: readonly unknown[]): string {
  return row.slice(1, WIDTH).map((v) => (v === null || v === undefined ? '' : String(v))).join('');
}

/** The records tab of one workbook, for one execution. */
export class RecordSheet {
  private index: Map<string, number> | undefined;
  private indexEpoch = -1;
  // Every record, when a listing read them all (kept until a write or a lock makes it stale).
  private table: Map<string, string> | undefined;
  private tableEpoch = -1;

  constructor(private readonly workbook: Workbook) {}

  private sheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.workbook.tab('records');
  }

  /** Key → row, read once (the last row wins should a key ever appear twice). */
  private keys(): Map<string, number> {
    if (this.index && this.indexEpoch === lockEpoch) return this.index;
    const sheet = this.sheet();
    const last = sheet.getLastRow();
    const index = new Map<string, number>();
    if (last >= 2) readRows(sheet, 2, last - 1, 1).forEach((row, i) => {
      const key = keyOf(row);
      if (key !== '') index.set(key, i + 2);
    });
    this.index = index;
    this.indexEpoch = lockEpoch;
    return index;
  }

  /** One record's value, or null. */
  get(key: string): string | null {
    const row = this.keys().get(key);
    if (row === undefined) return null;
    const values = this.sheet().getRange(row, 1, 1, WIDTH).getValues()[0] ?? [];
    if (keyOf(values) !== key) {
      // Someone emptied or edited the row since the index was read: read the index again once.
      this.index = undefined;
      const again = this.keys().get(key);
      if (again === undefined || again === row) return null;
      return this.get(key);
    }
    return valueOf(values);
  }

  /** Every record whose key starts with `prefix`, in row order (all records are read once, in bounded calls). */
  entries(prefix: string): [key: string, value: string][] {
    if (!this.table || this.tableEpoch !== lockEpoch) {
      const sheet = this.sheet();
      const last = sheet.getLastRow();
      const table = new Map<string, string>();
      if (last >= 2) {
        for (const row of readRows(sheet, 2, last - 1, WIDTH)) {
          const key = keyOf(row);
          if (key !== '') table.set(key, valueOf(row));
        }
      }
      this.table = table;
      this.tableEpoch = lockEpoch;
    }
    return [...this.table].filter(([key]) => key.startsWith(prefix));
  }

  /** Saves one record (one row written in one call). */
  set(key: string, value: string): void {
    const cells = rowOf(key, value);
    this.table = undefined;
    const row = this.keys().get(key);
    if (row !== undefined) {
      this.sheet().getRange(row, 1, 1, WIDTH).setValues([cells]);
      return;
    }
    this.sheet().appendRow(cells);
    this.index = undefined;
  }

  /**
   * Saves the record of a key the caller knows to be new (under the document lock, having read
   * it): one `appendRow`, without reading the index. Should the key exist after all, the new row
   * wins (readers take a key's last row).
   */
  append(key: string, value: string): void {
    this.sheet().appendRow(rowOf(key, value));
    this.index = undefined;
    this.table = undefined;
  }

  /**
   * Appends records with new keys in as few calls as their rows allow (each ≤100,000 cells),
   * rather than one `appendRow` each. Only where no other execution can append meanwhile: moving
   * an older workbook's records here (records/open.ts), under the document lock, before any
   * record is read from the tab.
   */
  appendMany(records: readonly (readonly [key: string, value: string])[]): void {
    if (records.length === 0) return;
    const sheet = this.sheet();
    const first = sheet.getLastRow() + 1;
    const short = first + records.length - 1 - sheet.getMaxRows();
    if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
    writeRows(sheet, first, records.map(([key, value]) => rowOf(key, value)));
    this.index = undefined;
    this.table = undefined;
  }

  /**
   * Saves several records. Known keys are rewritten together in as few calls as their rows allow
   * (one per run of adjacent rows, each ≤100,000 cells); new keys are appended one by one.
   */
  setMany(records: readonly (readonly [key: string, value: string])[]): void {
    if (records.length === 1) return this.set(records[0]![0], records[0]![1]);
    this.table = undefined;
    const index = this.keys();
    const known = records.filter(([key]) => index.has(key)).map(([key, value]) => ({ row: index.get(key)!, cells: rowOf(key, value) }));
    known.sort((a, b) => a.row - b.row);
    const sheet = this.sheet();
    for (let i = 0; i < known.length; ) {
      let j = i + 1;
      while (j < known.length && known[j]!.row === known[j - 1]!.row + 1 && j - i < rowsPerCall(WIDTH)) j++;
      writeRows(sheet, known[i]!.row, known.slice(i, j).map((k) => k.cells));
      i = j;
    }
    const fresh = records.filter(([key]) => !index.has(key));
    for (const [key, value] of fresh) sheet.appendRow(rowOf(key, value));
    if (fresh.length) this.index = undefined;
  }

  /** Forgets a record: its row is emptied (rows never move). */
  delete(key: string): void {
    const row = this.keys().get(key);
    if (row === undefined) return;
    this.table = undefined;
    this.sheet().getRange(row, 1, 1, WIDTH).clearContent();
    this.keys().delete(key);
  }
}

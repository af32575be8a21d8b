/**
 * What the calls of one import share: its state, the Mapping tab as it was when it began (cached,
 * so chunks do not read it again), the room left in the spreadsheet, and letting an import go.
 */
import { UserFacingError } from '../api/envelope';
import { pendingRows, readImportState, writeImportState, type ImportState } from '../import-state';
import { cacheIfItFits } from '../storage/cache';
import { readMappingTab } from '../workbook/mapping-tabs';
import { discardPendingRows } from '../workbook/transactions';
import type { Workbook } from '../workbook/workbook';

const TABLE_KEY = 'settlesheet.import.mapping.';
/** Google's limit on the cells (empty or not) of all tabs of a spreadsheet. */
export const CELL_LIMIT = 10_000_000;
/**
 * Finishing appends one row each to the records, Settlements and Log tabs: at most this many
 * cells if each of them has to grow.
 */
export const FINISH_ROW_CELLS = 5 + 17 + 6;

// The document cache exists whenever a spreadsheet is open; keys carry the import id either way.
const importCache = () => CacheService.getDocumentCache() ?? CacheService.getScriptCache();

/** The state of the import `importId`, or the words for one that is no longer in progress. */
export function stateFor(importId: string): ImportState {
  const state = readImportState();
  if (!state || state.importId !== importId) {
    throw new UserFacingError('This import is no longer in progress (it was cancelled, finished, or replaced by another). Start the import again.');
  }
  return state;
}

/** Keeps the Mapping tab as it is now for the chunks of an import to label their lines with. */
export function rememberMappingTable(workbook: Workbook, importId: string): void {
  cacheIfItFits(importCache(), TABLE_KEY + importId, JSON.stringify(readMappingTab(workbook)), 21600);
}

/**
 * The Mapping tab as it was when the import began: read once, not once per chunk. (If the cache
 * lost it, or it was too big to cache, the tab is read again: correct, just one more call.)
 */
export function importMappingTable(workbook: Workbook, importId: string): string[][] {
  const cached = importCache().get(TABLE_KEY + importId);
  return cached ? (JSON.parse(cached) as string[][]) : readMappingTab(workbook);
}

/** Forgets an import that ended (its state and its cached table). */
export function forgetImport(importId: string): void {
  writeImportState(undefined);
  importCache().remove(TABLE_KEY + importId);
}

/** Lets an import go that will not be finished: its hidden rows are deleted, then its state. */
export function discardImport(workbook: Workbook, state: ImportState): void {
  discardPendingRows(workbook, pendingRows(workbook.tab('transactions'), state), state.request.header.settlementId);
  forgetImport(state.importId);
}

/** Every cell of every tab, empty or not: what Google counts toward its 10 million. */
export function cellsInUse(workbook: Workbook): number {
  return workbook.spreadsheet.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
}

/** The words for a settlement that does not fit in the spreadsheet. */
export function noRoom(lines: number): UserFacingError {
  return new UserFacingError(
    `This settlement has ${lines} lines, more than this spreadsheet has room for (Google Sheets holds 10 million cells). Start a new SettleSheet spreadsheet for newer settlements.`,
  );
}

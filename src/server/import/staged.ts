/**
 * What the calls of one import share: its state, the Mapping tab as it was when it began (cached,
 * so chunks do not read it again), the room left in the spreadsheet, and letting an import go.
 */
import { UserFacingError } from '../api/envelope';
import { pendingRows, readImportState, writeImportState, type ImportState } from '../import-state';
import type { RowBlock } from '../registry';
import { cacheIfItFits } from '../storage/cache';
import { MAPPING_GROUPS_PER_CALL, MAPPING_ROWS_PER_CALL, readMappingTab } from '../workbook/mapping-tabs';
import { discardPendingRows, rowHoldsLine } from '../workbook/transactions';
import type { Workbook } from '../workbook/workbook';

const TABLE_KEY = 'settlesheet.import.mapping.';
/** Google's limit on the cells (empty or not) of all tabs of a spreadsheet. */
export const CELL_LIMIT = 10_000_000;
/**
 * Finishing appends one row each to the records, Settlements and Log tabs: at most this many
 * cells if each of them has to grow.
 */
export const FINISH_ROW_CELLS = 5 + 17 + 6;
/** The most rows finishing appends to Mapping: line types one by one, then grouped (mapping-tabs.ts). */
const MAPPING_APPEND_ROWS = MAPPING_ROWS_PER_CALL + MAPPING_GROUPS_PER_CALL;

/**
 * The cells finishing may add besides the settlement's own rows: a row each to the records,
 * Settlements and Log tabs, and Mapping's new line types where that tab has to grow for them.
 */
export function finishCellsNeeded(workbook: Workbook): number {
  const mapping = workbook.tab('mapping');
  return FINISH_ROW_CELLS + Math.max(0, mapping.getLastRow() + MAPPING_APPEND_ROWS - mapping.getMaxRows()) * mapping.getMaxColumns();
}

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

/**
 * Where the import's lines are, checked: the last line received must be where the state says (it
 * is kept current as rows above are deleted). When it is the tab's last row with content, as it
 * is unless someone typed below the tab, that is taken as the answer with no read (an import's
 * Sheets calls are budgeted); otherwise the row is read and must hold that line. If a person
 * inserted or deleted rows above by hand, the block is looked for where it would be had nothing
 * been typed below (the last line received on the tab's last row). Undefined when it is in neither
 * place.
 */
export function findPending(workbook: Workbook, state: ImportState): RowBlock | undefined {
  const tracked = pendingRows(state);
  if (state.received === 0) return tracked;
  const lastRow = workbook.tab('transactions').getLastRow();
  if (lastRow === tracked.firstRow + state.received - 1) return tracked;
  const { settlementId } = state.request.header;
  const holds = (block: RowBlock) => rowHoldsLine(workbook, block.firstRow + state.received - 1, settlementId, state.lastLine);
  if (holds(tracked)) return tracked;
  const last = { firstRow: lastRow - state.received + 1, count: tracked.count };
  return last.firstRow !== tracked.firstRow && holds(last) ? last : undefined;
}

/**
 * Where the import's lines are (see `findPending`), noted in `state`; refused in words when they
 * cannot be found, so a line is never written over, or taken for, a row that is not the import's.
 */
export function placedPending(workbook: Workbook, state: ImportState): RowBlock {
  const block = findPending(workbook, state);
  if (!block) {
    throw new UserFacingError(
      `Rows were inserted, deleted or moved in the Transactions tab while settlement ${state.request.header.settlementId} was being imported, so SettleSheet can no longer tell which rows are its lines. ` +
        'Nothing was imported and no line was lost: cancel this import and import the file again.',
    );
  }
  state.pending = block;
  return block;
}

/**
 * Lets an import go that will not be finished: its hidden rows are deleted, then its state. Rows
 * it cannot find for certain are left where they are (hidden) rather than risk deleting others.
 */
export function discardImport(workbook: Workbook, state: ImportState): void {
  const block = findPending(workbook, state);
  // Before the first chunk every row of the block is blank: only blank rows are deleted then.
  if (block) discardPendingRows(workbook, block, state.received > 0 ? state.request.header.settlementId : '');
  else console.warn(`SettleSheet: the lines of an abandoned import of settlement ${state.request.header.settlementId} were moved by hand; they are left hidden in Transactions.`);
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

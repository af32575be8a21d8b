/**
 * What each service call costs on the world's clock, so a test fails when one execution would
 * pass Apps Script's six-minute limit ("Script runtime: 6 min / execution", Google's quotas page,
 * developers.google.com/apps-script/guides/services/quotas; the script then stops with "Exceeded
 * maximum execution time", Google's troubleshooting page).
 *
 * The model (every figure configurable per world, `DEFAULT_COST_MODEL` unless told otherwise):
 * - a Sheets call that reads or writes cells, formats or the grid: a round trip of 30 ms plus
 *   0.03 ms per cell it reads, writes, moves, clears or formats. ASSUMPTION: Google publishes no
 *   figure; its best-practices page only says each call is slow and to batch. Reports put a
 *   `setValues` or `moveTo` of ~65,000 cells at seconds (DOMAIN.md §4): 30 ms + 65,000 × 0.03 ms
 *   ≈ 2 s. The in-product self-check measures the real figure ("Check this installation").
 * - a Sheets call that only hands back an object or metadata (getSheetByName, getRange,
 *   getLastRow): 1 ms. ASSUMPTION.
 * - a UrlFetch request: 250 ms (ASSUMPTION: a round trip to Xero from Google's servers), plus any
 *   delay the HTTP handler adds with `world.spend` (the harnesses give it to the Xero sandbox as
 *   its `sleep`), which counts against the six minutes like the call's own cost.
 * - any other service call (properties, cache, lock, Utilities, Session): 2 ms. ASSUMPTION.
 * - a change to rows (inserting, deleting, hiding or showing them): the round trip plus the same
 *   0.03 ms for each cell of those rows (rows × the tab's columns). ASSUMPTION: Google publishes
 *   no figure; a change to a row is taken to cost what touching its cells does (the rows' cells
 *   are what the spreadsheet's 10-million-cell limit counts). These cells are counted apart from
 *   the cells a call reads or writes (`CallCounter.largestRowChange`), and the self-check
 *   measures the real time of each on one import chunk's rows.
 * Other changes to the grid and the tabs (columns, tabs, rules) cost the round trip only.
 */
import type { Range } from './spreadsheet/range';
import type { Sheet } from './spreadsheet/sheet';

/** Milliseconds per kind of call. */
export interface CostModel {
  sheetsDataCallMs: number;
  sheetsCellMs: number;
  sheetsOtherCallMs: number;
  urlFetchMs: number;
  otherCallMs: number;
  /** How long one execution may run before Apps Script stops it. */
  executionLimitMs: number;
}

/** Apps Script's limit on one execution: six minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;

/** The documented model above. */
export const DEFAULT_COST_MODEL: Readonly<CostModel> = {
  sheetsDataCallMs: 30,
  sheetsCellMs: 0.03,
  sheetsOtherCallMs: 1,
  urlFetchMs: 250,
  otherCallMs: 2,
  executionLimitMs: EXECUTION_LIMIT_MS,
};

/** No cost at all: for tests of the fakes themselves that count time exactly. */
export const FREE: Readonly<CostModel> = {
  sheetsDataCallMs: 0, sheetsCellMs: 0, sheetsOtherCallMs: 0, urlFetchMs: 0, otherCallMs: 0, executionLimitMs: Number.POSITIVE_INFINITY,
};

/** The classes of Google's Sheets service that reach the document (builders only assemble values). */
export const SHEETS_CLASSES: ReadonlySet<string> = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'RangeList', 'NamedRange', 'Protection', 'TextFinder']);

// Reads and writes of cells: values, formulas, formats, notes, validations, styles.
const CELL_METHODS = new Set([
  'getValues', 'getValue', 'getDisplayValues', 'getDisplayValue', 'getFormulas', 'getFormula', 'getNumberFormats', 'getNumberFormat',
  'getRichTextValues', 'getRichTextValue', 'getDataValidations', 'getBackgrounds', 'getNotes', 'isBlank',
  'setValues', 'setValue', 'setFormula', 'setFormulas', 'setNumberFormat', 'setNumberFormats', 'setRichTextValue', 'setRichTextValues',
  'setDataValidation', 'setDataValidations', 'clearDataValidations', 'setNote', 'setNotes', 'clearNote', 'setBackground', 'setBackgrounds',
  'setFontWeight', 'setFontColor', 'setWrap', 'setHorizontalAlignment', 'clear', 'clearContent', 'clearContents', 'clearFormat', 'clearFormats',
  'copyTo', 'moveTo', 'appendRow', 'autoResizeColumns', 'autoResizeColumn',
]);

// Changes to the grid and the tabs: a round trip, no per-cell work.
const GRID_METHODS = new Set([
  'insertRows', 'insertRowsAfter', 'insertRowsBefore', 'insertRowAfter', 'insertRowBefore', 'deleteRows', 'deleteRow',
  'insertColumnsAfter', 'insertColumnsBefore', 'deleteColumns', 'hideRows', 'showRows', 'insertSheet', 'deleteSheet', 'hideSheet',
  'showSheet', 'setConditionalFormatRules', 'protect', 'setColumnWidth', 'setColumnWidths', 'setFrozenRows', 'sort',
]);

function methodOf(name: string): [service: string, method: string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** True for a Sheets call that reads or writes cells or formats or changes the grid (a "data call"). */
export function isSheetsDataCall(name: string): boolean {
  const [service, method] = methodOf(name);
  return SHEETS_CLASSES.has(service) && (CELL_METHODS.has(method) || GRID_METHODS.has(method));
}

/** How many cells a Sheets call reads, writes, moves, clears or formats (0 for other calls). */
export function cellsOf(name: string, target: object, args: readonly unknown[]): number {
  const [service, method] = methodOf(name);
  if (!CELL_METHODS.has(method)) return 0;
  if (service === 'Range') {
    const { numRows, numColumns } = (target as Range)._area;
    return method === 'getValue' || method === 'getDisplayValue' || method === 'getFormula' || method === 'getNumberFormat' || method === 'getRichTextValue'
      ? 1
      : numRows * numColumns;
  }
  if (service === 'Sheet') {
    const sheet = target as Sheet;
    if (method === 'appendRow') return Array.isArray(args[0]) ? args[0].length : 0;
    if (method === 'autoResizeColumns' || method === 'autoResizeColumn') return Math.max(1, sheet._grid.lastRow()) * (typeof args[1] === 'number' ? args[1] : 1);
    return sheet._grid.maxRows * sheet._grid.maxColumns;
  }
  return 0;
}

// Changes to rows, and which argument says how many rows (absent: one row).
const ROW_METHODS: Readonly<Record<string, number | undefined>> = {
  insertRowsAfter: 1, insertRowsBefore: 1, insertRows: 1, insertRowAfter: undefined, insertRowBefore: undefined,
  deleteRows: 1, deleteRow: undefined, hideRows: 1, showRows: 1,
};

/** How many cells of rows a Sheet call inserts, deletes, hides or shows (0 for other calls). */
export function rowCellsOf(name: string, target: object, args: readonly unknown[]): number {
  const [service, method] = methodOf(name);
  if (service !== 'Sheet' || !(method in ROW_METHODS)) return 0;
  const at = ROW_METHODS[method];
  const rows = at === undefined ? 1 : typeof args[at] === 'number' ? (args[at] as number) : 1;
  return Math.max(0, rows) * (target as Sheet)._grid.maxColumns;
}

/** The milliseconds a call costs under a model. */
export function costOf(model: CostModel, name: string, cells: number): number {
  const [service] = methodOf(name);
  if (SHEETS_CLASSES.has(service)) return isSheetsDataCall(name) ? model.sheetsDataCallMs + cells * model.sheetsCellMs : model.sheetsOtherCallMs;
  if (service === 'UrlFetchApp') return model.urlFetchMs;
  return model.otherCallMs;
}

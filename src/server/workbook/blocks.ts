/**
 * Reading and writing many rows in calls of at most 100,000 cells each. No document states how
 * long Sheets takes per cell; reports put ~65,000 cells at seconds (DOMAIN.md §4), so SettleSheet
 * keeps every call under a bound and spreads larger work over several calls, which keeps each one
 * predictable and every server call inside Apps Script's six minutes.
 */

/** The most cells SettleSheet reads, writes or formats in one Sheets call. */
export const MAX_CELLS_PER_CALL = 100_000;

/** How many rows of this width fit in one call. */
export function rowsPerCall(width: number): number {
  return Math.max(1, Math.floor(MAX_CELLS_PER_CALL / Math.max(1, width)));
}

/** The values of `count` rows from `firstRow`, `width` columns from `column`. */
export function readRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, count: number, width: number, column = 1): unknown[][] {
  return readInBlocks(sheet, firstRow, count, width, column, (range) => range.getValues());
}

/** The formulas (`''` where a cell holds none) of `count` rows from `firstRow`, `width` columns from `column`. */
export function readFormulaRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, count: number, width: number, column = 1): string[][] {
  return readInBlocks(sheet, firstRow, count, width, column, (range) => range.getFormulas());
}

function readInBlocks<T>(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, count: number, width: number, column: number, read: (range: GoogleAppsScript.Spreadsheet.Range) => T[][]): T[][] {
  const rows: T[][] = [];
  const step = rowsPerCall(width);
  for (let at = 0; at < count; at += step) {
    const n = Math.min(step, count - at);
    for (const row of read(sheet.getRange(firstRow + at, column, n, width))) rows.push(row);
  }
  return rows;
}

/** Writes rows (all of one width) from `firstRow`, starting at `column`. */
export function writeRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, rows: readonly unknown[][], column = 1): void {
  const width = rows[0]?.length ?? 0;
  if (width === 0) return;
  const step = rowsPerCall(width);
  for (let at = 0; at < rows.length; at += step) {
    const block = rows.slice(at, at + step);
    sheet.getRange(firstRow + at, column, block.length, width).setValues(block as unknown[][]);
  }
}

/** Gives `count` rows of one column a number format. */
export function formatColumn(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, count: number, column: number, format: string): void {
  const step = rowsPerCall(1);
  for (let at = 0; at < count; at += step) sheet.getRange(firstRow + at, column, Math.min(step, count - at), 1).setNumberFormat(format);
}

/** Clears the formats (number format included) of `count` rows of one column. */
export function clearColumnFormats(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, count: number, column: number): void {
  const step = rowsPerCall(1);
  for (let at = 0; at < count; at += step) sheet.getRange(firstRow + at, column, Math.min(step, count - at), 1).clearFormat();
}

/**
 * A1 notation as Sheets reads and writes it: `B3`, `A1:C10`, `A:C`, `2:5`, `A2:C` (open-ended),
 * `$A$1`, optionally after a sheet name (`'My Tab'!A1:C3`, quotes doubled inside).
 */

/** A rectangle of cells by 1-based position. */
export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** The column's letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The A1 notation of an area: `B3` for one cell, `A1:C10` otherwise. */
export function areaA1(area: GridArea): string {
  const start = `${columnLetters(area.column)}${area.row}`;
  if (area.numRows === 1 && area.numColumns === 1) return start;
  return `${start}:${columnLetters(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;
}

/** Splits `'My Tab'!A1:B2` into the sheet name (or undefined) and the cell part. */
export function splitSheetName(a1: string): { sheetName?: string; cells: string } {
  const text = a1.trim();
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { cells: text };
  let name = text.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, cells: text.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/**
 * The area an A1 cell part names on a sheet of the given size, or undefined when it is not A1
 * notation. Open ends (`A:C`, `2:5`, `A2:C`) run to the sheet's edge.
 */
export function parseCells(cells: string, maxRows: number, maxColumns: number): GridArea | undefined {
  const [startText, endText, extra] = cells.split(':');
  if (startText === undefined || extra !== undefined) return undefined;
  const start = CELL.exec(startText);
  const end = endText === undefined ? start : CELL.exec(endText);
  if (!start || !end) return undefined;
  const [, c1 = '', r1 = ''] = start;
  const [, c2 = '', r2 = ''] = end;
  if (endText === undefined && (c1 === '' || r1 === '')) return undefined;
  if (c1 === '' && r1 === '') return undefined;
  if (c2 === '' && r2 === '') return undefined;
  // Whole rows (`2:5`) and whole columns (`A:C`) cannot be mixed (`A:5`).
  if ((c1 === '' && r2 === '') || (r1 === '' && c2 === '')) return undefined;
  const col1 = c1 === '' ? 1 : columnNumber(c1);
  const col2 = c2 === '' ? maxColumns : columnNumber(c2);
  const row1 = r1 === '' ? 1 : Number(r1);
  const row2 = r2 === '' ? maxRows : Number(r2);
  if (row1 < 1 || row2 < 1 || col1 < 1 || col2 < 1) return undefined;
  const row = Math.min(row1, row2);
  const column = Math.min(col1, col2);
  return { row, column, numRows: Math.abs(row2 - row1) + 1, numColumns: Math.abs(col2 - col1) + 1 };
}

/** Which way rows or columns are inserted or deleted. */
export type Dimension = 'rows' | 'columns';

/**
 * Where an area ends up after rows (or columns) are inserted (`count` > 0, the first new one at
 * index `at`) or deleted (`count` < 0, starting at `at`), as Sheets moves named ranges and
 * protected ranges: it slides, grows when the insertion falls strictly inside it, shrinks by the
 * deleted part, and is gone (undefined) when all of it is deleted.
 */
export function shiftArea(area: GridArea, dimension: Dimension, at: number, count: number): GridArea | undefined {
  const [startKey, sizeKey] = dimension === 'rows' ? (['row', 'numRows'] as const) : (['column', 'numColumns'] as const);
  const first = area[startKey];
  const last = first + area[sizeKey] - 1;
  const moved = { ...area };
  if (count > 0) {
    if (at <= first) moved[startKey] = first + count;
    else if (at <= last) moved[sizeKey] = area[sizeKey] + count;
    return moved;
  }
  const deletedFirst = at;
  const deletedLast = at - count - 1;
  const before = Math.max(0, Math.min(deletedLast, first - 1) - deletedFirst + 1);
  const overlap = Math.max(0, Math.min(deletedLast, last) - Math.max(deletedFirst, first) + 1);
  moved[startKey] = first - before;
  moved[sizeKey] = area[sizeKey] - overlap;
  return moved[sizeKey] > 0 ? moved : undefined;
}

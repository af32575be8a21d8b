/**
 * A sheet's cells. Rows are stored sparsely (a hole is an empty row, an absent cell is an empty
 * cell), so a 1000 × 26 sheet with a few values costs almost nothing and inserting rows is a splice.
 */
import type { TextLink } from './rich-text';
import type { DataValidation } from './validation';
import type { CellValue } from './values';

/** Looks recorded by the style setters; the fake does not render them. */
export interface CellStyle {
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
}

/** One cell. Only the parts that are set exist. */
export interface Cell {
  /** For a formula cell, the value the formula shows. */
  value?: CellValue;
  formula?: string;
  /** The number format; absent means General. */
  format?: string;
  validation?: DataValidation;
  /** The links of a rich-text value. */
  links?: TextLink[];
  note?: string;
  style?: CellStyle;
}

/** True when the cell has a value or a formula (what getLastRow counts). */
export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== undefined || cell.formula !== undefined);
}

function insertHoles<T>(array: T[], at: number, count: number): T[] {
  if (array.length <= at) return array;
  return array.slice(0, at).concat(new Array<T>(count), array.slice(at));
}

/** The cells of one sheet and its size. */
export class Grid {
  private rows: (Array<Cell | undefined> | undefined)[] = [];
  /** Rows a script or person hid, by 1-based index − 1 (they move with inserts and deletes). */
  private hidden: (true | undefined)[] = [];

  constructor(public maxRows: number, public maxColumns: number) {}

  /** The cell at a 1-based position, if anything was ever set there. */
  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  /** The cell at a 1-based position, created when missing. */
  cellForWrite(row: number, column: number): Cell {
    let cells = this.rows[row - 1];
    if (!cells) {
      cells = [];
      this.rows[row - 1] = cells;
    }
    let cell = cells[column - 1];
    if (!cell) {
      cell = {};
      cells[column - 1] = cell;
    }
    return cell;
  }

  /** Inserts empty rows so that the first new one has the 1-based index `at`. */
  insertRows(at: number, count: number): void {
    this.rows = insertHoles(this.rows, at - 1, count);
    this.hidden = insertHoles(this.hidden, at - 1, count);
    this.maxRows += count;
  }

  /** Removes rows starting at the 1-based index. */
  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.hidden.splice(start - 1, count);
    this.maxRows -= count;
  }

  /** Hides or shows rows starting at the 1-based index. */
  setRowsHidden(start: number, count: number, hidden: boolean): void {
    for (let r = start; r < start + count; r++) this.hidden[r - 1] = hidden ? true : undefined;
  }

  /** True when the 1-based row is hidden. */
  isRowHidden(row: number): boolean {
    return this.hidden[row - 1] === true;
  }

  /** The hidden rows, 1-based, in order. */
  hiddenRows(): number[] {
    const rows: number[] = [];
    this.hidden.forEach((h, i) => h && rows.push(i + 1));
    return rows;
  }

  /** Inserts empty columns so that the first new one has the 1-based index `at`. */
  insertColumns(at: number, count: number): void {
    this.rows = this.rows.map((cells) => (cells ? insertHoles(cells, at - 1, count) : cells));
    this.maxColumns += count;
  }

  /** Removes columns starting at the 1-based index. */
  deleteColumns(start: number, count: number): void {
    for (const cells of this.rows) cells?.splice(start - 1, count);
    this.maxColumns -= count;
  }

  /** The last row with content, or 0. */
  lastRow(): number {
    for (let r = Math.min(this.rows.length, this.maxRows); r >= 1; r--) {
      if (this.rows[r - 1]?.some(hasContent)) return r;
    }
    return 0;
  }

  /** The last column with content, or 0. */
  lastColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c--) {
        if (hasContent(cells[c - 1])) { last = c; break; }
      }
    }
    return last;
  }

  /** Forgets every cell (contents and formats) in the whole sheet. */
  clearAll(): void {
    this.rows = [];
  }
}

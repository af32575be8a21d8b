/**
 * `Sheet`: one tab. A new sheet is 1000 rows × 26 columns, as in Sheets; growing it (inserting
 * rows or columns, `appendRow` past the last row) counts against the spreadsheet's 10,000,000
 * cells.
 */
import { SERVICE, type FakeObject } from '../boundary';
import { ProtectionType, type EnumValue } from '../enums';
import { GoogleException, signatureMismatch } from '../errors';
import { shiftArea, type Dimension } from './a1';
import { ConditionalFormatRule } from './conditional-format';
import { Grid } from './grid';
import { Protection } from './protection';
import { Range } from './range';
import type { Spreadsheet } from './spreadsheet';

/** The size of a sheet Sheets creates. */
export const NEW_SHEET_ROWS = 1000;
/** The width of a sheet Sheets creates. */
export const NEW_SHEET_COLUMNS = 26;
/** Sheets' default column width in pixels. */
export const DEFAULT_COLUMN_WIDTH = 100;

/** A tab of the spreadsheet (Apps Script's `Sheet`). */
export class Sheet implements FakeObject {
  readonly [SERVICE] = 'Sheet';
  readonly _grid = new Grid(NEW_SHEET_ROWS, NEW_SHEET_COLUMNS);
  _hidden = false;
  _frozenRows = 0;
  _frozenColumns = 0;
  _tabColor: string | null = null;
  readonly _columnWidths = new Map<number, number>();
  _conditionalFormatRules: ConditionalFormatRule[] = [];
  _protection?: Protection;
  _rangeProtections: Protection[] = [];

  constructor(readonly _spreadsheet: Spreadsheet, public _name: string, readonly _id: number) {}

  /** A range by position, with Google's checks and messages. */
  _range(row: number, column: number, numRows: number, numColumns: number): Range {
    if (row < 1) throw new GoogleException('The starting row of the range is too small.');
    if (column < 1) throw new GoogleException('The starting column of the range is too small.');
    if (numRows < 1) throw new GoogleException('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new GoogleException('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._grid.maxRows || column + numColumns - 1 > this._grid.maxColumns) {
      throw new GoogleException('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new Range(this, { row, column, numRows, numColumns });
  }

  /** The sheet's name. */
  getName(): string {
    return this._name;
  }

  /** Renames the sheet (names are unique, ignoring case). */
  setName(name: string): this {
    this._spreadsheet._checkNewSheetName(name, this);
    this._name = name;
    return this;
  }

  /** The sheet's id (the `gid` in its URL). */
  getSheetId(): number {
    return this._id;
  }

  /** The sheet's 1-based position among the tabs. */
  getIndex(): number {
    return this._spreadsheet._sheets.indexOf(this) + 1;
  }

  /** The spreadsheet. */
  getParent(): Spreadsheet {
    return this._spreadsheet;
  }

  /** A range: `getRange(a1)` or `getRange(row, column[, numRows[, numColumns]])`. */
  getRange(...args: unknown[]): Range {
    const [first, column, numRows = 1, numColumns = 1] = args;
    if (typeof first === 'string' && args.length === 1) return this._spreadsheet._resolveA1(first, this);
    if (args.length >= 2 && args.length <= 4 && args.every((a) => typeof a === 'number')) {
      return this._range(Math.trunc(first as number), Math.trunc(column as number), Math.trunc(numRows as number), Math.trunc(numColumns as number));
    }
    throw signatureMismatch('SpreadsheetApp.Sheet.getRange', args);
  }

  /** A1 to the last row and column with content. */
  getDataRange(): Range {
    return this._range(1, 1, Math.max(1, this._grid.lastRow()), Math.max(1, this._grid.lastColumn()));
  }

  /** The last row with content, or 0. */
  getLastRow(): number {
    return this._grid.lastRow();
  }

  /** The last column with content, or 0. */
  getLastColumn(): number {
    return this._grid.lastColumn();
  }

  /** The number of rows, empty or not. */
  getMaxRows(): number {
    return this._grid.maxRows;
  }

  /** The number of columns, empty or not. */
  getMaxColumns(): number {
    return this._grid.maxColumns;
  }

  _insert(dimension: Dimension, at: number, count: number): this {
    const rows = dimension === 'rows';
    const max = rows ? this._grid.maxRows : this._grid.maxColumns;
    if (!(at >= 1 && at <= max + 1) || !(count >= 1)) {
      throw new GoogleException(rows ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    }
    this._spreadsheet._ensureRoomFor(count * (rows ? this._grid.maxColumns : this._grid.maxRows));
    if (rows) this._grid.insertRows(at, count);
    else this._grid.insertColumns(at, count);
    this._spreadsheet._shiftAnchors(this, dimension, at, count);
    return this;
  }

  _remove(dimension: Dimension, start: number, count: number): void {
    const rows = dimension === 'rows';
    const max = rows ? this._grid.maxRows : this._grid.maxColumns;
    if (!(start >= 1 && count >= 1 && start + count - 1 <= max)) {
      throw new GoogleException(rows ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
    }
    const frozen = rows ? this._frozenRows : this._frozenColumns;
    if (max - count <= frozen) {
      throw new GoogleException(`Sorry, it is not possible to delete all non-frozen ${dimension}.`);
    }
    if (rows) this._grid.deleteRows(start, count);
    else this._grid.deleteColumns(start, count);
    this._spreadsheet._shiftAnchors(this, dimension, start, -count);
  }

  /** Inserts rows after the given row. */
  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this._insert('rows', afterPosition + 1, howMany);
  }

  /** Inserts rows before the given row. */
  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this._insert('rows', beforePosition, howMany);
  }

  /** Inserts rows (one by default) starting at the given row. */
  insertRows(rowIndex: number, numRows = 1): void {
    this._insert('rows', rowIndex, numRows);
  }

  /** Inserts one row after the given row. */
  insertRowAfter(afterPosition: number): this {
    return this._insert('rows', afterPosition + 1, 1);
  }

  /** Inserts one row before the given row. */
  insertRowBefore(beforePosition: number): this {
    return this._insert('rows', beforePosition, 1);
  }

  /** Deletes rows. */
  deleteRows(rowPosition: number, howMany: number): void {
    this._remove('rows', rowPosition, howMany);
  }

  /** Deletes one row. */
  deleteRow(rowPosition: number): this {
    this._remove('rows', rowPosition, 1);
    return this;
  }

  _checkRows(start: number, count: number): void {
    if (!(start >= 1 && count >= 1 && start + count - 1 <= this._grid.maxRows)) throw new GoogleException('Those rows are out of bounds.');
  }

  /** Hides rows (`hideRows(rowIndex[, numRows])`); their values stay and still count. */
  hideRows(rowIndex: number, numRows = 1): void {
    this._checkRows(rowIndex, numRows);
    this._grid.setRowsHidden(rowIndex, numRows, true);
  }

  /** Shows rows hidden with `hideRows` (`showRows(rowIndex[, numRows])`). */
  showRows(rowIndex: number, numRows = 1): void {
    this._checkRows(rowIndex, numRows);
    this._grid.setRowsHidden(rowIndex, numRows, false);
  }

  /** True when the row was hidden by a person or script. */
  isRowHiddenByUser(rowPosition: number): boolean {
    this._checkRows(rowPosition, 1);
    return this._grid.isRowHidden(rowPosition);
  }

  /** Inserts columns after the given column. */
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this._insert('columns', afterPosition + 1, howMany);
  }

  /** Inserts columns before the given column. */
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this._insert('columns', beforePosition, howMany);
  }

  /** Deletes columns. */
  deleteColumns(columnPosition: number, howMany: number): void {
    this._remove('columns', columnPosition, howMany);
  }

  /**
   * Writes a row after the last row with content, interpreting values as `setValues` does, and
   * grows the sheet when the row (or its width) does not fit.
   */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) throw signatureMismatch('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = this._grid.lastRow() + 1;
    if (row > this._grid.maxRows) this._insert('rows', this._grid.maxRows + 1, 1);
    if (rowContents.length > this._grid.maxColumns) {
      this._insert('columns', this._grid.maxColumns + 1, rowContents.length - this._grid.maxColumns);
    }
    if (rowContents.length > 0) this._range(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this;
  }

  _whole(): Range {
    return this._range(1, 1, this._grid.maxRows, this._grid.maxColumns);
  }

  /** Clears contents and formats of the whole sheet. */
  clear(): this {
    this._grid.clearAll();
    return this;
  }

  /** Clears values and formulas, keeping formats. */
  clearContents(): this {
    this._whole().clear({ contentsOnly: true });
    return this;
  }

  /** Clears formats, keeping values. */
  clearFormats(): this {
    this._whole().clear({ formatOnly: true });
    return this;
  }

  /** Freezes the top rows. */
  setFrozenRows(rows: number): void {
    this._frozenRows = rows;
  }

  /** The number of frozen rows. */
  getFrozenRows(): number {
    return this._frozenRows;
  }

  /** Freezes the left columns. */
  setFrozenColumns(columns: number): void {
    this._frozenColumns = columns;
  }

  /** The number of frozen columns. */
  getFrozenColumns(): number {
    return this._frozenColumns;
  }

  /** Hides the tab (a spreadsheet keeps at least one visible). */
  hideSheet(): this {
    if (this._spreadsheet._sheets.every((s) => s === this || s._hidden)) {
      throw new GoogleException("You can't hide all the sheets in a document.");
    }
    this._hidden = true;
    // Sheets never leaves a hidden tab on screen: the first visible tab becomes the active one.
    const book = this._spreadsheet;
    if (book._active.sheet === this) {
      const next = book._sheets.find((s) => !s._hidden)!;
      book._activate(next, { row: 1, column: 1, numRows: 1, numColumns: 1 });
    }
    return this;
  }

  /** Shows the tab. */
  showSheet(): this {
    this._hidden = false;
    return this;
  }

  /** True when the tab is hidden. */
  isSheetHidden(): boolean {
    return this._hidden;
  }

  /** The sheet's protection: the existing one when the sheet is already protected. */
  protect(): Protection {
    if (!this._protection) {
      this._protection = new Protection(ProtectionType.SHEET, this._whole(), () => { this._protection = undefined; });
    }
    return this._protection;
  }

  /** Protects a range of this sheet. */
  _protectRange(range: Range): Protection {
    const protection = new Protection(ProtectionType.RANGE, range, (p) => {
      this._rangeProtections = this._rangeProtections.filter((x) => x !== p);
    });
    this._rangeProtections.push(protection);
    return protection;
  }

  /** The sheet's protections of one type. */
  getProtections(type: EnumValue<keyof typeof ProtectionType>): Protection[] {
    if (type === ProtectionType.SHEET) return this._protection ? [this._protection] : [];
    if (type === ProtectionType.RANGE) return [...this._rangeProtections];
    throw signatureMismatch('SpreadsheetApp.Sheet.getProtections', [type]);
  }

  /** Sets one column's width in pixels. */
  setColumnWidth(columnPosition: number, width: number): this {
    this._columnWidths.set(columnPosition, width);
    return this;
  }

  /** Sets the width of several columns. */
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._columnWidths.set(c, width);
    return this;
  }

  /** A column's width in pixels. */
  getColumnWidth(columnPosition: number): number {
    return this._columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Fits columns to their contents (approximated: 7 px a character plus padding). */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    const rows = Math.max(1, this._grid.lastRow());
    const shown = this._range(1, startColumn, rows, numColumns)._displayValues();
    for (let c = 0; c < numColumns; c++) {
      const longest = Math.max(0, ...shown.map((line) => (line[c] ?? '').length));
      this._columnWidths.set(startColumn + c, Math.max(21, longest * 7 + 10));
    }
    return this;
  }

  /** Fits one column to its contents. */
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }

  /** Replaces the conditional format rules. */
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || !rules.every((r) => r instanceof ConditionalFormatRule)) {
      throw signatureMismatch('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    }
    this._conditionalFormatRules = [...rules];
  }

  /** The conditional format rules. */
  getConditionalFormatRules(): ConditionalFormatRule[] {
    return [...this._conditionalFormatRules];
  }

  /** Sets the tab colour (null removes it). */
  setTabColor(color: string | null): this {
    this._tabColor = color;
    return this;
  }

  /** Makes this the active sheet. */
  activate(): this {
    this._spreadsheet._activate(this, { row: 1, column: 1, numRows: 1, numColumns: 1 });
    return this;
  }

  /** Moves this sheet's protected ranges and rule ranges after rows or columns move. */
  _shiftOwnAnchors(dimension: Dimension, at: number, count: number): void {
    const moved = (range: Range) => {
      if (range._sheet !== this) return range;
      const area = shiftArea(range._area, dimension, at, count);
      return area && new Range(this, area);
    };
    this._rangeProtections = this._rangeProtections.filter((p) => {
      const range = moved(p._range);
      if (range) p._range = range;
      return range !== undefined;
    });
    this._conditionalFormatRules = this._conditionalFormatRules.map((rule) =>
      new ConditionalFormatRule(rule._condition, rule._ranges.flatMap((r) => moved(r) ?? [])));
  }
}

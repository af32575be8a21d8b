/**
 * `Range`: a fixed rectangle of one sheet (like Google's, it does not move when rows are inserted
 * above it). Reads and writes go through the cell rules in values.ts and number-format.ts.
 */
import { SERVICE, unwrap, type FakeObject } from '../boundary';
import { GoogleException, signatureMismatch } from '../errors';
import { areaA1, columnLetters } from './a1';
import { evaluateFormula } from './formula';
import type { Cell } from './grid';
import { formatForDisplay, isGeneralFormat } from './number-format';
import type { Protection } from './protection';
import { checkShape, fill, RangeCells } from './range-cells';
import { RichTextValue } from './rich-text';
import type { Sheet } from './sheet';
import type { DataValidation } from './validation';
import { interpretWrittenValue, readValue, type CellValue, type WrittenValue } from './values';

/** Options of `Range.clear`. */
export interface ClearOptions {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
}

/** Options of `Range.copyTo`. */
export interface CopyOptions {
  contentsOnly?: boolean;
  formatOnly?: boolean;
}

function applyWritten(cell: Cell, written: WrittenValue): void {
  delete cell.links;
  if (written.kind === 'empty') {
    delete cell.value;
    delete cell.formula;
  } else if (written.kind === 'formula') {
    cell.formula = written.formula;
    if (written.value === '') delete cell.value;
    else cell.value = written.value;
  } else {
    delete cell.formula;
    cell.value = written.value;
    // Sheets gives a General cell a date format when a date goes in, which is what makes it a date.
    if (written.dateFormat && isGeneralFormat(cell.format)) cell.format = written.dateFormat;
  }
}

/** A rectangle of cells (Apps Script's `Range`). */
export class Range extends RangeCells implements FakeObject {
  readonly [SERVICE] = 'Range';

  get _timeZone(): string {
    return this._sheet._spreadsheet._timeZone;
  }

  _interpret(input: unknown, format: string | undefined): WrittenValue {
    return interpretWrittenValue(input, format, this._timeZone, this._sheet._spreadsheet._apostropheInTextCells);
  }

  /**
   * Interprets (by default as Sheets reads typed input), validates and then stores a grid of
   * written values: all or nothing.
   */
  _write(
    values: readonly (readonly unknown[])[],
    interpret: (input: unknown, format: string | undefined) => WrittenValue = (input, format) => this._interpret(input, format),
  ): void {
    const { row, column } = this._area;
    const grid = this._sheet._grid;
    const planned = values.map((line, r) => line.map((input, c) => interpret(input, grid.cell(row + r, column + c)?.format)));
    planned.forEach((line, r) => line.forEach((written, c) => {
      const cell = grid.cell(row + r, column + c);
      const rule = cell?.validation;
      if (!rule || rule._allowInvalid || written.kind !== 'value') return;
      if (!rule._accepts(formatForDisplay(written.value, cell.format ?? written.dateFormat))) {
        throw new GoogleException(
          `The data you entered in cell ${columnLetters(column + c)}${row + r} violates the data validation rules set on this cell.`,
        );
      }
    }));
    planned.forEach((line, r) => line.forEach((written, c) => {
      const existing = grid.cell(row + r, column + c);
      if (written.kind === 'empty' && !existing) return;
      applyWritten(existing ?? grid.cellForWrite(row + r, column + c), written);
    }));
  }

  /** The range's A1 notation (`B3`, `A1:C10`). */
  getA1Notation(): string {
    return areaA1(this._area);
  }

  /** The first row's 1-based index. */
  getRow(): number {
    return this._area.row;
  }

  /** The first column's 1-based index. */
  getColumn(): number {
    return this._area.column;
  }

  /** The number of rows. */
  getNumRows(): number {
    return this._area.numRows;
  }

  /** The number of columns. */
  getNumColumns(): number {
    return this._area.numColumns;
  }

  /** The last row's 1-based index. */
  getLastRow(): number {
    return this._area.row + this._area.numRows - 1;
  }

  /** The last column's 1-based index. */
  getLastColumn(): number {
    return this._area.column + this._area.numColumns - 1;
  }

  /** The sheet the range is on. */
  getSheet(): Sheet {
    return this._sheet;
  }

  /** One cell of the range, by 1-based position within it. */
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._area.numRows || column > this._area.numColumns) {
      throw new GoogleException('Cell reference out of range');
    }
    return this._sheet._range(this._area.row + row - 1, this._area.column + column - 1, 1, 1);
  }

  /** A range moved by the offsets, optionally resized. */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this._sheet._range(
      this._area.row + rowOffset, this._area.column + columnOffset,
      numRows ?? this._area.numRows, numColumns ?? this._area.numColumns,
    );
  }

  /** True when no cell has content. */
  isBlank(): boolean {
    return this._read((cell) => cell?.value === undefined && cell?.formula === undefined).flat().every(Boolean);
  }

  /** The values (numbers, strings, booleans, new `Date`s; "" for empty cells). */
  getValues(): (CellValue | Date)[][] {
    const tz = this._timeZone;
    return this._read((cell) => readValue(cell?.value, cell?.format, tz));
  }

  /** The top-left cell's value. */
  getValue(): CellValue | Date {
    const cell = this._topLeft();
    return readValue(cell?.value, cell?.format, this._timeZone);
  }

  /** The values as the cells show them. */
  getDisplayValues(): string[][] {
    return this._displayValues();
  }

  /** The top-left cell's value as it shows. */
  getDisplayValue(): string {
    const cell = this._topLeft();
    return formatForDisplay(cell?.value, cell?.format);
  }

  /** The formulas ("" where a cell has none). */
  getFormulas(): string[][] {
    return this._read((cell) => cell?.formula ?? '');
  }

  /** The top-left cell's formula, or "". */
  getFormula(): string {
    return this._topLeft()?.formula ?? '';
  }

  /** Writes a grid of values of exactly the range's size. */
  setValues(values: unknown[][]): this {
    checkShape(values, this._area, 'setValues');
    this._write(values);
    return this;
  }

  /** Writes one value into every cell. */
  setValue(value: unknown): this {
    this._write(fill(this._area, value));
    return this;
  }

  /** Sets one formula in every cell (references are not shifted per cell, unlike Sheets). */
  setFormula(formula: string): this {
    this.setFormulas(fill(this._area, formula));
    return this;
  }

  /** Sets a grid of formulas: `=…` is a formula even in a plain-text cell; anything else is written as a value. */
  setFormulas(formulas: string[][]): this {
    checkShape(formulas, this._area, 'setFormulas');
    this._write(formulas, (input, format) => {
      const text = String(input ?? '');
      return text.startsWith('=') && text.length > 1
        ? { kind: 'formula', formula: text, value: evaluateFormula(text) }
        : this._interpret(input, format);
    });
    return this;
  }

  /** The top-left cell's validation rule, or null. */
  getDataValidation(): DataValidation | null {
    return this._topLeft()?.validation ?? null;
  }

  /** The validation rules (null where none). */
  getDataValidations(): (DataValidation | null)[][] {
    return this._read((cell) => cell?.validation ?? null);
  }

  /** Sets one validation rule on every cell; null removes them. */
  setDataValidation(rule: DataValidation | null): this {
    this._update((cell) => {
      if (rule) cell.validation = rule;
      else delete cell.validation;
    });
    return this;
  }

  /** Sets a grid of validation rules. */
  setDataValidations(rules: (DataValidation | null)[][]): this {
    checkShape(rules, this._area, 'setDataValidations');
    this._update((cell, r, c) => {
      const rule = unwrap(rules[r]?.[c]);
      if (rule) cell.validation = rule;
      else delete cell.validation;
    });
    return this;
  }

  /** Removes every validation rule. */
  clearDataValidations(): this {
    return this.setDataValidation(null);
  }

  /** The top-left cell's rich text, or null when its value is not text. */
  getRichTextValue(): RichTextValue | null {
    return this._richText(this._topLeft());
  }

  /** The rich text values (null where a value is not text). */
  getRichTextValues(): (RichTextValue | null)[][] {
    return this._read((cell) => this._richText(cell));
  }

  _richText(cell: Cell | undefined): RichTextValue | null {
    if (cell?.value !== undefined && typeof cell.value !== 'string') return null;
    return new RichTextValue(cell?.value ?? '', cell?.links ?? []);
  }

  /** Writes one rich text value (its text stays text) into every cell. */
  setRichTextValue(value: RichTextValue): this {
    return this.setRichTextValues(fill(this._area, value));
  }

  /** Writes a grid of rich text values. */
  setRichTextValues(values: RichTextValue[][]): this {
    checkShape(values, this._area, 'setRichTextValues');
    this._update((cell, r, c) => {
      const v = unwrap(values[r]?.[c]);
      if (!(v instanceof RichTextValue)) throw signatureMismatch('SpreadsheetApp.Range.setRichTextValues', [values]);
      delete cell.formula;
      if (v._text === '') delete cell.value;
      else cell.value = v._text;
      if (v._links.length > 0) cell.links = [...v._links];
      else delete cell.links;
    });
    return this;
  }

  /** Clears contents, formats, validations and notes, or only the ones the options name. */
  clear(options?: ClearOptions): this {
    const o = options ?? {};
    const only = Boolean(o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly);
    this._update((cell) => {
      if (!only || o.contentsOnly) { delete cell.value; delete cell.formula; delete cell.links; }
      if (!only || o.formatOnly) { delete cell.format; delete cell.style; }
      if (!only || o.validationsOnly) delete cell.validation;
      if (!only || o.commentsOnly) delete cell.note;
    });
    return this;
  }

  /** Clears values and formulas, keeping formats. */
  clearContent(): this {
    return this.clear({ contentsOnly: true });
  }

  /** Clears number formats and styles, keeping values. */
  clearFormat(): this {
    return this.clear({ formatOnly: true });
  }

  /** Clears the notes. */
  clearNote(): this {
    return this.clear({ commentsOnly: true });
  }

  /**
   * Copies values, formulas (verbatim: references are not shifted), formats, validations and notes
   * to the destination's top-left corner; `contentsOnly` or `formatOnly` narrow what is copied.
   */
  copyTo(destination: Range, options?: CopyOptions): void {
    const source = this._read((cell) => (cell ? { ...cell, style: cell.style && { ...cell.style } } : undefined));
    const target = destination._sheet._range(destination._area.row, destination._area.column, this._area.numRows, this._area.numColumns);
    const contents = !options?.formatOnly;
    const formats = !options?.contentsOnly;
    target._update((cell, r, c) => {
      const from: Cell = source[r]?.[c] ?? {};
      const keys: (keyof Cell)[] = [];
      if (contents) keys.push('value', 'formula', 'links');
      if (formats) keys.push('format', 'style', 'validation', 'note');
      for (const key of keys) {
        if (from[key] === undefined) delete cell[key];
        else (cell as Record<string, unknown>)[key] = from[key];
      }
    });
  }

  /**
   * Cuts and pastes values and formats to the destination's top-left corner, as Google's
   * `Range.moveTo` does: the source is left empty (except where it overlaps the destination).
   */
  moveTo(destination: Range): void {
    const target = destination._sheet._range(destination._area.row, destination._area.column, this._area.numRows, this._area.numColumns);
    this.copyTo(target);
    const sameSheet = target._sheet === this._sheet;
    const t = target._area;
    this._update((cell, r, c) => {
      const row = this._area.row + r;
      const column = this._area.column + c;
      const inTarget = sameSheet && row >= t.row && row < t.row + t.numRows && column >= t.column && column < t.column + t.numColumns;
      if (!inTarget) for (const key of Object.keys(cell)) delete (cell as Record<string, unknown>)[key];
    });
  }

  /** Makes this the active range (and its sheet the active sheet). */
  activate(): this {
    this._sheet._spreadsheet._activate(this._sheet, this._area);
    return this;
  }

  /** Protects the range. */
  protect(): Protection {
    return this._sheet._protectRange(this);
  }


}

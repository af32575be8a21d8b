/**
 * What a range shows rather than holds: number formats, simple styles and notes, plus the cell
 * walking and the shape check every range method shares. `Range` builds on it with values.
 */
import { GoogleException, signatureMismatch } from '../errors';
import type { GridArea } from './a1';
import type { Cell, CellStyle } from './grid';
import { formatForDisplay, GENERAL_FORMAT, isGeneralFormat } from './number-format';
import type { Sheet } from './sheet';

/** Throws Google's messages unless the data is a grid of exactly the range's size. */
export function checkShape(data: unknown, area: GridArea, method: string): asserts data is unknown[][] {
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
    throw signatureMismatch(`SpreadsheetApp.Range.${method}`, [data]);
  }
  if (data.length !== area.numRows) {
    throw new GoogleException(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${area.numRows}.`,
    );
  }
  for (const row of data as unknown[][]) {
    if (row.length !== area.numColumns) {
      throw new GoogleException(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${area.numColumns}.`,
      );
    }
  }
}

/** A grid of the area's size holding one value. */
export function fill<T>(area: GridArea, value: T): T[][] {
  return Array.from({ length: area.numRows }, () => new Array<T>(area.numColumns).fill(value));
}

const STYLE_DEFAULTS: Required<CellStyle> = {
  background: '#ffffff', fontColor: '#000000', fontWeight: 'normal', wrap: false, horizontalAlignment: 'general',
};

/** The cells of a range and how they look (the part of Apps Script's `Range` about looks). */
export abstract class RangeCells {
  constructor(readonly _sheet: Sheet, readonly _area: GridArea) {}

  /** Reads every cell of the range into a grid. */
  _read<T>(fn: (cell: Cell | undefined) => T): T[][] {
    const { row, column, numRows, numColumns } = this._area;
    const grid = this._sheet._grid;
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numColumns; c++) line.push(fn(grid.cell(row + r, column + c)));
      out.push(line);
    }
    return out;
  }

  /** Calls fn for every cell of the range, creating cells. */
  _update(fn: (cell: Cell, r: number, c: number) => void): void {
    const { row, column, numRows, numColumns } = this._area;
    const grid = this._sheet._grid;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++) fn(grid.cellForWrite(row + r, column + c), r, c);
    }
  }

  _topLeft(): Cell | undefined {
    return this._sheet._grid.cell(this._area.row, this._area.column);
  }

  /** The number formats (`0.###############` for General). */
  getNumberFormats(): string[][] {
    return this._read((cell) => cell?.format ?? GENERAL_FORMAT);
  }

  /** The top-left cell's number format. */
  getNumberFormat(): string {
    return this._topLeft()?.format ?? GENERAL_FORMAT;
  }

  /** Sets one number format on every cell (`@` makes later writes stay text). */
  setNumberFormat(format: string): this {
    this._update((cell) => {
      if (isGeneralFormat(format)) delete cell.format;
      else cell.format = format;
    });
    return this;
  }

  /** Sets a grid of number formats. */
  setNumberFormats(formats: string[][]): this {
    checkShape(formats, this._area, 'setNumberFormats');
    this._update((cell, r, c) => {
      const format = formats[r]?.[c];
      if (isGeneralFormat(format)) delete cell.format;
      else cell.format = format;
    });
    return this;
  }

  _setStyle<K extends keyof CellStyle>(key: K, value: CellStyle[K] | null): this {
    this._update((cell) => {
      if (value === null || value === undefined) {
        if (cell.style) delete cell.style[key];
      } else {
        cell.style = { ...cell.style, [key]: value };
      }
    });
    return this;
  }

  _styleOf<K extends keyof CellStyle>(cell: Cell | undefined, key: K): Required<CellStyle>[K] {
    return (cell?.style?.[key] ?? STYLE_DEFAULTS[key]) as Required<CellStyle>[K];
  }

  /** Sets `bold` or `normal` (null resets). */
  setFontWeight(fontWeight: string | null): this {
    return this._setStyle('fontWeight', fontWeight);
  }

  /** The top-left cell's font weight. */
  getFontWeight(): string {
    return this._styleOf(this._topLeft(), 'fontWeight');
  }

  /** Sets the background colour (null resets). */
  setBackground(color: string | null): this {
    return this._setStyle('background', color);
  }

  /** Sets a grid of background colours. */
  setBackgrounds(colors: (string | null)[][]): this {
    checkShape(colors, this._area, 'setBackgrounds');
    this._update((cell, r, c) => {
      const color = colors[r]?.[c];
      if (color === null || color === undefined) { if (cell.style) delete cell.style.background; } else cell.style = { ...cell.style, background: color };
    });
    return this;
  }

  /** The top-left cell's background colour. */
  getBackground(): string {
    return this._styleOf(this._topLeft(), 'background');
  }

  /** The background colours. */
  getBackgrounds(): string[][] {
    return this._read((cell) => this._styleOf(cell, 'background'));
  }

  /** Sets the font colour (null resets). */
  setFontColor(color: string | null): this {
    return this._setStyle('fontColor', color);
  }

  /** The top-left cell's font colour. */
  getFontColor(): string {
    return this._styleOf(this._topLeft(), 'fontColor');
  }

  /** Sets whether text wraps. */
  setWrap(isWrapEnabled: boolean): this {
    return this._setStyle('wrap', isWrapEnabled);
  }

  /** Whether the top-left cell's text wraps. */
  getWrap(): boolean {
    return this._styleOf(this._topLeft(), 'wrap');
  }

  /** Sets `left`, `center`, `right` or `normal` alignment (null resets). */
  setHorizontalAlignment(alignment: string | null): this {
    return this._setStyle('horizontalAlignment', alignment);
  }

  /** The top-left cell's horizontal alignment. */
  getHorizontalAlignment(): string {
    return this._styleOf(this._topLeft(), 'horizontalAlignment');
  }

  /** Sets one note on every cell ("" or null removes it). */
  setNote(note: string | null): this {
    this._update((cell) => {
      if (note === null || note === '') delete cell.note;
      else cell.note = String(note);
    });
    return this;
  }

  /** Sets a grid of notes. */
  setNotes(notes: (string | null)[][]): this {
    checkShape(notes, this._area, 'setNotes');
    this._update((cell, r, c) => {
      const note = notes[r]?.[c];
      if (note === null || note === undefined || note === '') delete cell.note;
      else cell.note = String(note);
    });
    return this;
  }

  /** The top-left cell's note, or "". */
  getNote(): string {
    return this._topLeft()?.note ?? '';
  }

  /** The notes ("" where none). */
  getNotes(): string[][] {
    return this._read((cell) => cell?.note ?? '');
  }

  /** The values as shown, for the fakes' own use (validation lists, inspection). */
  _displayValues(): string[][] {
    return this._read((cell) => formatForDisplay(cell?.value, cell?.format));
  }
}

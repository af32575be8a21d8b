/**
 * `Spreadsheet`: the document the add-on is bound to. It owns the tabs, the named ranges, the time
 * zone dates are stored in, and Google's 10,000,000-cell limit.
 */
import { SERVICE, type FakeObject } from '../boundary';
import { GoogleException, signatureMismatch } from '../errors';
import { isKnownTimeZone } from '../tz';
import { parseCells, shiftArea, splitSheetName, type Dimension, type GridArea } from './a1';
import { checkRangeName, NamedRange } from './named-range';
import type { Range } from './range';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, Sheet } from './sheet';
import type { UiRecord } from './ui';
import type { ApostropheInTextCells } from './values';

export type { ApostropheInTextCells } from './values';

/** Google's limit on the cells (empty or not) of all tabs together. */
export const MAX_CELLS = 10_000_000;

/** What a new spreadsheet is. */
export interface SpreadsheetSettings {
  id: string;
  name: string;
  timeZone: string;
  sheetNames: readonly string[];
  /** What a plain-text (`@`) cell does with a leading apostrophe (see values.ts). */
  apostropheInTextCells?: ApostropheInTextCells;
}

/** The active spreadsheet (Apps Script's `Spreadsheet`). */
export class Spreadsheet implements FakeObject {
  readonly [SERVICE] = 'Spreadsheet';
  _sheets: Sheet[] = [];
  _namedRanges: NamedRange[] = [];
  _active!: { sheet: Sheet; area: GridArea };
  readonly _id: string;
  _name: string;
  _timeZone: string;
  _nextSheetId = 0;
  readonly _apostropheInTextCells: ApostropheInTextCells;

  constructor(settings: SpreadsheetSettings, readonly _record: UiRecord) {
    this._id = settings.id;
    this._name = settings.name;
    this._timeZone = settings.timeZone;
    this._apostropheInTextCells = settings.apostropheInTextCells ?? 'strip';
    for (const name of settings.sheetNames) this._addSheet(name, this._sheets.length);
    const first = this._sheets[0];
    if (!first) throw new Error('A spreadsheet needs at least one sheet');
    this._activate(first, { row: 1, column: 1, numRows: 1, numColumns: 1 });
  }

  _addSheet(name: string, index: number): Sheet {
    this._checkNewSheetName(name);
    this._ensureRoomFor(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    // Sheets gives the first tab gid 0 and later ones large numbers; deterministic here.
    const id = this._nextSheetId === 0 ? 0 : 1_000_000 + this._nextSheetId * 7919;
    this._nextSheetId++;
    const sheet = new Sheet(this, name, id);
    this._sheets.splice(index, 0, sheet);
    return sheet;
  }

  /** Throws Google's message when a tab already has the name (ignoring case). */
  _checkNewSheetName(name: string, renamed?: Sheet): void {
    const taken = this._sheets.some((s) => s !== renamed && s._name.toLowerCase() === String(name).toLowerCase());
    if (taken) throw new GoogleException(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  /** Throws Google's message when growing the grid by `extra` cells would pass 10,000,000. */
  _ensureRoomFor(extra: number): void {
    const used = this._sheets.reduce((sum, s) => sum + s._grid.maxRows * s._grid.maxColumns, 0);
    if (used + extra > MAX_CELLS) {
      throw new GoogleException(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
    }
  }

  /** Makes a sheet and area the active ones. */
  _activate(sheet: Sheet, area: GridArea): void {
    this._active = { sheet, area: { ...area } };
  }

  /** The tab with exactly this name. */
  _sheetNamed(name: string): Sheet | undefined {
    return this._sheets.find((s) => s._name === name);
  }

  /** A range from A1 notation, on the named sheet or else on `sheet`. */
  _resolveA1(a1: string, sheet: Sheet): Range {
    const { sheetName, cells } = splitSheetName(String(a1));
    const target = sheetName === undefined ? sheet : this._sheetNamed(sheetName);
    const area = target && parseCells(cells, target._grid.maxRows, target._grid.maxColumns);
    if (!target || !area) throw new GoogleException('Range not found');
    return target._range(area.row, area.column, area.numRows, area.numColumns);
  }

  /** Moves named ranges, protected ranges and rule ranges after rows or columns move. */
  _shiftAnchors(sheet: Sheet, dimension: Dimension, at: number, count: number): void {
    this._namedRanges = this._namedRanges.filter((n) => {
      if (n._sheet !== sheet) return true;
      const area = shiftArea(n._area, dimension, at, count);
      if (area) n._area = area;
      return area !== undefined;
    });
    sheet._shiftOwnAnchors(dimension, at, count);
  }

  /** The spreadsheet's id. */
  getId(): string {
    return this._id;
  }

  /** The document's name. */
  getName(): string {
    return this._name;
  }

  /** Renames the document. */
  rename(newName: string): void {
    this._name = newName;
  }

  /** The document's URL. */
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }

  /** The tabs, in order. */
  getSheets(): Sheet[] {
    return [...this._sheets];
  }

  /** The number of tabs. */
  getNumSheets(): number {
    return this._sheets.length;
  }

  /** The tab with the name, or null. */
  getSheetByName(name: string): Sheet | null {
    return this._sheetNamed(name) ?? null;
  }

  /** The tab with the id, or null. */
  getSheetById(id: number): Sheet | null {
    return this._sheets.find((s) => s._id === id) ?? null;
  }

  /**
   * Adds a 1000 × 26 tab: `insertSheet()`, `insertSheet(index)`, `insertSheet(name)` or
   * `insertSheet(name, index)` (0-based). The new tab becomes the active one.
   */
  insertSheet(...args: unknown[]): Sheet {
    let name: string | undefined;
    let index = this._sheets.length;
    const [a, b] = args;
    if (args.length === 1 && typeof a === 'number') index = a;
    else if (args.length >= 1 && typeof a === 'string' && (args.length === 1 || typeof b === 'number')) {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (args.length > 0) throw signatureMismatch('SpreadsheetApp.Spreadsheet.insertSheet', args);
    if (name === undefined) {
      let n = this._sheets.length + 1;
      while (this._sheets.some((s) => s._name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = this._addSheet(name, Math.max(0, Math.min(index, this._sheets.length)));
    this._activate(sheet, { row: 1, column: 1, numRows: 1, numColumns: 1 });
    return sheet;
  }

  /** Deletes a tab (never the last one). */
  deleteSheet(sheet: Sheet): void {
    if (!(sheet instanceof Sheet) || !this._sheets.includes(sheet)) throw signatureMismatch('SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    if (this._sheets.length === 1) throw new GoogleException("You can't remove all the sheets in a document.");
    this._sheets = this._sheets.filter((s) => s !== sheet);
    this._namedRanges = this._namedRanges.filter((n) => n._sheet !== sheet);
    if (this._active.sheet === sheet) {
      const next = this._sheets.find((s) => !s._hidden) ?? this._sheets[0];
      if (next) this._activate(next, { row: 1, column: 1, numRows: 1, numColumns: 1 });
    }
  }

  /** A range from A1 notation (`'My Tab'!A1:C3`; without a sheet name, on the active tab). */
  getRange(a1Notation: string): Range {
    return this._resolveA1(a1Notation, this._active.sheet);
  }

  /** Names a range (a name already in use is moved to it). */
  setNamedRange(name: string, range: Range): void {
    checkRangeName(name);
    const existing = this._namedRanges.find((n) => n._name === name);
    if (existing) {
      existing.setRange(range);
      return;
    }
    this._namedRanges.push(new NamedRange(name, range._sheet, { ...range._area }, (n) => {
      this._namedRanges = this._namedRanges.filter((x) => x !== n);
    }));
  }

  /** The range with the name, or null. */
  getRangeByName(name: string): Range | null {
    return this._namedRanges.find((n) => n._name === name)?.getRange() ?? null;
  }

  /** The named ranges. */
  getNamedRanges(): NamedRange[] {
    return [...this._namedRanges];
  }

  /** Deletes a name. */
  removeNamedRange(name: string): void {
    this._namedRanges = this._namedRanges.filter((n) => n._name !== name);
  }

  /** The time zone dates are stored in. */
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }

  /** Changes the time zone (stored serials keep their wall-clock meaning, as in Sheets). */
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isKnownTimeZone(timezone)) throw new GoogleException(`Invalid argument: ${timezone}`);
    this._timeZone = timezone;
  }

  /** The locale numbers and dates are read in; the fake knows only en_US. */
  getSpreadsheetLocale(): string {
    return 'en_US';
  }

  /** Shows a toast in the corner of the spreadsheet. */
  toast(msg: string, title = '', timeoutSeconds = 5): void {
    this._record.toasts.push({ message: String(msg), title: String(title), timeoutSeconds });
  }

  /** The active tab. */
  getActiveSheet(): Sheet {
    return this._active.sheet;
  }

  /** Makes a tab active. */
  setActiveSheet(sheet: Sheet): Sheet {
    return sheet.activate();
  }

  /** The selected range. */
  getActiveRange(): Range {
    const { sheet, area } = this._active;
    return sheet._range(area.row, area.column, area.numRows, area.numColumns);
  }
}

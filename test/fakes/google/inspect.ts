/**
 * `world.inspect`: reads the world's state without counting calls, for tests and for the
 * workbench's live view. Everything returned is a fresh copy.
 */
import type { LogLine } from './logger';
import type { LockTable } from './lock';
import type { StateToken } from './script';
import { areaA1, parseCells, type GridArea } from './spreadsheet/a1';
import type { CellStyle } from './spreadsheet/grid';
import type { Range } from './spreadsheet/range';
import type { Sheet } from './spreadsheet/sheet';
import type { Spreadsheet } from './spreadsheet/spreadsheet';
import type { ShownAlert, ShownMenu, ShownPage, ShownToast, UiRecord } from './spreadsheet/ui';
import type { DataValidation } from './spreadsheet/validation';
import type { CellValue } from './spreadsheet/values';
import type { RecordedRequest } from './url-fetch';

/** A range named with its sheet, as Sheets writes it: `'My Tab'!A1:C3`. */
export function qualifiedA1(range: Range): string {
  const name = range._sheet._name;
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  return `${quoted}!${areaA1(range._area)}`;
}

/** A data-validation rule, readably. */
export interface ValidationSummary {
  criteria: string;
  /** The allowed values, or the A1 notation of the range holding them. */
  values: string[] | string;
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string;
}

/** A protection, readably. */
export interface ProtectionSummary {
  type: string;
  range: string;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotectedRanges: string[];
}

/** A conditional format rule, readably. */
export interface RuleSummary {
  criteria: string;
  values: string[];
  background: string | null;
  fontColor: string | null;
  ranges: string[];
}

/** A tab and its settings. */
export interface SheetSummary {
  name: string;
  sheetId: number;
  index: number;
  active: boolean;
  hidden: boolean;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  /** The rows hidden (by `hideRows` or a person), 1-based. */
  hiddenRows: number[];
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  /** Widths set by the script, by 1-based column. */
  columnWidths: Record<number, number>;
  protections: ProtectionSummary[];
  conditionalFormatRules: RuleSummary[];
}

/** The stored cells of a range, one grid per aspect. */
export interface GridSnapshot {
  range: string;
  values: (CellValue | Date)[][];
  displayValues: string[][];
  formulas: string[][];
  numberFormats: string[][];
  validations: (ValidationSummary | null)[][];
  /** The whole-cell link of rich text, or null. */
  links: (string | null)[][];
  notes: string[][];
  styles: (CellStyle | null)[][];
}

/** What the spreadsheet's UI has shown. */
export interface UiSnapshot {
  menus: ShownMenu[];
  sidebars: ShownPage[];
  dialogs: ShownPage[];
  alerts: ShownAlert[];
  toasts: ShownToast[];
}

/** Who holds a lock. */
export interface LockSummary {
  lock: string;
  execution: number;
}

/** The parts of the world inspection reads. */
export interface InspectableWorld {
  spreadsheet: Spreadsheet;
  ui: UiRecord;
  tokens: ReadonlyMap<string, StateToken>;
  properties: { script: ReadonlyMap<string, string>; document: ReadonlyMap<string, string>; user(email: string): ReadonlyMap<string, string> };
  locks: LockTable;
  requests: readonly RecordedRequest[];
  logs: readonly LogLine[];
  now(): number;
}

function summarizeValidation(v: DataValidation): ValidationSummary {
  return {
    criteria: v._criteria.name,
    values: v._list ? [...v._list] : v._range ? qualifiedA1(v._range) : [],
    showDropdown: v._showDropdown,
    allowInvalid: v._allowInvalid,
    helpText: v._helpText,
  };
}

function summarizeSheet(spreadsheet: Spreadsheet, sheet: Sheet): SheetSummary {
  const protections = [...(sheet._protection ? [sheet._protection] : []), ...sheet._rangeProtections];
  return {
    name: sheet._name,
    sheetId: sheet._id,
    index: spreadsheet._sheets.indexOf(sheet) + 1,
    active: spreadsheet._active.sheet === sheet,
    hidden: sheet._hidden,
    maxRows: sheet._grid.maxRows,
    maxColumns: sheet._grid.maxColumns,
    lastRow: sheet._grid.lastRow(),
    lastColumn: sheet._grid.lastColumn(),
    hiddenRows: sheet._grid.hiddenRows(),
    frozenRows: sheet._frozenRows,
    frozenColumns: sheet._frozenColumns,
    tabColor: sheet._tabColor,
    columnWidths: Object.fromEntries(sheet._columnWidths),
    protections: protections.map((p) => ({
      type: p._type.name,
      range: qualifiedA1(p._range),
      description: p._description,
      warningOnly: p._warningOnly,
      editors: [...p._editors],
      unprotectedRanges: p._unprotected.map(qualifiedA1),
    })),
    conditionalFormatRules: sheet._conditionalFormatRules.map((rule) => ({
      criteria: rule._condition._criteria.name,
      values: [...rule._condition._values],
      background: rule._condition._background,
      fontColor: rule._condition._fontColor,
      ranges: rule._ranges.map(qualifiedA1),
    })),
  };
}

/** Reads the world without counting calls. */
export class Inspector {
  constructor(private readonly world: InspectableWorld) {}

  private sheetNamed(name: string): Sheet {
    const sheet = this.world.spreadsheet._sheetNamed(name);
    if (!sheet) throw new Error(`No sheet named "${name}" (there are: ${this.sheetNames().join(', ')})`);
    return sheet;
  }

  /** The tab names, in order. */
  sheetNames(): string[] {
    return this.world.spreadsheet._sheets.map((s) => s._name);
  }

  /** Every cell of every tab, empty or not: what counts toward Google's 10,000,000. */
  cellsInUse(): number {
    return this.world.spreadsheet._sheets.reduce((sum, s) => sum + s._grid.maxRows * s._grid.maxColumns, 0);
  }

  /** Every tab and its settings. */
  sheets(): SheetSummary[] {
    return this.world.spreadsheet._sheets.map((s) => summarizeSheet(this.world.spreadsheet, s));
  }

  /** One tab and its settings. */
  sheet(name: string): SheetSummary {
    return summarizeSheet(this.world.spreadsheet, this.sheetNamed(name));
  }

  /** The stored cells of a range of a tab (by default, A1 to its last row and column with content). */
  grid(sheetName: string, a1?: string): GridSnapshot {
    const sheet = this.sheetNamed(sheetName);
    const area: GridArea | undefined = a1 === undefined
      ? { row: 1, column: 1, numRows: Math.max(1, sheet._grid.lastRow()), numColumns: Math.max(1, sheet._grid.lastColumn()) }
      : parseCells(a1, sheet._grid.maxRows, sheet._grid.maxColumns);
    if (!area) throw new Error(`"${a1}" is not A1 notation`);
    const range = sheet._range(area.row, area.column, area.numRows, area.numColumns);
    const cells = (fn: (row: number, column: number) => unknown) =>
      Array.from({ length: area.numRows }, (_, r) => Array.from({ length: area.numColumns }, (_, c) => fn(area.row + r, area.column + c)));
    const cell = (r: number, c: number) => sheet._grid.cell(r, c);
    return {
      range: qualifiedA1(range),
      values: range.getValues(),
      displayValues: range._displayValues(),
      formulas: range.getFormulas(),
      numberFormats: range.getNumberFormats(),
      validations: cells((r, c) => { const v = cell(r, c)?.validation; return v ? summarizeValidation(v) : null; }) as (ValidationSummary | null)[][],
      links: range.getRichTextValues().map((line) => line.map((v) => v?.getLinkUrl() ?? null)),
      notes: range.getNotes(),
      styles: cells((r, c) => { const s = cell(r, c)?.style; return s ? { ...s } : null; }) as (CellStyle | null)[][],
    };
  }

  /** The named ranges and where they point. */
  namedRanges(): { name: string; range: string }[] {
    return this.world.spreadsheet._namedRanges.map((n) => ({ name: n._name, range: qualifiedA1(n.getRange()) }));
  }

  /** The active tab and selection. */
  activeRange(): string {
    return qualifiedA1(this.world.spreadsheet.getActiveRange());
  }

  /** Menus, sidebars, dialogs, alerts and toasts shown so far. */
  ui(): UiSnapshot {
    const { ui } = this.world;
    return {
      menus: [...ui.menus.values()].map((m) => structuredClone(m)),
      sidebars: ui.pages.filter((p) => p.kind === 'sidebar').map((p) => ({ ...p })),
      dialogs: ui.pages.filter((p) => p.kind !== 'sidebar').map((p) => ({ ...p })),
      alerts: ui.alerts.map((a) => ({ ...a })),
      toasts: ui.toasts.map((t) => ({ ...t })),
    };
  }

  /** What a state token carries and whether it has expired, or undefined for an unknown token. */
  stateToken(token: string): (StateToken & { expired: boolean }) | undefined {
    const t = this.world.tokens.get(token);
    return t && { ...t, arguments: { ...t.arguments }, expired: t.expiresAt <= this.world.now() };
  }

  /** A property store's content: `'script'`, `'document'` or `{ user: email }`. */
  properties(store: 'script' | 'document' | { user: string }): Record<string, string> {
    const { properties } = this.world;
    const map = store === 'script' ? properties.script : store === 'document' ? properties.document : properties.user(store.user);
    return Object.fromEntries(map);
  }

  /** The locks held now and by which execution. */
  locks(): LockSummary[] {
    return [...this.world.locks].map(([lock, execution]) => ({ lock, execution }));
  }

  /** Every UrlFetch request so far, with headers and bodies. */
  requests(): RecordedRequest[] {
    return this.world.requests.map((r) => ({ ...r, headers: { ...r.headers } }));
  }

  /** Every logged line so far. */
  logs(): LogLine[] {
    return this.world.logs.map((l) => ({ ...l }));
  }
}

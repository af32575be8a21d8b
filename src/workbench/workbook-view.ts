/**
 * The workbook as the workbench page shows it: the tabs (hidden ones marked), and a window of one
 * tab's cells with what each shows, its formula, link, note, looks (conditional formatting
 * included) and, for a cell with a dropdown, its choices; the frozen rows always come first. Read through `world.inspect`, which counts no calls. Also a person's edit
 * of one cell, made through the Sheets fake as typing in Google Sheets would be.
 */
import type { GoogleWorld } from '../../test/fakes/google';
import { conditionalBackgrounds } from './conditional-looks';

/** How many rows one view shows (a Transactions tab can hold a million). */
export const WINDOW_ROWS = 200;

/** One cell as the page shows it. */
export interface CellView {
  text: string;
  formula?: string;
  note?: string;
  link?: string;
  background?: string;
  bold?: boolean;
  /** The dropdown's choices when the cell has one. */
  options?: string[];
}

/** A tab in the tab bar. */
export interface TabView {
  name: string;
  hidden: boolean;
  lastRow: number;
}

/** What the page draws. */
export interface WorkbookSnapshot {
  tabs: TabView[];
  /** The tab the spreadsheet has active (a script may switch it, e.g. "Show in Mapping"). */
  activeSheet: string;
  /** The active cell, `Mapping!G87`. */
  activeCell: string;
  sheet: string;
  firstRow: number;
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  /** Rows 1 to `frozenRows`, always shown on top. */
  frozen: CellView[][];
  /** Rows from `firstRow` (after the frozen ones). */
  cells: CellView[][];
}

const COLOUR = /^#[0-9a-f]{3,8}$/i;

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `'My Tab'!G87` → the tab name and the cell's row. */
function splitQualified(a1: string): { sheet: string; cells: string } {
  const at = a1.lastIndexOf('!');
  const name = a1.slice(0, at);
  return { sheet: name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name, cells: a1.slice(at + 1) };
}

function rowOf(cells: string): number {
  return Number(/\d+/.exec(cells)?.[0] ?? 1);
}

/** Reads a snapshot of `sheet` (default: the active tab) from row `from` (default: around the active cell). */
export function snapshotWorkbook(world: GoogleWorld, request: { sheet?: string; from?: number } = {}): WorkbookSnapshot {
  const sheets = world.inspect.sheets();
  // Creating the add-on's tabs can leave a hidden one active; a person would be looking at a visible tab.
  const visible = sheets.filter((s) => !s.hidden);
  const activeSummary = sheets.find((s) => s.active && !s.hidden) ?? visible.find((s) => s.lastRow > 0) ?? visible[0] ?? sheets[0]!;
  const activeCell = world.inspect.activeRange();
  const chosen = sheets.find((s) => s.name === request.sheet) ?? activeSummary;
  const active = splitQualified(activeCell);
  const lastRow = Math.max(1, chosen.lastRow);
  const lastColumn = Math.max(1, chosen.lastColumn);
  const around = active.sheet === chosen.name ? rowOf(active.cells) - Math.floor(WINDOW_ROWS / 2) : 1;
  const firstRow = Math.max(1, Math.min(request.from ?? around, lastRow - WINDOW_ROWS + 1));
  const rows = Math.min(WINDOW_ROWS, lastRow - firstRow + 1);
  const choices = new Map<string, string[]>();
  const optionsOf = (values: string[] | string): string[] => {
    if (Array.isArray(values)) return values;
    let list = choices.get(values);
    if (!list) {
      const source = splitQualified(values);
      const shown = world.inspect.grid(source.sheet, source.cells).displayValues.flat().filter((v) => v.trim() !== '');
      list = [...new Set(shown)];
      choices.set(values, list);
    }
    return list;
  };
  const rowsOf = (from: number, count: number): CellView[][] => {
    if (count <= 0) return [];
    const grid = world.inspect.grid(chosen.name, `A${from}:${columnLetters(lastColumn)}${from + count - 1}`);
    // What conditional formatting paints, over the cell's own background, as Sheets shows it.
    const painted = conditionalBackgrounds(chosen.conditionalFormatRules, { firstRow: from, text: grid.displayValues });
    return grid.displayValues.map((line, r) =>
      line.map((text, c): CellView => {
        const formula = grid.formulas[r]?.[c] ?? '';
        const style = grid.styles[r]?.[c];
        const validation = grid.validations[r]?.[c];
        const link = grid.links[r]?.[c];
        const note = grid.notes[r]?.[c] ?? '';
        const background = painted[r]?.[c] ?? style?.background;
        return {
          text,
          ...(formula ? { formula } : {}),
          ...(note ? { note } : {}),
          ...(link ? { link } : {}),
          ...(background && COLOUR.test(background) ? { background } : {}),
          ...(style?.fontWeight === 'bold' ? { bold: true } : {}),
          ...(validation ? { options: optionsOf(validation.values) } : {}),
        };
      }),
    );
  };
  // Frozen rows stay on top, as in Sheets, even when the window starts further down.
  const frozenRows = Math.min(chosen.frozenRows, lastRow);
  const windowStart = Math.max(firstRow, frozenRows + 1);
  const cells = rowsOf(windowStart, firstRow + rows - windowStart);
  const frozen = rowsOf(1, frozenRows);
  return {
    tabs: sheets.map((s) => ({ name: s.name, hidden: s.hidden, lastRow: s.lastRow })),
    activeSheet: activeSummary.name,
    activeCell,
    sheet: chosen.name,
    firstRow: windowStart,
    lastRow,
    lastColumn,
    frozenRows,
    frozen,
    cells,
  };
}

/** A person types `value` into a cell (as text; a leading `=` makes a formula, as in Sheets). */
export function editCell(world: GoogleWorld, user: string, edit: { sheet: string; row: number; column: number; value: string }): void {
  world.run(user, (services) => {
    const sheet = services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(edit.sheet);
    if (!sheet) throw new Error(`There is no tab named "${edit.sheet}".`);
    sheet.getRange(edit.row, edit.column).setValue(edit.value);
  });
}

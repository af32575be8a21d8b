/**
 * The Costs tab: what one unit of each SKU cost, read fresh for every preview and post. SKUs an
 * import saw without any row here are appended (highlighted until someone gives them a cost), with
 * the units and the settlement they were seen in, as the Mapping tab does for line types.
 *
 * The SKU and Currency columns are plain text (`@`, layout 5), so a SKU stays exactly as typed
 * (`00123`, `=1+1`). SettleSheet writes its SKUs there without an apostrophe (the team's rule:
 * apostrophes only into General cells) and reads them tolerating one either way, since whether
 * Sheets keeps an apostrophe written into an `@` cell is not documented (cells.ts).
 */
import type { CostsProblem } from '../../core/cogs/costs';
import type { UnitsEntry } from '../../core/cogs/units';
import { COSTS_COLUMNS } from '../../core/cogs/costs';
import { formatColumn, readFormulaRows, readRows, writeRows } from './blocks';
import { cellText, tableText, textCell } from './cells';
import { COSTS_TEXT_COLUMNS } from './layout';
import type { Workbook } from './workbook';

/** The Costs tab as text, header first: SKUs and currencies as typed, without a leading apostrophe. */
export function readCostsTab(workbook: Workbook): string[][] {
  return readCosts(workbook).table;
}

/**
 * The Costs tab as text (see `readCostsTab`), and a problem for each row whose SKU cell Sheets
 * did not keep as typed text: a number (`00123` typed into a General cell reads back as 123) or a
 * formula. Such a row would cost some other SKU, or none, without a word.
 */
export function readCostsTabChecked(workbook: Workbook): { table: string[][]; problems: CostsProblem[] } {
  const { sheet, values, table } = readCosts(workbook);
  const sku = columnOf(table[0] ?? [], 'SKU');
  const problems: CostsProblem[] = [];
  if (sku < 0 || values.length < 2) return { table, problems };
  const formulas = readFormulaRows(sheet, 2, values.length - 1, 1, sku + 1);
  values.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const formula = formulas[i]?.[0] ?? '';
    const value = cells[sku];
    const problem = (what: string) => problems.push({ row, column: 'SKU', message: `Costs row ${row}, column SKU: ${what}` });
    if (formula !== '') {
      problem(`the cell holds a formula (${formula}), so its SKU is whatever that calculates. Type the SKU itself: the column keeps what is typed as text.`);
    } else if (typeof value === 'number') {
      problem(`Sheets turned the SKU into the number ${cellText(value, workbook.timeZone)} (leading zeros and long digits are lost that way). Type the SKU again: the column now keeps what is typed as text.`);
    }
  });
  return { table, problems };
}

function readCosts(workbook: Workbook): { sheet: GoogleAppsScript.Spreadsheet.Sheet; values: unknown[][]; table: string[][] } {
  const sheet = workbook.tab('costs');
  const values = readRows(sheet, 1, sheet.getLastRow(), sheet.getLastColumn());
  const table = tableText(values, workbook.timeZone);
  const textColumns = COSTS_TEXT_COLUMNS.map((name) => columnOf(table[0] ?? [], name)).filter((i) => i >= 0);
  for (const cells of table.slice(1)) {
    for (const i of textColumns) if (cells[i]?.startsWith("'")) cells[i] = cells[i]!.slice(1);
  }
  return { sheet, values, table };
}

/** The 0-based column of a header, by name (people may reorder the columns), or -1. */
function columnOf(header: readonly string[], name: string): number {
  return header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
}

/** Highlights rows with a SKU and no unit cost yet, like the Mapping tab's open questions. */
export function setUpCostsTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const waiting = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied('=AND(LEN($A2)>0,LEN($B2)=0)')
    .setBackground('#fff2cc')
    .setRanges([sheet.getRange(2, 1, sheet.getMaxRows() - 1, sheet.getMaxColumns())])
    .build();
  sheet.setConditionalFormatRules([waiting]);
}

/**
 * Appends the SKUs of `units` the Costs table does not name yet, each with its units and the
 * settlement, in the currency of that settlement; returns how many.
 */
export function appendUnseenSkus(workbook: Workbook, table: string[][], listed: ReadonlySet<string>, units: readonly UnitsEntry[], currency: string, settlementId: string): number {
  const seen = new Map<string, { sold: number; returned: number }>();
  for (const u of units) {
    if (u.sku === '' || listed.has(u.sku)) continue;
    const s = seen.get(u.sku) ?? { sold: 0, returned: 0 };
    s.sold += u.sold;
    s.returned += u.returned;
    seen.set(u.sku, s);
  }
  if (seen.size === 0) return 0;
  const [header = []] = table;
  const col = (name: string) => columnOf(header, name);
  const width = Math.max(header.length, COSTS_COLUMNS.length);
  const rows = [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sku, s]) => {
    const row: string[] = new Array<string>(width).fill('');
    const put = (name: string, value: string) => {
      const i = col(name);
      if (i >= 0) row[i] = value;
    };
    // People may reorder the columns: each value goes under its header. SKU and Currency are
    // plain-text cells (made so just below), the notes General cells.
    put('SKU', sku);
    put('Currency', currency);
    put('Units seen', textCell(`${s.sold} sold${s.returned ? `, ${s.returned} returned` : ''}`));
    put('Seen in', textCell(`settlement ${settlementId}`));
    return row;
  });
  const sheet = workbook.tab('costs');
  const firstRow = sheet.getLastRow() + 1;
  const short = firstRow + rows.length - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  // A SKU from a file is untrusted: it goes only into a cell that is plain text, whatever a person
  // did to the column's format, so `=1+1` or `00123` can never become a formula or a number.
  for (const name of COSTS_TEXT_COLUMNS) {
    const i = col(name);
    if (i >= 0) formatColumn(sheet, firstRow, rows.length, i + 1, '@');
  }
  writeRows(sheet, firstRow, rows);
  return rows.length;
}

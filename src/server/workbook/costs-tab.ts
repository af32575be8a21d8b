/**
 * The Costs tab: what one unit of each SKU cost, read fresh for every preview and post. SKUs an
 * import saw without any row here are appended (highlighted until someone gives them a cost), with
 * the units and the settlement they were seen in, as the Mapping tab does for line types.
 */
import type { UnitsEntry } from '../../core/cogs/units';
import { COSTS_COLUMNS } from '../../core/cogs/costs';
import { readRows, writeRows } from './blocks';
import { tableText, textCell } from './cells';
import type { Workbook } from './workbook';

/** The Costs tab as text, header first: SKUs written as text stay exactly that text. */
export function readCostsTab(workbook: Workbook): string[][] {
  const sheet = workbook.tab('costs');
  return tableText(readRows(sheet, 1, sheet.getLastRow(), sheet.getLastColumn()), workbook.timeZone);
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
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const width = Math.max(header.length, COSTS_COLUMNS.length);
  const rows = [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sku, s]) => {
    const row: string[] = new Array<string>(width).fill('');
    const put = (name: string, value: string) => {
      const i = col(name);
      if (i >= 0) row[i] = value;
    };
    // People may reorder the columns: each value goes under its header.
    put('SKU', textCell(sku));
    put('Currency', textCell(currency));
    put('Units seen', textCell(`${s.sold} sold${s.returned ? `, ${s.returned} returned` : ''}`));
    put('Seen in', textCell(`settlement ${settlementId}`));
    return row;
  });
  const sheet = workbook.tab('costs');
  const firstRow = sheet.getLastRow() + 1;
  const short = firstRow + rows.length - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  writeRows(sheet, firstRow, rows);
  return rows.length;
}

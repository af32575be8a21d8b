/**
 * Bringing tabs an older version of SettleSheet made up to this version's layout, once, under the
 * document lock (Workbook.ensure):
 * - the old import staging tab goes (imports now wait in hidden rows of Transactions), giving its
 *   cells back to the spreadsheet's 10 million;
 * - columns once formatted plain text (`@`) that SettleSheet writes apostrophe-prefixed text into
 *   lose that format (see cells.ts for why the two must never meet);
 * - the aggregates tab gains the columns added since (who remits a tax line's tax, the fulfilment
 *   channel), so a new settlement's rows fit; rows written before read those columns as blank;
 * - Transactions gains Quantity and Fulfillment (what the server derives units and fulfilment
 *   channels from); lines imported before read them as blank.
 * - the Costs tab's SKU and Currency columns become plain text (`@`), so what a person types
 *   there stays as typed; the text already in them stays, and a SKU Sheets had already turned
 *   into a number is flagged when the tab is read (costs-tab.ts).
 * - Mapping gains the shipped rules for sales whose tax Amazon remits, and Accounts the chosen
 *   template's rows for their categories (remitted-upgrade.ts); one Log line says what was added.
 * Each step is safe to repeat.
 */
import { cellText } from './cells';
import { clearColumnFormats, formatColumn } from './blocks';
import { currentUser } from '../identity';
import { appendLog } from './log';
import { addRemittedRows, remittedUpgradeWords } from './remitted-upgrade';
import { AGGREGATE_COLUMNS, COSTS_TEXT_COLUMNS, FORMERLY_PLAIN_TEXT, TRANSACTION_COLUMNS, type TabRole } from './layout';
import type { TabRegistry, Workbook } from './workbook';

/** The document property holding the layout version the tabs follow. */
export const LAYOUT_KEY = 'settlesheet.layout';
/** The layout this version writes. */
export const LAYOUT_VERSION = 6;

/** Upgrades the tabs that existed before this call (`existed`); tabs just created are already right. */
export function upgradeLayout(workbook: Workbook, registry: TabRegistry, existed: readonly TabRole[]): void {
  const staging = registry.staging;
  if (staging) {
    const sheet = workbook.spreadsheet.getSheets().find((s) => s.getSheetId() === staging.id);
    if (sheet) workbook.spreadsheet.deleteSheet(sheet);
    delete registry.staging;
  }
  for (const role of existed) {
    const columns = FORMERLY_PLAIN_TEXT[role];
    if (!columns) continue;
    const sheet = workbook.tab(role);
    const rows = sheet.getMaxRows() - 1;
    // clearFormat (documented: "Clears formatting for this range") leaves the cells as nobody formatted them.
    for (const column of columns) if (rows > 0 && column <= sheet.getMaxColumns()) clearColumnFormats(sheet, 2, rows, column);
  }
  if (existed.includes('aggregates')) widen(workbook, 'aggregates', AGGREGATE_COLUMNS);
  if (existed.includes('transactions')) widen(workbook, 'transactions', TRANSACTION_COLUMNS);
  if (existed.includes('costs')) costsAsText(workbook);
  const remitted = addRemittedRows(workbook, existed.includes('mapping'), existed.includes('accounts'));
  const words = remittedUpgradeWords(remitted);
  if (words) appendLog(workbook, { what: 'Upgrade workbook', settlementId: '', result: 'OK', details: words }, currentUser());
}

/** Makes the Costs tab's SKU and Currency columns plain text, wherever their headers are now (safe to repeat). */
function costsAsText(workbook: Workbook): void {
  const sheet = workbook.tab('costs');
  const rows = sheet.getMaxRows() - 1;
  if (rows <= 0) return;
  const header = sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0]!.map((h) => cellText(h, workbook.timeZone).toLowerCase());
  for (const name of COSTS_TEXT_COLUMNS) {
    const column = header.indexOf(name.toLowerCase()) + 1;
    if (column > 0) formatColumn(sheet, 2, rows, column, '@');
  }
}

/** Gives a tab the columns its layout has gained, with their headers (safe to repeat). */
function widen(workbook: Workbook, role: TabRole, columns: readonly string[]): void {
  const sheet = workbook.tab(role);
  const missing = columns.length - sheet.getMaxColumns();
  if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
  sheet.getRange(1, 1, 1, columns.length).setValues([[...columns]]);
}

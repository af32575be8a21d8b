/**
 * Layout 6: a workbook an earlier SettleSheet made has neither the Mapping rules that send the
 * sales, refunds and promotions of orders whose tax Amazon remits to their own categories, nor
 * Accounts rows for those categories, so a UK or AU seller's deemed-supplier sales would keep
 * posting with output tax. This step gives the tabs what a new workbook starts with, and only that:
 * - Mapping gains each shipped rule for a tax-remitted-by-Amazon category whose key (transaction
 *   type, amount type, description, marketplace, tax remitted by) no row has; a row a person wrote
 *   or edited with that key stays as it is, whatever its category;
 * - Accounts gains the chosen template's rows for those categories (effective-dated and
 *   marketplace rows included) when it names none of them; with "My own Accounts rows" or no
 *   template chosen nothing is guessed, and the preview says what is missing (remitted-note.ts).
 * Safe to repeat: a second run finds every key and category there and adds nothing.
 */
import { remittedBase } from '../../core/mapping/categories';
import { defaultRules } from '../../core/mapping/defaults';
import { ACCOUNT_COLUMNS, accountsTableRows, mappingTableRows, MAPPING_COLUMNS } from '../../core/mapping/tables';
import { findTemplate, OWN_ACCOUNTS } from '../../core/mapping/templates';
import { accountsOf } from '../../core/mapping/templates/types';
import { readRemitter } from '../../core/tax/classify';
import { count } from '../../core/words';
import { readSettings } from '../settings';
import { writeRows } from './blocks';
import { readAccountsTab, readMappingTab, noteMappingEdit } from './mapping-tabs';
import type { Workbook } from './workbook';

/** What the step added, for the Log. */
export interface RemittedUpgrade {
  mappingRows: number;
  accountRows: number;
  /** The template whose rows were added, or why none were ('' when Accounts already had some). */
  accountsFrom: string;
}

/** Adds the missing tax-remitted-by-Amazon rules and Accounts rows to tabs an earlier version made. */
export function addRemittedRows(workbook: Workbook, mappingExisted: boolean, accountsExisted: boolean): RemittedUpgrade {
  const result: RemittedUpgrade = { mappingRows: 0, accountRows: 0, accountsFrom: '' };
  if (mappingExisted) result.mappingRows = addRemittedRules(workbook);
  if (accountsExisted) Object.assign(result, addRemittedAccounts(workbook));
  return result;
}

/** The step's result in words for the Log ('' when it added nothing and has nothing to say). */
export function remittedUpgradeWords(result: RemittedUpgrade): string {
  const parts: string[] = [];
  if (result.mappingRows) parts.push(`${count(result.mappingRows, 'Mapping rule')} for sales, refunds and promotions whose tax Amazon remits`);
  if (result.accountRows) parts.push(`${count(result.accountRows, 'Accounts row')} from the template "${result.accountsFrom}" for their categories`);
  const added = parts.length ? `Upgraded the workbook: added ${parts.join(' and ')}.` : '';
  if (result.accountRows || !result.accountsFrom) return added;
  return `${added}${added ? ' ' : 'Upgraded the workbook. '}${result.accountsFrom}`;
}

const keyOf = (fields: readonly string[]) => fields.map((f) => (f.trim() === '*' ? '' : f.trim().toLowerCase())).join('\t');

/** Appends the shipped remitted-category rules the Mapping tab has no row with the same key for. */
function addRemittedRules(workbook: Workbook): number {
  const sheet = workbook.tab('mapping');
  const [header = [], ...body] = readMappingTab(workbook);
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  // A tab whose header people cleared is reported at preview; nothing is written beside it.
  if (col('Transaction type') < 0 || col('Category') < 0) return 0;
  let remitter = col('Tax remitted by');
  let width = header.length;
  if (remitter < 0) {
    // A tab older than the column: without it the rules would claim every sale, so it is added
    // (headers are found by name; the rows there read it blank: either kind, as before).
    remitter = width++;
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, width, 1, 1).setValues([['Tax remitted by']]);
  }
  const keyColumns = ['Transaction type', 'Amount type', 'Amount description', 'Marketplace'].map(col);
  const cell = (row: readonly string[], i: number) => (i < 0 ? '' : (row[i] ?? ''));
  const listed = new Set(body.map((r) => keyOf([...keyColumns.map((i) => cell(r, i)), readRemitter(cell(r, remitter)) ?? cell(r, remitter)])));
  const shipped = defaultRules().filter((r) => remittedBase(r.category) !== undefined);
  const missing = shipped.filter((r) => !listed.has(keyOf([r.transactionType, r.amountType, r.amountDescription, r.marketplace, r.remittedBy])));
  if (missing.length === 0) return 0;
  // The shipped text is SettleSheet's own words (no formula, no number, no date), written as a new
  // workbook writes it; each value goes under its header, wherever people moved the columns.
  const [shippedHeader = [], ...shippedRows] = mappingTableRows(missing);
  const rows = shippedRows.map((values) => {
    const row = new Array<string>(Math.max(width, MAPPING_COLUMNS.length)).fill('');
    shippedHeader.forEach((name, j) => {
      const i = name === 'Tax remitted by' ? remitter : col(name);
      if (i >= 0) row[i] = values[j] ?? '';
    });
    return row.slice(0, width);
  });
  appendBelow(sheet, rows);
  noteMappingEdit();
  return rows.length;
}

/** Appends the chosen template's rows for the remitted categories when Accounts names none of them. */
function addRemittedAccounts(workbook: Workbook): Pick<RemittedUpgrade, 'accountRows' | 'accountsFrom'> {
  const [header = [], ...body] = readAccountsTab(workbook);
  const category = header.findIndex((h) => h.trim().toLowerCase() === 'category');
  // A tab whose header people cleared gets nothing written beside it (as the Mapping tab).
  if (category < 0) return { accountRows: 0, accountsFrom: '' };
  if (body.some((r) => remittedBase(r[category] ?? '') !== undefined)) return { accountRows: 0, accountsFrom: '' };
  const chosen = readSettings().template;
  const template = chosen === OWN_ACCOUNTS ? undefined : findTemplate(chosen);
  if (!template) {
    const why = chosen === OWN_ACCOUNTS ? 'Settings says you keep your own Accounts rows' : 'Settings names no region';
    return { accountRows: 0, accountsFrom: `${why}, so the Accounts tab got no rows for "Sales, tax remitted by Amazon", "Refunds, tax remitted by Amazon" and "Promotions, tax remitted by Amazon": until it has them, those sales post as plain Sales, Refunds and Promotions.` };
  }
  const [shippedHeader = [], ...shippedRows] = accountsTableRows(accountsOf(template).filter((a) => remittedBase(a.category) !== undefined));
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const width = Math.max(header.length, ACCOUNT_COLUMNS.length);
  // Template codes and dates go in as a new workbook writes them (its code and date columns are
  // plain text, so no apostrophe: cells.ts).
  const rows = shippedRows.map((values) => {
    const row = new Array<string>(width).fill('');
    shippedHeader.forEach((name, j) => {
      const i = col(name);
      if (i >= 0) row[i] = values[j] ?? '';
    });
    return row;
  });
  if (rows.length === 0) return { accountRows: 0, accountsFrom: '' };
  appendBelow(workbook.tab('accounts'), rows);
  return { accountRows: rows.length, accountsFrom: template.name };
}

/** Writes rows below the tab's last used row, adding rows to the sheet when it is full. */
function appendBelow(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: string[][]): void {
  const firstRow = sheet.getLastRow() + 1;
  const short = firstRow + rows.length - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  if (rows[0] && rows[0].length > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), rows[0].length - sheet.getMaxColumns());
  writeRows(sheet, firstRow, rows);
}

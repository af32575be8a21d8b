/**
 * Filling the Accounts tab with a regional template's rows (Settings: "where you sell and how you
 * are registered"). The rows replace the tab's body in one write; its dropdowns and the Check
 * column's highlighting stay, and the next "Refresh accounts" marks any code or tax type the
 * connected organisation does not have.
 */
import { ACCOUNT_COLUMNS, accountsTableRows } from '../../core/mapping/tables';
import { templateAccounts } from '../../core/mapping/templates';
import type { Workbook } from './workbook';

/** Replaces the Accounts tab's rows with a template's; returns how many were written. */
export function writeTemplateAccounts(workbook: Workbook, templateId: string): number {
  const sheet = workbook.tab('accounts');
  const rows = accountsTableRows(templateAccounts(templateId)).slice(1);
  const width = ACCOUNT_COLUMNS.length;
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, width).clearContent();
  const short = rows.length + 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  sheet.getRange(2, 1, rows.length, width).setValues(rows);
  return rows.length;
}

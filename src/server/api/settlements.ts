/**
 * Listing settlements and helping people act on them: the Mapping and Accounts tables for the
 * sidebar's own reckoning, and jumping to a line type in the Mapping tab.
 */
import type { SettlementListItem } from '../../api/types';
import { postedRecordReader } from '../posted';
import { readRemitter, type TaxRemitter } from '../../core/tax/classify';
import { SettlementRegistry } from '../registry';
import { appendUnmapped, readAccountsTab, readMappingTab } from '../workbook/mapping-tabs';
import { Workbook } from '../workbook/workbook';
import { settleUnfinishedWork } from '../unfinished-work';
import { underDocumentLock } from './envelope';
import { listItemOf, postingViewOf } from './views';

/** Every imported settlement, newest first. Creates the tabs on first use; finishes an interrupted import first. */
export function listSettlements(): SettlementListItem[] {
  const workbook = Workbook.active();
  workbook.ensure();
  settleUnfinishedWork(workbook);
  const settlements = SettlementRegistry.active().all();
  const posted = postedRecordReader();
  return settlements.map((record) => listItemOf(record, postingViewOf(record, posted)));
}

/** The Mapping and Accounts tables as text, so the sidebar can summarise a file before importing it. */
export function getMappingTables(): { mapping: string[][]; accounts: string[][] } {
  const workbook = Workbook.active();
  workbook.ensure();
  return { mapping: readMappingTab(workbook), accounts: readAccountsTab(workbook) };
}

/**
 * Opens the Mapping tab on a line type's row (adding the row if it is not there, under the document
 * lock after reading the tab afresh), for choosing its category.
 */
export function revealInMapping(triple: { transactionType: string; amountType: string; amountDescription: string; remittedBy?: TaxRemitter }): { row: number } {
  const workbook = Workbook.active();
  return underDocumentLock('change the Mapping tab', () => reveal(workbook, triple));
}

function reveal(workbook: Workbook, triple: { transactionType: string; amountType: string; amountDescription: string; remittedBy?: TaxRemitter }): { row: number } {
  const remittedBy = triple.remittedBy ?? '';
  const columnOf = (table: string[][], name: string) => (table[0] ?? []).findIndex((h) => h.toLowerCase() === name.toLowerCase());
  const find = (table: string[][]) => {
    const body = table.slice(1);
    const col = (name: string) => columnOf(table, name);
    const wanted = [triple.transactionType, triple.amountType, triple.amountDescription].map((s) => s.toLowerCase());
    const at = body.findIndex(
      (r) =>
        [col('Transaction type'), col('Amount type'), col('Amount description')].every((c, i) => (r[c] ?? '').toLowerCase() === wanted[i]) &&
        (col('Tax remitted by') < 0 || readRemitter(r[col('Tax remitted by')] ?? '') === remittedBy),
    );
    return at < 0 ? 0 : at + 2;
  };
  let table = readMappingTab(workbook);
  let row = find(table);
  if (row === 0) {
    appendUnmapped(workbook, table, [{ ...triple, remittedBy, marketplaces: [], rows: 0, amount: 0 }], 2, '(opened from the sidebar)', true);
    table = readMappingTab(workbook);
    row = find(table);
  }
  const sheet = workbook.tab('mapping');
  sheet.activate();
  sheet.getRange(row, columnOf(table, 'Category') + 1).activate();
  return { row };
}

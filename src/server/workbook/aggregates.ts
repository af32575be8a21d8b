/**
 * The hidden aggregates tab: each settlement reduced to one row per triple × marketplace × posted
 * date, written once at import. Previews and posts read only these rows, so their cost does not
 * grow with the number of lines. Amounts are stored as decimal text so they come back exact.
 */
import { currencyDecimals, formatAmount, parseAmount } from '../../core/money';
import type { AggregateEntry } from '../../core/summary/aggregate';
import { readRemitter } from '../../core/tax/classify';
import { UserFacingError } from '../api/envelope';
import type { RowBlock, SettlementRecord } from '../registry';
import { cellText, textCell } from './cells';
import { AGGREGATE_COLUMNS } from './layout';
import type { Workbook } from './workbook';

const WIDTH = AGGREGATE_COLUMNS.length;
const CATEGORY_COLUMN = AGGREGATE_COLUMNS.indexOf('Category in Transactions') + 1;
// The tab grows in steps, so most imports do not pay for growing it.
const GROW_STEP = 5000;

/** An aggregate entry with the category its Transactions rows were given. */
export interface StoredEntry {
  entry: AggregateEntry;
  category: string;
}

/** Appends a settlement's entries; returns where they are. */
export function appendAggregate(workbook: Workbook, settlementId: string, decimals: number, stored: StoredEntry[]): RowBlock {
  const sheet = workbook.tab('aggregates');
  const firstRow = sheet.getLastRow() + 1;
  if (stored.length === 0) return { firstRow, count: 0 };
  const short = firstRow + stored.length - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(short, GROW_STEP));
  const rows = stored.map(({ entry: e, category }) => [
    textCell(settlementId),
    textCell(e.postedDate),
    textCell(e.transactionType),
    textCell(e.amountType),
    textCell(e.amountDescription),
    textCell(e.marketplace),
    textCell(formatAmount(e.amount, decimals)),
    e.rows,
    textCell(category),
    e.remittedBy,
  ]);
  sheet.getRange(firstRow, 1, rows.length, WIDTH).setValues(rows);
  return { firstRow, count: rows.length };
}

/** Reads a settlement's entries back, checking they are still its rows. */
export function readAggregate(workbook: Workbook, record: SettlementRecord): StoredEntry[] {
  const { firstRow, count } = record.aggregates;
  if (count === 0) return [];
  const values = workbook.tab('aggregates').getRange(firstRow, 1, count, WIDTH).getValues();
  const decimals = currencyDecimals(record.header.currency);
  const zone = workbook.timeZone;
  return values.map((row, i) => {
    const [id, postedDate, transactionType, amountType, amountDescription, marketplace, amount, rows, category, tax] = row.map((v) => cellText(v, zone));
    const minor = parseAmount(amount!, decimals);
    const remittedBy = readRemitter(tax ?? '');
    if (id !== record.settlementId || typeof minor !== 'number' || remittedBy === undefined) {
      throw new UserFacingError(
        `SettleSheet's hidden aggregates tab no longer matches settlement ${record.settlementId} (row ${firstRow + i}). Import the settlement file again to rebuild it.`,
      );
    }
    return {
      entry: { postedDate: postedDate!, transactionType: transactionType!, amountType: amountType!, amountDescription: amountDescription!, marketplace: marketplace!, remittedBy, amount: minor, rows: Number(rows) },
      category: category!,
    };
  });
}

/** Records the categories now written in Transactions for a settlement's entries. */
export function writeAggregateCategories(workbook: Workbook, block: RowBlock, categories: string[]): void {
  if (block.count === 0) return;
  workbook.tab('aggregates').getRange(block.firstRow, CATEGORY_COLUMN, block.count, 1).setValues(categories.map((c) => [textCell(c)]));
}

/** Removes a settlement's rows (a re-issued file replaces them). */
export function deleteAggregate(workbook: Workbook, block: RowBlock): void {
  if (block.count > 0) workbook.tab('aggregates').deleteRows(block.firstRow, block.count);
}

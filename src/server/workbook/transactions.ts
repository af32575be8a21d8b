/**
 * The Transactions tab and its hidden staging tab. An import writes its chunks into staging; only
 * when the whole file has arrived are the rows moved into Transactions in one call, so a failed or
 * abandoned import never leaves partial rows where people look.
 */
import type { LineDto } from '../../api/types';
import { parseAmount, amountToNumber } from '../../core/money';
import { TRANSACTION_COLUMNS, moneyFormat } from './layout';
import { textCell } from './cells';
import type { RowBlock } from '../registry';
import type { Workbook } from './workbook';
import { UserFacingError } from '../api/envelope';

const WIDTH = TRANSACTION_COLUMNS.length;
const AMOUNT_COLUMN = TRANSACTION_COLUMNS.indexOf('Amount') + 1;

/** A Transactions row for one line: text stays text, the amount is a number. */
export function transactionRow(settlementId: string, currency: string, decimals: number, line: LineDto, category: string): (string | number)[] {
  const [fileLine, postedDate, transactionType, amountType, amountDescription, orderId, sku, marketplace, amount] = line;
  const minor = parseAmount(amount, decimals);
  if (typeof minor !== 'number') {
    throw new UserFacingError(`Line ${fileLine}: the amount "${amount}" does not fit ${currency}'s ${decimals} decimals. Re-import the original file.`);
  }
  return [
    textCell(settlementId),
    fileLine,
    textCell(postedDate),
    textCell(transactionType),
    textCell(amountType),
    textCell(amountDescription),
    textCell(orderId),
    textCell(sku),
    textCell(marketplace),
    amountToNumber(minor, decimals),
    textCell(currency),
    textCell(category),
    textCell(postedDate.slice(0, 7)),
  ];
}

/**
 * Makes the staging tab exactly big enough for an import and formats its amount column for the
 * currency: every row count costs cells toward the spreadsheet's 10-million limit.
 */
export function prepareStaging(workbook: Workbook, lines: number, decimals: number, clear: boolean): void {
  const staging = workbook.tab('staging');
  const rows = Math.max(lines, 1);
  const have = staging.getMaxRows();
  if (clear) staging.getRange(1, 1, have, WIDTH).clearContent();
  if (have < rows) staging.insertRowsAfter(have, rows - have);
  else if (have > rows) staging.deleteRows(rows + 1, have - rows);
  staging.getRange(1, AMOUNT_COLUMN, rows, 1).setNumberFormat(moneyFormat(decimals));
}

/** Writes one chunk of rows into staging at its place. */
export function stageRows(workbook: Workbook, offset: number, rows: (string | number)[][]): void {
  workbook.tab('staging').getRange(offset + 1, 1, rows.length, WIDTH).setValues(rows);
}

/** Empties staging (a cancelled import). */
export function clearStaging(workbook: Workbook): void {
  const staging = workbook.tab('staging');
  staging.getRange(1, 1, staging.getMaxRows(), WIDTH).clear();
}

/** Moves the staged rows to the end of Transactions in one call; returns where they landed. */
export function commitStagedRows(workbook: Workbook, lines: number): RowBlock {
  const transactions = workbook.tab('transactions');
  const firstRow = transactions.getLastRow() + 1;
  if (lines === 0) return { firstRow, count: 0 };
  const needed = firstRow + lines - 1 - transactions.getMaxRows();
  if (needed > 0) transactions.insertRowsAfter(transactions.getMaxRows(), needed);
  workbook.tab('staging').getRange(1, 1, lines, WIDTH).moveTo(transactions.getRange(firstRow, 1, lines, WIDTH));
  return { firstRow, count: lines };
}

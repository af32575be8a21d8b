/**
 * The Transactions tab, and where an import's lines wait before they count. An import writes its
 * chunks straight into rows at the end of Transactions that are hidden and that no settlement's
 * record points at: the "pending block", remembered in the import state. Finishing checks the
 * block is still where it was put, shows it and writes the settlement's record; until then no
 * preview, post or listing sees those rows. Cancelling, or starting over after an abandoned
 * import, deletes the block's rows, each checked by its settlement-id cell.
 *
 * There is no staging tab any more: staging meant writing every line twice and one huge
 * `moveTo` at the end (1.3 million cells at 100,000 lines), and its emptied rows kept counting
 * toward the spreadsheet's 10 million cells.
 */
import type { LineDto } from '../../api/types';
import { parseAmount, amountToNumber } from '../../core/money';
import { UserFacingError } from '../api/envelope';
import type { RowBlock } from '../registry';
import { formatColumn, readRows, writeRows } from './blocks';
import { ownText, textCell } from './cells';
import { TRANSACTION_COLUMNS, moneyFormat } from './layout';
import type { Workbook } from './workbook';

const AMOUNT_COLUMN = TRANSACTION_COLUMNS.indexOf('Amount') + 1;

/** A Transactions row for one line: text stays text, the amount and quantity are numbers. */
export function transactionRow(settlementId: string, currency: string, decimals: number, line: LineDto, category: string): (string | number)[] {
  const [fileLine, postedDate, transactionType, amountType, amountDescription, orderId, sku, marketplace, amount, , quantity, fulfillmentId] = line;
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
    quantity ?? '',
    textCell(fulfillmentId),
  ];
}

/** The cells Transactions must grow by to hold `lines` more lines after its last row. */
export function transactionCellsNeeded(workbook: Workbook, lines: number): number {
  const sheet = workbook.tab('transactions');
  return Math.max(0, sheet.getLastRow() + lines - sheet.getMaxRows()) * sheet.getMaxColumns();
}

/**
 * Makes room for an import's lines after the last row of Transactions: the rows are hidden and
 * their amount cells formatted for the currency. Returns the pending block.
 */
export function preparePendingRows(workbook: Workbook, lines: number, decimals: number): RowBlock {
  const sheet = workbook.tab('transactions');
  const firstRow = sheet.getLastRow() + 1;
  if (lines === 0) return { firstRow, count: 0 };
  const short = firstRow + lines - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  sheet.hideRows(firstRow, lines);
  formatColumn(sheet, firstRow, lines, AMOUNT_COLUMN, moneyFormat(decimals));
  return { firstRow, count: lines };
}

/** Writes one chunk of rows into the pending block, `offset` lines from its start. */
export function writePendingRows(workbook: Workbook, block: RowBlock, offset: number, rows: (string | number)[][]): void {
  writeRows(workbook.tab('transactions'), block.firstRow + offset, rows);
}

/**
 * True when row `row` of Transactions holds the line `line` of settlement `settlementId` (one
 * read of two cells): where an import's last line received should be. Without a line number
 * (an import an older version began), the settlement id alone is checked.
 */
export function rowHoldsLine(workbook: Workbook, row: number, settlementId: string, line: number | undefined): boolean {
  const sheet = workbook.tab('transactions');
  if (row < 2 || row > sheet.getMaxRows()) return false;
  const [[id, number]] = readRows(sheet, row, 1, 2) as [unknown[]];
  return ownText(id, workbook.timeZone) === settlementId && (line === undefined || number === line);
}

/** Shows the pending rows: from now on they are the settlement's. */
export function revealPendingRows(workbook: Workbook, block: RowBlock): void {
  if (block.count > 0) workbook.tab('transactions').showRows(block.firstRow, block.count);
}

/**
 * Deletes what an unfinished import left in its pending block: the rows still carrying its
 * settlement id, and the rows it never filled. Rows anything else wrote there are left alone.
 */
export function discardPendingRows(workbook: Workbook, block: RowBlock, settlementId: string): void {
  const sheet = workbook.tab('transactions');
  const rows = Math.min(block.count, sheet.getMaxRows() - block.firstRow + 1);
  if (rows <= 0) return;
  const zone = workbook.timeZone;
  const ours = readRows(sheet, block.firstRow, rows, 1).map(([id]) => {
    const text = ownText(id, zone);
    return text === settlementId || text === '';
  });
  // Contiguous runs, deleted bottom-up so earlier rows keep their numbers.
  for (let end = ours.length; end > 0; ) {
    if (!ours[end - 1]) {
      end--;
      continue;
    }
    let start = end;
    while (start > 0 && ours[start - 1]) start--;
    // Sheets refuses to delete every non-frozen row: keep one empty row below.
    if (end - start >= sheet.getMaxRows() - sheet.getFrozenRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    sheet.deleteRows(block.firstRow + start, end - start);
    end = start;
  }
}

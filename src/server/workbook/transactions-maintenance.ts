/**
 * Keeping a settlement's Transactions rows right after import: replacing them when a re-issued
 * file arrives, and refreshing their Category cells when the mapping changed. A settlement's rows
 * are one block (where the import put them); if people sorted the tab, the rows are found by
 * settlement id instead, never guessed. Every read and write is bounded (blocks.ts), and the rows
 * of an import still pending (hidden, not yet the settlement's) are never touched.
 */
import type { LineKey } from '../../core/mapping/types';
import { parseAmount } from '../../core/money';
import { classifyTax, sharesOf, type TaxLineFacts } from '../../core/tax/classify';
import type { RowBlock, SettlementRecord, SettlementRegistry } from '../registry';
import { pendingImportBlock } from '../import-state';
import { readRows, writeRows } from './blocks';
import { cellText, ownText, textCell } from './cells';
import { TRANSACTION_COLUMNS } from './layout';
import type { Workbook } from './workbook';

// Through the Amount column: who remits a tax line's tax needs its order and amount.
const KEY_WIDTH = TRANSACTION_COLUMNS.indexOf('Amount') + 1;
const CATEGORY_COLUMN = TRANSACTION_COLUMNS.indexOf('Category') + 1;

/** A Transactions row's key and what the tax classification reads. */
type RowFacts = LineKey & TaxLineFacts;

/** Contiguous runs of rows (1-based) holding one settlement's lines, with their key cells. */
interface Located {
  runs: RowBlock[];
  keys: RowFacts[];
}

function keyOf(row: unknown[], timeZone: string, decimals: number): RowFacts {
  const t = (i: number) => cellText(row[i], timeZone);
  const amount = parseAmount(t(9), decimals);
  return {
    postedDate: ownText(row[2], timeZone), transactionType: t(3), amountType: t(4), amountDescription: t(5), orderId: t(6), marketplace: t(8),
    amount: typeof amount === 'number' ? amount : 0,
  };
}

const within = (row: number, block: RowBlock | undefined) => block !== undefined && row >= block.firstRow && row < block.firstRow + block.count;

/**
 * Finds the settlement's rows: its block when intact (one bounded read), else by scanning the tab
 * (skipping `pending`, the rows of an import not finished yet).
 */
function locate(workbook: Workbook, record: SettlementRecord, pending?: RowBlock): Located {
  const sheet = workbook.tab('transactions');
  const zone = workbook.timeZone;
  const { firstRow, count } = record.transactions;
  if (count === 0) return { runs: [], keys: [] };
  if (firstRow + count - 1 <= sheet.getLastRow() && !within(firstRow + count - 1, pending)) {
    const values = readRows(sheet, firstRow, count, KEY_WIDTH);
    if (values.every((r) => ownText(r[0], zone) === record.settlementId)) {
      return { runs: [{ firstRow, count }], keys: values.map((r) => keyOf(r, zone, record.decimals)) };
    }
  }
  const last = sheet.getLastRow();
  const runs: RowBlock[] = [];
  const keys: RowFacts[] = [];
  if (last < 2) return { runs, keys };
  readRows(sheet, 2, last - 1, KEY_WIDTH).forEach((r, i) => {
    const row = i + 2;
    if (within(row, pending) || ownText(r[0], zone) !== record.settlementId) return;
    const run = runs[runs.length - 1];
    if (run && run.firstRow + run.count === row) run.count++;
    else runs.push({ firstRow: row, count: 1 });
    keys.push(keyOf(r, zone, record.decimals));
  });
  return { runs, keys };
}

/**
 * Deletes a settlement's Transactions rows (never those of `pending`) and moves the other
 * settlements' blocks up; returns the rows deleted above `pending`, by which it moved up.
 */
export function deleteTransactions(workbook: Workbook, record: SettlementRecord, registry: SettlementRegistry, pending?: RowBlock): number {
  const sheet = workbook.tab('transactions');
  const { runs } = locate(workbook, record, pending);
  let deletedAbove = 0;
  // Bottom-up, so earlier runs keep their row numbers.
  for (const run of [...runs].reverse()) {
    sheet.deleteRows(run.firstRow, run.count);
    registry.shiftAfterDelete('transactions', run, registry.all().filter((r) => r.settlementId !== record.settlementId));
    if (pending && run.firstRow < pending.firstRow) deletedAbove += run.count;
  }
  return deletedAbove;
}

/**
 * Rewrites the Category cells of a settlement's rows with the categories the mapping gives now.
 * A tax line split between Amazon and the seller shows both categories. Returns the rows rewritten.
 */
export function refreshTransactionCategories(workbook: Workbook, record: SettlementRecord, categoryOf: (key: LineKey) => string): number {
  const sheet = workbook.tab('transactions');
  const { runs, keys } = locate(workbook, record, pendingImportBlock());
  const tax = classifyTax(keys);
  const labels = keys.map((k, i) => [...new Set(sharesOf(tax, i, k.amount).map((share) => categoryOf({ ...k, remittedBy: share.remittedBy })))].join(' + '));
  let at = 0;
  for (const run of runs) {
    writeRows(sheet, run.firstRow, labels.slice(at, at + run.count).map((c) => [textCell(c)]), CATEGORY_COLUMN);
    at += run.count;
  }
  return at;
}

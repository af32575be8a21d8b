/**
 * The hidden aggregates tab: each settlement reduced to one row per triple × marketplace × posted
 * date, written once at import. Previews and posts read only these rows, so their cost does not
 * grow with the number of lines. Amounts are whole numbers of minor units (cents): numbers, so
 * no cell format or apostrophe rule can change them, and exact. Rows older versions wrote hold
 * the amount as decimal text; both read back the same.
 */
import { currencyDecimals, parseAmount } from '../../core/money';
import type { AggregateEntry } from '../../core/summary/aggregate';
import { readRemitter } from '../../core/tax/classify';
import { readChannel } from '../../core/tracking/channel';
import { UserFacingError } from '../api/envelope';
import type { RowBlock, SettlementRecord } from '../registry';
import { readRows, writeRows } from './blocks';
import { cellText, ownText, textCell } from './cells';
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

/** The rows the tab must grow by for `entries` more rows (0 when they fit), as the append will grow it. */
function growthFor(sheet: GoogleAppsScript.Spreadsheet.Sheet, entries: number, roomForCells: number): number {
  const short = sheet.getLastRow() + entries - sheet.getMaxRows();
  if (short <= 0) return 0;
  // Grow a step ahead when the spreadsheet has room for it; exactly what is needed otherwise.
  return Math.max(short, GROW_STEP) * WIDTH <= roomForCells ? Math.max(short, GROW_STEP) : short;
}

/** The cells appending `entries` rows adds to the spreadsheet (0 when they fit in the tab). */
export function aggregateCellsNeeded(workbook: Workbook, entries: number): number {
  const sheet = workbook.tab('aggregates');
  return Math.max(0, sheet.getLastRow() + entries - sheet.getMaxRows()) * WIDTH;
}

/** Appends a settlement's entries; returns where they are. `roomForCells` bounds how far ahead the tab grows. */
export function appendAggregate(workbook: Workbook, settlementId: string, stored: StoredEntry[], roomForCells = Number.POSITIVE_INFINITY): RowBlock {
  const sheet = workbook.tab('aggregates');
  const firstRow = sheet.getLastRow() + 1;
  if (stored.length === 0) return { firstRow, count: 0 };
  const grow = growthFor(sheet, stored.length, roomForCells);
  if (grow > 0) sheet.insertRowsAfter(sheet.getMaxRows(), grow);
  const rows = stored.map(({ entry: e, category }) => [
    textCell(settlementId),
    textCell(e.postedDate),
    textCell(e.transactionType),
    textCell(e.amountType),
    textCell(e.amountDescription),
    textCell(e.marketplace),
    e.amount,
    e.rows,
    textCell(category),
    e.remittedBy,
    e.channel,
  ]);
  writeRows(sheet, firstRow, rows);
  return { firstRow, count: rows.length };
}

/** An amount cell: minor units as a number, or (older rows) decimal text. */
function minorOf(value: unknown, decimals: number, zone: string): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  const minor = parseAmount(ownText(value, zone), decimals);
  return typeof minor === 'number' ? minor : undefined;
}

/** Reads a settlement's entries back, checking they are still its rows. */
export function readAggregate(workbook: Workbook, record: SettlementRecord): StoredEntry[] {
  const { firstRow, count } = record.aggregates;
  if (count === 0) return [];
  const values = readRows(workbook.tab('aggregates'), firstRow, count, WIDTH);
  const decimals = currencyDecimals(record.header.currency);
  const zone = workbook.timeZone;
  return values.map((row, i) => {
    const [idCell, postedDate, transactionType, amountType, amountDescription, marketplace, amountCell, rows, category, taxCell, channelCell] = row;
    const minor = minorOf(amountCell, decimals, zone);
    // Rows written before the tax and channel columns existed read as blank: no tax role, no channel.
    const remittedBy = readRemitter(cellText(taxCell, zone));
    const channel = readChannel(cellText(channelCell, zone));
    if (ownText(idCell, zone) !== record.settlementId || minor === undefined || remittedBy === undefined || channel === undefined) {
      throw new UserFacingError(
        `SettleSheet's hidden aggregates tab no longer matches settlement ${record.settlementId} (row ${firstRow + i}). Import the settlement file again to rebuild it.`,
      );
    }
    const text = (v: unknown) => cellText(v, zone);
    return {
      entry: {
        postedDate: ownText(postedDate, zone),
        transactionType: text(transactionType),
        amountType: text(amountType),
        amountDescription: text(amountDescription),
        marketplace: text(marketplace),
        remittedBy,
        channel,
        amount: minor,
        rows: Number(rows),
      },
      category: text(category),
    };
  });
}

/** Records the categories now written in Transactions for a settlement's entries. */
export function writeAggregateCategories(workbook: Workbook, block: RowBlock, categories: string[]): void {
  if (block.count === 0) return;
  writeRows(workbook.tab('aggregates'), block.firstRow, categories.map((c) => [textCell(c)]), CATEGORY_COLUMN);
}

/** Removes a settlement's rows (a re-issued file replaces them). */
export function deleteAggregate(workbook: Workbook, block: RowBlock): void {
  if (block.count > 0) workbook.tab('aggregates').deleteRows(block.firstRow, block.count);
}

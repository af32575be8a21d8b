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
import { runsWhere } from './rows-by-id';
import { cellText, ownText, textCell } from './cells';
import { AGGREGATE_COLUMNS } from './layout';
import type { Workbook } from './workbook';

const WIDTH = AGGREGATE_COLUMNS.length;
const CATEGORY_COLUMN = AGGREGATE_COLUMNS.indexOf('Category in Transactions') + 1;
// The tab grows in steps, so most imports do not pay for growing it (a step ahead when the
// spreadsheet has room for it; exactly what is needed otherwise).
const GROW_STEP = 5000;

/** An aggregate entry with the category its Transactions rows were given. */
export interface StoredEntry {
  entry: AggregateEntry;
  category: string;
}

/** The cells appending `entries` rows adds to the spreadsheet (0 when they fit in the tab). */
export function aggregateCellsNeeded(workbook: Workbook, entries: number): number {
  const sheet = workbook.tab('aggregates');
  return Math.max(0, sheet.getLastRow() + entries - sheet.getMaxRows()) * WIDTH;
}

/** Where a settlement's entries would be appended now: after the tab's last row. */
export function plannedAggregateBlock(workbook: Workbook, entries: number): RowBlock {
  return { firstRow: workbook.tab('aggregates').getLastRow() + 1, count: entries };
}

/**
 * Writes a settlement's entries into the rows planned for them (growing the tab first if it must);
 * writing them again writes the same rows. `roomForCells` bounds how far ahead the tab grows.
 */
export function writeAggregateAt(workbook: Workbook, block: RowBlock, settlementId: string, stored: StoredEntry[], roomForCells = Number.POSITIVE_INFINITY): void {
  if (stored.length === 0) return;
  const sheet = workbook.tab('aggregates');
  const short = block.firstRow + stored.length - 1 - sheet.getMaxRows();
  if (short > 0) {
    const grow = Math.max(short, GROW_STEP) * WIDTH <= roomForCells ? Math.max(short, GROW_STEP) : short;
    sheet.insertRowsAfter(sheet.getMaxRows(), grow);
  }
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
  writeRows(sheet, block.firstRow, rows);
}

/** Appends a settlement's entries; returns where they are. `roomForCells` bounds how far ahead the tab grows. */
export function appendAggregate(workbook: Workbook, settlementId: string, stored: StoredEntry[], roomForCells = Number.POSITIVE_INFINITY): RowBlock {
  const block = plannedAggregateBlock(workbook, stored.length);
  writeAggregateAt(workbook, block, settlementId, stored, roomForCells);
  return block;
}

/** An amount cell: minor units as a number, or (older rows) decimal text. */
function minorOf(value: unknown, decimals: number, zone: string): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  const minor = parseAmount(ownText(value, zone), decimals);
  return typeof minor === 'number' ? minor : undefined;
}

/**
 * Reads a settlement's entries back, checking they are still its rows; `block` is where they were
 * found. The record's row numbers are a hint: when the rows there are not the settlement's (rows
 * were deleted above them, or a person inserted one), its rows are found by their settlement id.
 */
export function readAggregate(workbook: Workbook, record: SettlementRecord): { stored: StoredEntry[]; block: RowBlock } {
  const hinted = readBlock(workbook, record, record.aggregates);
  if (hinted) return { stored: hinted, block: record.aggregates };
  const runs = runsWhere(workbook, 'aggregates', (id) => id === record.settlementId);
  const [only] = runs;
  const found = runs.length === 1 && only && only.count === record.aggregates.count ? readBlock(workbook, record, only) : undefined;
  if (!found || !only) {
    throw new UserFacingError(
      `SettleSheet's hidden aggregates tab no longer matches settlement ${record.settlementId}. Import the settlement file again to rebuild it.`,
    );
  }
  return { stored: found, block: only };
}

/** The entries in `block`, or undefined when a row there is not the settlement's. */
function readBlock(workbook: Workbook, record: SettlementRecord, block: RowBlock): StoredEntry[] | undefined {
  const { firstRow, count } = block;
  if (count === 0) return [];
  const sheet = workbook.tab('aggregates');
  if (firstRow < 2 || firstRow + count - 1 > sheet.getLastRow()) return undefined;
  const values = readRows(sheet, firstRow, count, WIDTH);
  const decimals = currencyDecimals(record.header.currency);
  const zone = workbook.timeZone;
  const text = (v: unknown) => cellText(v, zone);
  const entries: StoredEntry[] = [];
  for (const row of values) {
    const [idCell, postedDate, transactionType, amountType, amountDescription, marketplace, amountCell, rows, category, taxCell, channelCell] = row;
    const minor = minorOf(amountCell, decimals, zone);
    // Rows written before the tax and channel columns existed read as blank: no tax role, no channel.
    const remittedBy = readRemitter(cellText(taxCell, zone));
    const channel = readChannel(cellText(channelCell, zone));
    if (ownText(idCell, zone) !== record.settlementId || minor === undefined || remittedBy === undefined || channel === undefined) return undefined;
    entries.push({
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
    });
  }
  return entries;
}

/** Records the categories now written in Transactions for a settlement's entries. */
export function writeAggregateCategories(workbook: Workbook, block: RowBlock, categories: string[]): void {
  if (block.count === 0) return;
  writeRows(workbook.tab('aggregates'), block.firstRow, categories.map((c) => [textCell(c)]), CATEGORY_COLUMN);
}


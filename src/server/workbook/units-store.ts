/**
 * The hidden units tab: each settlement's units per posted day × SKU × marketplace, written once
 * at import, so previews read a few rows whatever the settlement's size. A settlement's rows are
 * found by its id in the first column (one read), so nothing else needs to remember where they are.
 * A settlement with no units keeps one marker row, so "no units" is told apart from "imported
 * before SettleSheet counted units".
 */
import type { UnitsEntry } from '../../core/cogs/units';
import { UserFacingError } from '../api/envelope';
import { cellText, textCell } from './cells';
import { UNITS_COLUMNS } from './layout';
import type { Workbook } from './workbook';

const WIDTH = UNITS_COLUMNS.length;

/** Where a settlement's rows are (1-based first row and count), or undefined. */
function blockOf(workbook: Workbook, settlementId: string): { firstRow: number; count: number } | undefined {
  const sheet = workbook.tab('units');
  const last = sheet.getLastRow();
  if (last < 2) return undefined;
  const ids = sheet.getRange(2, 1, last - 1, 1).getValues().map((r) => cellText(r[0], workbook.timeZone));
  const first = ids.indexOf(settlementId);
  if (first < 0) return undefined;
  let count = 1;
  while (ids[first + count] === settlementId) count++;
  return { firstRow: first + 2, count };
}

/** Stores a settlement's units, replacing any it had (a re-issued file). */
export function storeUnits(workbook: Workbook, settlementId: string, units: readonly UnitsEntry[]): void {
  const sheet = workbook.tab('units');
  const old = blockOf(workbook, settlementId);
  if (old) sheet.deleteRows(old.firstRow, old.count);
  const rows = (units.length > 0 ? units : [{ postedDate: '', sku: '', marketplace: '', sold: 0, returned: 0, assumed: 0 }]).map((u) => [
    textCell(settlementId), textCell(u.postedDate), textCell(u.sku), textCell(u.marketplace), u.sold, u.returned, u.assumed,
  ]);
  const firstRow = sheet.getLastRow() + 1;
  const short = firstRow + rows.length - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), Math.max(short, 1000));
  sheet.getRange(firstRow, 1, rows.length, WIDTH).setValues(rows);
}

/** A settlement's units, or undefined when none were stored (it was imported before units were counted). */
export function readUnits(workbook: Workbook, settlementId: string): UnitsEntry[] | undefined {
  const block = blockOf(workbook, settlementId);
  if (!block) return undefined;
  const zone = workbook.timeZone;
  const values = workbook.tab('units').getRange(block.firstRow, 1, block.count, WIDTH).getValues();
  return values.flatMap((row, i) => {
    const [, postedDate, sku, marketplace, sold, returned, assumed] = row.map((v) => cellText(v, zone));
    if (postedDate === '') return [];
    const numbers = [sold, returned, assumed].map(Number);
    if (!numbers.every((n) => Number.isInteger(n) && n >= 0)) {
      throw new UserFacingError(`SettleSheet's hidden units tab no longer matches settlement ${settlementId} (row ${block.firstRow + i}). Import the settlement file again to rebuild it.`);
    }
    return [{ postedDate: postedDate!, sku: sku!, marketplace: marketplace!, sold: numbers[0]!, returned: numbers[1]!, assumed: numbers[2]! }];
  });
}

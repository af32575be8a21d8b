/**
 * The hidden units tab: each settlement's units, one row per SKU × marketplace (its totals, then
 * its days as `2025-08-01 3/0/0; 2025-08-02 1/1/1`, sold/returned/lines whose quantity was blank),
 * so a settlement takes about as many rows as the seller has SKUs, whatever the file's size, and
 * previews read a few rows. An import only appends (one write, no read: the import's Sheets budget
 * is tight), growing the tab by exactly the rows it adds, which the import's room check counts
 * first (unitsCellsNeeded). A settlement's record keeps where its block is (a hint, checked against
 * the rows' ids, kept right when rows above are deleted), so a preview reads that block alone,
 * whatever the tab's length; a record older than the hint, or a hint gone stale, finds the LAST
 * block under its id by reading the first column in bounded calls (blocks.ts), so a re-issued
 * file's units supersede the earlier block. A settlement with no units
 * keeps one row without a SKU, so "no units" is told apart from "imported before SettleSheet
 * counted units".
 */
import { compareUnits, type UnitsEntry } from '../../core/cogs/units';
import { UserFacingError } from '../api/envelope';
import type { RowBlock } from '../registry';
import { readRows, writeRows } from './blocks';
import { cellText, ownText, textCell } from './cells';
import { UNITS_COLUMNS } from './layout';
import { runsWhere } from './rows-by-id';
import type { Workbook } from './workbook';

const WIDTH = UNITS_COLUMNS.length;
const DAY = /^(\d{4}-\d{2}-\d{2}) (\d+)\/(\d+)\/(\d+)$/;

/** The values of a settlement's latest units rows and where they are, or undefined when it has none. */
function latestBlockOf(workbook: Workbook, settlementId: string, hint: RowBlock | undefined): { firstRow: number; values: unknown[][] } | undefined {
  const sheet = workbook.tab('units');
  const zone = workbook.timeZone;
  if (hint && hint.count > 0 && hint.firstRow >= 2 && hint.firstRow + hint.count - 1 <= sheet.getLastRow()) {
    const values = readRows(sheet, hint.firstRow, hint.count, WIDTH);
    const ids = values.map((row) => ownText(row[0], zone));
    if (ids[0] === `(${settlementId})` && ids.slice(1).every((id) => id === settlementId)) return { firstRow: hint.firstRow, values };
  }
  const latest = runsWhere(workbook, 'units', (id) => id === settlementId).pop();
  return latest && { firstRow: latest.firstRow, values: readRows(sheet, latest.firstRow, latest.count, WIDTH) };
}

/** The rows of a settlement's units: one per SKU × marketplace, in the entries' order. */
function rowsOf(settlementId: string, units: readonly UnitsEntry[]): (string | number)[][] {
  const bySku = new Map<string, { sku: string; marketplace: string; sold: number; returned: number; assumed: number; days: string[] }>();
  for (const u of units) {
    const k = `${u.sku}\t${u.marketplace}`;
    let row = bySku.get(k);
    if (!row) bySku.set(k, (row = { sku: u.sku, marketplace: u.marketplace, sold: 0, returned: 0, assumed: 0, days: [] }));
    row.sold += u.sold;
    row.returned += u.returned;
    row.assumed += u.assumed;
    row.days.push(`${u.postedDate} ${u.sold}/${u.returned}/${u.assumed}`);
  }
  const rows = [...bySku.values()].map((r) => [textCell(settlementId), textCell(r.sku), textCell(r.marketplace), r.sold, r.returned, r.assumed, r.days.join('; ')]);
  return rows.length > 0 ? rows : [[textCell(settlementId), '', '', 0, 0, 0, '']];
}

/** The rows storing a settlement's units: a separator, then one per SKU × marketplace. */
function blockOf(settlementId: string, units: readonly UnitsEntry[]): (string | number)[][] {
  // The separator keeps two blocks of one settlement apart, should a re-issued file follow at once.
  return [[textCell(`(${settlementId})`), '', '', 0, 0, 0, ''], ...rowsOf(settlementId, units)];
}

/**
 * The cells storing a settlement's units adds to the spreadsheet (0 when they fit in the tab as it
 * is): `rows` SKU × marketplace rows (see unitRowsOf), after the block's separator.
 */
export function unitsCellsNeeded(workbook: Workbook, rows: number): number {
  const sheet = workbook.tab('units');
  return Math.max(0, sheet.getLastRow() + 1 + Math.max(rows, 1) - sheet.getMaxRows()) * WIDTH;
}

/** The rows a settlement's units would take now (separator included), after the tab's last row. */
export function plannedUnitsBlock(workbook: Workbook, settlementId: string, units: readonly UnitsEntry[]): { firstRow: number; count: number } {
  return { firstRow: workbook.tab('units').getLastRow() + 1, count: blockOf(settlementId, units).length };
}

/**
 * Writes a settlement's units into the rows planned for them, after any it had (a re-issued file's
 * supersede them); writing them again writes the same rows.
 */
export function writeUnitsAt(workbook: Workbook, firstRow: number, settlementId: string, units: readonly UnitsEntry[]): void {
  const sheet = workbook.tab('units');
  const rows = blockOf(settlementId, units);
  const short = firstRow + rows.length - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  writeRows(sheet, firstRow, rows);
}

/** True for a units row of the settlement (its rows or the separator that opens its block). */
export function isUnitsRowOf(settlementId: string): (id: string) => boolean {
  const separator = `(${settlementId})`;
  return (id) => id === settlementId || id === separator;
}

/**
 * A settlement's units, or undefined when none were stored (it was imported before units were
 * counted); `hint` is where its record says its block is.
 */
export function readUnits(workbook: Workbook, settlementId: string, hint?: RowBlock): UnitsEntry[] | undefined {
  const block = latestBlockOf(workbook, settlementId, hint);
  if (!block) return undefined;
  const zone = workbook.timeZone;
  const { values } = block;
  const broken = (row: number) =>
    new UserFacingError(`SettleSheet's hidden units tab no longer matches settlement ${settlementId} (row ${row}). Import the settlement file again to rebuild it.`);
  const entries = values.flatMap((row, i) => {
    const [, sku, marketplace, , , , days] = row.map((v) => cellText(v, zone));
    if (days === '') return [];
    return days!.split('; ').map((day) => {
      const m = DAY.exec(day);
      if (!m) throw broken(block.firstRow + i);
      return { postedDate: m[1]!, sku: sku!, marketplace: marketplace!, sold: Number(m[2]), returned: Number(m[3]), assumed: Number(m[4]) };
    });
  });
  return entries.sort(compareUnits);
}

/**
 * Finding and deleting a settlement's rows by the settlement-id cell each row carries, never by a
 * remembered row number alone: a person may insert or sort rows, and another execution may have
 * deleted rows above since the number was written down. Row numbers kept in records are hints,
 * checked against these cells before anything is read or deleted through them.
 */
import type { RowBlock, SettlementRecord, SettlementRegistry } from '../registry';
import { readRows } from './blocks';
import { ownText } from './cells';
import type { Workbook } from './workbook';
import type { TabRole } from './layout';

/** The contiguous runs of rows (1-based) in `[from, to]` whose first cell `belongs`. */
export function runsWhere(workbook: Workbook, role: TabRole, belongs: (id: string) => boolean, from = 2, to?: number): RowBlock[] {
  const sheet = workbook.tab(role);
  const last = Math.min(to ?? sheet.getLastRow(), sheet.getLastRow());
  const runs: RowBlock[] = [];
  if (last < from) return runs;
  const zone = workbook.timeZone;
  readRows(sheet, from, last - from + 1, 1).forEach(([cell], i) => {
    if (!belongs(ownText(cell, zone))) return;
    const row = from + i;
    const run = runs[runs.length - 1];
    if (run && run.firstRow + run.count === row) run.count++;
    else runs.push({ firstRow: row, count: 1 });
  });
  return runs;
}

/** True when every row of `block` has its first cell `belonging` (one bounded read). */
export function blockBelongs(workbook: Workbook, role: TabRole, block: RowBlock, belongs: (id: string) => boolean): boolean {
  if (block.count === 0) return true;
  const sheet = workbook.tab(role);
  if (block.firstRow < 2 || block.firstRow + block.count - 1 > sheet.getLastRow()) return false;
  const zone = workbook.timeZone;
  return readRows(sheet, block.firstRow, block.count, 1).every(([cell]) => belongs(ownText(cell, zone)));
}

/** Deletes runs of rows, bottom-up so the others keep their numbers; Sheets keeps one non-frozen row. */
export function deleteRuns(workbook: Workbook, role: TabRole, runs: readonly RowBlock[]): void {
  const sheet = workbook.tab(role);
  for (const run of [...runs].sort((a, b) => b.firstRow - a.firstRow)) {
    // Sheets refuses to delete every non-frozen row: keep one empty row below.
    if (run.count >= sheet.getMaxRows() - sheet.getFrozenRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    sheet.deleteRows(run.firstRow, run.count);
  }
}

/** The rows of `runs` above `row`: how far a row below them moves up once they are deleted. */
export function rowsAbove(runs: readonly RowBlock[], row: number): number {
  return runs.filter((r) => r.firstRow < row).reduce((n, r) => n + r.count, 0);
}

/**
 * After runs of one tab were deleted, moves the other settlements' row hints up by the rows
 * deleted above them (one write of the records that moved). A hint left wrong by an interruption
 * is found out and corrected by the next reader, which checks ids.
 */
export function shiftHints(registry: SettlementRegistry, tab: 'transactions' | 'aggregates' | 'units', runs: readonly RowBlock[], except: string): void {
  if (runs.length === 0) return;
  const moved: SettlementRecord[] = [];
  for (const r of registry.all()) {
    const hint = r[tab];
    if (r.settlementId === except || !hint) continue;
    const up = rowsAbove(runs, hint.firstRow);
    if (up > 0) moved.push({ ...r, [tab]: { firstRow: hint.firstRow - up, count: hint.count } });
  }
  registry.putAll(moved);
}

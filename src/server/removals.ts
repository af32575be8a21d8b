/**
 * Removing a settlement's rows, by their settlement-id cells, so that a removal Google interrupts
 * is finished later: the removal is noted in document properties before its record goes, and the
 * next call that reads the workbook's settlements deletes whatever rows of it are left
 * (settleUnfinishedRemovals). Mapping and Costs rows go only if the settlement alone added them and
 * nobody answered them yet. The Summary tab is cleared when it describes the settlement.
 */
import { movePendingUp, pendingImportBlock } from './import-state';
import { SettlementRegistry } from './registry';
import { readRows } from './workbook/blocks';
import { clearSummaryOf } from './workbook/summary-removed';
import { cellText } from './workbook/cells';
import type { TabRole } from './workbook/layout';
import { deleteRuns, runsWhere, shiftHints } from './workbook/rows-by-id';
import { isUnitsRowOf } from './workbook/units-store';
import type { Workbook } from './workbook/workbook';

const REMOVALS = 'settlesheet.removing';

/** Settlements whose removal began and has rows left to delete. */
export function removals(): string[] {
  return JSON.parse(PropertiesService.getDocumentProperties().getProperty(REMOVALS) ?? '[]') as string[];
}

/** Notes, before its record goes, that a settlement is being removed. */
export function noteRemoval(id: string): void {
  PropertiesService.getDocumentProperties().setProperty(REMOVALS, JSON.stringify([...new Set([...removals(), id])]));
}

/** Forgets a removal (done, or its record could not be removed). */
export function forgetRemoval(id: string): void {
  const left = removals().filter((r) => r !== id);
  if (left.length) PropertiesService.getDocumentProperties().setProperty(REMOVALS, JSON.stringify(left));
  else PropertiesService.getDocumentProperties().deleteProperty(REMOVALS);
}

/** Deletes every row of a removed settlement (safe to repeat), then forgets the removal. */
export function deleteRowsOf(workbook: Workbook, id: string): { mapping: number; costs: number } {
  const registry = SettlementRegistry.active();
  const isId = (v: string) => v === id;
  // An import in progress keeps its rows, even of this settlement; rows deleted above them move them up.
  const pending = pendingImportBlock();
  const lines = runsWhere(workbook, 'transactions', isId, 2, pending ? pending.firstRow - 1 : undefined);
  deleteRuns(workbook, 'transactions', lines);
  if (pending) movePendingUp(lines.reduce((n, run) => n + run.count, 0));
  shiftHints(registry, 'transactions', lines, id);
  const entries = runsWhere(workbook, 'aggregates', isId);
  deleteRuns(workbook, 'aggregates', entries);
  shiftHints(registry, 'aggregates', entries, id);
  const units = runsWhere(workbook, 'units', isUnitsRowOf(id));
  deleteRuns(workbook, 'units', units);
  shiftHints(registry, 'units', units, id);
  deleteRuns(workbook, 'settlements', runsWhere(workbook, 'settlements', isId));
  const mapping = deleteOpenRowsSeenIn(workbook, 'mapping', 'Category', id);
  const costs = deleteOpenRowsSeenIn(workbook, 'costs', 'Unit cost', id);
  clearSummaryOf(workbook, id);
  forgetRemoval(id);
  return { mapping, costs };
}

/**
 * Finishes removals Google interrupted (their records are gone; rows of theirs may be left). Call
 * under the document lock, before reading the workbook's settlements.
 */
export function settleUnfinishedRemovals(workbook: Workbook): void {
  for (const id of removals()) {
    // A settlement imported again since is not removed again.
    if (SettlementRegistry.active().get(id)) forgetRemoval(id);
    else deleteRowsOf(workbook, id);
  }
}

/**
 * Deletes the rows of a tab that an import or preview of the settlement added and nobody has
 * answered yet: `Seen in` names the settlement alone, and the `answer` column is still blank.
 */
function deleteOpenRowsSeenIn(workbook: Workbook, role: TabRole, answer: string, settlementId: string): number {
  const sheet = workbook.tab(role);
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  const zone = workbook.timeZone;
  const width = sheet.getLastColumn();
  const [header = [], ...body] = readRows(sheet, 1, last, width).map((row) => row.map((v) => cellText(v, zone)));
  const column = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const [seenIn, answered] = [column('Seen in'), column(answer)];
  if (seenIn < 0 || answered < 0) return 0;
  const own = new RegExp(`^settlement ${settlementId}(:|$)`);
  const runs: { firstRow: number; count: number }[] = [];
  body.forEach((row, i) => {
    if (!own.test(row[seenIn] ?? '') || (row[answered] ?? '') !== '') return;
    const at = i + 2;
    const run = runs[runs.length - 1];
    if (run && run.firstRow + run.count === at) run.count++;
    else runs.push({ firstRow: at, count: 1 });
  });
  deleteRuns(workbook, role, runs);
  return runs.reduce((n, r) => n + r.count, 0);
}

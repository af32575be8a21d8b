/**
 * Removing a settlement from the workbook (issue 12 §3): one imported by mistake, or kept for
 * inspection, goes whole, under the document lock: its record, its Transactions, aggregate and
 * units rows (found by their settlement-id cells), its Settlements row, and the Mapping and Costs
 * rows only it added (still without a category or a unit cost, and naming it in Seen in). A
 * settlement Xero holds anything of (documents or journals, or a post that may have created some)
 * is refused: its books come first ("Void what was posted").
 */
import { isOpen } from '../../xero/posted-records';
import { currentUser } from '../identity';
import { settleUnfinishedImport } from '../import/finish';
import { postedRecord } from '../posted';
import { SettlementRegistry } from '../registry';
import { readRows } from '../workbook/blocks';
import { cellText } from '../workbook/cells';
import { appendLog } from '../workbook/log';
import { deleteRuns, runsWhere, shiftHints } from '../workbook/rows-by-id';
import { isUnitsRowOf } from '../workbook/units-store';
import type { TabRole } from '../workbook/layout';
import { Workbook } from '../workbook/workbook';
import { UserFacingError, underDocumentLock } from './envelope';
import { recordOf } from './preview';

/** Removes a settlement Xero holds nothing of; says what was removed. */
export function removeSettlement(request: { settlementId: string }): { removed: boolean; message: string } {
  const workbook = Workbook.active();
  const { settlementId: id } = request;
  return underDocumentLock('remove the settlement', () => {
    settleUnfinishedImport(workbook);
    const record = recordOf(id);
    const posted = postedRecord(id);
    const held = posted && (posted.state === 'posting' || posted.documents.some((d) => isOpen(d.status)) || (posted.journals ?? []).some((j) => isOpen(j.status)));
    if (held) {
      throw new UserFacingError(
        `Settlement ${id} is in ${posted.organisationName}: it cannot be removed from the workbook while Xero holds its documents. Use "Void what was posted" first, then remove it.`,
      );
    }
    const registry = SettlementRegistry.active();
    const isId = (v: string) => v === id;
    const lines = runsWhere(workbook, 'transactions', isId);
    deleteRuns(workbook, 'transactions', lines);
    shiftHints(registry, 'transactions', lines, id);
    const entries = runsWhere(workbook, 'aggregates', isId);
    deleteRuns(workbook, 'aggregates', entries);
    shiftHints(registry, 'aggregates', entries, id);
    deleteRuns(workbook, 'units', runsWhere(workbook, 'units', isUnitsRowOf(id)));
    deleteRuns(workbook, 'settlements', runsWhere(workbook, 'settlements', isId));
    const mapping = deleteOpenRowsSeenIn(workbook, 'mapping', 'Category', id);
    const costs = deleteOpenRowsSeenIn(workbook, 'costs', 'Unit cost', id);
    // The posted record of a settlement voided in Xero stays: its revision keeps the next post's numbers new.
    registry.remove(id);
    const message =
      `Settlement ${id} was removed from the workbook: ${record.lines.toLocaleString('en-US')} lines from ${record.source}` +
      `${mapping ? `, ${mapping} Mapping row${mapping === 1 ? '' : 's'}` : ''}${costs ? `, ${costs} Costs row${costs === 1 ? '' : 's'}` : ''} only it had added.`;
    appendLog(workbook, { what: 'Remove', settlementId: id, result: 'OK', details: message }, currentUser());
    return { removed: true, message };
  });
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

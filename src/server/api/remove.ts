/**
 * Removing a settlement from the workbook (issue 12 §3): one imported by mistake, or kept for
 * inspection, goes whole, under the document lock: its record, its Transactions, aggregate and
 * units rows (found by their settlement-id cells), its Settlements row, and the Mapping and Costs
 * rows only it added (still without a category or a unit cost, and naming it in Seen in). A
 * settlement Xero holds anything of (documents or journals, or a post that may have created some)
 * is refused: its books come first ("Void what was posted").
 *
 * The removal is noted first, then the record goes (from then on the settlement is removed), then
 * its rows (removals.ts): should Google fail half-way, the next call finishes it, so no row is left
 * belonging to nobody.
 */
import { count } from '../../core/words';
import { isOpen } from '../../xero/posted-records';
import { currentUser } from '../identity';
import { settleUnfinishedWork } from '../unfinished-work';
import { postedRecord } from '../posted';
import { SettlementRegistry } from '../registry';
import { deleteRowsOf, forgetRemoval, noteRemoval } from '../removals';
import { appendLog } from '../workbook/log';
import { Workbook } from '../workbook/workbook';
import { UserFacingError, underDocumentLock } from './envelope';
import { recordOf } from './compute';

/** Removes a settlement Xero holds nothing of; says what was removed. */
export function removeSettlement(request: { settlementId: string }): { removed: boolean; message: string } {
  const workbook = Workbook.active();
  const { settlementId: id } = request;
  return underDocumentLock('remove the settlement', () => {
    settleUnfinishedWork(workbook);
    const record = recordOf(id);
    const posted = postedRecord(id);
    const held = posted && (posted.state === 'posting' || posted.documents.some((d) => isOpen(d.status)) || (posted.journals ?? []).some((j) => isOpen(j.status)));
    if (held) {
      throw new UserFacingError(
        `Settlement ${id} is in ${posted.organisationName}: it cannot be removed from the workbook while Xero holds its documents. Use "Void what was posted" first, then remove it.`,
      );
    }
    noteRemoval(id);
    try {
      SettlementRegistry.active().remove(id);
    } catch (error) {
      forgetRemoval(id);
      throw error;
    }
    let mapping = 0;
    let costs = 0;
    try {
      ({ mapping, costs } = deleteRowsOf(workbook, id));
    } catch (error) {
      throw new UserFacingError(
        `Settlement ${id} is removed, but SettleSheet could not delete all of its rows yet (${error instanceof Error ? error.message : String(error)}). It finishes by itself the next time anyone uses SettleSheet in this spreadsheet.`,
      );
    }
    const message =
      `Settlement ${id} was removed from the workbook: ${count(record.lines, 'line')} from ${record.source}` +
      `${mapping ? `, ${mapping} Mapping row${mapping === 1 ? '' : 's'}` : ''}${costs ? `, ${costs} Costs row${costs === 1 ? '' : 's'}` : ''} only it had added.`;
    appendLog(workbook, { what: 'Remove', settlementId: id, result: 'OK', details: message }, currentUser());
    return { removed: true, message };
  });
}

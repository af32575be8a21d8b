/**
 * Work Google interrupted half-way, finished before anything else reads or writes the workbook's
 * settlements: an import's finish (rolled forward or back, import/finish.ts) and a removal (its
 * rows deleted, removals.ts). Every server call that does so calls this first; it costs one
 * property read when there is nothing to finish.
 */
import type { SettlementListItem } from '../api/types';
import { underDocumentLock } from './api/envelope';
import { settleUnfinishedImport } from './import/finish';
import { removals, settleUnfinishedRemovals } from './removals';
import { Workbook } from './workbook/workbook';

/** Finishes interrupted work; returns the settlement an interrupted import's roll-forward finished. */
export function settleUnfinishedWork(workbook = Workbook.active()): SettlementListItem | undefined {
  const finished = settleUnfinishedImport(workbook);
  if (removals().length > 0) underDocumentLock('finish removing a settlement', () => settleUnfinishedRemovals(workbook));
  return finished;
}

/**
 * The Summary tab shows the settlement last previewed (summary-tab.ts). Once that settlement is
 * removed from the workbook, the tab must not go on describing it as if it were there.
 */
import { cellText, textCell } from './cells';
import type { Workbook } from './workbook';

/** Clears the Summary tab when it describes `settlementId`, leaving one line that says why; true when it did. */
export function clearSummaryOf(workbook: Workbook, settlementId: string): boolean {
  const sheet = workbook.tab('summary');
  if (sheet.getLastRow() < 1) return false;
  if (cellText(sheet.getRange(1, 1).getValue(), workbook.timeZone) !== `Settlement ${settlementId}`) return false;
  sheet.clear();
  sheet.getRange(1, 1).setValue(textCell(`Settlement ${settlementId} was removed from the workbook. Open a settlement in the sidebar to see its summary here.`));
  return true;
}

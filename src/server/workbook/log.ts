/**
 * The Log tab: every import and post attempt, with who, when, what happened and the details
 * (Xero ids, error text). Never secrets: callers pass only words meant for people.
 */
import { textCell } from './cells';
import type { Workbook } from './workbook';

/** One line of the log. */
export interface LogEntry {
  what: 'Import' | 'Post' | 'Void and re-post' | 'Void what was posted' | 'Connect' | 'Disconnect' | 'Change organisation' | 'Cancel import' | 'Remove' | 'Choose category' | 'Check this installation' | 'Attach file' | 'Upgrade workbook';
  settlementId: string;
  result: 'OK' | 'Unchanged' | 'Refused' | 'Failed' | 'Busy' | 'Partly posted';
  details: string;
}

/** Appends a line to the Log tab. */
export function appendLog(workbook: Workbook, entry: LogEntry, user: string, now = new Date()): void {
  workbook.tab('log').appendRow([now, textCell(user), entry.what, textCell(entry.settlementId), entry.result, textCell(entry.details.slice(0, 5000))]);
}

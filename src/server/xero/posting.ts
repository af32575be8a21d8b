/**
 * Posting from the server: the sidebar's "Post to Xero" handler builds the summary and documents
 * from the workbook, then calls these. Posted records live in the spreadsheet's records tab.
 */
import type { XeroResult } from '../../xero/errors';
import type { PostedRecord } from '../../xero/posted-records';
import type { PostOutcome } from '../../xero/posting';
import { postedRecordOf, postFromSpreadsheet, type SpreadsheetPost } from '../../xero/spreadsheet';
import { appsScriptEnvironment } from './environment';

/**
 * Posts a settlement's planned documents to the spreadsheet's organisation (or, for `void`, takes
 * back what Xero holds of it). For `void-and-repost` and `void`, `seenRevision` is the revision of
 * the posted record the person was looking at.
 */
export function postSettlementToXero(post: SpreadsheetPost): PostOutcome {
  const outcome = postFromSpreadsheet(appsScriptEnvironment(), post);
  if (outcome.kind !== 'posted' && outcome.kind !== 'already-posted') console.warn(`SettleSheet Xero: post ${outcome.kind}: ${outcome.message}`);
  return outcome;
}

/** A settlement's posted record in this spreadsheet, or null when it was never posted. */
export function xeroPostedRecord(settlementId: string): XeroResult<PostedRecord | null> {
  return postedRecordOf(appsScriptEnvironment(), String(settlementId));
}

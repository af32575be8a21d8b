/**
 * Posting from the server: the sidebar's "Post to Xero" handler builds the summary and documents
 * from the workbook, then calls these. Posted records live in the spreadsheet's document properties.
 */
import type { SettlementSummary } from '../../core/summary/types';
import type { PlannedDocument } from '../../core/xero/documents';
import type { XeroResult } from '../../xero/errors';
import type { JournalRequest } from '../../xero/journal-plan';
import type { AttachmentRequest } from '../../xero/posting-attachments';
import type { PostedRecord } from '../../xero/posted-records';
import type { PostMode, PostOutcome } from '../../xero/posting';
import { postedRecordOf, postFromSpreadsheet } from '../../xero/spreadsheet';
import { appsScriptEnvironment } from './environment';

/**
 * Posts a settlement's planned documents to the spreadsheet's organisation (or, for `void`, takes
 * back what Xero holds of it). For `void-and-repost` and `void`, pass the revision of the posted
 * record the person was looking at.
 */
export function postSettlementToXero(
  summary: SettlementSummary,
  documents: readonly PlannedDocument[],
  mode: PostMode,
  seenRevision?: number,
  cogs?: JournalRequest,
  attachments?: AttachmentRequest,
): PostOutcome {
  const outcome = postFromSpreadsheet(appsScriptEnvironment(), summary, documents, mode, seenRevision, cogs, attachments);
  if (outcome.kind !== 'posted' && outcome.kind !== 'already-posted') console.warn(`SettleSheet Xero: post ${outcome.kind}: ${outcome.message}`);
  return outcome;
}

/** A settlement's posted record in this spreadsheet, or null when it was never posted. */
export function xeroPostedRecord(settlementId: string): XeroResult<PostedRecord | null> {
  return postedRecordOf(appsScriptEnvironment(), String(settlementId));
}

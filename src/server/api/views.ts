/**
 * How a settlement is presented: the list item the sidebar shows and the row the Settlements tab
 * holds come from the same record and posting, so they never disagree.
 */
import type { SettlementListItem } from '../../api/types';
import type { PostedRecord } from '../../xero/posted-records';
import { readPosted } from '../posted';
import { statusOf, type SettlementRecord } from '../registry';
import type { PostingView } from '../workbook/settlements-tab';

/** The posting side of a settlement: status, documents, who posted and when. */
export function postingViewOf(record: SettlementRecord, read?: (settlementId: string) => PostedRecord | undefined): PostingView & { lastError?: string } {
  const posted = readPosted(record.settlementId, read);
  return {
    status: posted.partlyPosted ? 'Partly posted' : statusOf(record, posted.documents.length),
    documents: posted.documents,
    ...(posted.postedAt ? { postedAt: posted.postedAt } : {}),
    ...(posted.postedBy ? { postedBy: posted.postedBy } : {}),
    ...(record.lastPostError ? { lastError: record.lastPostError } : {}),
  };
}

/** The settlement as the sidebar lists it (with its posting view when the caller has it). */
export function listItemOf(record: SettlementRecord, posting: PostingView & { lastError?: string } = postingViewOf(record)): SettlementListItem {
  return {
    settlementId: record.settlementId,
    source: record.source,
    format: record.format,
    marketplaces: record.marketplaces,
    currency: record.header.currency,
    start: record.header.start,
    end: record.header.end,
    depositDate: record.header.depositDate,
    total: record.header.totalAmount,
    lines: record.lines,
    balanced: record.balanced,
    unmapped: record.unmapped,
    importedAt: record.importedAt,
    importedBy: record.importedBy,
    ...posting,
  };
}

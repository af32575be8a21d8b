/**
 * What a press of Post (or Void and re-post, or Void) asks for, and the ports posting runs on.
 */
import type { SettlementSummary } from '../core/summary/types';
import type { PlannedDocument } from '../core/xero/documents';
import type { XeroClient } from './client';
import type { JournalRequest } from './journal-plan';
import type { SummarySource } from '../core/attachments/summary-csv';
import type { CachePort, Clock, Crypto, LockPort } from './ports';
import type { PostedRecordStore } from './posted-records';

/**
 * `post` creates what is missing (and so finishes a partly posted settlement); `void-and-repost`
 * first voids (or deletes) what was posted; `void` only voids (or deletes) it, taking back a
 * settlement that cannot be finished.
 */

/** What the post flow attaches: the summary CSVs, made from the settlement's facts (posting-attachments.ts). */
export interface AttachmentRequest {
  source: SummarySource;
}
export type PostMode = 'post' | 'void-and-repost' | 'void';

/** What the sidebar's "Post to Xero" asks for. */
export interface PostRequest {
  summary: SettlementSummary;
  /** The documents `buildDocuments` planned for the summary. */
  documents: readonly PlannedDocument[];
  /** The Google user pressing the button. */
  user: string;
  mode: PostMode;
  /** The cost of goods sold journals to bring into Xero with the documents; absent when cost of goods sold is off. */
  cogs?: JournalRequest;
  /** Attach each document's summary CSV after posting; absent when attachments are off. */
  attachments?: AttachmentRequest;
  /**
   * For `void-and-repost` and `void`: the revision the person saw when pressing the button. A
   * second press queued behind the first then finds a newer revision and does not void that one.
   */
  seenRevision?: number;
}

/** The ports posting runs on; the client is bound to the spreadsheet's organisation. */
export interface PostingDeps {
  client: XeroClient;
  tenantId: string;
  records: PostedRecordStore;
  documentLock: LockPort;
  clock: Clock;
  crypto: Crypto;
  /** The spreadsheet's cache, refreshed with the reference data posting fetches. */
  cache?: CachePort;
}

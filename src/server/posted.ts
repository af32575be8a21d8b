/**
 * What the spreadsheet knows about a settlement's documents in Xero. The posting flow
 * (src/xero/posting.ts) keeps one record per settlement in document properties; this is the
 * view the tabs and the sidebar need of it.
 */
import type { PostedDocumentDto } from '../api/types';

/** A settlement's posting as shown to people. */
export interface PostedSnapshot {
  documents: PostedDocumentDto[];
  postedAt?: string;
  postedBy?: string;
  /** The last attempt failed and nothing is posted. */
  failed: boolean;
  lastError?: string;
}

const PREFIX = 'settlesheet.posted.';

/** The posting of a settlement, if it was ever attempted. */
export function readPosted(settlementId: string): PostedSnapshot | undefined {
  const raw = PropertiesService.getDocumentProperties().getProperty(PREFIX + settlementId);
  if (!raw) return undefined;
  return JSON.parse(raw) as PostedSnapshot;
}

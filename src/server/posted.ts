/**
 * What the spreadsheet knows about a settlement's documents in Xero: the posting flow
 * (src/xero/posting.ts) keeps one record per settlement (in the records tab, see
 * records/document-store.ts); this reads it for the tabs and the sidebar.
 */
import type { PostedDocumentDto } from '../api/types';
import { isOpen, postedRecordStore, type PostedRecord } from '../xero/posted-records';
import { documentStore } from './records/document-store';

/** A settlement's posting as shown to people. */
export interface PostedSnapshot {
  /** The documents that count in Xero's books now (not voided or deleted). */
  documents: PostedDocumentDto[];
  postedAt?: string;
  postedBy?: string;
}

/** The posted record of a settlement, if it was ever posted (or a post began). */
export function postedRecord(settlementId: string): PostedRecord | undefined {
  return postedRecordStore(documentStore(PropertiesService.getDocumentProperties())).read(settlementId);
}

/** The posting of a settlement as people see it. */
export function readPosted(settlementId: string): PostedSnapshot {
  const record = postedRecord(settlementId);
  if (!record) return { documents: [] };
  const documents = record.documents
    .filter((d) => isOpen(d.status))
    .map(({ part, invoiceNumber, invoiceId, type, status, total, url }) => ({ part, invoiceNumber, invoiceId, type, status, total, url }));
  return documents.length ? { documents, postedAt: record.at, postedBy: record.by } : { documents };
}

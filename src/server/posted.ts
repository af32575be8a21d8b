/**
 * What the spreadsheet knows about a settlement's documents in Xero: the posting flow
 * (src/xero/posting.ts) keeps one record per settlement (in the records tab, see
 * records/document-store.ts); this reads it for the tabs and the sidebar.
 */
import type { PostedDocumentDto } from '../api/types';
import { isOpen, postedRecordStore, type PostedRecord } from '../xero/posted-records';
import { documentStore, POSTED_RECORD_PREFIX } from './records/document-store';
import { openRecords } from './records/open';

/** A settlement's posting as shown to people. */
export interface PostedSnapshot {
  /** The documents that count in Xero's books now (not voided or deleted). */
  documents: PostedDocumentDto[];
  postedAt?: string;
  postedBy?: string;
  /** Xero holds only part of the settlement. */
  partlyPosted?: boolean;
}

/** The posted record of a settlement, if it was ever posted (or a post began). */
export function postedRecord(settlementId: string): PostedRecord | undefined {
  return postedRecordStore(documentStore(PropertiesService.getDocumentProperties())).read(settlementId);
}

/**
 * A reader of every posted record at once, for listing every settlement: one bounded read of the
 * records tab instead of one per settlement. Records are still read by the Xero module's own
 * store, so their shape stays its business.
 */
export function postedRecordReader(): (settlementId: string) => PostedRecord | undefined {
  const all = new Map(openRecords().entries(POSTED_RECORD_PREFIX));
  const store = postedRecordStore({
    get: (key) => all.get(key) ?? null,
    set: () => {
      throw new Error('postedRecordReader is read-only');
    },
    delete: () => {
      throw new Error('postedRecordReader is read-only');
    },
  });
  return (settlementId) => store.read(settlementId);
}

/** The posting of a settlement as people see it (from `read`, by default the settlement's own record). */
export function readPosted(settlementId: string, read: (settlementId: string) => PostedRecord | undefined = postedRecord): PostedSnapshot {
  const record = read(settlementId);
  if (!record) return { documents: [] };
  const documents = record.documents
    .filter((d) => isOpen(d.status))
    .map(({ part, invoiceNumber, invoiceId, type, status, total, url }) => ({ part, invoiceNumber, invoiceId, type, status, total, url }));
  const partly = record.state === 'partly-posted' ? { partlyPosted: true } : {};
  return documents.length ? { documents, postedAt: record.at, postedBy: record.by, ...partly } : { documents };
}

/**
 * What SettleSheet remembers about each posted settlement: which documents Xero holds for it,
 * under which revision and fingerprint, who posted them and when. The server keeps the records in
 * the spreadsheet's DOCUMENT properties (one value per settlement, well under the 9 KB limit), so
 * every collaborator sees the same state.
 */
import type { PostedJournalsLines, PostedLines } from '../core/changes/posted-lines';
import type { KeyValueStore } from './ports';
import { parseJson } from './wire';

/** One document in Xero that belongs to a settlement. */
export interface PostedDocument {
  /** The summary part it came from (`YYYY-MM`). */
  part: string;
  invoiceId: string;
  invoiceNumber: string;
  type: 'ACCREC' | 'ACCPAY';
  /** Xero's status when SettleSheet last saw it. */
  status: string;
  /** The total as a decimal string in the settlement's currency, e.g. `90.49`. */
  total: string;
  currency: string;
  /** Where a person opens it in Xero (in its own organisation: see `deepLink`). */
  url: string;
  /** The document's date (`YYYY-MM-DD`), when Xero gave it: lock dates decide whether it can be voided. */
  date?: string;
}

/** A cost of goods sold journal in Xero that belongs to a settlement. */
export interface PostedJournal {
  /** The summary part it came from (`YYYY-MM`). */
  part: string;
  manualJournalId: string;
  /** Its narration, which starts with its key (`AMZ-123-2025-06-COGS`): Xero finds journals by narration. */
  narration: string;
  /** Xero's status when SettleSheet last saw it (DRAFT, POSTED, VOIDED, DELETED). */
  status: string;
  /** The cost moved from inventory to cost of goods sold, as a decimal string (negative when returns exceed sales). */
  total: string;
  /** Where a person opens it in Xero. */
  url: string;
  /** Its date (`YYYY-MM-DD`): lock dates decide whether it can be voided. */
  date?: string;
}

/**
 * A file SettleSheet attaches (or attached) to a document: the summary CSV, or the original
 * settlement file. Recorded as `sending` BEFORE it is sent, so a later press knows an answer may
 * have been lost and looks the file up by name before sending it again (posting-attachments.ts).
 */
export interface PostedAttachment {
  invoiceId: string;
  invoiceNumber: string;
  fileName: string;
  kind: 'summary' | 'original';
  state: 'sending' | 'attached' | 'failed';
  /** Uploads tried (part of the Idempotency-Key: an upload after an error answer needs a new one). */
  attempts: number;
  /** Xero's id of the file, once attached. */
  attachmentId?: string;
  /** The last failure, in words. */
  error?: string;
}

/** A part of the settlement Xero refused while it took others: what is missing, and why. */
export interface MissingPart {
  part: string;
  invoiceNumber: string;
  type: 'ACCREC' | 'ACCPAY';
  /** As Xero would show it, e.g. `185.99`. */
  total: string;
  /** Xero's refusals in the settlement's words (document, line, category). */
  reasons: string[];
}

/**
 * `posting`: a post began and may not have finished (Xero may hold more than `documents`);
 * `partly-posted`: Xero holds `documents` and refused the parts in `missing` (known, not a lost
 * answer): posting again creates only those; `posted`: every document is in Xero; `voided`: the
 * previous revision was voided and the next one is not posted yet.
 */
export type PostedState = 'posting' | 'partly-posted' | 'posted' | 'voided';

/** One settlement's posted state. */
export interface PostedRecord {
  settlementId: string;
  tenantId: string;
  organisationName: string;
  /** The organisation's ShortCode when it was posted (its documents' links carry it). */
  shortCode?: string;
  /** 1 at first; each void-and-repost adds one, and later revisions' numbers end in `-R<revision>`. */
  revision: number;
  /** SHA-256 of what the documents say (see `documentsFingerprint`); empty while nothing is planned. */
  fingerprint: string;
  state: PostedState;
  /** The invoice numbers this revision was posted under (known before Xero confirms any of them). */
  numbers: string[];
  /** The documents Xero confirmed for this revision. */
  documents: PostedDocument[];
  /** In state `partly-posted`: the parts Xero refused. */
  missing?: MissingPart[];
  /** The previous revision's documents, as SettleSheet voided or deleted them. */
  replaced: PostedDocument[];
  /** The Google user who last changed the record, and when (ISO). */
  by: string;
  at: string;
  /**
   * How many times Xero answered creating this revision's documents with an error (a refusal or a
   * server error). It is part of the Idempotency-Key: Xero keeps the first answer to a key, errors
   * included, so the next attempt after an error needs a new key, while a request whose answer was
   * lost is replayed under the same one.
   */
  refusals: number;
  /**
   * The cost of goods sold journals (core/cogs), kept beside the documents with their own revision,
   * because a changed cost replaces the journals and leaves the invoices (often reconciled by then)
   * as they are. All absent until a journal is first planned.
   */
  /** The journals Xero confirmed for the current journal revision. */
  journals?: PostedJournal[];
  /** The narrations the current journal revision is posted under, recorded before Xero confirms them. */
  journalNarrations?: string[];
  /** SHA-256 of what the journals say in numbers (see `journalsFingerprint`). */
  journalFingerprint?: string;
  /** `posting` until every planned journal is in Xero, then `posted`. */
  journalState?: 'posting' | 'posted';
  /** 1 at first; each void and re-post of the journals adds one (their keys then end in `-R<n>`). */
  journalRevision?: number;
  /** Errors Xero answered creating this journal revision (part of the journals' Idempotency-Key). */
  journalRefusals?: number;
  /** The previous journal revisions' journals, as voided or deleted. */
  replacedJournals?: PostedJournal[];
  /** Files attached (or being attached) to the documents; absent until the first is planned. */
  attachments?: PostedAttachment[];
  /**
   * What this revision's documents said, line by line (core/changes), recorded with the
   * fingerprint when they are created: the sidebar shows what changed since. Absent from records
   * older than it, whose lines are not known.
   */
  lines?: PostedLines;
  /** What the current journal revision's journals said, likewise. */
  journalLines?: PostedJournalsLines;
}

/** Who is posting in this spreadsheet right now (written under the document lock). */
export interface PostingActivity {
  by: string;
  settlementId: string;
  /** ISO timestamp. */
  since: string;
}

/** Reads and writes posted records and the posting activity. */
export interface PostedRecordStore {
  read(settlementId: string): PostedRecord | undefined;
  write(record: PostedRecord): void;
  activity(): PostingActivity | undefined;
  setActivity(activity: PostingActivity | undefined): void;
}

const RECORD_PREFIX = 'xero.posted.';
const ACTIVITY_KEY = 'xero.posting';
/**
 * The most replaced documents, and replaced journals, a record keeps: the newest. One void
 * replaces one revision's documents (a part per month and marketplace: a couple of dozen at
 * most), while the journals' list gathers every journal revision's; each entry is ~350
 * characters, so 50 of each keep the latest void whole in ~35,000 of the record's 180,000
 * (record-sheet.ts), and Xero keeps every voided document and journal anyway. Without a cap, a
 * record refused as too large would fail a post after Xero created its documents.
 */
export const REPLACED_KEPT = 50;

/** The record as stored: its replaced lists cut to their newest REPLACED_KEPT entries. */
function storedRecord(record: PostedRecord): PostedRecord {
  const long = record.replaced.length > REPLACED_KEPT || (record.replacedJournals?.length ?? 0) > REPLACED_KEPT;
  if (!long) return record;
  return {
    ...record,
    replaced: record.replaced.slice(-REPLACED_KEPT),
    ...(record.replacedJournals ? { replacedJournals: record.replacedJournals.slice(-REPLACED_KEPT) } : {}),
  };
}

/** Posted records kept in a key-value store (the spreadsheet's document properties in Apps Script). */
export function postedRecordStore(store: KeyValueStore): PostedRecordStore {
  return {
    read(settlementId) {
      const record = parseJson(store.get(RECORD_PREFIX + settlementId) ?? '') as PostedRecord | undefined;
      return record && record.settlementId === settlementId ? record : undefined;
    },
    write(record) {
      store.set(RECORD_PREFIX + record.settlementId, JSON.stringify(storedRecord(record)));
    },
    activity() {
      return parseJson(store.get(ACTIVITY_KEY) ?? '') as PostingActivity | undefined;
    },
    setActivity(activity) {
      if (activity) store.set(ACTIVITY_KEY, JSON.stringify(activity));
      else store.delete(ACTIVITY_KEY);
    },
  };
}

/** True for a status that still counts in Xero's books. */
export function isOpen(status: string): boolean {
  return status !== 'VOIDED' && status !== 'DELETED';
}

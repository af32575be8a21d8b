/**
 * Attaching files to the documents a settlement posted, never twice: the summary CSV of each
 * document (core/attachments/summary-csv.ts) after every post, and, when the person asks, the
 * original settlement file.
 *
 * Xero does not make a file name unique: uploading a name a document already has adds a second
 * file (XeroAPI/Xero-NetStandard#52). So each upload is recorded as `sending` in the posted record
 * BEFORE it is sent, under an Idempotency-Key (a lost answer retried by the transport is replayed
 * by Xero, not added again); a file with a record entry that is not `attached` (an answer lost for
 * good, or an error) is looked up by name first on the next attempt, and adopted when it is there.
 * A document with no entry has never had an upload tried, so it needs no look-up: that keeps a
 * post to one more call per document. What goes wrong here is said and kept for a retry; it never
 * undoes or blocks the documents.
 */
import { summaryCsv, summaryFileName } from '../core/attachments/summary-csv';
import type { PlannedDocument } from '../core/xero/documents';
import type { AttachmentFile } from './client';
import type { XeroFailure } from './errors';
import { isOpen, type PostedAttachment, type PostedDocument, type PostedRecord } from './posted-records';
import { idempotencyKey, renumber } from './posting-plan';
import type { AttachmentRequest, PostingDeps } from './posting-request';
import type { SettlementSummary } from '../core/summary/types';

/** Xero's limit on one attachment (see the sandbox's attachments.ts for the sources). */
export const ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024;

/** A file wanted on a document. */
export interface WantedAttachment {
  document: PostedDocument;
  kind: PostedAttachment['kind'];
  file: AttachmentFile;
}

/** How the attachments of a press ended, in words for the person who pressed. */
export interface AttachmentOutcome {
  kind: 'attached' | 'already-attached' | 'failed';
  message: string;
}

export type { AttachmentRequest } from './posting-request';

/** The documents of the record's revision that count in Xero's books. */
function openDocuments(record: PostedRecord): PostedDocument[] {
  return record.documents.filter((d) => isOpen(d.status));
}

const entryOf = (record: PostedRecord, document: PostedDocument, fileName: string) =>
  record.attachments?.find((a) => a.invoiceId === document.invoiceId && a.fileName === fileName);

/** The summary CSV of each open document of the record's revision. */
export function summaryAttachments(summary: SettlementSummary, planned: readonly PlannedDocument[], record: PostedRecord, request: AttachmentRequest, base64: (text: string) => string): WantedAttachment[] {
  const byNumber = new Map(renumber(planned, record.revision).map((d) => [d.invoice.InvoiceNumber.toLowerCase(), d]));
  return openDocuments(record).flatMap((document) => {
    const plan = byNumber.get(document.invoiceNumber.toLowerCase());
    if (!plan) return [];
    const text = summaryCsv(summary, plan, request.source);
    return [{ document, kind: 'summary' as const, file: { fileName: summaryFileName(document.invoiceNumber), mimeType: 'text/csv', base64: base64(text) } }];
  });
}

/** True when every summary the post flow wants is attached (nothing to do for attachments). */
export function summariesAttached(record: PostedRecord | undefined): boolean {
  if (!record) return false;
  return openDocuments(record).every((d) => entryOf(record, d, summaryFileName(d.invoiceNumber))?.state === 'attached');
}

function failedWords(failure: XeroFailure): string {
  return failure.kind === 'forbidden'
    ? `${failure.message} (SettleSheet asks for Xero's accounting.attachments permission to attach files.)`
    : failure.message;
}

/** Attaches each wanted file that is not attached yet (see the module comment); returns the record to keep. */
export function attachFiles(deps: PostingDeps, base: PostedRecord, wanted: readonly WantedAttachment[], now: () => string): { record: PostedRecord; outcome: AttachmentOutcome } {
  let record = base;
  const attached: string[] = [];
  const failed: string[] = [];
  const save = (entry: PostedAttachment) => {
    const others = (record.attachments ?? []).filter((a) => !(a.invoiceId === entry.invoiceId && a.fileName === entry.fileName));
    record = { ...record, attachments: [...others, entry], at: now() };
    deps.records.write(record);
  };
  for (const { document, kind, file } of wanted) {
    const entry = entryOf(record, document, file.fileName);
    if (entry?.state === 'attached') continue;
    const base64Bytes = Math.floor((file.base64.length * 3) / 4);
    if (base64Bytes > ATTACHMENT_LIMIT_BYTES) {
      failed.push(`${file.fileName} is larger than the 10 MB Xero takes as an attachment, so it was not attached to ${document.invoiceNumber}.`);
      continue;
    }
    const known = { invoiceId: document.invoiceId, invoiceNumber: document.invoiceNumber, fileName: file.fileName, kind };
    if (entry) {
      // An earlier upload may have landed though its answer never came: look before sending again.
      const found = deps.client.attachmentsOf(document.invoiceId);
      if (!found.ok) {
        failed.push(`${file.fileName} could not be checked on ${document.invoiceNumber}: ${failedWords(found.failure)}`);
        continue;
      }
      const there = found.value.find((a) => a.fileName.toLowerCase() === file.fileName.toLowerCase());
      if (there) {
        save({ ...known, state: 'attached', attempts: entry.attempts, attachmentId: there.attachmentId });
        attached.push(document.invoiceNumber);
        continue;
      }
    }
    const attempts = (entry?.attempts ?? 0) + 1;
    save({ ...known, state: 'sending', attempts });
    const key = idempotencyKey(`${base.settlementId}a`, base.revision, attempts, `${document.invoiceId}\n${file.fileName}\n${deps.crypto.sha256Hex(file.base64)}`, deps.crypto);
    const sent = deps.client.attach(document.invoiceId, file, key);
    if (sent.ok) {
      save({ ...known, state: 'attached', attempts, attachmentId: sent.value.attachmentId });
      attached.push(document.invoiceNumber);
    } else {
      const error = failedWords(sent.failure);
      // An answer lost for good leaves `sending`: the next attempt looks the file up first.
      const uncertain = sent.failure.kind === 'unavailable' || sent.failure.kind === 'unexpected';
      save({ ...known, state: uncertain ? 'sending' : 'failed', attempts, error });
      failed.push(`${file.fileName} was not attached to ${document.invoiceNumber}: ${error}`);
    }
  }
  const what = wanted[0]?.kind === 'original' ? 'The settlement file' : 'The summary';
  const done = attached.length > 0 ? `${what} is attached to ${attached.join(', ')}.` : '';
  if (failed.length > 0) {
    const retry = 'The documents are in Xero as they are; press "Attach again" (or Post again) to retry: a file already there is not attached twice.';
    return { record, outcome: { kind: 'failed', message: [done, ...failed, retry].filter((m) => m !== '').join(' ') } };
  }
  return { record, outcome: { kind: attached.length > 0 ? 'attached' : 'already-attached', message: done } };
}

/**
 * A settlement Xero holds only part of, as the sidebar and the Settlements tab show it: exactly
 * what Xero holds, what it refused and why, and the ONE action that resolves it.
 */
import type { PartlyPostedDto, PostedDocumentDto } from '../../api/types';
import type { PlannedDocument } from '../../core/xero/documents';
import { lockOf, type LockDates } from '../../xero/lock-dates';
import { isOpen, type PostedDocument, type PostedRecord } from '../../xero/posted-records';

/** A document of a posted record as the sidebar lists it. */
export function documentDto({ part, invoiceNumber, invoiceId, type, status, total, url }: PostedDocument): PostedDocumentDto {
  return { part, invoiceNumber, invoiceId, type, status, total, url };
}

/**
 * The partly posted state of a settlement, or undefined when it is not partly posted. `planned`
 * are the documents the next post would send (with the revision's numbers); `locks` the
 * organisation's lock dates when known.
 */
export function partlyPostedOf(record: PostedRecord | undefined, changedSincePosting: boolean, planned: readonly PlannedDocument[], locks?: LockDates): PartlyPostedDto | undefined {
  if (!record || record.state !== 'partly-posted') return undefined;
  const held = record.documents.filter((d) => isOpen(d.status)).map(documentDto);
  const missing = record.missing ?? [];
  const heldWords = held.map((d) => d.invoiceNumber).join(', ');
  if (changedSincePosting) {
    return {
      held, missing, action: 'void-and-repost',
      why: `The settlement changed since ${heldWords} went to Xero, so finishing it would not match. "Void and re-post" replaces what Xero holds with the whole settlement as it is now.`,
    };
  }
  const lockedPart = missing
    .map((m) => planned.find((d) => d.invoice.InvoiceNumber === m.invoiceNumber))
    .find((d) => d !== undefined && locks !== undefined && lockOf(d.invoice.Date, locks) !== undefined);
  if (lockedPart) {
    const lock = lockOf(lockedPart.invoice.Date, locks!)!;
    return {
      held, missing, action: 'void',
      why:
        `${lockedPart.invoice.InvoiceNumber} is dated ${lockedPart.invoice.Date}, on or before the ${lock.kind} lock date (${lock.date}), so Xero will not take it until the lock date moves. ` +
        `"Void what was posted" takes ${heldWords} back out of Xero so nothing is half in the books; post the settlement again once it can go whole (for example with the month split "off").`,
    };
  }
  return {
    held, missing, action: 'finish',
    why: `Once what Xero refused is fixed, "Finish posting" creates only ${missing.map((m) => m.invoiceNumber).join(', ')}: never a second copy of ${heldWords}.`,
  };
}

/**
 * Which of a settlement's planned documents a post would still create. Xero already holds the
 * documents a partly posted (or interrupted) attempt created from the same plan; the next press
 * adopts them and sends only the rest, so only the rest is checked against the organisation's lock
 * dates, accounts and tax rates. A lock date set since on a month Xero holds does not stop the
 * month Xero refused (issue 10 §1: one action completes a partly posted settlement).
 */
import type { PlannedDocument } from '../core/xero/documents';
import { renumber } from './posting-plan';
import { isOpen, type PostedRecord } from './posted-records';

/**
 * The planned documents (as given) that `record` does not hold open under its revision's numbers;
 * all of them when the plan changed since (`samePlan` false), as a re-post replaces everything.
 */
export function stillToCreate(planned: readonly PlannedDocument[], record: PostedRecord | undefined, samePlan: boolean): readonly PlannedDocument[] {
  if (!record || !samePlan) return planned;
  const held = new Set(record.documents.filter((d) => isOpen(d.status)).map((d) => d.invoiceNumber.toLowerCase()));
  if (held.size === 0) return planned;
  const numbered = renumber(planned, record.revision);
  return planned.filter((_, i) => !held.has(numbered[i]!.invoice.InvoiceNumber.toLowerCase()));
}

/**
 * The Xero manual journal a part's cost of goods sold becomes, as sent inside
 * `{"ManualJournals": [...]}`. Xero's Manual Journals page: Narration and at least two
 * JournalLines are mandatory; a line's LineAmount is positive for a debit and negative for a
 * credit; LineAmountTypes is NoTax unless told otherwise; a journal has no currency of its own
 * (it is in the organisation's base currency). Strict, like the invoice schema: a field Xero does
 * not define cannot be added by accident.
 */
import * as z from 'zod/mini';
import type { DocumentStatus } from '../xero/invoice';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** One journal line: a debit (positive) or a credit (negative) to one account. */
export const XeroJournalLineSchema = z.strictObject({
  Description: text(4000),
  LineAmount: z.number(),
  AccountCode: text(10),
  TaxType: text(50),
});

/** A manual journal moving the cost of the units sold from inventory to cost of goods sold. */
export const XeroManualJournalSchema = z.strictObject({
  Narration: text(4000),
  Date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  Status: z.enum(['DRAFT', 'POSTED']),
  LineAmountTypes: z.literal('NoTax'),
  Url: z.optional(z.string().check(z.maxLength(2000), z.regex(/^https:\/\//))),
  JournalLines: z.array(XeroJournalLineSchema).check(z.minLength(2)),
});

/** A journal line as Xero receives it. */
export type XeroJournalLine = z.infer<typeof XeroJournalLineSchema>;

/** A manual journal as Xero receives it. */
export type XeroManualJournal = z.infer<typeof XeroManualJournalSchema>;

/**
 * The status a journal is created with, following the document status setting: Xero's manual
 * journals are DRAFT or POSTED (no approval step), so "awaiting approval" stays a draft.
 */
export function journalStatusFor(status: DocumentStatus): XeroManualJournal['Status'] {
  return status === 'AUTHORISED' ? 'POSTED' : 'DRAFT';
}

/**
 * Builds the Xero documents for a summary: one per part. A part that totals zero or more is a
 * sales invoice; a negative one is a bill with every sign flipped, because Xero refuses a negative
 * total. Amounts are tax-inclusive so the document total is exactly the sum of its lines, and the
 * same summary always gives byte-identical JSON.
 */
import { addMinor, amountToNumber, formatAmount, type Minor } from '../money';
import type { SettlementSummary, SummaryLine, SummaryPart } from '../summary/types';
import { count } from '../words';
import { XeroInvoiceSchema, type DocumentStatus, type XeroInvoice, type XeroLineItem } from './invoice';

/** Choices that shape the documents but not the numbers. */
export interface DocumentSettings {
  status: DocumentStatus;
  /** The Xero contact; defaults to the settlement's main marketplace, e.g. `Amazon.ca`. */
  contactName?: string;
  /** A link Xero shows on each document (the workbook), when there is one. */
  sourceUrl?: string;
}

/** A document ready to send, with the part it came from and its signed total. */
export interface PlannedDocument {
  part: string;
  /** The part's total: positive for an invoice, negative for a bill (whose lines are flipped). */
  total: Minor;
  invoice: XeroInvoice;
}

/** The documents, or why they cannot be built yet. */
export type DocumentsResult = { ok: true; documents: PlannedDocument[] } | { ok: false; problems: string[] };

/** The invoice number of a part: stable across runs, unique per settlement and part. */
export function invoiceNumberFor(settlementId: string, partKey: string, parts: number): string {
  return parts === 1 ? `AMZ-${settlementId}` : `AMZ-${settlementId}-${partKey}`;
}

/** Builds one Xero document per part; refuses while the summary has problems. */
export function buildDocuments(summary: SettlementSummary, settings: DocumentSettings): DocumentsResult {
  if (summary.problems.length > 0) return { ok: false, problems: summary.problems.map((p) => p.message) };
  const documents: PlannedDocument[] = [];
  for (const part of summary.parts) {
    const invoice = invoiceFor(summary, part, settings);
    // A part whose lines are all zero has nothing to post; Xero needs at least one line.
    if (invoice.LineItems.length === 0) continue;
    const checked = XeroInvoiceSchema.safeParse(invoice);
    if (!checked.success) {
      const where = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`SettleSheet built an invalid Xero document for part ${part.key} (${where}). This is a bug.`);
    }
    documents.push({ part: part.key, total: part.total, invoice });
  }
  let sum: Minor = 0;
  for (const d of documents) sum = addMinor(sum, d.total);
  if (sum !== summary.header.totalAmount) {
    throw new Error(`SettleSheet's documents add up to ${sum} minor units, not the total ${summary.header.totalAmount}. This is a bug.`);
  }
  return { ok: true, documents };
}

function invoiceFor(summary: SettlementSummary, part: SummaryPart, settings: DocumentSettings): XeroInvoice {
  const { header } = summary;
  const bill = part.total < 0;
  const sign = bill ? -1 : 1;
  const lineItems: XeroLineItem[] = part.lines
    .filter((l) => l.amount !== 0)
    .map((line) => {
      const amount = amountToNumber(sign * line.amount, header.decimals);
      return {
        Description: describeLine(summary, part, line),
        Quantity: 1 as const,
        UnitAmount: amount,
        LineAmount: amount,
        AccountCode: line.accountCode,
        TaxType: line.taxType,
      };
    });
  const partLabel = summary.parts.length > 1 ? ` part ${part.key}` : '';
  return {
    Type: bill ? 'ACCPAY' : 'ACCREC',
    Contact: { Name: settings.contactName?.trim() || defaultContact(summary) },
    Date: part.documentDate,
    DueDate: header.depositDate.slice(0, 10),
    LineAmountTypes: 'Inclusive',
    InvoiceNumber: invoiceNumberFor(header.settlementId, part.key, summary.parts.length),
    // Xero keeps Reference for sales invoices only; a bill's number already says where it is from.
    ...(bill ? {} : { Reference: `Amazon settlement ${header.settlementId}${partLabel} (${part.from} to ${part.to})` }),
    CurrencyCode: header.currency,
    Status: settings.status,
    ...(settings.sourceUrl ? { Url: settings.sourceUrl } : {}),
    LineItems: lineItems,
  };
}

function defaultContact(summary: SettlementSummary): string {
  const main = summary.marketplaces.find((m) => m.toLowerCase().startsWith('amazon.'));
  return main ? `Amazon.${main.slice('amazon.'.length)}` : 'Amazon';
}

const MAX_DESCRIPTION = 1000;

/** A line's description says what made it, so an accountant can trace it from Xero. */
function describeLine(summary: SettlementSummary, part: SummaryPart, line: SummaryLine): string {
  const id = summary.header.settlementId;
  if (line.kind === 'carry-out') return `Carried forward to ${line.carryPart} (Amazon settlement ${id})`;
  if (line.kind === 'carry-in') return `Brought forward from ${line.carryPart} (Amazon settlement ${id})`;
  const detail = line.sources
    .map((s) => `${s.transactionType} ${s.amountType} ${s.amountDescription}${s.marketplace ? ` ${s.marketplace}` : ''} ${formatAmount(s.amount, summary.header.decimals)}`)
    .join('; ');
  const text = `${line.categories.join(' + ')}, ${part.from} to ${part.to}: ${count(line.rows, 'Amazon line')} (${detail})`;
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

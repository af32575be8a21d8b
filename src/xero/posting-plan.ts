/**
 * The pure parts of posting: what identifies a settlement's documents (fingerprint, numbers per
 * revision, Idempotency-Key), how a document Xero holds is recorded, and how Xero's refusals are
 * told in the words of the settlement (which document, which line, which category).
 */
import { formatAmount, parseAmount, type Minor } from '../core/money';
import type { SettlementSummary } from '../core/summary/types';
import type { PlannedDocument } from '../core/xero/documents';
import type { XeroDocumentState } from './client';
import type { XeroValidationProblem } from './errors';
import type { Crypto } from './ports';
import type { PostedDocument } from './posted-records';

/**
 * SHA-256 of what the documents say in numbers: part (and marketplace, when documents are split by
 * marketplace), type, dates, currency, and account, tax type and amount per line. Descriptions,
 * the contact, the status setting and tracking are left out: changing them does not change what
 * the books hold (a tracked document counts its lines as they would be untracked).
 */
export function documentsFingerprint(documents: readonly PlannedDocument[], crypto: Crypto): string {
  const facts = documents.map((d) => [
    d.marketplace === undefined ? d.part : `${d.part} ${d.marketplace}`,
    d.invoice.Type,
    d.invoice.Date,
    d.invoice.DueDate,
    d.invoice.CurrencyCode,
    (d.untrackedItems ?? d.invoice.LineItems).map((l) => [l.AccountCode, l.TaxType, l.LineAmount]),
  ]);
  return crypto.sha256Hex(JSON.stringify(facts));
}

/**
 * The number a document carries in a revision. Xero keeps a voided sales invoice's number taken,
 * so every revision after the first gets its own: `AMZ-123`, then `AMZ-123-R2`, `AMZ-123-R3`.
 * (The core keeps numbers short; a suffix of a few characters stays far below Xero's 255.)
 */
export function numberForRevision(invoiceNumber: string, revision: number): string {
  return revision <= 1 ? invoiceNumber : `${invoiceNumber}-R${revision}`;
}

/** The documents with the numbers of a revision. */
export function renumber(documents: readonly PlannedDocument[], revision: number): PlannedDocument[] {
  return documents.map((d) => ({ ...d, invoice: { ...d.invoice, InvoiceNumber: numberForRevision(d.invoice.InvoiceNumber, revision) } }));
}

/**
 * The Idempotency-Key of a create call: the same settlement, revision, refusal count and request
 * body always give the same key (≤ 128 characters), so a retry after a lost answer is replayed by
 * Xero instead of creating a second set.
 */
export function idempotencyKey(settlementId: string, revision: number, refusals: number, body: string, crypto: Crypto): string {
  const digest = crypto.sha256Hex(`${settlementId}\n${revision}\n${refusals}\n${body}`).slice(0, 40);
  // Header-safe characters only; the digest already covers the whole settlement id.
  return `settlesheet-${settlementId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}-r${revision}-${digest}`;
}

/**
 * Where a person opens a document in Xero. With the organisation's ShortCode the link opens THAT
 * organisation whichever one the person used last (Xero's "Deep link to Xero" guide,
 * developer.xero.com/documentation/api-guides/deep-link-xero: `organisationlogin/default.aspx?
 * shortcode=…&redirecturl=/AccountsReceivable/View.aspx?InvoiceID=…`, bills at
 * `/AccountsPayable/Edit.aspx`, the redirect written unencoded as in its examples). Without one
 * (an organisation read before SettleSheet kept it) the plain form is all there is.
 */
export function deepLink(type: 'ACCREC' | 'ACCPAY', invoiceId: string, shortCode?: string): string {
  const id = encodeURIComponent(invoiceId);
  if (!shortCode) return `https://go.xero.com/${type === 'ACCPAY' ? 'AccountsPayable' : 'AccountsReceivable'}/View.aspx?InvoiceID=${id}`;
  const page = type === 'ACCPAY' ? `/AccountsPayable/Edit.aspx?InvoiceID=${id}` : `/AccountsReceivable/View.aspx?InvoiceID=${id}`;
  return `https://go.xero.com/organisationlogin/default.aspx?shortcode=${encodeURIComponent(shortCode)}&redirecturl=${page}`;
}

/** A planned document's total as Xero will compute it (bills are flipped, so always ≥ 0). */
export function plannedTotal(document: PlannedDocument): Minor {
  return document.invoice.Type === 'ACCPAY' ? -document.total : document.total;
}

/** Xero's total of a document in minor units, or undefined if it is not exact in the currency. */
export function xeroTotal(state: XeroDocumentState, decimals: number): Minor | undefined {
  const amount = parseAmount(String(state.total), decimals);
  return typeof amount === 'number' ? amount : undefined;
}

/** True when Xero's document is the planned one: same type, currency and total. */
export function sameDocument(state: XeroDocumentState, planned: PlannedDocument, decimals: number): boolean {
  return state.type === planned.invoice.Type && state.currency === planned.invoice.CurrencyCode && xeroTotal(state, decimals) === plannedTotal(planned);
}

/** A document Xero holds, as the posted record keeps it, linked into its organisation (`shortCode`). */
export function postedDocument(state: XeroDocumentState, part: string, decimals: number, shortCode?: string): PostedDocument {
  const total = xeroTotal(state, decimals);
  const type = state.type === 'ACCPAY' ? 'ACCPAY' : 'ACCREC';
  return {
    part,
    invoiceId: state.invoiceId,
    invoiceNumber: state.invoiceNumber,
    type,
    status: state.status,
    total: total === undefined ? String(state.total) : formatAmount(total, decimals),
    currency: state.currency,
    url: deepLink(type, state.invoiceId, shortCode),
    ...(state.date ? { date: state.date } : {}),
  };
}

/** `sales invoice AMZ-1 (2025-08)` / `bill AMZ-1`: a document in words. */
function describeDocument(document: PlannedDocument, summary: SettlementSummary): string {
  const kind = document.invoice.Type === 'ACCPAY' ? 'bill' : 'sales invoice';
  return `${kind} ${document.invoice.InvoiceNumber}${summary.parts.length > 1 ? ` (${document.part})` : ''}`;
}

/**
 * One of Xero's refusals in the settlement's words: the document, and the line it is about with
 * its categories, account and tax type. Xero does not always say which line; then the line is the
 * one whose account code or tax type the message quotes.
 */
export function describeRefusal(problem: XeroValidationProblem, document: PlannedDocument, summary: SettlementSummary): string {
  const items = document.invoice.LineItems;
  const lines = problem.line !== undefined
    ? [problem.line]
    : items.flatMap((item, i) => (problem.message.includes(`'${item.AccountCode}'`) || problem.message.includes(`'${item.TaxType}'`) ? [i + 1] : []));
  const summaryLines = summary.parts.find((p) => p.key === document.part)?.lines.filter((l) => l.amount !== 0 && l.documentMarketplace === (document.marketplace ?? l.documentMarketplace)) ?? [];
  const where = lines.map((n) => {
    const item = items[n - 1];
    const categories = summaryLines[n - 1]?.categories.join(' + ');
    // No tax (NONE) goes without saying, as in the sidebar's lines.
    const tax = item && item.TaxType.toUpperCase() !== 'NONE' ? `, tax ${item.TaxType}` : '';
    return item ? `line ${n} (${categories ? `${categories}, ` : ''}account ${item.AccountCode}${tax})` : `line ${n}`;
  });
  return `${describeDocument(document, summary)}${where.length > 0 ? `, ${where.join(' and ')}` : ''}: ${problem.message}`;
}

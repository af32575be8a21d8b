/**
 * Builds the Xero documents for a summary: one per part. A part that totals zero or more is a
 * sales invoice; a negative one is a bill with every sign flipped, because Xero refuses a negative
 * total. Amounts are tax-inclusive so the document total is exactly the sum of its lines, and the
 * same summary always gives byte-identical JSON.
 *
 * Tax the settlement states for the seller (their VAT on a sale, GST Amazon charged on an ad) is
 * sent as the line's TaxAmount, so Xero records Amazon's figure instead of re-computing it from
 * the rate. Every document of a settlement carries the same CurrencyRate when one is given, so a
 * month carry-out and its carry-in convert to the same base amount.
 *
 * A line's tracking (core/tracking) goes on its item as it is. When the summary splits documents
 * by marketplace, each part has one document per marketplace, addressed to that marketplace's
 * contact (contacts.ts); otherwise one per part, addressed to the main marketplace's.
 */
import { addMinor, amountToNumber, formatAmount, type Minor } from '../money';
import { mergeTracking } from '../summary/lines';
import type { SettlementSummary, SummaryLine, SummaryPart } from '../summary/types';
import { count } from '../words';
import { contactFor, marketplaceCode } from './contacts';
import { XeroInvoiceSchema, type DocumentStatus, type XeroInvoice, type XeroLineItem } from './invoice';
import { carriesTax } from './tax-types';

/** Choices that shape the documents but not the numbers. */
export interface DocumentSettings {
  status: DocumentStatus;
  /** The Xero contact of every marketplace without its own; blank: each marketplace's, e.g. `Amazon.ca`. */
  contactName?: string;
  /** Marketplace → its Xero contact. */
  contacts?: Record<string, string>;
  /** A link Xero shows on each document (the workbook), when there is one. */
  sourceUrl?: string;
  /**
   * Units of the settlement's currency per unit of the organisation's base currency (6 decimals
   * at most), for a settlement in a foreign currency: core/exchange.ts derives it from the deposit.
   */
  currencyRate?: string;
}

/** A document ready to send, with the part it came from and its signed total. */
export interface PlannedDocument {
  part: string;
  /** The marketplace it is for, when the settlement's documents are split by marketplace. */
  marketplace?: string;
  /** The document's total: positive for an invoice, negative for a bill (whose lines are flipped). */
  total: Minor;
  invoice: XeroInvoice;
  /**
   * When lines carry tracking: the document's items as they would be without it. What the books
   * hold in numbers does not change with tracking (as it does not with the contact), so the
   * posted fingerprint is made from these (xero/posting-plan.ts).
   */
  untrackedItems?: XeroLineItem[];
}

/** The documents, or why they cannot be built yet. */
export type DocumentsResult = { ok: true; documents: PlannedDocument[] } | { ok: false; problems: string[] };

/**
 * The invoice number of a part (and, when documents are split by marketplace, of its marketplace):
 * stable across runs, unique per settlement, part and marketplace.
 */
export function invoiceNumberFor(settlementId: string, partKey: string, parts: number, marketplace?: string): string {
  const number = parts === 1 ? `AMZ-${settlementId}` : `AMZ-${settlementId}-${partKey}`;
  return marketplace === undefined ? number : `${number}-${marketplaceCode(marketplace)}`;
}

/**
 * True for the earlier parts of split mode `carry`: each totals zero and is created AUTHORISED
 * whatever the status setting, as the market tools do, so that month's sales and fees are in the
 * reports; only the part carrying the deposit follows the setting.
 */
export function isCarryPart(summary: SettlementSummary, part: SummaryPart): boolean {
  return summary.split === 'carry' && part !== summary.parts[summary.parts.length - 1];
}

/** Builds one Xero document per part (per part and marketplace when split); refuses while the summary has problems. */
export function buildDocuments(summary: SettlementSummary, settings: DocumentSettings): DocumentsResult {
  if (summary.problems.length > 0) return { ok: false, problems: summary.problems.map((p) => p.message) };
  const documents: PlannedDocument[] = [];
  const marketplaces = documentMarketplaces(summary);
  const several = marketplaces.length > 1;
  for (const part of summary.parts) {
    for (const marketplace of marketplaces) {
      const lines = part.lines.filter((l) => l.documentMarketplace === marketplace);
      let total: Minor = 0;
      for (const l of lines) total = addMinor(total, l.amount);
      const invoice = invoiceFor(summary, part, { lines, total, marketplace: several ? marketplace : undefined }, settings);
      // A document whose lines are all zero has nothing to post; Xero needs at least one line.
      if (invoice.LineItems.length === 0) continue;
      const checked = XeroInvoiceSchema.safeParse(invoice);
      if (!checked.success) {
        const where = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new Error(`SettleSheet built an invalid Xero document for part ${part.key} (${where}). This is a bug.`);
      }
      const tracked = lines.some((l) => l.tracking.length > 0);
      documents.push({
        part: part.key,
        ...(several ? { marketplace } : {}),
        total,
        invoice,
        ...(tracked ? { untrackedItems: lineItemsOf(summary, part, mergeTracking(lines), total < 0) } : {}),
      });
    }
  }
  let sum: Minor = 0;
  for (const d of documents) sum = addMinor(sum, d.total);
  if (sum !== summary.header.totalAmount) {
    throw new Error(`SettleSheet's documents add up to ${sum} minor units, not the total ${summary.header.totalAmount}. This is a bug.`);
  }
  return { ok: true, documents };
}

/** The marketplaces whose documents a part may have, main first: [''] unless split by marketplace. */
function documentMarketplaces(summary: SettlementSummary): string[] {
  const used = new Set(summary.parts.flatMap((p) => p.lines.map((l) => l.documentMarketplace)));
  const ordered = [summary.mainMarketplace, ...summary.marketplaces].filter((m) => used.has(m));
  return [...new Set([...ordered, ...[...used].sort()])];
}

/** One document's lines: the part's lines for one marketplace (or all of them), and their total. */
interface DocumentLines {
  lines: SummaryLine[];
  total: Minor;
  /** Set when the settlement's documents are split by marketplace. */
  marketplace: string | undefined;
}

/** The items of some lines of a part; a bill's (`bill`) signs are flipped. */
function lineItemsOf(summary: SettlementSummary, part: SummaryPart, lines: readonly SummaryLine[], bill: boolean): XeroLineItem[] {
  const sign = bill ? -1 : 1;
  const number = (m: Minor) => amountToNumber(sign * m, summary.header.decimals);
  return lines.flatMap((line) => {
    const description = describeLine(summary, part, line);
    const tracking = line.tracking.length > 0 ? { Tracking: line.tracking.map((t) => ({ Name: t.category, Option: t.option })) } : {};
    const item = (amount: Minor, tax: Minor | undefined, text: string): XeroLineItem => ({
      Description: text,
      Quantity: 1 as const,
      UnitAmount: number(amount),
      LineAmount: number(amount),
      AccountCode: line.accountCode,
      TaxType: line.taxType,
      ...(tax === undefined ? {} : { TaxAmount: number(tax) }),
      ...tracking,
    });
    const tax = carriesTax(line.taxType) ? line.statedTax : 0;
    if (tax === 0) return line.amount === 0 ? [] : [item(line.amount, undefined, description)];
    const base = line.amount - tax;
    // Tax inside its line: same sign as the line and no larger (a line's net and tax agree).
    if (base === 0 || Math.sign(base) === Math.sign(tax)) return [item(line.amount, tax, description)];
    // Tax and net of opposite signs cannot share one line: the net carries no tax, the tax no net.
    return [item(base, 0, `${description} (without its tax)`), item(tax, tax, `${description} (its tax, as the settlement states it)`)];
  });
}

function invoiceFor(summary: SettlementSummary, part: SummaryPart, document: DocumentLines, settings: DocumentSettings): XeroInvoice {
  const { header } = summary;
  const bill = document.total < 0;
  const partLabel = summary.parts.length > 1 ? ` part ${part.key}` : '';
  const marketplaceLabel = document.marketplace ? `, ${document.marketplace}` : '';
  const contact = contactFor(document.marketplace ?? summary.mainMarketplace, { contactName: settings.contactName ?? '', byMarketplace: settings.contacts ?? {} });
  return {
    Type: bill ? 'ACCPAY' : 'ACCREC',
    Contact: { Name: contact },
    Date: part.documentDate,
    DueDate: header.depositDate.slice(0, 10),
    LineAmountTypes: 'Inclusive',
    InvoiceNumber: invoiceNumberFor(header.settlementId, part.key, summary.parts.length, document.marketplace),
    // Xero keeps Reference for sales invoices only; a bill's number already says where it is from.
    ...(bill ? {} : { Reference: `Amazon settlement ${header.settlementId}${marketplaceLabel}${partLabel} (${part.from} to ${part.to})` }),
    CurrencyCode: header.currency,
    ...(settings.currencyRate ? { CurrencyRate: Number(settings.currencyRate) } : {}),
    Status: isCarryPart(summary, part) ? 'AUTHORISED' : settings.status,
    ...(settings.sourceUrl ? { Url: settings.sourceUrl } : {}),
    LineItems: lineItemsOf(summary, part, document.lines, bill),
  };
}

const MAX_DESCRIPTION = 1000;

/** A line's description says what made it, so an accountant can trace it from Xero. */
function describeLine(summary: SettlementSummary, part: SummaryPart, line: SummaryLine): string {
  const { settlementId, decimals } = summary.header;
  if (line.kind === 'carry-out') return `Carried forward to ${line.carryPart} (Amazon settlement ${settlementId})`;
  if (line.kind === 'carry-in') return `Brought forward from ${line.carryPart} (Amazon settlement ${settlementId})`;
  // Sources that read the same (a sale whose tax Amazon remits beside one without tax, on one
  // line) are named once, with their sum.
  const detailed = new Map<string, Minor>();
  for (const s of line.sources) {
    const name = `${s.transactionType} ${s.amountType} ${s.amountDescription}${s.remittedBy === 'seller' ? ' (your tax)' : ''}${s.marketplace ? ` ${s.marketplace}` : ''}`;
    detailed.set(name, addMinor(detailed.get(name) ?? 0, s.amount));
  }
  const detail = [...detailed].map(([name, amount]) => `${name} ${formatAmount(amount, decimals)}`).join('; ');
  const tax = line.statedTax !== 0 && carriesTax(line.taxType) ? `, of which tax ${formatAmount(line.statedTax, decimals)} as the settlement states it` : '';
  const text = `${line.categories.join(' + ')}, ${part.from} to ${part.to}: ${count(line.rows, 'Amazon line')}${tax} (${detail})`;
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

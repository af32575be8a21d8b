/**
 * The audit trail SettleSheet attaches to each document in Xero: a small CSV an accountant can open
 * from the document and trace every posted line to the Amazon lines behind it, with the walk from
 * gross sales to the deposit and the settlement's id, period, file name and SettleSheet's
 * fingerprint of its lines. The fingerprint is the SHA-256 of the settlement's fields as read
 * (import-payload.ts), not of the file's bytes: `sha256sum` of the file never gives it, and it is
 * the same for a re-downloaded copy with other line endings. It matches a file to the import the
 * way SettleSheet does (Attach the settlement file… re-reads the file and compares it). The
 * SHA-256 of the file's bytes, which `sha256sum` gives, is a row of its own when the import
 * recorded it (the sidebar sends it since this version).
 *
 * Text from the settlement file is untrusted: a cell that a spreadsheet would read as a formula
 * (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, as OWASP's
 * "CSV Injection" page advises; amounts SettleSheet writes itself are numbers and stay as they are.
 */
import { formatAmount, type Minor } from '../money';
import type { SettlementSummary } from '../summary/types';
import { trackingWords } from '../tracking/tracking';
import type { PlannedDocument } from '../xero/documents';

/** What the CSV says about where the settlement came from. */
export interface SummarySource {
  /** The settlement file's name, as imported. */
  fileName: string;
  /** SettleSheet's fingerprint of the settlement's lines (not a hash of the file's bytes), as the spreadsheet keeps it. */
  contentHash: string;
  /** SHA-256 (hex) of the file's bytes as imported, when the import recorded it. */
  fileSha256?: string;
}

/** The file name of a document's summary: `AMZ-123-2025-07-summary.csv` (letters, digits, dashes, dots only). */
export function summaryFileName(invoiceNumber: string): string {
  return `${invoiceNumber.replace(/[^A-Za-z0-9.-]/g, '-')}-summary.csv`;
}

/** A cell of untrusted text, safe to open in a spreadsheet. */
function text(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV of one document of a settlement (its lines) with the settlement's facts and reconciliation. */
export function summaryCsv(summary: SettlementSummary, document: PlannedDocument, source: SummarySource): string {
  const { header } = summary;
  const money = (m: Minor) => formatAmount(m, header.decimals);
  const part = summary.parts.find((p) => p.key === document.part);
  const lines = (part?.lines ?? []).filter((l) => l.amount !== 0 && l.documentMarketplace === (document.marketplace ?? l.documentMarketplace));
  const kind = document.invoice.Type === 'ACCPAY' ? 'bill (signs flipped in Xero)' : 'sales invoice';
  const rows: string[][] = [
    [`SettleSheet summary of Amazon settlement ${header.settlementId}`],
    ['Settlement id', text(header.settlementId)],
    ['Period', `${header.start.slice(0, 10)} to ${header.end.slice(0, 10)}`],
    ['Deposit date', header.depositDate.slice(0, 10)],
    ['Deposit', money(header.totalAmount), header.currency],
    ['File', text(source.fileName)],
    ['File SHA-256 (of its bytes, as sha256sum gives it)', source.fileSha256 ?? 'not recorded: imported before SettleSheet kept it'],
    ["SettleSheet fingerprint of the settlement's lines (SHA-256 of the fields read, not of the file)", source.contentHash],
    ['Document', text(document.invoice.InvoiceNumber), kind, text(`part ${document.part}${document.marketplace ? `, ${document.marketplace}` : ''}`)],
    ['Document total (settlement signs)', money(document.total), header.currency],
    [],
    ['Reconciliation of the whole settlement', 'Amount'],
    ...summary.reconciliation.map((r) => [text(r.label), money(r.amount)]),
    ['Deposit', money(header.totalAmount)],
    [],
    ['Line', 'Categories', 'Account', 'Tax type', 'Tracking', 'Amount', 'Stated tax', 'Amazon lines'],
    ...lines.map((l, i) => [String(i + 1), text(l.categories.join(' + ')), text(l.accountCode), text(l.taxType), text(trackingWords(l.tracking)), money(l.amount), money(l.statedTax), String(l.rows)]),
    [],
    ['Line', 'Transaction type', 'Amount type', 'Amount description', 'Marketplace', 'Tax remitted by', 'Category', 'Amazon lines', 'Amount'],
    ...lines.flatMap((l, i) =>
      l.kind === 'mapped'
        ? l.sources.map((s) => [String(i + 1), text(s.transactionType), text(s.amountType), text(s.amountDescription), text(s.marketplace), s.remittedBy, text(s.category), String(s.rows), money(s.amount)])
        : [[String(i + 1), l.kind === 'carry-out' ? `Carried forward to ${l.carryPart}` : `Brought forward from ${l.carryPart}`, '', '', '', '', text(l.categories.join(' + ')), '0', money(l.amount)]],
    ),
  ];
  return `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}

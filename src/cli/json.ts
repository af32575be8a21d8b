/**
 * The command line's JSON: the documented shape, with amounts as decimal strings in the
 * currency's decimals and dates as ISO strings.
 */
import { formatAmount, type Minor } from '../core/money';
import type { SettlementSummary } from '../core/summary';
import type { PlannedDocument } from '../core/xero/documents';

/** The summary and its documents in the shape the README documents. */
export function summaryJson(summary: SettlementSummary, documents: PlannedDocument[]): unknown {
  const { header } = summary;
  const money = (m: Minor) => formatAmount(m, header.decimals);
  return {
    settlement: {
      id: header.settlementId,
      format: summary.format,
      currency: header.currency,
      start: header.start,
      end: header.end,
      depositDate: header.depositDate,
      totalAmount: money(header.totalAmount),
      marketplaces: summary.marketplaces,
      rows: summary.lines,
    },
    check: {
      sumOfRows: money(summary.check.sumOfRows),
      difference: money(summary.check.difference),
      balanced: summary.check.balanced,
    },
    unmapped: summary.unmapped.map((u) => ({
      transactionType: u.transactionType,
      amountType: u.amountType,
      amountDescription: u.amountDescription,
      rows: u.rows,
      amount: money(u.amount),
    })),
    parts: summary.parts.map((p) => ({
      key: p.key,
      from: p.from,
      to: p.to,
      total: money(p.total),
      lines: p.lines.map((l) => ({
        category: l.categories.join(' + '),
        accountCode: l.accountCode,
        taxType: l.taxType,
        amount: money(l.amount),
        rows: l.rows,
      })),
    })),
    documents: documents.map((d) => d.invoice),
  };
}

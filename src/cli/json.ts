/**
 * The command line's JSON: the documented shape, with amounts as decimal strings in the
 * currency's decimals and dates as ISO strings.
 */
import { toBase, type Conversion } from '../core/exchange';
import type { RegionalTemplate } from '../core/mapping/templates';
import { formatAmount, type Minor } from '../core/money';
import type { SettlementSummary } from '../core/summary';
import type { PlannedDocument } from '../core/xero/documents';

/** What the summary was made with besides the file: the template, and the deposit's conversion. */
export interface SummaryContext {
  template: RegionalTemplate;
  conversion?: Conversion;
}

/** The summary and its documents in the shape the README documents. */
export function summaryJson(summary: SettlementSummary, documents: PlannedDocument[], context: SummaryContext): unknown {
  const { header } = summary;
  const money = (m: Minor) => formatAmount(m, header.decimals);
  const { conversion } = context;
  const base = (m: Minor) => (conversion ? formatAmount(baseOf(m, summary, conversion), conversion.baseDecimals) : undefined);
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
    template: context.template.id,
    check: {
      sumOfRows: money(summary.check.sumOfRows),
      difference: money(summary.check.difference),
      balanced: summary.check.balanced,
    },
    unmapped: summary.unmapped.map((u) => ({
      transactionType: u.transactionType,
      amountType: u.amountType,
      amountDescription: u.amountDescription,
      remittedBy: u.remittedBy,
      rows: u.rows,
      amount: money(u.amount),
    })),
    parts: summary.parts.map((p) => ({
      key: p.key,
      from: p.from,
      to: p.to,
      total: money(p.total),
      ...(conversion ? { totalBase: base(p.total) } : {}),
      lines: p.lines.map((l) => ({
        category: l.categories.join(' + '),
        accountCode: l.accountCode,
        taxType: l.taxType,
        amount: money(l.amount),
        statedTax: money(l.statedTax),
        ...(conversion ? { amountBase: base(l.amount) } : {}),
        rows: l.rows,
      })),
    })),
    outsidePeriod: summary.outsidePeriod.map((o) => ({ ...o, amount: money(o.amount) })),
    clearing: summary.clearing.map((c) => ({ part: c.part, amount: money(c.amount) })),
    exchange: conversion
      ? { baseCurrency: conversion.baseCurrency, rate: conversion.rate, deposit: formatAmount(conversion.deposit, conversion.baseDecimals), converted: formatAmount(conversion.converted, conversion.baseDecimals) }
      : null,
    documents: documents.map((d) => d.invoice),
  };
}

/** An amount of the settlement in base currency at the conversion's rate. */
export function baseOf(amount: Minor, summary: SettlementSummary, conversion: Conversion): Minor {
  return toBase(amount, summary.header.decimals, conversion.rate, conversion.baseDecimals);
}

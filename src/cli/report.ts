/**
 * The command line's readable report: the settlement, the walk from gross sales to the deposit,
 * each part's lines, what is unmapped, and what blocks posting.
 */
import { formatAmount, type Minor } from '../core/money';
import type { SettlementSummary } from '../core/summary';
import type { PlannedDocument } from '../core/xero/documents';
import { count, differenceWords } from '../core/words';
import { baseOf, type SummaryContext } from './json';

/** Lays out rows as aligned columns; numeric-looking cells are right-aligned. */
export function columns(rows: string[][], indent = '  '): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  const numeric = /^-?[\d,]+(\.\d+)?$/;
  return rows
    .map((r) => indent + r.map((c, i) => (numeric.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}

/** The report for one settlement. */
export function summaryReport(summary: SettlementSummary, documents: PlannedDocument[], context: SummaryContext): string {
  const { header } = summary;
  const { conversion } = context;
  const money = (m: Minor) => formatAmount(m, header.decimals);
  const base = (m: Minor) => (conversion ? formatAmount(baseOf(m, summary, conversion), conversion.baseDecimals) : '');
  const out: string[] = [];
  out.push(`Settlement ${header.settlementId} (${summary.format.toUpperCase()}, ${header.currency}) ${summary.marketplaces.join(', ') || ''}`.trimEnd());
  out.push(`Period ${header.start.slice(0, 10)} to ${header.end.slice(0, 10)}, deposit ${header.depositDate.slice(0, 10)}, total ${money(header.totalAmount)} ${header.currency}`);
  out.push(`${count(summary.lines, 'line')} from ${count(summary.dataRows, 'data row')}; split mode "${summary.split}"; template "${context.template.id}" (${context.template.name})`);
  if (conversion) {
    out.push(
      `Deposit ${formatAmount(conversion.deposit, conversion.baseDecimals)} ${conversion.baseCurrency}: every document uses the rate ${conversion.rate} ${header.currency} per ${conversion.baseCurrency}` +
        (conversion.converted === conversion.deposit ? '.' : ` (no 6-decimal rate converts the total exactly: it gives ${formatAmount(conversion.converted, conversion.baseDecimals)}).`),
    );
  }
  out.push('', 'From gross sales to the deposit');
  const steps = summary.reconciliation.map((s) => [s.label, money(s.amount)]);
  steps.push(['Net of all lines', money(summary.check.sumOfRows)]);
  steps.push(['Deposit (settlement total)', money(header.totalAmount)]);
  out.push(columns(steps));
  out.push(summary.check.difference === 0 ? '  Balanced: the lines add up to the deposit exactly.' : `  NOT balanced: ${differenceWords(money(summary.check.difference), header.currency)}.`);
  for (const o of summary.outsidePeriod) {
    const when = o.first === o.last ? o.first : `${o.first} to ${o.last}`;
    out.push(`  ${count(o.rows, 'line')} (${money(o.amount)}) posted ${o.side} the period (${when}) are in part ${o.part}.`);
  }

  for (const part of summary.parts) {
    const doc = documents.find((d) => d.part === part.key);
    const what = doc
      ? `${doc.invoice.Type === 'ACCPAY' ? 'bill' : 'invoice'} ${doc.invoice.InvoiceNumber} dated ${doc.invoice.Date}, ${doc.invoice.Status}`
      : summary.problems.length
        ? 'no document yet'
        : 'no document (every line is zero)';
    const inBase = conversion ? ` (${base(part.total)} ${conversion.baseCurrency})` : '';
    out.push('', `Part ${part.key} (${part.from} to ${part.to}): ${what}, total ${money(part.total)}${inBase}`);
    const rows = [['Category', 'Account', 'Tax type', 'Amount', 'Of which tax', ...(conversion ? [conversion.baseCurrency] : []), 'Lines']];
    for (const l of part.lines) {
      rows.push([l.categories.join(' + '), l.accountCode, l.taxType, money(l.amount), l.statedTax ? money(l.statedTax) : '', ...(conversion ? [base(l.amount)] : []), String(l.rows)]);
    }
    out.push(columns(rows));
  }
  if (summary.unmapped.length) {
    out.push('', 'Not mapped (choose a category in the Mapping table)');
    const rows = [['Transaction type', 'Amount type', 'Amount description', 'Tax remitted by', 'Lines', 'Amount']];
    for (const u of summary.unmapped) rows.push([u.transactionType, u.amountType, u.amountDescription, u.remittedBy, String(u.rows), money(u.amount)]);
    out.push(columns(rows));
  }
  if (summary.problems.length) {
    out.push('', 'Cannot post yet:');
    for (const p of summary.problems) out.push(`  - ${p.message}`);
  } else {
    out.push('', `Ready to post: ${documents.length} document${documents.length === 1 ? '' : 's'}.`);
    if (documents.some((d) => d.invoice.Status !== documents[documents.length - 1]!.invoice.Status)) {
      out.push('  The earlier month parts total zero and are created AUTHORISED, so their months show in your reports; the part carrying the deposit uses the status setting.');
    }
  }
  return out.join('\n') + '\n';
}

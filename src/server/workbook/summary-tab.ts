/**
 * The Summary tab: the settlement last previewed, laid out for an accountant: the walk from gross
 * sales to the deposit, then every line that will be posted with the Amazon lines behind it.
 */
import { trackingWords } from '../../core/tracking/tracking';
import { amountToNumber, formatAmount } from '../../core/money';
import type { SettlementSummary } from '../../core/summary/types';
import { differenceWords } from '../../core/words';
import type { PlannedDocument } from '../../core/xero/documents';
import { textCell } from './cells';
import { moneyFormat } from './layout';
import type { Workbook } from './workbook';

const WIDTH = 8;
const AMOUNT_COLUMN = 6;

/** Rewrites the Summary tab for one settlement. */
export function writeSummaryTab(
  workbook: Workbook,
  summary: SettlementSummary,
  documents: PlannedDocument[],
  accountNames: ReadonlyMap<string, string>,
): void {
  const { header } = summary;
  const money = (m: number) => amountToNumber(m, header.decimals);
  const rows: (string | number)[][] = [];
  const line = (...cells: (string | number)[]) => rows.push([...cells, ...new Array<string>(WIDTH - cells.length).fill('')].slice(0, WIDTH));
  const marketplaces = summary.marketplaces.join(', ');
  line(textCell(`Settlement ${header.settlementId}`), textCell(marketplaces), textCell(`${header.start.slice(0, 10)} to ${header.end.slice(0, 10)}`), textCell(`deposit ${header.depositDate.slice(0, 10)}`), header.currency, money(header.totalAmount));
  line('');
  line('From gross sales to the deposit', '', '', '', '', 'Amount');
  for (const step of summary.reconciliation) line(step.label, '', '', '', '', money(step.amount));
  line('Net of all lines', '', '', '', '', money(summary.check.sumOfRows));
  line('Deposit (settlement total)', '', '', '', '', money(header.totalAmount), summary.check.difference === 0 ? 'Balanced' : `Not balanced: ${differenceWords(formatAmount(summary.check.difference, header.decimals), header.currency)}`);
  line('');
  line('Part', 'Document', 'Category', 'Account', 'Tax type', 'Amount', 'Lines', 'Made of (transaction type / amount type / description, marketplace: lines, amount)');
  for (const part of summary.parts) {
    // A part has one document, or one per marketplace when they are split (issue 13).
    const labelOf = (marketplace: string) => {
      const doc = documents.find((d) => d.part === part.key && (d.marketplace ?? '') === marketplace) ?? documents.find((d) => d.part === part.key);
      return doc ? `${doc.invoice.Type === 'ACCPAY' ? 'Bill' : 'Invoice'} ${doc.invoice.InvoiceNumber} dated ${doc.invoice.Date}` : 'Not postable yet';
    };
    const label = labelOf('');
    for (const l of part.lines) {
      const madeOf =
        l.kind === 'mapped'
          ? l.sources.map((s) => `${s.transactionType} / ${s.amountType} / ${s.amountDescription}${s.marketplace ? `, ${s.marketplace}` : ''}: ${s.rows}, ${formatAmount(s.amount, header.decimals)}`).join('; ')
          : l.kind === 'carry-out'
            ? `Carried forward to ${l.carryPart}`
            : `Brought forward from ${l.carryPart}`;
      const account = accountNames.get(l.accountCode);
      const tracked = l.tracking.length ? ` (${trackingWords(l.tracking)})` : '';
      line(textCell(part.key), textCell(labelOf(l.documentMarketplace)), textCell(`${l.categories.join(' + ')}${tracked}`), textCell(account ? `${l.accountCode} — ${account}` : l.accountCode), textCell(l.taxType), money(l.amount), l.rows, textCell(madeOf));
    }
    line(textCell(part.key), textCell(label), 'Part total', '', '', money(part.total));
  }
  if (summary.unmapped.length) {
    line('');
    line('Not mapped yet', '', '', '', '', 'Amount', 'Lines', 'Choose a category for these in the Mapping tab');
    for (const u of summary.unmapped) line(textCell(u.transactionType), textCell(u.amountType), textCell(u.amountDescription), textCell(u.marketplaces.join(', ')), '', money(u.amount), u.rows);
  }
  if (summary.problems.length) {
    line('');
    line('Cannot post yet');
    for (const p of summary.problems) line(textCell(p.message));
  }
  const sheet = workbook.tab('summary');
  sheet.clear();
  const short = rows.length - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  sheet.getRange(1, 1, rows.length, WIDTH).setValues(rows);
  sheet.getRange(1, AMOUNT_COLUMN, rows.length, 1).setNumberFormat(moneyFormat(header.decimals));
}

/**
 * The Summary tab: the settlement last previewed, laid out for an accountant: the walk from gross
 * sales to the deposit, then every line that will be posted with the Amazon lines behind it. A
 * file of thousands of line types stays within a cell's 50,000 characters and a call's 100,000
 * cells: a line names its largest sources and counts the rest, and long lists say how many more.
 */
import { amountToNumber, formatAmount } from '../../core/money';
import type { SettlementSummary } from '../../core/summary/types';
import { differenceWords } from '../../core/words';
import type { PlannedDocument } from '../../core/xero/documents';
import { formatColumn, writeRows } from './blocks';
import { textCell } from './cells';
import { moneyFormat } from './layout';
import type { Workbook } from './workbook';

const WIDTH = 8;
const AMOUNT_COLUMN = 6;
/** The most sources a line's "Made of" cell names (the largest first). */
const SOURCES_NAMED = 25;
/** The most rows of one list (line types not mapped, problems) the tab shows. */
const LIST_ROWS = 500;

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
  for (const step of summary.reconciliation) line(textCell(step.label), '', '', '', '', money(step.amount));
  line('Net of all lines', '', '', '', '', money(summary.check.sumOfRows));
  line('Deposit (settlement total)', '', '', '', '', money(header.totalAmount), summary.check.difference === 0 ? 'Balanced' : `Not balanced: ${differenceWords(formatAmount(summary.check.difference, header.decimals), header.currency)}`);
  line('');
  line('Part', 'Document', 'Category', 'Account', 'Tax type', 'Amount', 'Lines', 'Made of (transaction type / amount type / description, marketplace: lines, amount)');
  for (const part of summary.parts) {
    const doc = documents.find((d) => d.part === part.key);
    const label = doc ? `${doc.invoice.Type === 'ACCPAY' ? 'Bill' : 'Invoice'} ${doc.invoice.InvoiceNumber} dated ${doc.invoice.Date}` : 'Not postable yet';
    for (const l of part.lines) {
      const madeOf =
        l.kind === 'mapped'
          ? sourcesWords(l.sources, header.decimals)
          : l.kind === 'carry-out'
            ? `Carried forward to ${l.carryPart}`
            : `Brought forward from ${l.carryPart}`;
      const account = accountNames.get(l.accountCode);
      line(textCell(part.key), textCell(label), textCell(l.categories.join(' + ')), textCell(account ? `${l.accountCode} — ${account}` : l.accountCode), textCell(l.taxType), money(l.amount), l.rows, textCell(madeOf));
    }
    line(textCell(part.key), textCell(label), 'Part total', '', '', money(part.total));
  }
  if (summary.unmapped.length) {
    line('');
    line('Not mapped yet', '', '', '', '', 'Amount', 'Lines', 'Choose a category for these in the Mapping tab');
    for (const u of summary.unmapped.slice(0, LIST_ROWS)) line(textCell(u.transactionType), textCell(u.amountType), textCell(u.amountDescription), textCell(u.marketplaces.join(', ')), '', money(u.amount), u.rows);
    if (summary.unmapped.length > LIST_ROWS) line(textCell(`…and ${summary.unmapped.length - LIST_ROWS} more line types`));
  }
  if (summary.problems.length) {
    line('');
    line('Cannot post yet');
    for (const p of summary.problems.slice(0, LIST_ROWS)) line(textCell(p.message));
    if (summary.problems.length > LIST_ROWS) line(textCell(`…and ${summary.problems.length - LIST_ROWS} more`));
  }
  const sheet = workbook.tab('summary');
  sheet.clear();
  const short = rows.length - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  writeRows(sheet, 1, rows);
  formatColumn(sheet, 1, rows.length, AMOUNT_COLUMN, moneyFormat(header.decimals));
}

/** A line's "Made of" cell: its largest sources, and how many more there are. */
function sourcesWords(sources: SettlementSummary['parts'][number]['lines'][number]['sources'], decimals: number): string {
  const named = [...sources].sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount)).slice(0, SOURCES_NAMED);
  const words = named.map((s) => `${s.transactionType} / ${s.amountType} / ${s.amountDescription}${s.marketplace ? `, ${s.marketplace}` : ''}: ${s.rows}, ${formatAmount(s.amount, decimals)}`);
  const more = sources.length - named.length;
  return `${words.join('; ')}${more > 0 ? `; …and ${more} more` : ''}`;
}

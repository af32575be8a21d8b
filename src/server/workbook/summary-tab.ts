/**
 * The Summary tab: the settlement last previewed, laid out for the seller and the accountant in
 * the sidebar's words: where the money went (paid into the bank, or taken from the card), the walk
 * from gross sales to it, then each document with its lines led by category (the account, a tax
 * type other than none, the amount, and the Amazon lines behind it, description first). Lines that
 * come to zero are folded into one note per document; a carried month says where its money went.
 * A file of thousands of line types stays within a cell's 50,000 characters and a call's 100,000
 * cells: a line names its largest sources and counts the rest, and long lists say how many more.
 */
import { trackingWords } from '../../core/tracking/tracking';
import { amountToNumber, formatAmount, type Minor } from '../../core/money';
import type { SettlementSummary, SummaryLine, SummaryPart } from '../../core/summary/types';
import { count, differenceWords, lineTypeWords, moneyText, monthWords } from '../../core/words';
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

type Cell = string | number;

/** Rewrites the Summary tab for one settlement. */
export function writeSummaryTab(
  workbook: Workbook,
  summary: SettlementSummary,
  documents: PlannedDocument[],
  accountNames: ReadonlyMap<string, string>,
): void {
  const { header } = summary;
  const money = (m: Minor) => amountToNumber(m, header.decimals);
  const rows: Cell[][] = [];
  const line = (...cells: Cell[]) => rows.push([...cells, ...new Array<string>(WIDTH).fill('')].slice(0, WIDTH));
  const taken = header.totalAmount < 0;
  const moved = taken ? 'Taken from your card' : 'Paid into your bank';
  const total = moneyText(formatAmount(Math.abs(header.totalAmount), header.decimals), header.currency);

  line(
    textCell(`Settlement ${header.settlementId}`),
    textCell(summary.marketplaces.join(', ')),
    textCell(`${header.start.slice(0, 10)} to ${header.end.slice(0, 10)}`),
    textCell(taken ? `Amazon took ${total} from your card on ${header.depositDate.slice(0, 10)}` : `Amazon paid ${total} into your bank on ${header.depositDate.slice(0, 10)}`),
    header.currency,
    money(header.totalAmount),
  );
  line('');
  line(taken ? 'From gross sales to what Amazon took' : 'From gross sales to the deposit', '', '', '', '', 'Amount');
  for (const step of summary.reconciliation) line(textCell(step.label), '', '', '', '', money(step.amount));
  line('All lines together', '', '', '', '', money(summary.check.sumOfRows));
  line(`${moved} (the settlement's total)`, '', '', '', '', money(header.totalAmount), summary.check.difference === 0 ? 'Balanced' : `Not balanced: ${differenceWords(formatAmount(summary.check.difference, header.decimals), header.currency)}`);
  line('');
  line('Month', 'Document', 'Category', 'Account', 'Tax type', 'Amount', 'Amazon lines', 'Made of (description, Amazon’s codes, marketplace: lines, amount)');
  for (const part of summary.parts) {
    const month = summary.parts.length > 1 ? monthWords(part.key) : 'Whole settlement';
    // A part has one document, or one per marketplace when they are split (issue 13).
    const docOf = (marketplace: string) => documents.find((d) => d.part === part.key && (d.marketplace ?? '') === marketplace) ?? documents.find((d) => d.part === part.key);
    const labelOf = (marketplace: string) => {
      const doc = docOf(marketplace);
      return doc ? `${doc.invoice.Type === 'ACCPAY' ? 'Bill' : 'Sales invoice'} ${doc.invoice.InvoiceNumber} dated ${doc.invoice.Date}` : 'Not postable yet';
    };
    const doc = docOf('');
    const label = labelOf('');
    const zero = part.lines.filter((l) => l.amount === 0);
    for (const l of part.lines.filter((l) => l.amount !== 0)) {
      const account = accountNames.get(l.accountCode);
      const tracked = l.tracking.length ? ` (${trackingWords(l.tracking)})` : '';
      line(
        textCell(month),
        textCell(labelOf(l.documentMarketplace)),
        textCell(`${lineTitle(l)}${tracked}`),
        textCell(account ? `${l.accountCode} — ${account}` : l.accountCode),
        textCell(l.taxType.toUpperCase() === 'NONE' ? 'No tax' : l.taxType),
        money(l.amount),
        l.kind === 'mapped' ? l.rows : '',
        textCell(madeOf(l, header.decimals)),
      );
    }
    if (zero.length > 0) line(textCell(month), textCell(label), textCell(zeroNote(zero, header.decimals, header.currency)));
    line(textCell(month), textCell(label), textCell(documentTotal(part, doc)), '', '', money(part.total));
  }
  if (summary.unmapped.length) {
    line('');
    line('Needs a category', 'Amazon’s codes', 'Marketplaces', '', '', 'Amount', 'Amazon lines', 'Choose a category for it in the sidebar or in the Mapping tab (its row is highlighted).');
    for (const u of summary.unmapped.slice(0, LIST_ROWS)) {
      line(textCell(lineTypeWords({ ...u, transactionType: '', amountType: '' })), textCell(`${u.transactionType} / ${u.amountType} / ${u.amountDescription}`), textCell(u.marketplaces.join(', ')), '', '', money(u.amount), u.rows);
    }
    if (summary.unmapped.length > LIST_ROWS) line(textCell(`…and ${summary.unmapped.length - LIST_ROWS} more kinds of line`));
  }
  const problems = summary.problems.filter((p) => p.kind !== 'unmapped');
  if (problems.length) {
    line('');
    line('Before this can be posted');
    for (const p of problems.slice(0, LIST_ROWS)) line(textCell(p.message));
    if (problems.length > LIST_ROWS) line(textCell(`…and ${problems.length - LIST_ROWS} more`));
  }
  const sheet = workbook.tab('summary');
  sheet.clear();
  const short = rows.length - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  writeRows(sheet, 1, rows);
  formatColumn(sheet, 1, rows.length, AMOUNT_COLUMN, moneyFormat(header.decimals));
}

/** A line's heading: its categories, or where a month's carry goes. */
function lineTitle(l: SummaryLine): string {
  if (l.kind === 'carry-out') return `Carried forward to ${monthWords(l.carryPart ?? '')}`;
  if (l.kind === 'carry-in') return `Brought forward from ${monthWords(l.carryPart ?? '')}`;
  return l.categories.join(' + ');
}

/** The Amazon lines behind a line, description first (the largest, when there are many). */
function madeOf(l: SummaryLine, decimals: number): string {
  if (l.kind === 'carry-out') return 'The month’s net, carried forward so one document equals the deposit';
  if (l.kind === 'carry-in') return `${monthWords(l.carryPart ?? '')}’s net, brought in so this document equals the deposit`;
  // The largest sources by amount, and how many more: a cell holds 50,000 characters.
  const named = l.sources.length <= SOURCES_NAMED ? l.sources : [...l.sources].sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount)).slice(0, SOURCES_NAMED);
  const words = named.map((s) => `${lineTypeWords(s)}${s.marketplace ? `, ${s.marketplace}` : ''}: ${count(s.rows, 'line')}, ${formatAmount(s.amount, decimals)}`).join('; ');
  const more = l.sources.length - named.length;
  return more > 0 ? `${words}; …and ${more} more` : words;
}

/** One note for a document's lines that come to zero (tax Amazon collected and withheld, say). */
function zeroNote(zero: readonly SummaryLine[], decimals: number, currency: string): string {
  const rows = zero.reduce((n, l) => n + l.rows, 0);
  return `Also ${zero.map(lineTitle).join(', ')}: ${moneyText(formatAmount(0, decimals), currency)} (${count(rows, 'Amazon line')} that cancel out; not on the document)`;
}

/** The total row's label: the document's total, and for a carried month why it is zero. */
function documentTotal(part: SummaryPart, doc: PlannedDocument | undefined): string {
  const out = part.lines.find((l) => l.kind === 'carry-out');
  if (out) return `Document total (the month's net is carried forward to ${monthWords(out.carryPart ?? '')})`;
  return doc?.invoice.Type === 'ACCPAY' ? 'Document total (a bill: Xero shows these lines with their signs flipped)' : 'Document total';
}

/**
 * The Summary tab's cost of goods sold section, below the settlement's lines: units by SKU in each
 * part with their cost and the Costs rows it came from, then each journal line the next post
 * sends, and what stops the journal. Written after the Summary tab, in one more range.
 */
import type { PlannedJournal } from '../../core/cogs/plan';
import { amountToNumber } from '../../core/money';
import type { SettlementSummary } from '../../core/summary/types';
import { monthWords } from '../../core/words';
import type { SettlementCogs } from '../cogs';
import { rowsPerCall, writeRows } from './blocks';
import { textCell } from './cells';
import { moneyFormat } from './layout';
import type { Workbook } from './workbook';

const WIDTH = 8;
// Unit cost and Cost (the journal lines' amounts fall in Cost too).
const MONEY_COLUMNS = { first: 5, count: 2 };

/** Appends the section to the Summary tab just written for the same settlement. */
export function appendCogsToSummary(workbook: Workbook, summary: SettlementSummary, cogs: SettlementCogs, journals: readonly PlannedJournal[]): void {
  const { decimals } = summary.header;
  const money = (m: number) => amountToNumber(m, decimals);
  const rows: (string | number)[][] = [];
  const line = (...cells: (string | number)[]) => rows.push([...cells, ...new Array<string>(WIDTH).fill('')].slice(0, WIDTH));
  line('');
  if (!cogs.enabled) {
    line('Cost of goods sold is off for this spreadsheet (SettleSheet settings).');
  } else {
    // Months as the lines above name them.
    const month = (key: string) => textCell(summary.parts.length > 1 ? monthWords(key) : 'Whole settlement');
    line('Cost of goods sold', 'SKU', 'Sold', 'Returned', 'Unit cost', 'Cost', 'Net units', 'Costs tab rows');
    for (const part of cogs.plan?.parts ?? []) {
      for (const s of part.skus) {
        line(month(part.key), textCell(s.sku), s.sold, s.returned, s.unitCost === undefined ? '' : money(s.unitCost), s.amount === undefined ? 'no cost yet' : money(s.amount), s.net, textCell(s.costRows.join(', ')));
      }
      line(month(part.key), 'Month total', part.sold, part.returned, '', part.amount === undefined ? '' : money(part.amount), part.sold - part.returned);
    }
    for (const journal of journals) {
      journal.journal.JournalLines.forEach((l, i) => {
        const amount = journal.lines[i]!.amount;
        const tax = l.TaxType.toUpperCase() === 'NONE' ? 'No tax' : l.TaxType;
        line(month(journal.part), textCell(`Journal ${journal.key} dated ${journal.journal.Date}`), textCell(journal.lines[i]!.category), textCell(l.AccountCode), textCell(tax), money(amount), amount > 0 ? 'debit' : 'credit', textCell(journal.journal.Narration));
      });
    }
    const blocked = [...(cogs.request?.blocked ?? [])];
    if (blocked.length > 0) {
      line('No cost of goods sold journal yet (the invoices are not affected):');
      for (const p of blocked) line(textCell(p));
    }
    for (const note of cogs.plan?.notes ?? []) line(textCell(`Note: ${note}`));
  }
  const sheet = workbook.tab('summary');
  const firstRow = sheet.getLastRow() + 1;
  const short = firstRow + rows.length - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  // Bounded calls: a seller with tens of thousands of SKUs still writes at most 100,000 cells a call.
  writeRows(sheet, firstRow, rows);
  for (let at = 0; at < rows.length; at += rowsPerCall(MONEY_COLUMNS.count)) {
    sheet.getRange(firstRow + at, MONEY_COLUMNS.first, Math.min(rowsPerCall(MONEY_COLUMNS.count), rows.length - at), MONEY_COLUMNS.count).setNumberFormat(moneyFormat(decimals));
  }
}

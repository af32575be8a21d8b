/**
 * A person's choice of category for a line type, made in the sidebar: written into the Mapping
 * tab's general row for that line type (the row an import added, or a new one), under the document
 * lock and after reading the tab afresh, so a row someone moved or filled meanwhile is respected:
 * a category someone else already chose is kept and said, never overwritten.
 */
import type { CategoryChoiceRequest, CategoryChoiceResult } from '../../api/types';
import { readAccountsTable } from '../../core/mapping/tables';
import { isInternalCategory } from '../../core/mapping/choices';
import { readRemitter } from '../../core/tax/classify';
import { lineTypeWords } from '../../core/words';
import { textCell } from '../workbook/cells';
import { appendLog } from '../workbook/log';
import { appendUnmapped, noteMappingEdit, readAccountsTab, readMappingTab } from '../workbook/mapping-tabs';
import { Workbook } from '../workbook/workbook';
import { UserFacingError, underDocumentLock } from './envelope';
import { currentUser } from '../identity';

type Triple = Pick<CategoryChoiceRequest, 'transactionType' | 'amountType' | 'amountDescription' | 'remittedBy'>;

/** The 1-based row of the line type's general Mapping row (no marketplace, no dates), and its category; row 0 when there is none. */
function generalRow(table: string[][], triple: Triple): { row: number; category: string; column: number } {
  const [header = [], ...body] = table;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const [t, a, d, m, from, to, category, tax] = ['Transaction type', 'Amount type', 'Amount description', 'Marketplace', 'Effective from', 'Effective to', 'Category', 'Tax remitted by'].map(col);
  if (category === undefined || category < 0) throw new UserFacingError('The Mapping tab has no Category column. Add it back (the header names matter, not their order).');
  const wanted = [triple.transactionType, triple.amountType, triple.amountDescription].map((s) => s.trim().toLowerCase());
  const cell = (r: string[], i: number | undefined) => (i === undefined || i < 0 ? '' : (r[i] ?? '').trim());
  // A tax line's row names who remits its tax (a tab made before that column existed has none).
  const remitter = (r: string[]) => (tax === undefined || tax < 0 ? '' : readRemitter(cell(r, tax)) ?? '');
  const at = body.findIndex(
    (r) =>
      [t, a, d].every((c, i) => cell(r, c).toLowerCase() === wanted[i]) &&
      [m, from, to].every((c) => cell(r, c) === '' || cell(r, c) === '*') &&
      (tax === undefined || tax < 0 || remitter(r) === (triple.remittedBy ?? '')),
  );
  return at < 0 ? { row: 0, category: '', column: category } : { row: at + 2, category: cell(body[at]!, category), column: category };
}

/** Writes the chosen category into the line type's Mapping row (adding the row when there is none). */
export function chooseCategory(request: CategoryChoiceRequest): CategoryChoiceResult {
  const workbook = Workbook.active();
  const name = request.amountDescription || request.amountType || request.transactionType;
  return underDocumentLock('change the Mapping tab', () => {
    const categories = readAccountsTable(readAccountsTab(workbook)).rows.map((r) => r.category);
    const category = categories.find((c) => c.toLowerCase() === request.category.trim().toLowerCase());
    if (!category) throw new UserFacingError(`"${request.category}" is not a category in the Accounts tab any more. Press Refresh and choose again.`);
    if (isInternalCategory(category)) {
      throw new UserFacingError(`${category} is for SettleSheet's own bookkeeping and your accountant's choices: set it in the Mapping tab itself if that is what ${name} is.`);
    }
    let table = readMappingTab(workbook);
    let found = generalRow(table, request);
    if (found.row === 0) {
      appendUnmapped(workbook, table, [{ ...request, remittedBy: request.remittedBy ?? '', marketplaces: [], rows: 0, amount: 0 }], 2, '(chosen in the sidebar)', true);
      table = readMappingTab(workbook);
      found = generalRow(table, request);
    }
    if (found.category !== '') return { row: found.row, category: found.category, written: false };
    workbook.tab('mapping').getRange(found.row, found.column + 1).setValue(textCell(category));
    noteMappingEdit();
    appendLog(workbook, {
      what: 'Choose category',
      settlementId: '',
      result: 'OK',
      details: `${lineTypeWords(request)} now counts as ${category} (Mapping row ${found.row}), in every settlement.`,
    }, currentUser());
    return { row: found.row, category, written: true };
  });
}

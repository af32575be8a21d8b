/**
 * The Mapping and Accounts tabs, read fresh for every preview and post: an edit takes effect at
 * the next preview, with nothing cached behind the accountant's back.
 */
import { MAPPING_COLUMNS, readAccountsTable, readMappingTable, type TableProblem } from '../../core/mapping/tables';
import type { Mapping, MappingRule } from '../../core/mapping/types';
import { formatAmount } from '../../core/money';
import type { UnmappedLine } from '../../core/summary/types';
import { readRemitter, remitterText } from '../../core/tax/classify';
import { tableText, textCell } from './cells';
import type { Workbook } from './workbook';

/** The Mapping tab as text, header first. */
export function readMappingTab(workbook: Workbook): string[][] {
  return tableText(workbook.tab('mapping').getDataRange().getValues(), workbook.timeZone);
}

/** The Accounts tab as text, header first. */
export function readAccountsTab(workbook: Workbook): string[][] {
  return tableText(workbook.tab('accounts').getDataRange().getValues(), workbook.timeZone);
}

/** Both tables read into a mapping, with every row problem. */
export function readMappingTabs(workbook: Workbook): { mapping: Mapping; problems: TableProblem[]; mappingTable: string[][] } {
  const mappingTable = readMappingTab(workbook);
  const rules = readMappingTable(mappingTable);
  const accounts = readAccountsTable(readAccountsTab(workbook));
  return { mapping: { rules: rules.rows, accounts: accounts.rows }, problems: [...rules.problems, ...accounts.problems], mappingTable };
}

/** The rules of a Mapping table already read (problems are reported at preview). */
export function rulesOf(mappingTable: string[][]): MappingRule[] {
  return readMappingTable(mappingTable).rows;
}

const tripleKey = (t: string, a: string, d: string, r: string) => `${t}\t${a}\t${d}\t${r}`.toLowerCase();

/**
 * Appends the unmapped triples the Mapping tab does not list yet, with their row count and
 * amount, so the accountant sees them highlighted and picks a category. Returns how many.
 */
export function appendUnmapped(workbook: Workbook, mappingTable: string[][], unmapped: UnmappedLine[], decimals: number, settlementId: string): number {
  const [header = [], ...body] = mappingTable;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const [t, a, d, tax] = [col('Transaction type'), col('Amount type'), col('Amount description'), col('Tax remitted by')];
  // A tab made before the Tax remitted by column existed lists rows for either kind of tax.
  const roleOf = (r: string[]) => (tax < 0 ? '' : readRemitter(r[tax] ?? '') ?? '');
  const listed = new Set(body.map((r) => tripleKey(r[t] ?? '', r[a] ?? '', r[d] ?? '', roleOf(r))));
  const fresh = unmapped.filter((u) => !listed.has(tripleKey(u.transactionType, u.amountType, u.amountDescription, tax < 0 ? '' : u.remittedBy)));
  if (fresh.length === 0) return 0;
  const sheet = workbook.tab('mapping');
  const firstRow = sheet.getLastRow() + 1;
  const short = firstRow + fresh.length - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  // People may reorder the columns: write each value under its header.
  const width = Math.max(header.length, MAPPING_COLUMNS.length);
  const rows = fresh.map((u) => {
    const row: (string | number)[] = new Array<string | number>(width).fill('');
    const put = (name: string, value: string | number) => {
      const i = col(name);
      if (i >= 0) row[i] = value;
    };
    put('Transaction type', textCell(u.transactionType));
    put('Amount type', textCell(u.amountType));
    put('Amount description', textCell(u.amountDescription));
    put('Tax remitted by', remitterText(u.remittedBy));
    put('Rows seen', u.rows);
    put('Amount seen', textCell(formatAmount(u.amount, decimals)));
    put('Seen in', textCell(`settlement ${settlementId}`));
    return row;
  });
  sheet.getRange(firstRow, 1, rows.length, width).setValues(rows);
  return fresh.length;
}

/**
 * The Mapping and Accounts tables as people edit them: in the workbook's tabs or in a CSV file for
 * the command line. Columns are found by header name, so people may reorder them or add their own.
 */
import { readRemitter, remitterText } from '../tax/classify';
import type { CategoryAccount, Mapping, MappingRule } from './types';

/** The Mapping tab's columns: the rule itself, then what the add-on notes about unmapped lines. */
export const MAPPING_COLUMNS = [
  'Transaction type',
  'Amount type',
  'Amount description',
  'Marketplace',
  // For tax lines: Amazon (it collects and remits that tax) or Seller (it goes on your return).
  'Tax remitted by',
  'Effective from',
  'Effective to',
  'Category',
  'Rows seen',
  'Amount seen',
  'Seen in',
] as const;

/** The Accounts tab's columns: the category's account, then what the add-on checked in Xero. */
export const ACCOUNT_COLUMNS = [
  'Category',
  'Marketplace',
  'Effective from',
  'Effective to',
  'Account code',
  'Tax type',
  'Account name in Xero',
  'Check',
] as const;

/** A row that could not be read, said so that the person can fix that cell. */
export interface TableProblem {
  table: 'Mapping' | 'Accounts';
  /** 1-based row number as the person sees it (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

/** What reading a table gives: the rows that are usable and the problems with the others. */
export interface TableReading<T> {
  rows: T[];
  problems: TableProblem[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the text is a real calendar date written `YYYY-MM-DD`. */
function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
}

/**
 * The code in a cell that may show a code and a name, as the Accounts dropdowns do:
 * `200 — Sales` → `200`.
 */
export function codeFromCell(text: string): string {
  const cut = text.indexOf(' — ');
  return (cut >= 0 ? text.slice(0, cut) : text).trim();
}

/** Writes a code and a name the way the Accounts dropdowns show them. */
export function codeWithName(code: string, name: string): string {
  return name ? `${code} — ${name}` : code;
}

type Cells = readonly string[];

/** Finds the columns of a table by header name (any case); reports the required ones missing. */
function locate(
  table: 'Mapping' | 'Accounts',
  header: Cells,
  required: readonly string[],
): { index: (name: string) => number; problems: TableProblem[] } {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    if (k && !at.has(k)) at.set(k, i);
  });
  const problems: TableProblem[] = required
    .filter((name) => !at.has(name.toLowerCase()))
    .map((name) => ({ table, row: 1, column: name, message: `${table}: the header row has no "${name}" column. Add it back (the header names matter, not their order).` }));
  return { index: (name) => at.get(name.toLowerCase()) ?? -1, problems };
}

/** Reads the period columns of one row, reporting a cell that is not a date. */
function readPeriod(
  table: 'Mapping' | 'Accounts',
  rowNumber: number,
  get: (name: string) => string,
  problems: TableProblem[],
): { effectiveFrom: string; effectiveTo: string } | undefined {
  const period = { effectiveFrom: get('Effective from'), effectiveTo: get('Effective to') };
  let ok = true;
  for (const column of ['Effective from', 'Effective to'] as const) {
    const value = column === 'Effective from' ? period.effectiveFrom : period.effectiveTo;
    if (value !== '' && !isIsoDate(value)) {
      problems.push({ table, row: rowNumber, column, message: `${table} row ${rowNumber}, column ${column}: "${value}" is not a date. Write it as YYYY-MM-DD or leave it blank.` });
      ok = false;
    }
  }
  if (ok && period.effectiveFrom && period.effectiveTo && period.effectiveFrom > period.effectiveTo) {
    problems.push({ table, row: rowNumber, column: 'Effective to', message: `${table} row ${rowNumber}: the period ends (${period.effectiveTo}) before it starts (${period.effectiveFrom}).` });
    ok = false;
  }
  return ok ? period : undefined;
}

function cellReader(cells: Cells, index: (name: string) => number): (name: string) => string {
  return (name) => {
    const i = index(name);
    return i >= 0 ? String(cells[i] ?? '').trim() : '';
  };
}

const isBlank = (cells: Cells) => cells.every((c) => String(c ?? '').trim() === '');

/**
 * Reads the Mapping table (header first). A row whose category is blank is an open question the
 * add-on appended, not a rule; a `*` in a text column means "any", like a blank.
 */
export function readMappingTable(table: readonly Cells[]): TableReading<MappingRule> {
  const [header = [], ...body] = table;
  const { index, problems } = locate('Mapping', header, ['Transaction type', 'Amount type', 'Amount description', 'Category']);
  if (problems.length) return { rows: [], problems };
  const rows: MappingRule[] = [];
  body.forEach((cells, i) => {
    const rowNumber = i + 2;
    if (isBlank(cells)) return;
    const get = cellReader(cells, index);
    const category = get('Category');
    if (category === '') return;
    const period = readPeriod('Mapping', rowNumber, get, problems);
    if (!period) return;
    // A tab made before the column existed has none: its rules match tax lines of either kind.
    const remittedBy = readRemitter(get('Tax remitted by'));
    if (remittedBy === undefined) {
      problems.push({ table: 'Mapping', row: rowNumber, column: 'Tax remitted by', message: `Mapping row ${rowNumber}, column Tax remitted by: "${get('Tax remitted by')}" is neither Amazon nor Seller. Write one of them, or leave it blank for either.` });
      return;
    }
    const any = (s: string) => (s === '*' ? '' : s);
    rows.push({
      transactionType: any(get('Transaction type')),
      amountType: any(get('Amount type')),
      amountDescription: any(get('Amount description')),
      marketplace: any(get('Marketplace')),
      remittedBy,
      ...period,
      category,
      origin: `Mapping row ${rowNumber}`,
    });
  });
  return { rows, problems };
}

/** Reads the Accounts table (header first). A row needs a category, an account code and a tax type. */
export function readAccountsTable(table: readonly Cells[]): TableReading<CategoryAccount> {
  const [header = [], ...body] = table;
  const { index, problems } = locate('Accounts', header, ['Category', 'Account code', 'Tax type']);
  if (problems.length) return { rows: [], problems };
  const rows: CategoryAccount[] = [];
  body.forEach((cells, i) => {
    const rowNumber = i + 2;
    if (isBlank(cells)) return;
    const get = cellReader(cells, index);
    const category = get('Category');
    const accountCode = codeFromCell(get('Account code'));
    const taxType = codeFromCell(get('Tax type'));
    for (const [column, value] of [['Category', category], ['Account code', accountCode], ['Tax type', taxType]] as const) {
      if (value === '') {
        problems.push({ table: 'Accounts', row: rowNumber, column, message: `Accounts row ${rowNumber}: the ${column.toLowerCase()} is blank. Fill it in or delete the row.` });
        return;
      }
    }
    const period = readPeriod('Accounts', rowNumber, get, problems);
    if (!period) return;
    const marketplace = get('Marketplace');
    rows.push({ category, marketplace: marketplace === '*' ? '' : marketplace, ...period, accountCode, taxType, origin: `Accounts row ${rowNumber}` });
  });
  return { rows, problems };
}

/** The Mapping table's rows for a mapping's rules (header first), as the tab and CSV hold them. */
export function mappingTableRows(rules: readonly MappingRule[]): string[][] {
  return [
    [...MAPPING_COLUMNS],
    ...rules.map((r) => [r.transactionType, r.amountType, r.amountDescription, r.marketplace, remitterText(r.remittedBy), r.effectiveFrom, r.effectiveTo, r.category, '', '', '']),
  ];
}

/** The Accounts table's rows for a mapping's category accounts (header first). */
export function accountsTableRows(accounts: readonly CategoryAccount[]): string[][] {
  return [
    [...ACCOUNT_COLUMNS],
    ...accounts.map((a) => [a.category, a.marketplace, a.effectiveFrom, a.effectiveTo, a.accountCode, a.taxType, '', '']),
  ];
}

/** Reads both tables into one Mapping, with every problem found in either. */
export function readMapping(
  mappingTable: readonly Cells[],
  accountsTable: readonly Cells[],
): { mapping: Mapping; problems: TableProblem[] } {
  const rules = readMappingTable(mappingTable);
  const accounts = readAccountsTable(accountsTable);
  return { mapping: { rules: rules.rows, accounts: accounts.rows }, problems: [...rules.problems, ...accounts.problems] };
}

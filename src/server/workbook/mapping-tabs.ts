/**
 * The Mapping and Accounts tabs, read fresh for every preview and post: an edit takes effect at
 * the next preview, with nothing cached behind the accountant's back.
 */
import { MAPPING_COLUMNS, readAccountsTable, readMappingTable, type TableProblem } from '../../core/mapping/tables';
import type { Mapping, MappingRule } from '../../core/mapping/types';
import { formatAmount } from '../../core/money';
import { count } from '../../core/words';
import type { UnmappedLine } from '../../core/summary/types';
import { readRemitter, remitterText } from '../../core/tax/classify';
import { readRows } from './blocks';
import { tableText, textCell } from './cells';
import type { Workbook } from './workbook';

// Counts SettleSheet's own writes to the Mapping tab (document properties): an import that read the
// tab when it began reads it again before adding rows only if SettleSheet wrote there since.
const MAPPING_EDITS = 'settlesheet.mappingEdits';

/** How many times SettleSheet has written to the Mapping tab. */
export function mappingEdits(): number {
  return Number(PropertiesService.getDocumentProperties().getProperty(MAPPING_EDITS) ?? 0);
}

/** Notes one more write to the Mapping tab (call it under the document lock, as every write is). */
export function noteMappingEdit(): void {
  PropertiesService.getDocumentProperties().setProperty(MAPPING_EDITS, String(mappingEdits() + 1));
}

/** The Mapping tab as text, header first. */
export function readMappingTab(workbook: Workbook): string[][] {
  return tableOf(workbook, workbook.tab('mapping'));
}

/** The Accounts tab as text, header first. */
export function readAccountsTab(workbook: Workbook): string[][] {
  return tableOf(workbook, workbook.tab('accounts'));
}

/** A tab's used rows and columns as text, read in calls of at most 100,000 cells (blocks.ts). */
function tableOf(workbook: Workbook, sheet: GoogleAppsScript.Spreadsheet.Sheet): string[][] {
  return tableText(readRows(sheet, 1, sheet.getLastRow(), sheet.getLastColumn()), workbook.timeZone);
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

const tripleKey = (t: string, a: string, d: string, r: string) => `${t}\t${a}\t${d === '*' ? '' : d}\t${r}`.toLowerCase();

/** The most line types one import or preview lists in Mapping with a row each (the most money first). */
export const MAPPING_ROWS_PER_CALL = 100;
/** Beyond them, the most rows grouping the rest: one per transaction type × amount type, any description. */
export const MAPPING_GROUPS_PER_CALL = 20;

/** What appending to Mapping did. */
export interface MappingAppend {
  /** Rows added, one per line type. */
  added: number;
  /** Rows added for groups of line types (any description), and how many line types they hold. */
  groupRows: number;
  grouped: number;
  /** Line types not listed at all this time (a later preview lists more). */
  notListed: number;
}

/** What an append did, in words for the Log and the sidebar ('' when nothing was left out). */
export function appendWords(result: MappingAppend): string {
  const parts: string[] = [];
  if (result.added) parts.push(`${count(result.added, 'row')} added to Mapping`);
  if (result.groupRows) parts.push(`${count(result.grouped, 'more line type')} grouped in ${count(result.groupRows, 'row')} by transaction and amount type`);
  if (result.notListed) parts.push(`${count(result.notListed, 'more line type')} not listed yet: map these first, and the next preview lists more`);
  return parts.join('; ');
}

/**
 * Appends the unmapped triples the Mapping tab does not list yet, with their row count and amount,
 * so the accountant sees them highlighted and picks a category. A file can carry thousands of new
 * line types (a hostile one, 10,000): one call lists at most MAPPING_ROWS_PER_CALL of them (the
 * most money first), then groups the rest by transaction and amount type in at most
 * MAPPING_GROUPS_PER_CALL rows whose description is `*` (a category there maps the whole group),
 * and counts what is left. A line type a grouped row covers counts as listed, unless `own` asks for
 * rows of their own (a person choosing the category of one line type).
 */
export function appendUnmapped(workbook: Workbook, mappingTable: string[][], unmapped: UnmappedLine[], decimals: number, settlementId: string, own = false): MappingAppend {
  const [header = [], ...body] = mappingTable;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const [t, a, d, tax] = [col('Transaction type'), col('Amount type'), col('Amount description'), col('Tax remitted by')];
  // A tab made before the Tax remitted by column existed lists rows for either kind of tax.
  const roleOf = (r: string[]) => (tax < 0 ? '' : readRemitter(r[tax] ?? '') ?? '');
  const listed = new Set(body.map((r) => tripleKey(r[t] ?? '', r[a] ?? '', r[d] ?? '', roleOf(r))));
  const role = (u: UnmappedLine) => (tax < 0 ? '' : u.remittedBy);
  const fresh = unmapped
    .filter((u) => !listed.has(tripleKey(u.transactionType, u.amountType, u.amountDescription, role(u))) && (own || !listed.has(tripleKey(u.transactionType, u.amountType, '', role(u)))))
    .sort((x, y) => Math.abs(y.amount) - Math.abs(x.amount) || y.rows - x.rows);
  const result: MappingAppend = { added: 0, groupRows: 0, grouped: 0, notListed: 0 };
  if (fresh.length === 0) return result;
  const single = fresh.slice(0, MAPPING_ROWS_PER_CALL);
  const groups = new Map<string, UnmappedLine[]>();
  for (const u of fresh.slice(MAPPING_ROWS_PER_CALL)) {
    const key = tripleKey(u.transactionType, u.amountType, '', role(u));
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  const grouped = [...groups.values()].slice(0, MAPPING_GROUPS_PER_CALL);
  result.added = single.length;
  result.groupRows = grouped.length;
  result.grouped = grouped.reduce((n, g) => n + g.length, 0);
  result.notListed = fresh.length - single.length - result.grouped;

  // People may reorder the columns: write each value under its header.
  const width = Math.max(header.length, MAPPING_COLUMNS.length);
  const rowOf = (u: Pick<UnmappedLine, 'transactionType' | 'amountType' | 'amountDescription' | 'remittedBy' | 'rows' | 'amount'>, seenIn: string) => {
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
    put('Seen in', textCell(seenIn));
    return row;
  };
  const rows = [
    ...single.map((u) => rowOf(u, `settlement ${settlementId}`)),
    ...grouped.map((g) => {
      const [first] = g as [UnmappedLine];
      const examples = g.slice(0, 2).map((u) => `"${u.amountDescription}"`).join(', ');
      const total = g.reduce((sum, u) => ({ rows: sum.rows + u.rows, amount: sum.amount + u.amount }), { rows: 0, amount: 0 });
      return rowOf({ ...first, amountDescription: '*', ...total }, `settlement ${settlementId}: ${count(g.length, 'line type')}, e.g. ${examples}`);
    }),
  ];
  const sheet = workbook.tab('mapping');
  const firstRow = sheet.getLastRow() + 1;
  const short = firstRow + rows.length - 1 - sheet.getMaxRows();
  if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
  sheet.getRange(firstRow, 1, rows.length, width).setValues(rows);
  noteMappingEdit();
  return result;
}

/**
 * Reads `--mapping` files: CSV holding the Mapping table, the Accounts table, or both one after
 * the other with a blank line between. Each table is recognised by its header, so a file exported
 * from either tab works as it is. A table given replaces the shipped default; one not given keeps it.
 */
import { readFileSync } from 'node:fs';
import { defaultRules, readAccountsTable, readMappingTable, type CategoryAccount, type Mapping, type TableProblem } from '../core/mapping';
import { parseCsv } from './csv';

/** Splits CSV rows into tables at blank rows. */
function tablesOf(rows: string[][]): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] = [];
  for (const row of rows) {
    const blank = row.every((c) => c.trim() === '');
    if (blank) {
      if (current.length) tables.push(current);
      current = [];
    } else {
      current.push(row);
    }
  }
  if (current.length) tables.push(current);
  return tables;
}

const hasColumn = (header: string[], name: string) => header.some((h) => h.trim().toLowerCase() === name.toLowerCase());

/** The mapping from the given files over the shipped rules and a template's accounts, or the problems that stop it. */
export function loadMapping(files: string[], accounts: CategoryAccount[]): { mapping: Mapping; problems: string[] } {
  const mapping: Mapping = { rules: defaultRules(), accounts };
  const problems: string[] = [];
  const describe = (file: string) => (p: TableProblem) => `${file}: ${p.message}`;
  for (const file of files) {
    const tables = tablesOf(parseCsv(readFileSync(file, 'utf8')));
    if (tables.length === 0) problems.push(`${file}: the file is empty. Start from \`npm run --silent cli -- defaults\`.`);
    for (const table of tables) {
      const header = table[0]!;
      if (hasColumn(header, 'Transaction type')) {
        const read = readMappingTable(table);
        mapping.rules = read.rows.map((r) => ({ ...r, origin: `${file} ${r.origin}` }));
        problems.push(...read.problems.map(describe(file)));
      } else if (hasColumn(header, 'Account code')) {
        const read = readAccountsTable(table);
        mapping.accounts = read.rows.map((a) => ({ ...a, origin: `${file} ${a.origin}` }));
        problems.push(...read.problems.map(describe(file)));
      } else {
        problems.push(`${file}: a table starting "${header.join(',')}" is neither the Mapping table (needs a "Transaction type" column) nor the Accounts table (needs an "Account code" column).`);
      }
    }
  }
  return { mapping, problems };
}

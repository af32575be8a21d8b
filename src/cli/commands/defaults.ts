/**
 * `defaults`: prints the shipped Mapping and Accounts tables as one CSV (a blank line between),
 * a starting point for `summarize --mapping`.
 */
import { accountsTableRows, defaultMapping, mappingTableRows } from '../../core/mapping';
import { formatCsv } from '../csv';
import type { CommandIo } from '../io';

/** Prints the default mapping as CSV. */
export function defaults(_args: string[], io: CommandIo): number {
  const mapping = defaultMapping();
  const narrow = (rows: string[][], width: number) => rows.map((r) => r.slice(0, width));
  io.out(formatCsv(narrow(mappingTableRows(mapping.rules), 7)) + '\n' + formatCsv(narrow(accountsTableRows(mapping.accounts), 6)));
  return 0;
}

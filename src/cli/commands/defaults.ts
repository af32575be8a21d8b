/**
 * `defaults [--template NAME]`: prints the shipped Mapping and Accounts tables as one CSV (a blank
 * line between), a starting point for `summarize --mapping`; the Accounts rows are the named
 * regional template's (the US one by default).
 */
import { ACCOUNT_COLUMNS, accountsTableRows, defaultRules, MAPPING_COLUMNS, mappingTableRows, templateAccounts } from '../../core/mapping';
import { formatCsv } from '../csv';
import { CliError, type CommandIo } from '../io';
import { namedTemplate } from '../template-choice';

/** Prints the default mapping as CSV. */
export function defaults(args: string[], io: CommandIo): number {
  let template = 'us';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--template' && args[i + 1] !== undefined) template = namedTemplate(args[++i]!).id;
    else throw new CliError(`Unknown option ${args[i]}. Usage: defaults [--template NAME]`);
  }
  const narrow = (rows: string[][], width: number) => rows.map((r) => r.slice(0, width));
  // The columns people edit: up to Category and Tax type (the rest are notes the add-on writes).
  const mappingWidth = MAPPING_COLUMNS.indexOf('Category') + 1;
  const accountsWidth = ACCOUNT_COLUMNS.indexOf('Tax type') + 1;
  io.out(formatCsv(narrow(mappingTableRows(defaultRules()), mappingWidth)) + '\n' + formatCsv(narrow(accountsTableRows(templateAccounts(template)), accountsWidth)));
  return 0;
}

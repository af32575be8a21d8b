/**
 * `templates [NAME]`: lists the regional templates, or prints one's notes (how that region's tax
 * is treated, with sources) and its Accounts rows as CSV.
 */
import { ACCOUNT_COLUMNS, accountsTableRows } from '../../core/mapping/tables';
import { TEMPLATES, templateAccounts } from '../../core/mapping/templates';
import { TEMPLATE_NOTES } from '../../core/mapping/templates/notes';
import { formatCsv } from '../csv';
import { CliError, type CommandIo } from '../io';
import { namedTemplate } from '../template-choice';

/** Prints the list, or one template. */
export function templates(args: string[], io: CommandIo): number {
  if (args.length > 1) throw new CliError('Name one template at most: `templates` or `templates uk-vat`.');
  const [name] = args;
  if (name === undefined) {
    const width = Math.max(...TEMPLATES.map((t) => t.id.length));
    for (const t of TEMPLATES) {
      const markets = t.marketplaces.length ? ` (default for ${t.marketplaces.join(', ')})` : '';
      io.out(`${t.id.padEnd(width)}  ${t.name}${markets}\n`);
    }
    io.out('\n`templates NAME` shows how a template treats tax and its Accounts rows; `summarize FILE --template NAME` uses it.\n');
    return 0;
  }
  const template = namedTemplate(name);
  io.out(`${template.name} (${template.id}, Xero ${template.edition} edition tax types)\n\n`);
  for (const note of TEMPLATE_NOTES[template.id] ?? []) io.out(`- ${note}\n`);
  const width = ACCOUNT_COLUMNS.indexOf('Tax type') + 1;
  io.out('\n' + formatCsv(accountsTableRows(templateAccounts(template.id)).map((r) => r.slice(0, width))));
  return 0;
}

/**
 * Which regional template a command uses: the one named with `--template`, or the one the
 * settlement's main marketplace suggests.
 */
import { findTemplate, TEMPLATES, templateForMarketplaces, type RegionalTemplate } from '../core/mapping/templates';
import { CliError } from './io';

/** The template named on the command line; a clear error listing the names when there is none. */
export function namedTemplate(name: string): RegionalTemplate {
  const template = findTemplate(name);
  if (!template) throw new CliError(`There is no template "${name}". Templates: ${TEMPLATES.map((t) => t.id).join(', ')} (\`npm run --silent cli -- templates\` describes them).`);
  return template;
}

/** The template to use: the named one, else the main marketplace's (or the currency's). */
export function chosenTemplate(name: string | undefined, marketplaces: readonly string[], currency: string): RegionalTemplate {
  return name === undefined ? templateForMarketplaces(marketplaces, currency) : namedTemplate(name);
}

/**
 * The categories a seller may give an Amazon line type from the sidebar. Internal ones are left
 * out: the carried-forward account belongs to the month split, and tax and loan lines need an
 * accountant's answer (who remits the tax, what the loan is). They stay in the Accounts tab, and in
 * the Mapping tab's own dropdown, for the accountant.
 */
import { builtInCategory, CARRIED_FORWARD } from './categories';

/** True for the carried-forward account, tax clearing and loans: not for a seller to pick. */
export function isInternalCategory(category: string): boolean {
  const info = builtInCategory(category);
  if (!info) return false;
  return info.name === CARRIED_FORWARD || info.group === 'tax' || info.name === 'Loans';
}

/** The categories to offer for an unmapped line type: the Accounts tab's, once each, internal ones left out. */
export function choosableCategories(accountCategories: readonly string[]): string[] {
  const seen = new Set<string>();
  const choices: string[] = [];
  for (const raw of accountCategories) {
    const category = raw.trim();
    const key = category.toLowerCase();
    if (category === '' || seen.has(key) || isInternalCategory(category)) continue;
    seen.add(key);
    choices.push(category);
  }
  return choices;
}

/**
 * What the Log tab says about an import, in the seller's words: how many lines from which file,
 * whether they add up to Amazon's total, and which kinds of line wait for a category (named by
 * their description, as the sidebar names them), so the Log can be read without the sidebar.
 */
import { formatAmount, type Minor } from '../core/money';
import type { UnmappedLine } from '../core/summary/types';
import { count, differenceWords, lineTypeWords, moneyText } from '../core/words';

/** Line types named one by one; the rest are counted. */
const NAMED = 5;

/** The Details cell of an import's Log line. */
export function importLogDetails(facts: {
  lines: number;
  source: string;
  replacing: boolean;
  currency: string;
  decimals: number;
  total: Minor;
  /** The lines' sum less the total. */
  difference: Minor;
  unmapped: readonly UnmappedLine[];
  /** Rows this import added to the Mapping tab. */
  added: number;
}): string {
  const { currency, decimals } = facts;
  const said = [`${count(facts.lines, 'line')} from ${facts.source}${facts.replacing ? ', replacing the file imported before' : ''}.`];
  said.push(
    facts.difference === 0
      ? `They add up to Amazon's total of ${moneyText(formatAmount(facts.total, decimals), currency)}, to the cent.`
      : `Not balanced: ${differenceWords(formatAmount(facts.difference, decimals), currency)}.`,
  );
  const n = facts.unmapped.length;
  if (n > 0) {
    const names = facts.unmapped.slice(0, NAMED).map((u) => lineTypeWords(u)).join('; ');
    const more = n > NAMED ? `; and ${n - NAMED} more` : '';
    const rows = facts.added > 0 ? ` ${n === 1 && facts.added === 1 ? 'Its row was' : `${count(facts.added, 'row')} were`} added to the Mapping tab, highlighted.` : '';
    said.push(`${n === 1 ? '1 kind of line has' : `${n} kinds of line have`} no category yet: ${names}${more}.${rows}`);
  }
  return said.join(' ');
}

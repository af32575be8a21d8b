/**
 * The words a Category cell shows for a mapping answer (Transactions, the aggregates tab): the
 * category, `Mapping conflict`, or `Not mapped`; a tax line split between Amazon and the seller
 * shows both of its categories.
 */
import { type CategoryAnswer, type Matcher } from '../core/mapping/match';
import type { LineKey } from '../core/mapping/types';
import type { TaxRemitter } from '../core/tax/classify';

/** The category label a Transactions row shows for a mapping answer. */
export function categoryLabel(answer: CategoryAnswer): string {
  return answer.kind === 'mapped' ? answer.category : answer.kind === 'conflict' ? 'Mapping conflict' : 'Not mapped';
}

/**
 * The Category cell of one Transactions line: its category, or both categories of a tax line
 * split between Amazon and the seller (`taxRole` as the browser classified it).
 */
export function lineCategoryLabel(matcher: Matcher, key: LineKey, taxRole: string): string {
  const roles: TaxRemitter[] = taxRole === 'amazon+seller' ? ['amazon', 'seller'] : [taxRole === 'amazon' || taxRole === 'seller' ? taxRole : ''];
  return [...new Set(roles.map((remittedBy) => categoryLabel(matcher.categoryFor({ ...key, remittedBy }))))].join(' + ');
}

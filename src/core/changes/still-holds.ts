/**
 * Whether what a settlement's documents said when posted still holds under the Mapping, Accounts
 * and Costs tables as they are now, worked out from the posted lines alone (posted-lines.ts): each
 * Amazon line type behind a posted line is mapped again, on the first and last day of its part,
 * and its amount regrouped by the account and tax type it would post to now. A settlement whose
 * documents would differ is named at the moment someone edits a tab (server/edit-warning.ts),
 * without reading its Amazon lines. The sidebar's preview remains the exact answer (it reads the
 * settlement's aggregate); this one misses only a mapping period that starts and ends inside one
 * month, which neither end of the month sees.
 */
import type { CostBook } from '../cogs/costs';
import { createMatcher, type Matcher } from '../mapping/match';
import type { Mapping } from '../mapping/types';
import { addMinor, type Minor } from '../money';
import type { PostedDocumentLines, PostedJournalsLines, PostedLines } from './posted-lines';

/** The categories whose lines would now post differently; empty when the documents still hold. */
export function changedCategories(lines: PostedLines, mapping: Mapping): string[] {
  const matcher = createMatcher(mapping);
  const changed = new Set<string>();
  for (const document of lines.documents) {
    for (const category of changedInDocument(lines, document, matcher)) changed.add(category);
  }
  return [...changed];
}

/** The categories of a document whose lines differ now, or none. */
function changedInDocument(lines: PostedLines, document: PostedDocumentLines, matcher: Matcher): string[] {
  const before = new Map<string, Minor>();
  const now = new Map<string, Minor>();
  const add = (map: Map<string, Minor>, account: string, taxType: string, amount: Minor) => {
    const key = `${account.trim().toLowerCase()}\t${taxType.trim().toUpperCase()}`;
    map.set(key, addMinor(map.get(key) ?? 0, amount));
  };
  const touched = new Set<string>();
  for (const line of document.lines) {
    add(before, line.account, line.taxType, line.amount);
    if (!line.sources) {
      // A month carry: the carried-forward category, on the document's date.
      const account = accountOn(matcher, line.category, '', [document.date]);
      if (!account) touched.add(line.category);
      else {
        if (account.key !== placeKey(line.account, line.taxType)) touched.add(line.category);
        add(now, account.accountCode, account.taxType, line.amount);
      }
      continue;
    }
    for (const [index, amount] of line.sources) {
      const type = lines.types[index];
      if (!type) continue;
      const [transactionType, amountType, amountDescription, marketplace, remittedBy] = type;
      const days = [document.from, document.to];
      const categories = days.map((postedDate) => {
        const answer = matcher.categoryFor({ transactionType, amountType, amountDescription, marketplace, remittedBy, postedDate });
        return answer.kind === 'mapped' ? answer.category : undefined;
      });
      const category = categories[0];
      // Unmapped, in conflict, or a category that changes inside the month: the documents change.
      if (category === undefined || categories.some((c) => c?.toLowerCase() !== category.toLowerCase())) {
        touched.add(line.category);
        continue;
      }
      const account = accountOn(matcher, category, marketplace, days);
      if (!account) {
        touched.add(line.category);
        continue;
      }
      if (category.toLowerCase() !== line.category.toLowerCase()) {
        touched.add(line.category);
        touched.add(category);
      } else if (account.key !== placeKey(line.account, line.taxType)) {
        touched.add(line.category);
      }
      add(now, account.accountCode, account.taxType, amount);
    }
  }
  const differ = [...new Set([...before.keys(), ...now.keys()])].some((key) => (before.get(key) ?? 0) !== (now.get(key) ?? 0));
  // Sources moved between categories of one account and tax type leave the document as it was.
  return differ ? [...touched] : [];
}

const placeKey = (account: string, taxType: string) => `${account.trim().toLowerCase()}\t${taxType.trim().toUpperCase()}`;

/** The one account a category posts to on every given day, or undefined (missing, in conflict, or changing). */
function accountOn(matcher: Matcher, category: string, marketplace: string, days: readonly string[]): { accountCode: string; taxType: string; key: string } | undefined {
  let found: { accountCode: string; taxType: string; key: string } | undefined;
  for (const day of days) {
    const answer = matcher.accountFor(category, marketplace, day);
    if (answer.kind !== 'found') return undefined;
    const key = placeKey(answer.account.accountCode, answer.account.taxType);
    if (found && found.key !== key) return undefined;
    found = { ...answer.account, key };
  }
  return found;
}

/**
 * The SKUs (and journal categories) whose cost of goods sold journal would now differ: a unit cost
 * that is different on the first or last day of the part, or a journal line's account or tax type.
 * A SKU whose cost is now missing is left out: its journal is then blocked, not changed.
 */
export function changedJournalItems(journals: PostedJournalsLines, costs: CostBook, mapping: Mapping, marketplace: string): string[] {
  const matcher = createMatcher(mapping);
  const changed = new Set<string>();
  for (const journal of journals.journals) {
    for (const [sku, , unitCost] of journal.skus) {
      for (const day of [journal.from, journal.to]) {
        const cost = costs.costOf(sku, day);
        // Several costs in one part (null) cannot be told apart here: the preview says.
        if (cost && unitCost !== null && cost.currency === journals.currency && cost.unitCost !== unitCost) changed.add(sku);
      }
    }
    for (const line of journal.lines) {
      const account = accountOn(matcher, line.category, marketplace, [journal.date]);
      if (account && account.key !== placeKey(line.account, line.taxType)) changed.add(line.category);
    }
  }
  return [...changed];
}

/**
 * Answers the two mapping questions: which category a line belongs to, and which account and tax
 * type a category posts to on a date. The most specific matching row wins; equally specific rows
 * that disagree are a conflict for a person to settle, never a silent pick.
 */
import { remitterText } from '../tax/classify';
import type { CategoryAccount, LineKey, Mapping, MappingConflict, MappingRule, ResolvedAccount } from './types';

/** The category a line belongs to, or why there is none. */
export type CategoryAnswer =
  | { kind: 'mapped'; category: string; rule: MappingRule }
  | { kind: 'unmapped' }
  | { kind: 'conflict'; conflict: MappingConflict };

/** The account a category posts to, or why there is none. */
export type AccountAnswer =
  | { kind: 'found'; account: ResolvedAccount; row: CategoryAccount }
  | { kind: 'missing' }
  | { kind: 'conflict'; conflict: MappingConflict };

/** Answers mapping questions against one Mapping; build it once per preview. */
export interface Matcher {
  categoryFor(key: LineKey): CategoryAnswer;
  accountFor(category: string, marketplace: string, date: string): AccountAnswer;
}

interface Prepared<T> {
  row: T;
  fields: string[];
  from: string;
  to: string;
  specificity: number;
}

const lower = (s: string) => s.trim().toLowerCase();

function inPeriod(date: string, from: string, to: string): boolean {
  return (from === '' || from <= date) && (to === '' || date <= to);
}

function fieldsMatch(wanted: string[], have: string[]): boolean {
  for (let i = 0; i < wanted.length; i++) {
    const w = wanted[i]!;
    if (w !== '' && w !== have[i]) return false;
  }
  return true;
}

/** The rows with the highest specificity among those that match. */
function bestMatches<T>(rows: Prepared<T>[], have: string[], date: string): Prepared<T>[] {
  let best: Prepared<T>[] = [];
  for (const p of rows) {
    if (!fieldsMatch(p.fields, have) || !inPeriod(date, p.from, p.to)) continue;
    if (best.length === 0 || p.specificity > best[0]!.specificity) best = [p];
    else if (p.specificity === best[0]!.specificity) best.push(p);
  }
  return best;
}

/** Distinct answers among tied rows, keeping the first spelling of each. */
function distinctAnswers<T extends { origin: string }>(
  rows: Prepared<T>[],
  answer: (row: T) => string,
): { origin: string; answer: string }[] {
  const seen = new Map<string, { origin: string; answer: string }>();
  for (const p of rows) {
    const a = answer(p.row);
    const k = lower(a);
    if (!seen.has(k)) seen.set(k, { origin: p.row.origin, answer: a });
  }
  return [...seen.values()];
}

function describeKey(key: LineKey): string {
  const where = key.marketplace ? ` on ${key.marketplace}` : '';
  const tax = key.remittedBy ? ` (tax remitted by ${remitterText(key.remittedBy)})` : '';
  return `${key.transactionType} / ${key.amountType} / ${key.amountDescription}${tax}${where}, ${key.postedDate}`;
}

/** Prepares a mapping for repeated questions (text lower-cased once, specificity computed once). */
export function createMatcher(mapping: Mapping): Matcher {
  // Lexicographic specificity: triple fields named first, then who remits the tax, then
  // marketplace, then a period.
  const rules: Prepared<MappingRule>[] = mapping.rules.map((r) => {
    const fields = [lower(r.transactionType), lower(r.amountType), lower(r.amountDescription), lower(r.marketplace), r.remittedBy ?? ''];
    const named = fields.slice(0, 3).filter((f) => f !== '').length;
    const hasPeriod = r.effectiveFrom !== '' || r.effectiveTo !== '';
    const specificity = named * 8 + (fields[4] ? 4 : 0) + (fields[3] ? 2 : 0) + (hasPeriod ? 1 : 0);
    return { row: r, fields, from: r.effectiveFrom, to: r.effectiveTo, specificity };
  });
  const accounts: Prepared<CategoryAccount>[] = mapping.accounts.map((a) => {
    const fields = [lower(a.category), lower(a.marketplace)];
    const hasPeriod = a.effectiveFrom !== '' || a.effectiveTo !== '';
    return { row: a, fields, from: a.effectiveFrom, to: a.effectiveTo, specificity: (fields[1] ? 2 : 0) + (hasPeriod ? 1 : 0) };
  });

  return {
    categoryFor(key) {
      const have = [lower(key.transactionType), lower(key.amountType), lower(key.amountDescription), lower(key.marketplace), key.remittedBy ?? ''];
      const best = bestMatches(rules, have, key.postedDate);
      if (best.length === 0) return { kind: 'unmapped' };
      const answers = distinctAnswers(best, (r) => r.category.trim());
      if (answers.length > 1) {
        return { kind: 'conflict', conflict: { table: 'Mapping', subject: describeKey(key), candidates: answers } };
      }
      return { kind: 'mapped', category: answers[0]!.answer, rule: best[0]!.row };
    },

    accountFor(category, marketplace, date) {
      // A category row must name its category: a blank category is not a wildcard here.
      const named = accounts.filter((p) => p.fields[0] !== '');
      const best = bestMatches(named, [lower(category), lower(marketplace)], date);
      if (best.length === 0) return { kind: 'missing' };
      const answers = distinctAnswers(best, (a) => `${a.accountCode.trim()} / ${a.taxType.trim()}`);
      if (answers.length > 1) {
        const where = marketplace ? ` on ${marketplace}` : '';
        return { kind: 'conflict', conflict: { table: 'Accounts', subject: `${category}${where}, ${date}`, candidates: answers } };
      }
      const row = best[0]!.row;
      return { kind: 'found', account: { accountCode: row.accountCode.trim(), taxType: row.taxType.trim() }, row };
    },
  };
}

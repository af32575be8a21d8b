/**
 * The lines of a part: mapped entries grouped per account and tax type, each remembering which
 * Amazon lines made it, and how much of it is tax the settlement states for the seller.
 */
import { addMinor } from '../money';
import { CATEGORIES } from '../mapping/categories';
import { trackingKey, type LineTracking } from '../tracking/tracking';
import type { AggregateEntry } from './aggregate';
import type { LineSource, SummaryLine } from './types';

/** An aggregate entry with its category, account, tracking and document decided. */
export interface MappedEntry {
  entry: AggregateEntry;
  category: string;
  accountCode: string;
  taxType: string;
  /** Its Xero tracking options (empty: untracked). */
  tracking: LineTracking[];
  /** The marketplace whose document carries it, when documents are split by marketplace (else ''). */
  documentMarketplace: string;
}

// Lines are shown in the order of the built-in categories (sales first, carries last); a user's
// own categories come after them, by name.
const CATEGORY_RANK = new Map(CATEGORIES.map((c, i) => [c.name.toLowerCase(), i]));

function rankOf(category: string): number {
  return CATEGORY_RANK.get(category.toLowerCase()) ?? CATEGORIES.length;
}

/** Orders category names as the reconciliation does, then by name. */
export function byRankThenName(a: string, b: string): number {
  return rankOf(a) - rankOf(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * One line per account, tax type, tracking and document marketplace, remembering every triple and
 * marketplace in it.
 */
export function linesOf(members: MappedEntry[]): SummaryLine[] {
  const lines = new Map<string, SummaryLine>();
  const sources = new Map<string, LineSource>();
  for (const m of members) {
    const lineKey = `${m.accountCode}\t${m.taxType}\t${trackingKey(m.tracking)}\t${m.documentMarketplace}`;
    let line = lines.get(lineKey);
    if (!line) {
      line = {
        kind: 'mapped', categories: [], accountCode: m.accountCode, taxType: m.taxType, amount: 0, statedTax: 0, rows: 0, sources: [],
        tracking: m.tracking, documentMarketplace: m.documentMarketplace,
      };
      lines.set(lineKey, line);
    }
    line.amount = addMinor(line.amount, m.entry.amount);
    if (m.entry.remittedBy === 'seller') line.statedTax = addMinor(line.statedTax, m.entry.amount);
    line.rows += m.entry.rows;
    if (!line.categories.includes(m.category)) line.categories.push(m.category);
    const { transactionType, amountType, amountDescription, marketplace, remittedBy } = m.entry;
    const sourceKey = [lineKey, transactionType, amountType, amountDescription, marketplace, remittedBy].join('\t');
    let source = sources.get(sourceKey);
    if (!source) {
      source = { transactionType, amountType, amountDescription, marketplace, remittedBy, category: m.category, rows: 0, amount: 0 };
      sources.set(sourceKey, source);
      line.sources.push(source);
    }
    source.rows += m.entry.rows;
    source.amount = addMinor(source.amount, m.entry.amount);
  }
  const result = [...lines.values()];
  for (const line of result) {
    line.categories.sort(byRankThenName);
    line.sources.sort((a, b) => byRankThenName(a.category, b.category) || compareSource(a, b));
  }
  return result.sort((a, b) => byRankThenName(a.categories[0]!, b.categories[0]!) || compareCodes(a, b));
}

/** Orders sources by their triple, marketplace and who remits their tax. */
export function compareSource(a: LineSource, b: LineSource): number {
  const ka = [a.transactionType, a.amountType, a.amountDescription, a.marketplace, a.remittedBy].join('\t');
  const kb = [b.transactionType, b.amountType, b.amountDescription, b.marketplace, b.remittedBy].join('\t');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function compareCodes(a: SummaryLine, b: SummaryLine): number {
  const ka = `${a.accountCode}\t${a.taxType}\t${a.documentMarketplace}\t${trackingKey(a.tracking)}`;
  const kb = `${b.accountCode}\t${b.taxType}\t${b.documentMarketplace}\t${trackingKey(b.tracking)}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The lines as they would be without tracking: lines that differ only in their tracking become
 * one, in the order linesOf gives untracked lines (carries stay last, as they were).
 */
export function mergeTracking(lines: readonly SummaryLine[]): SummaryLine[] {
  const merged = new Map<string, SummaryLine>();
  for (const line of lines) {
    const key = `${line.kind}\t${line.accountCode}\t${line.taxType}\t${line.documentMarketplace}\t${line.carryPart ?? ''}`;
    const found = merged.get(key);
    if (!found) {
      merged.set(key, { ...line, categories: [...line.categories], sources: [...line.sources], tracking: [] });
      continue;
    }
    found.amount = addMinor(found.amount, line.amount);
    found.statedTax = addMinor(found.statedTax, line.statedTax);
    found.rows += line.rows;
    for (const c of line.categories) if (!found.categories.includes(c)) found.categories.push(c);
    found.sources.push(...line.sources);
  }
  const all = [...merged.values()];
  for (const line of all) line.categories.sort(byRankThenName);
  const mapped = all.filter((l) => l.kind === 'mapped').sort((a, b) => byRankThenName(a.categories[0]!, b.categories[0]!) || compareCodes(a, b));
  return [...mapped, ...all.filter((l) => l.kind !== 'mapped')];
}

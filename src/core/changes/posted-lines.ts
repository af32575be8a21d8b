/**
 * What a settlement's documents said, line by line, kept in its posted record when they are
 * posted: per document, each category's account, tax type and amount (and tracking, when a line
 * carries any), with the Amazon line types behind it; per cost of goods sold journal, its lines and
 * the SKUs costed. The record otherwise keeps only a fingerprint and each document's number and
 * total, which can say THAT a settlement changed but not WHAT: with these lines the sidebar shows
 * the difference (diff.ts), and an edit of the Mapping, Accounts or Costs tab can tell at once
 * which posted settlements it changes (still-holds.ts).
 *
 * Compact on purpose (records share one hidden tab; a record holds about 180,000 characters):
 * amounts are integer minor units, and the line types, which repeat in every month, are listed
 * once and referred to by index.
 */
import { trackingWords } from '../tracking/tracking';
import type { PlannedJournal } from '../cogs/plan';
import type { CogsPart } from '../cogs/plan';
import { addMinor, type Minor } from '../money';
import type { SettlementSummary, SummaryLine } from '../summary/types';
import type { TaxRemitter } from '../tax/classify';
import type { PlannedDocument } from '../xero/documents';

/** An Amazon line type: [transaction type, amount type, description, marketplace as mapped, who remits its tax]. */
export type LineTypeTuple = [transactionType: string, amountType: string, amountDescription: string, marketplace: string, remittedBy: TaxRemitter];

/** One category's part of a document line: what it posted to, and how much. */
export interface PostedLine {
  category: string;
  account: string;
  taxType: string;
  /** Minor units, signed as the settlement's lines are (a bill's lines are flipped only when sent). */
  amount: Minor;
  /** The line's tracking, as Xero shows it (`Channel: Amazon.com`), when it carries any. */
  tracking?: string;
  /** The Amazon line types in it: an index into `PostedLines.types`, and their amount. Carries have none. */
  sources?: [type: number, amount: Minor][];
}

/** One document as posted. */
export interface PostedDocumentLines {
  part: string;
  /** The marketplace whose document it is, when the settlement's documents are split by marketplace. */
  marketplace?: string;
  type: 'ACCREC' | 'ACCPAY';
  date: string;
  /** The part's first and last day: the mapping's effective dates are checked on them. */
  from: string;
  to: string;
  /** The document's total (its part's, unless split by marketplace), signed as the settlement's (negative for a bill). */
  total: Minor;
  lines: PostedLine[];
}

/** What a revision's documents said (see the module comment). */
export interface PostedLines {
  currency: string;
  decimals: number;
  /** The settlement's main marketplace: account-level lines (storage, subscription) are mapped as its lines. */
  marketplace: string;
  types: LineTypeTuple[];
  documents: PostedDocumentLines[];
}

/** A SKU costed in a journal: [SKU, net units, unit cost in minor units (null when several applied)]. */
export type PostedSku = [sku: string, net: number, unitCost: Minor | null];

/** One cost of goods sold journal as posted. */
export interface PostedJournalLines {
  part: string;
  date: string;
  from: string;
  to: string;
  total: Minor;
  lines: { category: string; account: string; taxType: string; amount: Minor }[];
  skus: PostedSku[];
}

/** What a journal revision said. */
export interface PostedJournalsLines {
  currency: string;
  decimals: number;
  journals: PostedJournalLines[];
}

/** Options for what the summary lines do not say themselves. */
export interface PostedLinesOptions {
  /** The settlement's main marketplace (summarise.ts: `mainMarketplace`). */
  marketplace: string;
}

/** What the planned documents of a summary say, line by line: the parts with a document only. */
export function postedLinesOf(summary: SettlementSummary, documents: readonly PlannedDocument[], options: PostedLinesOptions): PostedLines {
  const types: LineTypeTuple[] = [];
  const typeIndex = new Map<string, number>();
  const indexOf = (tuple: LineTypeTuple) => {
    const key = tuple.join('\t');
    let index = typeIndex.get(key);
    if (index === undefined) {
      index = types.length;
      types.push(tuple);
      typeIndex.set(key, index);
    }
    return index;
  };
  const result: PostedDocumentLines[] = [];
  for (const document of documents) {
    const part = summary.parts.find((p) => p.key === document.part);
    if (!part) continue;
    const lines: PostedLine[] = [];
    // Split by marketplace, a part has one document per marketplace, each with its own lines.
    for (const line of part.lines.filter((l) => document.marketplace === undefined || l.documentMarketplace === document.marketplace)) {
      const tracking = line.tracking.length > 0 ? trackingWords(line.tracking) : undefined;
      const base = { account: line.accountCode, taxType: line.taxType, ...(tracking ? { tracking } : {}) };
      if (line.sources.length === 0) {
        lines.push({ category: line.categories[0] ?? '', ...base, amount: line.amount });
        continue;
      }
      // One entry per category of the line, each with the line types behind it.
      const byCategory = new Map<string, PostedLine>();
      for (const s of line.sources) {
        let entry = byCategory.get(s.category);
        if (!entry) {
          entry = { category: s.category, ...base, amount: 0, sources: [] };
          byCategory.set(s.category, entry);
          lines.push(entry);
        }
        entry.amount = addMinor(entry.amount, s.amount);
        const marketplace = s.marketplace || options.marketplace;
        entry.sources!.push([indexOf([s.transactionType, s.amountType, s.amountDescription, marketplace, s.remittedBy]), s.amount]);
      }
    }
    result.push({ part: part.key, ...(document.marketplace !== undefined ? { marketplace: document.marketplace } : {}), type: document.invoice.Type, date: document.invoice.Date, from: part.from, to: part.to, total: document.total, lines });
  }
  return { currency: summary.header.currency, decimals: summary.header.decimals, marketplace: options.marketplace, types, documents: result };
}

/** What planned journals say, with the SKUs each part costed (`parts` from the cost of goods sold plan). */
export function postedJournalsLinesOf(summary: SettlementSummary, journals: readonly PlannedJournal[], parts: readonly CogsPart[]): PostedJournalsLines {
  return {
    currency: summary.header.currency,
    decimals: summary.header.decimals,
    journals: journals.map((j) => {
      const part = parts.find((p) => p.key === j.part);
      return {
        part: j.part,
        date: j.journal.Date,
        from: part?.from ?? j.journal.Date,
        to: part?.to ?? j.journal.Date,
        total: j.total,
        lines: j.journal.JournalLines.map((l, i) => ({ category: j.lines[i]?.category ?? '', account: l.AccountCode, taxType: l.TaxType, amount: j.lines[i]?.amount ?? 0 })),
        skus: (part?.skus ?? []).map((s): PostedSku => [s.sku, s.net, s.unitCost ?? null]),
      };
    }),
  };
}

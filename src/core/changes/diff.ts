/**
 * What changed between what a settlement's documents said when they were posted and what it
 * would post now, for an accountant deciding whether to void and re-post: per document, the lines
 * whose account, tax type, amount or tracking differ (before and after, by category), the Amazon
 * line types that moved to another category, and lines that appeared or went; the same for the
 * cost of goods sold journals, with the SKUs whose units or cost changed. Lines that come to zero
 * on both sides are left out: no document carries them.
 */
import { byRankThenName } from '../summary/lines';
import type { Minor } from '../money';
import type { LineTypeTuple, PostedDocumentLines, PostedJournalsLines, PostedLine, PostedLines, PostedSku } from './posted-lines';

/** A line's side of a change: what it posts to and how much. */
export interface LineSide {
  account: string;
  taxType: string;
  amount: Minor;
  tracking?: string;
}

/** One category's line before and after; a side is absent when the line is new or gone. */
export interface LineChange {
  category: string;
  before?: LineSide;
  after?: LineSide;
}

/** An Amazon line type that now belongs to another category. */
export interface TypeMove {
  type: LineTypeTuple;
  from: string;
  to: string;
  /** Its amount now. */
  amount: Minor;
}

/** A document's facts on one side. */
export interface DocumentSide {
  type: 'ACCREC' | 'ACCPAY';
  date: string;
  total: Minor;
}

/** One document (part) before and after; a side is absent when the part is new or gone. */
export interface DocumentChange {
  part: string;
  /** The marketplace whose document it is, when documents are split by marketplace. */
  marketplace?: string;
  before?: DocumentSide;
  after?: DocumentSide;
  /** The lines that differ, in the order the documents list categories. */
  lines: LineChange[];
  /** How many lines are the same on both sides. */
  unchanged: number;
  moves: TypeMove[];
}

/** A SKU whose units or cost differ in a journal. */
export interface SkuChange {
  sku: string;
  before?: { net: number; unitCost: Minor | null };
  after?: { net: number; unitCost: Minor | null };
}

/** One cost of goods sold journal before and after. */
export interface JournalChange {
  part: string;
  before?: { date: string; total: Minor };
  after?: { date: string; total: Minor };
  lines: LineChange[];
  unchanged: number;
  skus: SkuChange[];
}

/**
 * The difference. `before` false: the settlement was posted before SettleSheet kept its lines, so
 * only what it would post now is known (every line is listed as `after`).
 */
export interface PostingChanges {
  linesKnown: boolean;
  documents: DocumentChange[];
  journalsKnown: boolean;
  journals: JournalChange[];
}

/** The documents' difference (`before` undefined: not kept; `after` undefined: nothing can be posted now). */
export function diffPostedLines(before: PostedLines | undefined, after: PostedLines | undefined): Pick<PostingChanges, 'linesKnown' | 'documents'> {
  const documents = byPart(before?.documents ?? [], after?.documents ?? [], (part, b, a, marketplace): DocumentChange | undefined => {
    const lines = diffLines(b?.lines ?? [], a?.lines ?? []);
    const moves = b && a && before && after ? movesOf(before, b, after, a) : [];
    const same = b && a && b.type === a.type && b.date === a.date && b.total === a.total;
    if (same && lines.changes.length === 0 && moves.length === 0) return undefined;
    return { part, ...(marketplace !== undefined ? { marketplace } : {}), ...(b ? { before: sideOf(b) } : {}), ...(a ? { after: sideOf(a) } : {}), lines: lines.changes, unchanged: lines.unchanged, moves };
  });
  return { linesKnown: before !== undefined, documents };
}

/** The journals' difference (`before` undefined: not kept). */
export function diffPostedJournals(before: PostedJournalsLines | undefined, after: PostedJournalsLines | undefined): Pick<PostingChanges, 'journalsKnown' | 'journals'> {
  const journals = byPart(before?.journals ?? [], after?.journals ?? [], (part, b, a): JournalChange | undefined => {
    const lines = diffLines(b?.lines ?? [], a?.lines ?? []);
    const skus = diffSkus(b?.skus ?? [], a?.skus ?? []);
    const same = b && a && b.date === a.date && b.total === a.total;
    if (same && lines.changes.length === 0 && skus.length === 0) return undefined;
    const side = (j: { date: string; total: Minor }) => ({ date: j.date, total: j.total });
    return { part, ...(b ? { before: side(b) } : {}), ...(a ? { after: side(a) } : {}), lines: lines.changes, unchanged: lines.unchanged, skus };
  });
  return { journalsKnown: before !== undefined, journals };
}

/**
 * What `compare` makes of each document on either side (in month order, then marketplace, when
 * split by marketplace), the ones it finds unchanged left out.
 */
function byPart<T extends { part: string; marketplace?: string }, C>(
  before: readonly T[],
  after: readonly T[],
  compare: (part: string, b: T | undefined, a: T | undefined, marketplace: string | undefined) => C | undefined,
): C[] {
  const keyOf = (d: T) => (d.marketplace === undefined ? d.part : `${d.part}\t${d.marketplace}`);
  const keys = [...new Set([...before.map(keyOf), ...after.map(keyOf)])].sort();
  return keys.flatMap((key) => {
    const [part, marketplace] = key.split('\t') as [string, string | undefined];
    const change = compare(part, before.find((d) => keyOf(d) === key), after.find((d) => keyOf(d) === key), marketplace);
    return change === undefined ? [] : [change];
  });
}

/** Both differences in one. */
export function diffPosting(
  documents: { before: PostedLines | undefined; after: PostedLines | undefined },
  journals: { before: PostedJournalsLines | undefined; after: PostedJournalsLines | undefined },
): PostingChanges {
  return { ...diffPostedLines(documents.before, documents.after), ...diffPostedJournals(journals.before, journals.after) };
}

function sideOf(d: PostedDocumentLines): DocumentSide {
  return { type: d.type, date: d.date, total: d.total };
}

type Line = Pick<PostedLine, 'category' | 'account' | 'taxType' | 'amount' | 'tracking'>;

const sideOfLine = (l: Line): LineSide => ({ account: l.account, taxType: l.taxType, amount: l.amount, ...(l.tracking ? { tracking: l.tracking } : {}) });
const samePlace = (a: Line, b: Line) => a.account.toLowerCase() === b.account.toLowerCase() && a.taxType.toUpperCase() === b.taxType.toUpperCase() && (a.tracking ?? '') === (b.tracking ?? '');
const sameLine = (a: Line, b: Line) => samePlace(a, b) && a.amount === b.amount;

/**
 * Pairs the lines of one category on both sides: identical ones first (unchanged), then those
 * posting to the same account and tax type (an amount changed), then the rest in order; what is
 * left over appeared or went. Zero on both sides, or zero and absent, is no change.
 */
function diffLines(before: readonly Line[], after: readonly Line[]): { changes: LineChange[]; unchanged: number } {
  const categories = [...new Set([...before.map((l) => l.category), ...after.map((l) => l.category)])].sort(byRankThenName);
  const changes: LineChange[] = [];
  let unchanged = 0;
  for (const category of categories) {
    const b = before.filter((l) => l.category === category && l.amount !== 0);
    const a = after.filter((l) => l.category === category && l.amount !== 0);
    const take = (list: Line[], i: number) => list.splice(i, 1)[0]!;
    for (let i = 0; i < b.length; ) {
      const j = a.findIndex((l) => sameLine(l, b[i]!));
      if (j < 0) { i++; continue; }
      take(b, i);
      take(a, j);
      unchanged++;
    }
    for (let i = 0; i < b.length; ) {
      const j = a.findIndex((l) => samePlace(l, b[i]!));
      if (j < 0) { i++; continue; }
      changes.push({ category, before: sideOfLine(take(b, i)), after: sideOfLine(take(a, j)) });
    }
    while (b.length && a.length) changes.push({ category, before: sideOfLine(take(b, 0)), after: sideOfLine(take(a, 0)) });
    for (const l of b) changes.push({ category, before: sideOfLine(l) });
    for (const l of a) changes.push({ category, after: sideOfLine(l) });
  }
  return { changes, unchanged };
}

/** Line types of a part whose category differs between the sides. */
function movesOf(before: PostedLines, b: PostedDocumentLines, after: PostedLines, a: PostedDocumentLines): TypeMove[] {
  const categoryByType = (lines: PostedLines, document: PostedDocumentLines) => {
    const found = new Map<string, { type: LineTypeTuple; category: string; amount: Minor }>();
    for (const line of document.lines) {
      for (const [index, amount] of line.sources ?? []) {
        const type = lines.types[index];
        if (type) found.set(type.join('\t').toLowerCase(), { type, category: line.category, amount });
      }
    }
    return found;
  };
  const was = categoryByType(before, b);
  const moves: TypeMove[] = [];
  for (const [key, now] of categoryByType(after, a)) {
    const then = was.get(key);
    if (then && then.category.toLowerCase() !== now.category.toLowerCase()) moves.push({ type: now.type, from: then.category, to: now.category, amount: now.amount });
  }
  return moves.sort((x, y) => byRankThenName(x.from, y.from) || (x.type.join('\t') < y.type.join('\t') ? -1 : 1));
}

/** SKUs whose net units or unit cost differ. */
function diffSkus(before: readonly PostedSku[], after: readonly PostedSku[]): SkuChange[] {
  const skus = [...new Set([...before.map((s) => s[0]), ...after.map((s) => s[0])])].sort();
  const changes: SkuChange[] = [];
  for (const sku of skus) {
    const b = before.find((s) => s[0] === sku);
    const a = after.find((s) => s[0] === sku);
    if (b && a && b[1] === a[1] && b[2] === a[2]) continue;
    changes.push({ sku, ...(b ? { before: { net: b[1], unitCost: b[2] } } : {}), ...(a ? { after: { net: a[1], unitCost: a[2] } } : {}) });
  }
  return changes;
}

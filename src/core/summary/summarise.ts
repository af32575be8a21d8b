/**
 * Turns a settlement's aggregate and a mapping into the summary that will be posted: month parts,
 * lines per account and tax type, what is unmapped, and the reconciliation. Nothing is rounded or
 * absorbed: if the rows do not add up to the total, the summary says by how much and refuses.
 */
import { addMinor, formatAmount, type Minor } from '../money';
import { CARRIED_FORWARD, CATEGORIES, RECONCILIATION_STEPS, categoryGroup, type ReconciliationGroup } from '../mapping/categories';
import { createMatcher, type Matcher } from '../mapping/match';
import type { Mapping, MappingConflict, ResolvedAccount } from '../mapping/types';
import { count, differenceWords } from '../words';
import type { AggregateEntry, SettlementAggregate } from './aggregate';
import { dayOf, monthOf, partRange } from './parts';
import type {
  LineSource,
  MissingAccount,
  ReconciliationStep,
  SettlementSummary,
  SplitMode,
  SummaryLine,
  SummaryPart,
  SummaryProblem,
  UnmappedLine,
} from './types';

/** Choices that change how a settlement is summarised. */
export interface SummaryOptions {
  split: SplitMode;
}

/** An aggregate entry with its category and account decided. */
interface MappedEntry {
  entry: AggregateEntry;
  category: string;
  accountCode: string;
  taxType: string;
}

// Lines are shown in the order of the built-in categories (sales first, carries last); a user's
// own categories come after them, by name.
const CATEGORY_RANK = new Map(CATEGORIES.map((c, i) => [c.name.toLowerCase(), i]));

/** Summarises a settlement under a mapping. */
export function summariseSettlement(aggregate: SettlementAggregate, mapping: Mapping, options: SummaryOptions): SettlementSummary {
  const { header } = aggregate;
  const matcher = createMatcher(mapping);
  const decisions = decide(aggregate.entries, matcher);

  let sumOfRows: Minor = 0;
  for (const e of aggregate.entries) sumOfRows = addMinor(sumOfRows, e.amount);

  const parts = buildParts(aggregate, decisions.mapped, options.split);
  if (options.split === 'carry') addCarries(parts, matcher, decisions);
  let documentsTotal: Minor = 0;
  for (const p of parts) documentsTotal = addMinor(documentsTotal, p.total);

  const unmapped = [...decisions.unmapped.values()];
  const conflicts = [...decisions.conflicts.values()];
  const missingAccounts = [...decisions.missing.values()];
  const difference = sumOfRows - header.totalAmount;
  const fullyMapped = unmapped.length === 0 && conflicts.length === 0 && missingAccounts.length === 0;
  const balanced = difference === 0 && (!fullyMapped || documentsTotal === header.totalAmount);

  const summary: SettlementSummary = {
    source: aggregate.source,
    format: aggregate.format,
    header,
    split: options.split,
    marketplaces: marketplacesByLines(aggregate.entries),
    lines: aggregate.lines,
    dataRows: aggregate.dataRows,
    check: { sumOfRows, difference, documentsTotal, balanced },
    unmapped,
    conflicts,
    missingAccounts,
    parts,
    reconciliation: reconcile(decisions.mapped, unmapped),
    problems: [],
  };
  summary.problems = describeProblems(summary);
  return summary;
}

/** What mapping decided for every entry; each open question kept once. */
interface Decisions {
  mapped: MappedEntry[];
  unmapped: Map<string, UnmappedLine>;
  conflicts: Map<string, MappingConflict>;
  missing: Map<string, MissingAccount>;
}

/** Maps every entry, collecting what cannot be mapped once per triple, category or question. */
function decide(entries: AggregateEntry[], matcher: Matcher): Decisions {
  const decisions: Decisions = { mapped: [], unmapped: new Map(), conflicts: new Map(), missing: new Map() };
  for (const entry of entries) {
    const answer = matcher.categoryFor(entry);
    if (answer.kind === 'unmapped') {
      const k = [entry.transactionType, entry.amountType, entry.amountDescription].join('\t').toLowerCase();
      const u = decisions.unmapped.get(k) ?? { transactionType: entry.transactionType, amountType: entry.amountType, amountDescription: entry.amountDescription, marketplaces: [], rows: 0, amount: 0 };
      u.rows += entry.rows;
      u.amount = addMinor(u.amount, entry.amount);
      if (entry.marketplace && !u.marketplaces.includes(entry.marketplace)) u.marketplaces.push(entry.marketplace);
      decisions.unmapped.set(k, u);
    } else if (answer.kind === 'conflict') {
      noteConflict(decisions, answer.conflict);
    } else {
      const account = accountOf(matcher, answer.category, entry.marketplace, entry.postedDate, decisions);
      if (account) decisions.mapped.push({ entry, category: answer.category, ...account });
    }
  }
  return decisions;
}

/** The account of a category, or undefined after noting why there is none. */
function accountOf(matcher: Matcher, category: string, marketplace: string, date: string, decisions: Decisions): ResolvedAccount | undefined {
  const answer = matcher.accountFor(category, marketplace, date);
  if (answer.kind === 'found') return answer.account;
  if (answer.kind === 'conflict') {
    noteConflict(decisions, answer.conflict);
  } else {
    const k = `${category}\t${marketplace}`.toLowerCase();
    if (!decisions.missing.has(k)) decisions.missing.set(k, { category, marketplace, date });
  }
  return undefined;
}

/** Keeps one conflict per set of disagreeing rows: the same clash on many dates is one question. */
function noteConflict(decisions: Decisions, conflict: MappingConflict): void {
  const k = conflict.table + conflict.candidates.map((c) => `${c.origin}=${c.answer}`).join('|');
  if (!decisions.conflicts.has(k)) decisions.conflicts.set(k, conflict);
}

/** Groups mapped entries into parts and, within a part, into lines per account and tax type. */
function buildParts(aggregate: SettlementAggregate, mapped: MappedEntry[], split: SplitMode): SummaryPart[] {
  const byPart = new Map<string, MappedEntry[]>();
  const endMonth = monthOf(dayOf(aggregate.header.end));
  for (const m of mapped) {
    const key = split === 'off' ? endMonth : monthOf(m.entry.postedDate);
    const list = byPart.get(key);
    if (list) list.push(m);
    else byPart.set(key, [m]);
  }
  const keys = [...byPart.keys()].sort();
  return keys.map((key, i) => {
    const members = byPart.get(key)!;
    let first = members[0]!.entry.postedDate;
    let last = first;
    for (const m of members) {
      if (m.entry.postedDate < first) first = m.entry.postedDate;
      if (m.entry.postedDate > last) last = m.entry.postedDate;
    }
    const range = partRange(aggregate.header, split === 'off' ? undefined : key, first, last);
    const lines = linesOf(members);
    let total: Minor = 0;
    for (const l of lines) total = addMinor(total, l.amount);
    const documentDate = i === keys.length - 1 ? dayOf(aggregate.header.end) : range.to;
    return { key, ...range, documentDate, lines, total };
  });
}

function rankOf(category: string): number {
  return CATEGORY_RANK.get(category.toLowerCase()) ?? CATEGORIES.length;
}

function byRankThenName(a: string, b: string): number {
  return rankOf(a) - rankOf(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** One line per account and tax type, remembering every triple and marketplace in it. */
function linesOf(members: MappedEntry[]): SummaryLine[] {
  const lines = new Map<string, SummaryLine>();
  const sources = new Map<string, LineSource>();
  for (const m of members) {
    const lineKey = `${m.accountCode}\t${m.taxType}`;
    let line = lines.get(lineKey);
    if (!line) {
      line = { kind: 'mapped', categories: [], accountCode: m.accountCode, taxType: m.taxType, amount: 0, rows: 0, sources: [] };
      lines.set(lineKey, line);
    }
    line.amount = addMinor(line.amount, m.entry.amount);
    line.rows += m.entry.rows;
    if (!line.categories.includes(m.category)) line.categories.push(m.category);
    const { transactionType, amountType, amountDescription, marketplace } = m.entry;
    const sourceKey = [lineKey, transactionType, amountType, amountDescription, marketplace].join('\t');
    let source = sources.get(sourceKey);
    if (!source) {
      source = { transactionType, amountType, amountDescription, marketplace, category: m.category, rows: 0, amount: 0 };
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

function compareSource(a: LineSource, b: LineSource): number {
  const ka = [a.transactionType, a.amountType, a.amountDescription, a.marketplace].join('\t');
  const kb = [b.transactionType, b.amountType, b.amountDescription, b.marketplace].join('\t');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function compareCodes(a: SummaryLine, b: SummaryLine): number {
  const ka = `${a.accountCode}\t${a.taxType}`;
  const kb = `${b.accountCode}\t${b.taxType}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Split mode `carry`: every earlier part moves its net into the carried-forward account (so its
 * document totals zero) and the last part brings each one back (so its document is the deposit).
 */
function addCarries(parts: SummaryPart[], matcher: Matcher, decisions: Decisions): void {
  const last = parts[parts.length - 1]!;
  for (const part of parts.slice(0, -1)) {
    if (part.total === 0) continue;
    const out = accountOf(matcher, CARRIED_FORWARD, '', part.to, decisions);
    const back = accountOf(matcher, CARRIED_FORWARD, '', last.documentDate, decisions);
    if (!out || !back) return;
    const carry = { categories: [CARRIED_FORWARD], rows: 0, sources: [] };
    part.lines.push({ kind: 'carry-out', ...carry, ...out, amount: -part.total, carryPart: last.key });
    last.lines.push({ kind: 'carry-in', ...carry, ...back, amount: part.total, carryPart: part.key });
    last.total = addMinor(last.total, part.total);
    part.total = 0;
  }
}

/** The walk from gross sales to the net, one step per reconciliation group. */
function reconcile(mapped: MappedEntry[], unmapped: UnmappedLine[]): ReconciliationStep[] {
  const sums = new Map<ReconciliationGroup, Minor>();
  const add = (group: ReconciliationGroup, amount: Minor) => sums.set(group, addMinor(sums.get(group) ?? 0, amount));
  for (const m of mapped) add(categoryGroup(m.category), m.entry.amount);
  for (const u of unmapped) add('unmapped', u.amount);
  return RECONCILIATION_STEPS.filter((s) => sums.has(s.group)).map((s) => ({ ...s, amount: sums.get(s.group)! }));
}

/** Marketplaces by number of lines, most first; blank (account-level) rows left out. */
function marketplacesByLines(entries: AggregateEntry[]): string[] {
  const rows = new Map<string, number>();
  for (const e of entries) if (e.marketplace) rows.set(e.marketplace, (rows.get(e.marketplace) ?? 0) + e.rows);
  return [...rows.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([m]) => m);
}

/** Every blocking reason, in the words a seller or accountant can act on. */
function describeProblems(s: SettlementSummary): SummaryProblem[] {
  const { header } = s;
  const money = (m: Minor) => `${formatAmount(m, header.decimals)} ${header.currency}`;
  const problems: SummaryProblem[] = [];
  const add = (kind: SummaryProblem['kind'], message: string) => problems.push({ kind, message });
  if (s.check.difference !== 0) {
    add(
      'unbalanced',
      `In this file ${differenceWords(formatAmount(s.check.difference, header.decimals), header.currency)} ` +
        `(${money(s.check.sumOfRows)} against Amazon's ${money(header.totalAmount)}). The file may be cut short or changed; download it again from Seller Central.`,
    );
  }
  for (const u of s.unmapped) {
    add('unmapped', `Not mapped: ${u.transactionType} / ${u.amountType} / ${u.amountDescription} (${count(u.rows, 'row')}, ${money(u.amount)}). Choose a category for it in the Mapping tab.`);
  }
  for (const c of s.conflicts) {
    const rows = c.candidates.map((k) => `${k.origin} says ${k.answer}`).join('; ');
    add('conflict', `${c.table} disagrees for ${c.subject}: ${rows}. Make one row more specific or delete one.`);
  }
  for (const m of s.missingAccounts) {
    const where = m.marketplace ? ` on ${m.marketplace}` : '';
    add('missing-account', `The category "${m.category}"${where} has no account for ${m.date}. Add a row for it in the Accounts tab.`);
  }
  const fullyMapped = s.unmapped.length === 0 && s.conflicts.length === 0 && s.missingAccounts.length === 0;
  if (fullyMapped && s.check.difference === 0 && s.check.documentsTotal !== header.totalAmount) {
    add('bug', `The documents would add up to ${money(s.check.documentsTotal)}, not the deposit ${money(header.totalAmount)}. This is a bug in SettleSheet: please report it with the file.`);
  }
  return problems;
}

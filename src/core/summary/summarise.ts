/**
 * Turns a settlement's aggregate and a mapping into the summary that will be posted: month parts,
 * lines per account and tax type, what is unmapped, and the reconciliation. Nothing is rounded or
 * absorbed: if the rows do not add up to the total, or the tax Amazon remits does not clear, the
 * summary says by how much and refuses.
 */
import { addMinor, formatAmount, type Minor } from '../money';
import { CARRIED_FORWARD, RECONCILIATION_STEPS, categoryGroup, remittedBase, type ReconciliationGroup } from '../mapping/categories';
import { createMatcher, type Matcher } from '../mapping/match';
import type { Mapping, MappingConflict, ResolvedAccount } from '../mapping/types';
import { count, differenceWords } from '../words';
import { isNonAmazonMarketplace } from '../tracking/channel';
import { trackingOf, trackingSettingsProblems, type LineTracking, type TrackingSettings } from '../tracking/tracking';
import type { AggregateEntry, SettlementAggregate } from './aggregate';
import { clearingBalances, clearingProblemText } from './clearing';
import type { MappedEntry } from './lines';
import { buildParts, outsidePeriodOf } from './parts';
import type {
  MissingAccount,
  ReconciliationStep,
  SettlementSummary,
  SplitMode,
  SummaryPart,
  SummaryProblem,
  UnmappedLine,
} from './types';

/** Choices that change how a settlement is summarised. */
export interface SummaryOptions {
  split: SplitMode;
  /** Xero tracking categories for marketplaces and fulfilment channels (core/tracking). */
  tracking?: TrackingSettings;
  /** One document per part and Amazon marketplace instead of one per part. */
  splitByMarketplace?: boolean;
}

/** Summarises a settlement under a mapping. */
export function summariseSettlement(aggregate: SettlementAggregate, mapping: Mapping, options: SummaryOptions): SettlementSummary {
  const { header } = aggregate;
  const matcher = createMatcher(mapping);
  const marketplaces = marketplacesOf(aggregate.entries);
  const main = mainMarketplace(marketplaces);
  const byMarketplace = options.splitByMarketplace === true && main !== '';
  const decisions = decide(aggregate.entries, matcher, main, {
    tracking: trackingOf(options.tracking, main),
    documentMarketplace: byMarketplace ? (marketplace) => documentMarketplaceOf(marketplace, main) : () => '',
  });

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
    marketplaces,
    mainMarketplace: main,
    splitByMarketplace: byMarketplace,
    lines: aggregate.lines,
    dataRows: aggregate.dataRows,
    check: { sumOfRows, difference, documentsTotal, balanced },
    unmapped,
    conflicts,
    missingAccounts,
    parts,
    outsidePeriod: outsidePeriodOf(aggregate.entries, header, options.split),
    clearing: clearingBalances(decisions.mapped, header, options.split),
    reconciliation: reconcile(decisions.mapped, unmapped),
    problems: [],
  };
  summary.problems = [...describeProblems(summary), ...trackingSettingsProblems(options.tracking).map((message) => ({ kind: 'tracking' as const, message }))];
  return summary;
}

/** What mapping decided for every entry; each open question kept once. */
interface Decisions {
  mapped: MappedEntry[];
  unmapped: Map<string, UnmappedLine>;
  conflicts: Map<string, MappingConflict>;
  missing: Map<string, MissingAccount>;
}

/** What else each mapped entry is given: its tracking, and the marketplace whose document carries it. */
interface Placement {
  tracking(entry: AggregateEntry): LineTracking[];
  documentMarketplace(marketplace: string): string;
}

/**
 * Maps every entry, collecting what cannot be mapped once per triple, category or question.
 * Account-level lines (storage, subscription) carry no marketplace; they are mapped as lines of
 * the settlement's main marketplace, so a marketplace-specific row applies to them too.
 */
function decide(entries: AggregateEntry[], matcher: Matcher, main: string, placement: Placement): Decisions {
  const decisions: Decisions = { mapped: [], unmapped: new Map(), conflicts: new Map(), missing: new Map() };
  for (const entry of entries) {
    const marketplace = entry.marketplace || main;
    const answer = matcher.categoryFor(marketplace === entry.marketplace ? entry : { ...entry, marketplace });
    if (answer.kind === 'unmapped') {
      const k = [entry.transactionType, entry.amountType, entry.amountDescription, entry.remittedBy].join('\t').toLowerCase();
      const u = decisions.unmapped.get(k) ?? {
        transactionType: entry.transactionType, amountType: entry.amountType, amountDescription: entry.amountDescription,
        remittedBy: entry.remittedBy, marketplaces: [], rows: 0, amount: 0,
      };
      u.rows += entry.rows;
      u.amount = addMinor(u.amount, entry.amount);
      if (entry.marketplace && !u.marketplaces.includes(entry.marketplace)) u.marketplaces.push(entry.marketplace);
      decisions.unmapped.set(k, u);
    } else if (answer.kind === 'conflict') {
      noteConflict(decisions, answer.conflict);
    } else {
      const { category, account } = postingOf(matcher, answer.category, marketplace, entry.postedDate, decisions);
      if (account) {
        // Posted as the plain category, the line is described as it was before it had a label.
        const posted = category === answer.category ? entry : { ...entry, remittedBy: '' as const };
        decisions.mapped.push({ entry: posted, category, ...account, tracking: placement.tracking(entry), documentMarketplace: placement.documentMarketplace(marketplace) });
      }
    }
  }
  return decisions;
}

/**
 * The category and account an entry posts to. A tax-remitted-by-Amazon category (core/tax) that
 * posts exactly as its plain one (the US template: both `NONE`), or that the Accounts tab has no
 * row for (a workbook set up before it existed), posts as the plain one: the documents stay as
 * they were, with no second line or name for the same account and tax type.
 */
function postingOf(matcher: Matcher, category: string, marketplace: string, date: string, decisions: Decisions): { category: string; account: ResolvedAccount | undefined } {
  const base = remittedBase(category);
  if (base === undefined) return { category, account: accountOf(matcher, category, marketplace, date, decisions) };
  const own = matcher.accountFor(category, marketplace, date);
  const plain = matcher.accountFor(base, marketplace, date);
  const same = own.kind === 'found' && plain.kind === 'found' && own.account.accountCode === plain.account.accountCode && own.account.taxType === plain.account.taxType;
  if (own.kind === 'missing' || same) return { category: base, account: accountOf(matcher, base, marketplace, date, decisions) };
  return { category, account: accountOf(matcher, category, marketplace, date, decisions) };
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

/**
 * Split mode `carry`: every earlier part moves its net into the carried-forward account (so its
 * document totals zero) and the last part brings each one back (so its document is the deposit).
 * With documents split by marketplace, each marketplace's document carries its own net.
 */
function addCarries(parts: SummaryPart[], matcher: Matcher, decisions: Decisions): void {
  const last = parts[parts.length - 1]!;
  for (const part of parts.slice(0, -1)) {
    const nets = new Map<string, Minor>();
    for (const line of part.lines) nets.set(line.documentMarketplace, addMinor(nets.get(line.documentMarketplace) ?? 0, line.amount));
    for (const [documentMarketplace, net] of nets) {
      if (net === 0) continue;
      const out = accountOf(matcher, CARRIED_FORWARD, '', part.to, decisions);
      const back = accountOf(matcher, CARRIED_FORWARD, '', last.documentDate, decisions);
      if (!out || !back) return;
      const carry = { categories: [CARRIED_FORWARD], rows: 0, statedTax: 0, sources: [], tracking: [], documentMarketplace };
      part.lines.push({ kind: 'carry-out', ...carry, ...out, amount: -net, carryPart: last.key });
      last.lines.push({ kind: 'carry-in', ...carry, ...back, amount: net, carryPart: part.key });
      last.total = addMinor(last.total, net);
      part.total = addMinor(part.total, -net);
    }
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
export function marketplacesOf(entries: readonly AggregateEntry[]): string[] {
  const rows = new Map<string, number>();
  for (const e of entries) if (e.marketplace) rows.set(e.marketplace, (rows.get(e.marketplace) ?? 0) + e.rows);
  return [...rows.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([m]) => m);
}

/** The settlement's own marketplace: its main Amazon one (`Non-Amazon CA` orders are not), or ''. */
export function mainMarketplace(marketplaces: string[]): string {
  return marketplaces.find((m) => m.toLowerCase().startsWith('amazon.')) ?? marketplaces[0] ?? '';
}

/**
 * The marketplace whose document carries a line when documents are split by marketplace: its own
 * Amazon marketplace; a multi-channel order (`Non-Amazon CA`: FBA fees for a sale made elsewhere)
 * goes with the main marketplace, whose fees it is, rather than becoming a bill of its own.
 */
export function documentMarketplaceOf(marketplace: string, main: string): string {
  return marketplace === '' || isNonAmazonMarketplace(marketplace) ? main : marketplace;
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
    const tax = u.remittedBy ? `, tax remitted by ${u.remittedBy === 'amazon' ? 'Amazon' : 'the seller'}` : '';
    add('unmapped', `Not mapped: ${u.transactionType} / ${u.amountType} / ${u.amountDescription} (${count(u.rows, 'row')}, ${money(u.amount)}${tax}). Choose a category for it in the Mapping tab.`);
  }
  for (const c of s.conflicts) {
    const rows = c.candidates.map((k) => `${k.origin} says ${k.answer}`).join('; ');
    add('conflict', `${c.table} disagrees for ${c.subject}: ${rows}. Make one row more specific or delete one.`);
  }
  for (const m of s.missingAccounts) {
    const where = m.marketplace ? ` on ${m.marketplace}` : '';
    add('missing-account', `The category "${m.category}"${where} has no account for ${m.date}. Add a row for it in the Accounts tab.`);
  }
  for (const balance of s.clearing) add('clearing', clearingProblemText(balance, header, s.parts.length));
  const fullyMapped = s.unmapped.length === 0 && s.conflicts.length === 0 && s.missingAccounts.length === 0;
  if (fullyMapped && s.check.difference === 0 && s.check.documentsTotal !== header.totalAmount) {
    add('bug', `The documents would add up to ${money(s.check.documentsTotal)}, not the deposit ${money(header.totalAmount)}. This is a bug in SettleSheet: please report it with the file.`);
  }
  return problems;
}

/**
 * What the summary of a settlement is made of: parts (one per month when split), lines per
 * account and tax type that remember which Amazon lines made them, what is not mapped yet, and the
 * checks that must pass before anything is posted.
 */
import type { Minor } from '../money';
import type { ReconciliationGroup } from '../mapping/categories';
import type { MappingConflict } from '../mapping/types';
import type { SettlementFormat, SettlementHeader } from '../settlement/types';
import type { TaxRemitter } from '../tax/classify';
import type { LineTracking } from '../tracking/tracking';

/**
 * How a settlement that spans months is split: `off` one part; `carry` one part per month where
 * every earlier month moves its net into the carried-forward account so only the last document
 * carries money (it equals the deposit); `separate` one document per month, summing to the deposit.
 */
export type SplitMode = 'off' | 'carry' | 'separate';

/** The split modes, for validation and menus. */
export const SPLIT_MODES: readonly SplitMode[] = ['off', 'carry', 'separate'];

/** Amazon lines of one triple and marketplace that went into a summary line. */
export interface LineSource {
  transactionType: string;
  amountType: string;
  amountDescription: string;
  marketplace: string;
  /** Who remits the tax of these lines ('' when they are not tax lines). */
  remittedBy: TaxRemitter;
  category: string;
  rows: number;
  amount: Minor;
}

/**
 * One line of a part: everything that posts to one account with one tax type (and, when lines are
 * tracked, one set of tracking options; when documents are split by marketplace, one marketplace).
 */
export interface SummaryLine {
  /** `mapped` from Amazon lines; `carry-out`/`carry-in` are the month carries of split mode `carry`. */
  kind: 'mapped' | 'carry-out' | 'carry-in';
  /** The categories in this line, in reconciliation order. */
  categories: string[];
  accountCode: string;
  taxType: string;
  amount: Minor;
  /**
   * Tax the settlement states and the seller accounts for (lines whose tax is remitted by the
   * seller), included in `amount`. The document states it as the line's TaxAmount when the tax
   * type carries tax (core/xero/tax-types.ts).
   */
  statedTax: Minor;
  rows: number;
  sources: LineSource[];
  /** The Xero tracking category options the line is posted under (empty: untracked). */
  tracking: LineTracking[];
  /**
   * When documents are split by marketplace: the Amazon marketplace whose document carries the
   * line ('' when they are not split: the part has one document).
   */
  documentMarketplace: string;
  /** For carries: the part the money comes from or goes to (`YYYY-MM`). */
  carryPart?: string;
}

/** A month (or the whole settlement) that becomes one Xero document. */
export interface SummaryPart {
  /** `YYYY-MM` of the posted dates in the part (the settlement's end month when not split). */
  key: string;
  /** First and last day the part covers, `YYYY-MM-DD`, always inside the settlement's period. */
  from: string;
  to: string;
  /** The document date: the part's last day, or the settlement's end date for the last part. */
  documentDate: string;
  lines: SummaryLine[];
  total: Minor;
}

/** Amazon lines no rule matches: they block posting until someone maps them. */
export interface UnmappedLine {
  transactionType: string;
  amountType: string;
  amountDescription: string;
  /** For tax lines: whose tax they are (a rule for the other kind does not map them). */
  remittedBy: TaxRemitter;
  marketplaces: string[];
  rows: number;
  amount: Minor;
}

/** A category with no account for some marketplace or date. */
export interface MissingAccount {
  category: string;
  marketplace: string;
  /** The first posted date that needed it. */
  date: string;
}

/** One step of the walk from gross sales to the deposit. */
export interface ReconciliationStep {
  group: ReconciliationGroup;
  label: string;
  amount: Minor;
}

/** The checks: Σ of the rows against the total, and the documents against the total. */
export interface SummaryCheck {
  sumOfRows: Minor;
  /** sumOfRows − totalAmount: zero when the file is whole. */
  difference: Minor;
  /** Σ of the part totals (what the documents will add up to). */
  documentsTotal: Minor;
  /** True when the rows add up to the total and the documents do too. */
  balanced: boolean;
}

/** Why a summary cannot be posted: a kind to act on and the words to show. */
export interface SummaryProblem {
  kind: 'unbalanced' | 'unmapped' | 'conflict' | 'missing-account' | 'mapping-table' | 'clearing' | 'tracking' | 'bug';
  message: string;
}

/**
 * Lines posted before the settlement's start (or after its end): they are posted in its first (or
 * last) part, so no document is dated outside the settlement, and the preview says so.
 */
export interface OutsidePeriod {
  side: 'before' | 'after';
  rows: number;
  amount: Minor;
  /** The earliest and latest posted date among them. */
  first: string;
  last: string;
  /** The part they are posted in. */
  part: string;
}

/** Tax Amazon remits that does not net to zero in a part: what is left, and which lines make it. */
export interface ClearingBalance {
  /** The part (`YYYY-MM`), or the settlement's end month when it is not split. */
  part: string;
  amount: Minor;
  sources: LineSource[];
}

/** The whole summary of one settlement under one mapping. */
export interface SettlementSummary {
  source: string;
  format: SettlementFormat;
  header: SettlementHeader;
  split: SplitMode;
  /** Marketplaces seen, most lines first; blank (account-level) rows are not a marketplace. */
  marketplaces: string[];
  /**
   * The settlement's own marketplace: its main Amazon one (a `Non-Amazon CA` multi-channel order
   * is not), or '' when no line names one. Account-level lines count as its lines.
   */
  mainMarketplace: string;
  /** One document per part and Amazon marketplace (each addressed to its own contact). */
  splitByMarketplace: boolean;
  lines: number;
  dataRows: number;
  check: SummaryCheck;
  unmapped: UnmappedLine[];
  conflicts: MappingConflict[];
  missingAccounts: MissingAccount[];
  parts: SummaryPart[];
  /** Lines posted outside the period, and the part each side went to. */
  outsidePeriod: OutsidePeriod[];
  /** Parts where the clearing of tax Amazon remits does not net to zero (each is a problem too). */
  clearing: ClearingBalance[];
  reconciliation: ReconciliationStep[];
  /** Every reason the summary cannot be posted; empty when it is ready. */
  problems: SummaryProblem[];
}

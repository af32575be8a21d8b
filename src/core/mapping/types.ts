import type { TaxRemitter } from '../tax/classify';

/**
 * The two-level mapping: mapping rules turn an Amazon line's triple into a category, and
 * category accounts turn a category into a Xero account code and tax type. A person maps about a
 * dozen categories to accounts, not a hundred Amazon codes.
 */

/**
 * One mapping rule. A blank triple field or marketplace matches anything; blank dates are open.
 * Text is compared case-insensitively; the raw spelling is kept for display.
 */
export interface MappingRule {
  transactionType: string;
  amountType: string;
  amountDescription: string;
  marketplace: string;
  /** For tax lines: only lines whose tax Amazon (or the seller) remits; blank matches either. */
  remittedBy: TaxRemitter;
  /** `YYYY-MM-DD`, inclusive, or blank. */
  effectiveFrom: string;
  /** `YYYY-MM-DD`, inclusive, or blank. */
  effectiveTo: string;
  category: string;
  /** Where the rule lives, for messages: `Mapping row 12`, `default rule`. */
  origin: string;
}

/** Which Xero account and tax type a category posts to, optionally per marketplace and period. */
export interface CategoryAccount {
  category: string;
  marketplace: string;
  effectiveFrom: string;
  effectiveTo: string;
  accountCode: string;
  taxType: string;
  origin: string;
}

/** Both tables, as the Mapping and Accounts tabs (or a CSV file) hold them. */
export interface Mapping {
  rules: MappingRule[];
  accounts: CategoryAccount[];
}

/** The Amazon side of a line: what mapping rules match on. */
export interface LineKey {
  transactionType: string;
  amountType: string;
  amountDescription: string;
  marketplace: string;
  /** `YYYY-MM-DD` */
  postedDate: string;
  /** Who remits the line's tax (core/tax); absent or '' for lines that are not tax. */
  remittedBy?: TaxRemitter;
}

/** The account a category resolved to for one line. */
export interface ResolvedAccount {
  accountCode: string;
  taxType: string;
}

/** Two or more equally specific rows that disagree; a person has to settle it. */
export interface MappingConflict {
  table: 'Mapping' | 'Accounts';
  /** What was being looked up, in words: `Order / ItemFees / Commission on Amazon.ca, 2025-08-14`. */
  subject: string;
  /** The disagreeing answers, each with where it came from. */
  candidates: { origin: string; answer: string }[];
}

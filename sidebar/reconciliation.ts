/**
 * The numbers behind the reconciliation picture: the walk from gross sales to the net of the
 * lines, then the deposit Amazon says it paid. Computed locally from a parsed file (with the
 * Mapping and Accounts tabs the server sent) or from a server preview; drawn by views/picture.ts.
 */
import type { PreviewResult } from '../src/api/types';
import { readMapping } from '../src/core/mapping/tables';
import { currencyDecimals, parseAmount, type Minor } from '../src/core/money';
import type { SettlementAggregate } from '../src/core/summary/aggregate';
import { summariseSettlement } from '../src/core/summary/summarise';

/** One step of the walk and where its bar runs, as positions on the picture's scale. */
export interface PictureStep {
  label: string;
  amount: Minor;
  /** Running total before and after this step. */
  from: Minor;
  to: Minor;
}

/** Everything the picture shows. */
export interface ReconciliationPicture {
  currency: string;
  decimals: number;
  steps: PictureStep[];
  /** Σ of every line. */
  net: Minor;
  /** The settlement's total-amount: what Amazon paid. */
  deposit: Minor;
  /** net − deposit: zero when the file is whole. */
  difference: Minor;
  /** The scale's ends: every bar fits between them, and zero is on it. */
  low: Minor;
  high: Minor;
}

/** A bar's left edge and width, in percent of the picture's width. */
export interface BarPlacement {
  left: number;
  width: number;
}

/**
 * Builds the picture from the steps (in order), the Σ of every line and the deposit. Lines whose
 * category has no account yet are in no step, so whatever the steps miss of the net is shown as
 * its own step rather than hidden in the difference.
 */
export function pictureOf(currency: string, labelled: readonly { label: string; amount: Minor }[], net: Minor, deposit: Minor): ReconciliationPicture {
  const missing = net - labelled.reduce((sum, s) => sum + s.amount, 0);
  if (missing !== 0) labelled = [...labelled, { label: 'Categories without an account', amount: missing }];
  let running: Minor = 0;
  let low: Minor = 0;
  let high: Minor = 0;
  const steps = labelled.map(({ label, amount }) => {
    const from = running;
    running += amount;
    low = Math.min(low, running);
    high = Math.max(high, running);
    return { label, amount, from, to: running };
  });
  low = Math.min(low, deposit);
  high = Math.max(high, deposit);
  return { currency, decimals: currencyDecimals(currency), steps, net, deposit, difference: net - deposit, low, high };
}

/** Where a bar from `a` to `b` sits on the picture's scale; a sliver stays visible when it is tiny. */
export function placeBar(picture: ReconciliationPicture, a: Minor, b: Minor): BarPlacement {
  const span = picture.high - picture.low || 1;
  const left = ((Math.min(a, b) - picture.low) / span) * 100;
  const width = (Math.abs(b - a) / span) * 100;
  return { left: round(left), width: round(Math.max(width, 0.5)) };
}

function round(percent: number): number {
  return Math.round(percent * 10) / 10;
}

/** What the sidebar knows about a parsed file before importing it. */
export interface LocalReckoning {
  picture: ReconciliationPicture;
  /** Line types no rule in the Mapping tab matches yet: each must be mapped before posting. */
  unmapped: { transactionType: string; amountType: string; amountDescription: string; rows: number; amount: Minor }[];
  /** Rows of the Mapping or Accounts tab that could not be read, in words. */
  tableProblems: string[];
}

/** Reckons a read settlement's aggregate with the Mapping and Accounts tables, as the server will after import. */
export function reckonLocally(aggregate: SettlementAggregate, tables: { mapping: string[][]; accounts: string[][] }): LocalReckoning {
  const { mapping, problems } = readMapping(tables.mapping, tables.accounts);
  const summary = summariseSettlement(aggregate, mapping, { split: 'off' });
  return {
    picture: pictureOf(summary.header.currency, summary.reconciliation, summary.check.sumOfRows, summary.header.totalAmount),
    unmapped: summary.unmapped,
    tableProblems: problems.map((p) => p.message),
  };
}

function minor(amount: string, decimals: number): Minor {
  const value = parseAmount(amount, decimals);
  if (typeof value !== 'number') throw new Error(`The server sent an amount the sidebar cannot read: "${amount}"`);
  return value;
}

/** The picture of a server preview (its amounts are decimal strings in the settlement's currency). */
export function pictureOfPreview(preview: PreviewResult): ReconciliationPicture {
  const { currency, total } = preview.settlement;
  const decimals = currencyDecimals(currency);
  const steps = preview.reconciliation.map((r) => ({ label: r.label, amount: minor(r.amount, decimals) }));
  return pictureOf(currency, steps, minor(preview.check.sumOfRows, decimals), minor(total, decimals));
}

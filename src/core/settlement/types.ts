/**
 * What a settlement file becomes once read: the summary row's facts and one line per amount.
 * Both Flat File V2 and the old V1 end up in this one shape.
 */
import type { Minor } from '../money';

/** Which flat file layout the file used. */
export type SettlementFormat = 'v1' | 'v2';

/** The settlement's own facts, from the summary row (row 2). Dates are UTC ISO instants. */
export interface SettlementHeader {
  settlementId: string;
  /** `YYYY-MM-DDTHH:MM:SSZ` */
  start: string;
  /** `YYYY-MM-DDTHH:MM:SSZ` */
  end: string;
  /** `YYYY-MM-DDTHH:MM:SSZ` */
  depositDate: string;
  totalAmount: Minor;
  /** ISO 4217 code, upper case, from the summary row. */
  currency: string;
  /** Minor-unit exponent of the currency (JPY 0, USD 2). */
  decimals: number;
}

/** One amount of the settlement, V2-shaped whatever the file's format. */
export interface SettlementLine {
  /** 1-based line number in the source file (the header is line 1). */
  line: number;
  /** UTC calendar date the amount was posted, `YYYY-MM-DD`. */
  postedDate: string;
  transactionType: string;
  amountType: string;
  amountDescription: string;
  amount: Minor;
  orderId: string;
  sku: string;
  /** As written in the file; blank on account-level rows. */
  marketplace: string;
  /**
   * The raw `fulfillment-id` cell (`AFN`, `MFN`, …), '' when the cell is blank or the file has no
   * such column. Which fulfilment channel a line belongs to is core/tracking/channel.ts's rule.
   */
  fulfillmentId: string;
  /**
   * `quantity-purchased`: the units of the order item the line belongs to, or undefined when the
   * file leaves it blank. V1 writes an order item's quantity on a row of its own (with no amount)
   * before the item's amounts; the parser gives that quantity to the item's lines, so V1 and V2
   * lines carry it alike. Which lines count units is the cost of goods sold's rule (core/cogs).
   */
  quantity?: number;
}

/** A whole settlement file, read and checked. */
export interface Settlement {
  /** The file name the user gave, for messages. */
  source: string;
  format: SettlementFormat;
  header: SettlementHeader;
  lines: SettlementLine[];
  /** Data rows in the file (everything after the summary row that is not blank). */
  dataRows: number;
  /** Data rows that carried no amount at all (V1 quantity-only rows); kept out of the money. */
  rowsWithoutAmount: number;
}

/** The kinds of file problem the parser reports. */
export type SettlementProblemCode =
  | 'empty'
  | 'not-a-settlement'
  | 'date-range-report'
  | 'transaction-view'
  | 'comma-separated'
  | 'xml'
  | 'missing-columns'
  | 'missing-summary'
  | 'bad-summary'
  | 'other-settlement'
  /** A data row repeats a currency other than the summary row's. */
  | 'other-currency'
  | 'bad-amount'
  | 'bad-date'
  /** A `quantity-purchased` cell that is not a whole number of units. */
  | 'bad-quantity'
  | 'truncated'
  /** A row with more columns than the header, or fewer when it is not the cut-off last line. */
  | 'field-count'
  /** A cell longer than SettleSheet takes (src/api/limits.ts). */
  | 'too-long';

/** A reason a file cannot be read, with where it is and what to do, in one sentence or two. */
export interface SettlementProblem {
  code: SettlementProblemCode;
  /** Names the file, line and column and says what the user should do. */
  message: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** Header name of the column, when the problem has one. */
  column?: string;
}

/** The parser's answer: a settlement, or the problems that stop it (first one first). */
export type ParseResult =
  | { ok: true; settlement: Settlement; warnings: string[] }
  | { ok: false; problems: SettlementProblem[] };

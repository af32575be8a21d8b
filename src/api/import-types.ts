/**
 * What an import sends across `google.script.run`: the settlement's facts, its lines in chunks, and
 * the browser's aggregate and units, which the server holds to the lines it stored (types.ts has the
 * answers that name a settlement, and the rest).
 */
import type { TaxRemitter } from '../core/tax/classify';
import type { Channel } from '../core/tracking/channel';

/** Money as a decimal string with the currency's decimals: `-321.69`, `1200`. */
export type Decimal = string;

/** The settlement's summary row, as the browser parsed it. */
export interface SettlementHeaderDto {
  settlementId: string;
  /** ISO instants `YYYY-MM-DDTHH:MM:SSZ`. */
  start: string;
  end: string;
  depositDate: string;
  totalAmount: Decimal;
  currency: string;
}

/**
 * One settlement line, as a tuple to keep 6,500-line chunks small:
 * [file line, posted date, transaction type, amount type, amount description, order id, SKU,
 * marketplace, amount, who remits its tax, quantity, fulfillment id, Amazon's share].
 * Who remits its tax is the browser's classification (core/tax): '', `amazon`, `seller`, or
 * `amazon+seller` for a line split between them, whose Amazon share is the last element ('' for
 * every other line). The quantity is `quantity-purchased` as the parser gives it to the line (null
 * when blank), the fulfillment id the raw `fulfillment-id` cell ('' when blank). The server keeps
 * the line in Transactions and holds the browser's aggregate and units to these lines exactly.
 */
export type LineDto = [
  line: number,
  postedDate: string,
  transactionType: string,
  amountType: string,
  amountDescription: string,
  orderId: string,
  sku: string,
  marketplace: string,
  amount: Decimal,
  taxRole: '' | 'amazon' | 'seller' | 'amazon+seller',
  quantity: number | null,
  fulfillmentId: string,
  amazonShare: Decimal | '',
];

/**
 * One aggregate entry: [posted date, transaction type, amount type, description, marketplace,
 * amount, rows, who remits the tax ('' for lines that are not tax), fulfilment channel ('' for
 * account-level lines; absent from sidebars older than channels)].
 */
export type AggregateEntryDto = [
  postedDate: string,
  transactionType: string,
  amountType: string,
  amountDescription: string,
  marketplace: string,
  amount: Decimal,
  rows: number,
  remittedBy?: TaxRemitter,
  channel?: Channel,
];

/**
 * Units of one SKU on one posted day in one marketplace (core/cogs/units.ts):
 * [posted date, SKU, marketplace, sold, returned, counted lines whose quantity was blank].
 */
export type UnitsEntryDto = [postedDate: string, sku: string, marketplace: string, sold: number, returned: number, assumed: number];

/** Starts an import: the settlement's facts and how many lines will follow. */
export interface BeginImportRequest {
  source: string;
  format: 'v1' | 'v2';
  header: SettlementHeaderDto;
  lineCount: number;
  dataRows: number;
  rowsWithoutAmount: number;
  /** A hash of the file's settlement lines: the same file again changes nothing. */
  /**
   * The rows the settlement's units take (one per SKU × marketplace, cost of goods sold), so the
   * room check at the start counts everything the import will add. Absent from older sidebars.
   */
  unitRows?: number;
  contentHash: string;
  /**
   * SHA-256 (hex) of the file's bytes as chosen, so the summary attached in Xero names the file as
   * `sha256sum` does. Absent from older sidebars and from imports that are not of a file.
   */
  fileSha256?: string;
  /** The user confirmed replacing an imported settlement with a re-issued file of the same id. */
  confirmReissue?: boolean;
  /** The person chose to keep a file whose lines do not add up to its total, for inspection. */
  keepUnbalanced?: boolean;
  /** The import in progress (its id) the person chose to take over: continued if it is this file, else cancelled. */
  takeOver?: string;
}

/** A chunk of lines, in order; `offset` is the index of its first line (0-based). */
export interface AppendLinesRequest {
  importId: string;
  offset: number;
  lines: LineDto[];
}

/** Ends an import; the aggregate lets the server check and store the compact form. */
export interface FinishImportRequest {
  importId: string;
  aggregate: AggregateEntryDto[];
  /** Units per SKU per day, for the cost of goods sold (absent from a sidebar older than it). */
  units?: UnitsEntryDto[];
  /** Where the sidebar read the file: in a Worker, or on the page's thread where no Worker could start (said in the Log). */
  reader?: 'worker' | 'page';
}

/**
 * What changed since a settlement was posted, as it crosses `google.script.run` in the preview
 * (PreviewResult.changes): plain data, money as decimal strings in the settlement's currency.
 */
import type { TaxRemitter } from '../core/tax/classify';
import type { Decimal } from './import-types';

/** One side of a changed line: where it posts and how much (signed as the settlement's lines). */
export interface LineSideDto {
  accountCode: string;
  /** From the connected organisation, when known. */
  accountName?: string;
  taxType: string;
  amount: Decimal;
  tracking?: string;
}

/** A category's line in Xero (`before`) and as it would be posted now (`after`); a side is absent when the line is new or gone. */
export interface LineChangeDto {
  category: string;
  before?: LineSideDto;
  after?: LineSideDto;
}

/** An Amazon line type that now belongs to another category. */
export interface LineTypeMoveDto {
  transactionType: string;
  amountType: string;
  amountDescription: string;
  marketplace: string;
  remittedBy: TaxRemitter;
  from: string;
  to: string;
  amount: Decimal;
}

/** A document (one part) in Xero and as it would be now; a side is absent when the part is new or gone. */
export interface DocumentChangeDto {
  part: string;
  /** The marketplace whose document it is, when documents are split by marketplace. */
  marketplace?: string;
  /** The number it carries in Xero, when it is there. */
  invoiceNumber?: string;
  before?: { type: 'ACCREC' | 'ACCPAY'; date: string; total: Decimal };
  after?: { type: 'ACCREC' | 'ACCPAY'; date: string; total: Decimal };
  /** Only the lines that differ. */
  lines: LineChangeDto[];
  /** How many lines are the same. */
  unchanged: number;
  moves: LineTypeMoveDto[];
}

/** A cost of goods sold journal in Xero and as it would be now. */
export interface JournalChangeDto {
  part: string;
  before?: { date: string; total: Decimal };
  after?: { date: string; total: Decimal };
  lines: LineChangeDto[];
  unchanged: number;
  skus: { sku: string; before?: { net: number; unitCost?: Decimal }; after?: { net: number; unitCost?: Decimal } }[];
}

/**
 * What changed since a settlement was posted. `linesKnown` false: it was posted before SettleSheet
 * kept what each document said, so only what it would post now is listed (as `after`).
 */
export interface PostingChangesDto {
  linesKnown: boolean;
  documents: DocumentChangeDto[];
  journalsKnown: boolean;
  journals: JournalChangeDto[];
  /** Set when nothing can be worked out now (the settlement has problems to fix first). */
  blocked?: boolean;
}

/**
 * Cost of goods sold as the settlement detail shows it: units by SKU per part, the journals the
 * next post sends, and the journals Xero holds.
 */
import type { Decimal } from './import-types';

/** One SKU of a part: units and what they cost. */
export interface CogsSkuDto {
  sku: string;
  sold: number;
  returned: number;
  net: number;
  /** Absent while the SKU has no cost (or several costs apply in the part). */
  unitCost?: Decimal;
  /** Absent while a cost is missing. */
  amount?: Decimal;
  /** Costs tab rows used. */
  costRows: number[];
}

/** A part's units by SKU. */
export interface CogsPartDto {
  key: string;
  from: string;
  to: string;
  sold: number;
  returned: number;
  amount?: Decimal;
  skus: CogsSkuDto[];
}

/** A cost of goods sold journal the next post would send. */
export interface PlannedJournalDto {
  part: string;
  key: string;
  narration: string;
  date: string;
  status: 'DRAFT' | 'POSTED';
  /** Moved from inventory to cost of goods sold (negative when returns exceed sales). */
  total: Decimal;
  lines: { category: string; accountCode: string; accountName?: string; taxType: string; amount: Decimal }[];
}

/** A cost of goods sold journal Xero holds. */
export interface PostedJournalDto {
  part: string;
  narration: string;
  status: string;
  total: Decimal;
  url: string;
}

/** The cost of goods sold of a settlement, as the detail shows it. */
export interface CogsPreviewDto {
  /** The spreadsheet's setting: off makes no journal. */
  enabled: boolean;
  parts: CogsPartDto[];
  journals: PlannedJournalDto[];
  posted: PostedJournalDto[];
  /** Why no journal would be posted now (the invoices are not affected). */
  problems: string[];
  notes: string[];
  /** SKUs without a cost, with their net units and first day. */
  missing: { sku: string; units: number; date: string }[];
  /** Xero holds journals that differ from these: "Void and re-post" replaces only the journals. */
  changedSincePosting: boolean;
  /** Xero already holds the settlement's documents as they are now: the next press touches only journals. */
  onlyJournals: boolean;
}

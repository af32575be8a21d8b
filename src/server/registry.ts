/**
 * The imported settlements: what was imported, where its rows are, and how it stands. Records
 * live in the hidden records tab (see records/record-sheet.ts), shared by every editor and safe
 * from someone sorting a tab. The Settlements tab is rewritten from here, so it always shows the
 * truth.
 */
import type { SettlementHeaderDto, SettlementStatus } from '../api/types';
import { openRecords } from './records/open';
import type { RecordSheet } from './records/record-sheet';

const PREFIX = 'settlesheet.settlement.';
/** The longest failure message a record keeps (the Log keeps the whole text). */
const MAX_ERROR_CHARACTERS = 2000;

/** Rows a settlement occupies in a tab: a contiguous block, 1-based. */
export interface RowBlock {
  firstRow: number;
  count: number;
}

/** One imported settlement. */
export interface SettlementRecord {
  settlementId: string;
  source: string;
  format: 'v1' | 'v2';
  header: SettlementHeaderDto;
  decimals: number;
  lines: number;
  dataRows: number;
  rowsWithoutAmount: number;
  contentHash: string;
  /** SHA-256 (hex) of the bytes of the file imported, when the sidebar sent it (absent in older records). */
  fileSha256?: string;
  marketplaces: string[];
  importedAt: string;
  importedBy: string;
  transactions: RowBlock;
  aggregates: RowBlock;
  /**
   * Where its units block is in the hidden units tab (separator included): a hint checked against
   * the rows' ids, as `aggregates` is; absent in records older than it (their block is searched for).
   */
  units?: RowBlock;
  balanced: boolean;
  unmapped: number;
  /**
   * Set when what would be posted now differs from what Xero holds (a re-issued file, an edited
   * mapping); cleared when they agree again.
   */
  changedSincePosting: boolean;
  /**
   * Set when the last preview found something other than a missing category that stops posting (a
   * deposit in another currency not entered, an account Xero lacks, a mapping conflict), so the
   * status never says Ready while Post is refused; absent in records older than it.
   */
  blocked?: boolean;
  /** The last post attempt's failure, in words (at most 2,000 characters), until a post succeeds. */
  lastPostError?: string;
  /** What its import kept of each line (LINE_FACTS_KEPT); absent in records of SettleSheet's first version. */
  linesKept?: number;
}

/**
 * What an import keeps of each line: 1, the first version, amounts by line type and day only; 2,
 * also who remits each tax line, its fulfilment channel and the units sold per SKU; 3, also which
 * sale lines belong to orders whose tax Amazon remits (core/tax). A settlement
 * imported with less is imported again from the same file on request (its fingerprint is the same).
 */
export const LINE_FACTS_KEPT = 3;

function stored(record: SettlementRecord): string {
  const { lastPostError } = record;
  const capped = lastPostError && lastPostError.length > MAX_ERROR_CHARACTERS ? { ...record, lastPostError: `${lastPostError.slice(0, MAX_ERROR_CHARACTERS - 1)}…` } : record;
  return JSON.stringify(capped);
}

/** The settlement records of one spreadsheet. */
export class SettlementRegistry {
  constructor(private readonly records: RecordSheet) {}

  /** The registry of the active spreadsheet. */
  static active(): SettlementRegistry {
    return new SettlementRegistry(openRecords());
  }

  /** One settlement's record, if it was imported. */
  get(settlementId: string): SettlementRecord | undefined {
    const raw = this.records.get(PREFIX + settlementId);
    return raw ? (JSON.parse(raw) as SettlementRecord) : undefined;
  }

  /** Every record, newest settlement period first. */
  all(): SettlementRecord[] {
    return this.records
      .entries(PREFIX)
      .map(([, raw]) => JSON.parse(raw) as SettlementRecord)
      .sort((a, b) => (a.header.end < b.header.end ? 1 : a.header.end > b.header.end ? -1 : a.settlementId < b.settlementId ? 1 : -1));
  }

  /** Saves a record. */
  put(record: SettlementRecord): void {
    this.records.set(PREFIX + record.settlementId, stored(record));
  }

  /** Saves the record of a settlement the caller found not imported (under the document lock). */
  add(record: SettlementRecord): void {
    this.records.append(PREFIX + record.settlementId, stored(record));
  }

  /** Saves several records in as few calls as their rows allow. */
  putAll(records: readonly SettlementRecord[]): void {
    if (records.length) this.records.setMany(records.map((r) => [PREFIX + r.settlementId, stored(r)] as const));
  }

  /** Forgets a settlement. */
  remove(settlementId: string): void {
    this.records.delete(PREFIX + settlementId);
  }

  /**
   * Moves the blocks of other settlements up after rows were deleted from a tab, so every record
   * keeps pointing at its own rows.
   */
  shiftAfterDelete(tab: 'transactions' | 'aggregates', deleted: RowBlock, records = this.all()): void {
    const moved = records
      .filter((r) => r[tab].firstRow > deleted.firstRow)
      .map((r) => ({ ...r, [tab]: { firstRow: r[tab].firstRow - deleted.count, count: r[tab].count } }));
    this.putAll(moved);
  }
}

/** The status a settlement shows, from its record and how many of its documents Xero holds. */
export function statusOf(record: SettlementRecord, postedDocuments: number): SettlementStatus {
  if (postedDocuments > 0) return record.changedSincePosting ? 'Changed since posting' : 'Posted';
  if (record.lastPostError) return 'Failed';
  if (record.unmapped > 0) return 'Needs mapping';
  if (!record.balanced) return 'Imported';
  return record.blocked ? 'Needs attention' : 'Ready';
}

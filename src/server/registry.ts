/**
 * The imported settlements, kept in document properties (shared by every editor, safe from
 * someone sorting a tab): what was imported, where its rows are, and how it stands. The
 * Settlements tab is rewritten from here, so it always shows the truth.
 */
import type { SettlementHeaderDto, SettlementStatus } from '../api/types';

const PREFIX = 'settlesheet.settlement.';

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
  marketplaces: string[];
  importedAt: string;
  importedBy: string;
  transactions: RowBlock;
  aggregates: RowBlock;
  balanced: boolean;
  unmapped: number;
  /**
   * Set when what would be posted now differs from what Xero holds (a re-issued file, an edited
   * mapping); cleared when they agree again.
   */
  changedSincePosting: boolean;
  /** The last post attempt's failure, in words, until a post succeeds. */
  lastPostError?: string;
}

/** The settlement records of the active spreadsheet. */
export class SettlementRegistry {
  constructor(private readonly properties: GoogleAppsScript.Properties.Properties) {}

  /** The registry of the active spreadsheet. */
  static active(): SettlementRegistry {
    return new SettlementRegistry(PropertiesService.getDocumentProperties());
  }

  /** One settlement's record, if it was imported. */
  get(settlementId: string): SettlementRecord | undefined {
    const raw = this.properties.getProperty(PREFIX + settlementId);
    return raw ? (JSON.parse(raw) as SettlementRecord) : undefined;
  }

  /** Every record, newest settlement period first. */
  all(): SettlementRecord[] {
    const everything = this.properties.getProperties();
    return Object.keys(everything)
      .filter((k) => k.startsWith(PREFIX))
      .map((k) => JSON.parse(everything[k]!) as SettlementRecord)
      .sort((a, b) => (a.header.end < b.header.end ? 1 : a.header.end > b.header.end ? -1 : a.settlementId < b.settlementId ? 1 : -1));
  }

  /** Saves a record. */
  put(record: SettlementRecord): void {
    this.properties.setProperty(PREFIX + record.settlementId, JSON.stringify(record));
  }

  /** Forgets a settlement. */
  remove(settlementId: string): void {
    this.properties.deleteProperty(PREFIX + settlementId);
  }

  /**
   * Moves the blocks of other settlements up after rows were deleted from a tab, so every record
   * keeps pointing at its own rows.
   */
  shiftAfterDelete(tab: 'transactions' | 'aggregates', deleted: RowBlock, records = this.all()): void {
    for (const r of records) {
      if (r[tab].firstRow > deleted.firstRow) {
        r[tab] = { firstRow: r[tab].firstRow - deleted.count, count: r[tab].count };
        this.put(r);
      }
    }
  }
}

/** The status a settlement shows, from its record and how many of its documents Xero holds. */
export function statusOf(record: SettlementRecord, postedDocuments: number): SettlementStatus {
  if (postedDocuments > 0) return record.changedSincePosting ? 'Changed since posting' : 'Posted';
  if (record.lastPostError) return 'Failed';
  if (record.unmapped > 0) return 'Needs mapping';
  return record.balanced ? 'Ready' : 'Imported';
}

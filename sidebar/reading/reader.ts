/**
 * Reading a settlement file where it was chosen: decode, parse with the same code the server
 * trusts, reduce to its aggregate and fingerprint it, and then hand out its lines a chunk at a
 * time for the upload. Pure work with no DOM: it runs in a Worker (see client.ts), so a
 * million-line file never blocks the page, or in the page itself where a Worker cannot start.
 */
import { aggregateDtos, importBegin, lineDtos, unitsDtos } from '../../src/api/import-payload';
import { settlementLimitProblems } from '../../src/api/limits';
import type { AggregateEntryDto, BeginImportRequest, LineDto, UnitsEntryDto } from '../../src/api/types';
import { sha256Hex } from '../../src/core/hash';
import { decodeSettlementBytes } from '../../src/core/settlement/decode';
import { parseSettlement } from '../../src/core/settlement/parse';
import type { Settlement } from '../../src/core/settlement/types';
import { aggregateSettlement, type SettlementAggregate } from '../../src/core/summary/aggregate';
import { classifyTax, type TaxClassification } from '../../src/core/tax/classify';

/** What reading a file found: a settlement ready to check and import, or why it cannot be. */
export type ReadResult =
  | {
      ok: true;
      /** The begin request of an import, fingerprint included. */
      begin: BeginImportRequest;
      /** The settlement reduced to its totals per line type (a few hundred entries at any size). */
      aggregate: SettlementAggregate;
      aggregateDto: AggregateEntryDto[];
      /** Units per SKU per day (cost of goods sold): a few thousand entries at most. */
      units: UnitsEntryDto[];
      /** Marketplaces seen, account-level (blank) rows left out. */
      marketplaces: string[];
      warnings: string[];
    }
  | { ok: false; problems: string[] };

/** The steps of a read, each reporting a fraction done. */
export type ReadStage = 'reading' | 'checking' | 'adding up';

/** How far a read is. */
export interface ReadProgress {
  stage: ReadStage;
  /** 0–1 within the whole read. */
  fraction: number;
}

// Where each stage sits in the whole read: parsing is most of the work.
const CHECKING = [0.05, 0.85] as const;
const ADDING_UP = [0.85, 1] as const;

/** SHA-256 (hex) of bytes: the platform's digest where there is one (browser, Worker, Node), else SettleSheet's own. */
async function sha256Of(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!subtle) return sha256Hex(bytes);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

const within = ([from, to]: readonly [number, number], fraction: number) => from + (to - from) * Math.min(1, Math.max(0, fraction));

/** Holds the last settlement read, for its lines to be sent in chunks. */
export class SettlementReader {
  /**
   * A file's text from its bytes, as the parser would decode them, and the SHA-256 of the bytes,
   * which the summary attached in Xero gives so the file can be matched with `sha256sum` (the
   * import's fingerprint is of its lines). Done apart from reading so the bytes (as large as the
   * file) can be let go before the parse builds its lines.
   */
  static async fileOf(file: Blob): Promise<{ text: string; sha256: string }> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { text: decodeSettlementBytes(bytes), sha256: await sha256Of(bytes) };
  }

  private settlement: Settlement | undefined;
  private tax: TaxClassification | undefined;

  /** Reads a file's text; `name` names it in messages; `fileSha256` (of its bytes) goes with the import. */
  read(text: string, name: string, onProgress: (progress: ReadProgress) => void, fileSha256?: string): ReadResult {
    this.settlement = undefined;
    this.tax = undefined;
    onProgress({ stage: 'checking', fraction: CHECKING[0] });
    const parsed = parseSettlement(text, name, { onProgress: (f) => onProgress({ stage: 'checking', fraction: within(CHECKING, f) }) });
    if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => p.message) };
    onProgress({ stage: 'adding up', fraction: ADDING_UP[0] });
    const settlement = parsed.settlement;
    // The limits the server holds every import to, checked here in the same words (src/api/limits.ts).
    const beyond = settlementLimitProblems(settlement);
    if (beyond.length > 0) return { ok: false, problems: beyond };
    // Who remits each tax line's tax needs the whole settlement's orders: decided once, here.
    const tax = classifyTax(settlement.lines);
    const aggregate = aggregateSettlement(settlement, tax);
    const begin: BeginImportRequest = {
      ...importBegin(settlement, (f) => onProgress({ stage: 'adding up', fraction: within(ADDING_UP, f) })),
      ...(fileSha256 ? { fileSha256 } : {}),
    };
    this.settlement = settlement;
    this.tax = tax;
    const marketplaces = [...new Set(aggregate.entries.map((e) => e.marketplace).filter((m) => m !== ''))];
    return { ok: true, begin, aggregate, aggregateDto: aggregateDtos(aggregate), units: unitsDtos(settlement), marketplaces, warnings: parsed.warnings };
  }

  /** Lines `from` to `to` (exclusive) of the settlement last read, as the server takes them. */
  lines(from: number, to: number): LineDto[] {
    if (!this.settlement || !this.tax) throw new Error('No settlement has been read.');
    return lineDtos(this.settlement, this.tax, from, to);
  }
}

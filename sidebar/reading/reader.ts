/**
 * Reading a settlement file where it was chosen: decode, parse with the same code the server
 * trusts, reduce to its aggregate and fingerprint it, and then hand out its lines a chunk at a
 * time for the upload. Pure work with no DOM: it runs in a Worker (see client.ts), so a
 * million-line file never blocks the page, or in the page itself where a Worker cannot start.
 */
import { aggregateDtos, importBeginInSteps, lineDtos, unitsDtos } from '../../src/api/import-payload';
import { settlementLimitProblemsInSteps } from '../../src/api/limits';
import type { AggregateEntryDto, BeginImportRequest, LineDto, UnitsEntryDto } from '../../src/api/types';
import { sha256Hex } from '../../src/core/hash';
import { decodeSettlementBytes } from '../../src/core/settlement/decode';
import { unitsOfLines } from '../../src/core/cogs/units';
import { parseSettlementInSteps } from '../../src/core/settlement/parse';
import { finishSteps, mapSteps } from '../../src/core/steps';
import type { Settlement } from '../../src/core/settlement/types';
import { aggregateSettlementInSteps, type SettlementAggregate } from '../../src/core/summary/aggregate';
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

// Bytes decoded between two breaths when the page reads a file itself (a few milliseconds' work).
const DECODE_SLICE = 4 << 20;

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

  /**
   * fileOf a slice at a time, for the page's thread: strict UTF-8 decoded `slice` bytes at a time
   * with a breath between (the same text; a file that is not UTF-8, rare, is decoded at once).
   */
  static async textInSlices(file: Blob, breathe: () => Promise<void>, slice = DECODE_SLICE): Promise<{ text: string; sha256: string }> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sha256 = await sha256Of(bytes);
    return { text: await SettlementReader.decodeInSlices(bytes, breathe, slice), sha256 };
  }

  /** Strict UTF-8 decoding `slice` bytes at a time with a breath between (see textInSlices). */
  private static async decodeInSlices(bytes: Uint8Array, breathe: () => Promise<void>, slice: number): Promise<string> {
    if (typeof TextDecoder === 'undefined') return decodeSettlementBytes(bytes);
    const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const pieces: string[] = [];
    try {
      for (let at = start; at < bytes.length; at += slice) {
        pieces.push(decoder.decode(bytes.subarray(at, Math.min(bytes.length, at + slice)), { stream: true }));
        await breathe();
      }
      pieces.push(decoder.decode());
    } catch {
      return decodeSettlementBytes(bytes);
    }
    return pieces.join('');
  }

  private settlement: Settlement | undefined;
  private tax: TaxClassification | undefined;

  /** Reads a file's text; `name` names it in messages; `fileSha256` (of its bytes) goes with the import. */
  read(text: string, name: string, onProgress: (progress: ReadProgress) => void, fileSha256?: string): ReadResult {
    return finishSteps(this.steps(text, name, fileSha256), onProgress);
  }

  /**
   * The same read a slice at a time: each step yields how far it is, a few tens of milliseconds of
   * work apart, so the page can draw and answer between steps when no Worker can run it.
   */
  *steps(text: string, name: string, fileSha256?: string): Generator<ReadProgress, ReadResult, void> {
    this.settlement = undefined;
    this.tax = undefined;
    const checking = (f: number): ReadProgress => ({ stage: 'checking', fraction: within(CHECKING, f) });
    const addingUp = (f: number): ReadProgress => ({ stage: 'adding up', fraction: within(ADDING_UP, f) });
    yield checking(0);
    const parsed = yield* mapSteps(parseSettlementInSteps(text, name), checking);
    if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => p.message) };
    yield addingUp(0);
    const settlement = parsed.settlement;
    // The limits the server holds every import to, checked here in the same words (src/api/limits.ts).
    const beyond = yield* mapSteps(settlementLimitProblemsInSteps(settlement), () => addingUp(0));
    if (beyond.length > 0) return { ok: false, problems: beyond };
    // Who remits each tax line's tax needs the whole settlement's orders: decided once, here.
    const tax = classifyTax(settlement.lines);
    yield addingUp(0);
    // Adding a million lines up takes a few hundred milliseconds: done in slices the page can breathe between.
    const aggregate = yield* mapSteps(aggregateSettlementInSteps(settlement, tax), () => addingUp(0));
    // Units per SKU per day, read once for the begin request's count and for the server.
    const unitEntries = unitsOfLines(settlement.lines);
    yield addingUp(0);
    const begin: BeginImportRequest = {
      ...(yield* mapSteps(importBeginInSteps(settlement, unitEntries), addingUp)),
      ...(fileSha256 ? { fileSha256 } : {}),
    };
    this.settlement = settlement;
    this.tax = tax;
    const marketplaces = [...new Set(aggregate.entries.map((e) => e.marketplace).filter((m) => m !== ''))];
    const units = unitsDtos(settlement, unitEntries);
    yield addingUp(1);
    return { ok: true, begin, aggregate, aggregateDto: aggregateDtos(aggregate), units, marketplaces, warnings: parsed.warnings };
  }

  /** Lines `from` to `to` (exclusive) of the settlement last read, as the server takes them. */
  lines(from: number, to: number): LineDto[] {
    if (!this.settlement || !this.tax) throw new Error('No settlement has been read.');
    return lineDtos(this.settlement, this.tax, from, to);
  }
}

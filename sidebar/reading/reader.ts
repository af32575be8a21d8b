/**
 * Reading a settlement file where it was chosen: decode, parse with the same code the server
 * trusts, reduce to its aggregate and fingerprint it, and then hand out its lines a chunk at a
 * time for the upload. Pure work with no DOM: it runs in a Worker (see client.ts), so a
 * million-line file never blocks the page, or in the page itself where a Worker cannot start.
 */
import { aggregateDtos, importBeginInSteps, lineDtos, unitsDtos } from '../../src/api/import-payload';
import { settlementLimitProblemsInSteps } from '../../src/api/limits';
import type { AggregateEntryDto, BeginImportRequest, LineDto, UnitsEntryDto } from '../../src/api/types';
import { decodeSettlementBytes } from '../../src/core/settlement/decode';
import { unitsOfLines } from '../../src/core/cogs/units';
import { parseSettlementInSteps } from '../../src/core/settlement/parse';
import { finishSteps, mapSteps } from '../../src/core/steps';
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

// Bytes decoded between two breaths when the page reads a file itself (a few milliseconds' work).
const DECODE_SLICE = 4 << 20;

const within = ([from, to]: readonly [number, number], fraction: number) => from + (to - from) * Math.min(1, Math.max(0, fraction));

/** Holds the last settlement read, for its lines to be sent in chunks. */
export class SettlementReader {
  /**
   * A file's text from its bytes, as the parser would decode them. Done apart from reading so the
   * bytes (as large as the file) can be let go before the parse builds its lines.
   */
  static async textOf(file: Blob): Promise<string> {
    return decodeSettlementBytes(new Uint8Array(await file.arrayBuffer()));
  }

  /**
   * textOf a slice at a time, for the page's thread: strict UTF-8 decoded `slice` bytes at a time
   * with a breath between (the same text; a file that is not UTF-8, rare, is decoded at once).
   */
  static async textInSlices(file: Blob, breathe: () => Promise<void>, slice = DECODE_SLICE): Promise<string> {
    const bytes = new Uint8Array(await file.arrayBuffer());
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

  /** Reads a file's text; `name` names it in messages. */
  read(text: string, name: string, onProgress: (progress: ReadProgress) => void): ReadResult {
    return finishSteps(this.steps(text, name), onProgress);
  }

  /**
   * The same read a slice at a time: each step yields how far it is, a few tens of milliseconds of
   * work apart, so the page can draw and answer between steps when no Worker can run it.
   */
  *steps(text: string, name: string): Generator<ReadProgress, ReadResult, void> {
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
    const aggregate = aggregateSettlement(settlement, tax);
    yield addingUp(0);
    // Units per SKU per day, read once for the begin request's count and for the server.
    const unitEntries = unitsOfLines(settlement.lines);
    yield addingUp(0);
    const begin = yield* mapSteps(importBeginInSteps(settlement, unitEntries), addingUp);
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

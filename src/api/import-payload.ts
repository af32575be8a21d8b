/**
 * What the browser sends to import a parsed settlement: the begin request, the lines (to send in
 * chunks) and the aggregate. Pure, so the sidebar, the workbench and the tests build it the same way.
 * The pieces are built separately too, so the sidebar can keep a million lines where they were
 * parsed and make each chunk's tuples only when that chunk is sent.
 */
import { Sha256 } from '../core/hash';
import { formatAmount } from '../core/money';
import type { Settlement, SettlementLine } from '../core/settlement/types';
import { aggregateSettlement, type SettlementAggregate } from '../core/summary/aggregate';
import { classifyTax, roleLabel, TaxRole, type TaxClassification } from '../core/tax/classify';
import { unitRowsOf, unitsOfLines, type UnitsEntry } from '../core/cogs/units';
import { finishSteps } from '../core/steps';
import type { AggregateEntryDto, BeginImportRequest, LineDto, UnitsEntryDto } from './types';

/** The parts of an import. */
export interface ImportPayload {
  begin: BeginImportRequest;
  lines: LineDto[];
  aggregate: AggregateEntryDto[];
  /** Units per SKU per day, sent with the aggregate (cost of goods sold). */
  units: UnitsEntryDto[];
}

/** Builds the import of a parsed settlement. */
export function importPayload(settlement: Settlement): ImportPayload {
  const tax = classifyTax(settlement.lines);
  return {
    begin: importBegin(settlement),
    lines: lineDtos(settlement, tax, 0, settlement.lines.length),
    aggregate: aggregateDtos(aggregateSettlement(settlement, tax)),
    units: unitsDtos(settlement),
  };
}

/** The settlement's units per SKU per day (core/cogs) as the server takes them. */
export function unitsDtos(settlement: Settlement, units: readonly UnitsEntry[] = unitsOfLines(settlement.lines)): UnitsEntryDto[] {
  return units.map((u) => [u.postedDate, u.sku, u.marketplace, u.sold, u.returned, u.assumed]);
}

/** The begin request: the settlement's facts and the fingerprint of its lines. */
export function importBegin(settlement: Settlement, onProgress?: (fraction: number) => void): BeginImportRequest {
  return finishSteps(importBeginInSteps(settlement), onProgress);
}

/**
 * importBegin a slice at a time: yields the fraction fingerprinted after each batch of lines
 * hashed. `units`, when the caller has them already, saves reading the lines' units again.
 */
export function* importBeginInSteps(settlement: Settlement, units: readonly UnitsEntry[] = unitsOfLines(settlement.lines)): Generator<number, BeginImportRequest, void> {
  const { header } = settlement;
  const unitRows = unitRowsOf(units);
  yield 0;
  const hash = yield* contentHash(settlement);
  return {
    // File names are at most 255 characters on every system people use; a longer one is cut.
    source: settlement.source.slice(0, 255),
    format: settlement.format,
    header: {
      settlementId: header.settlementId,
      start: header.start,
      end: header.end,
      depositDate: header.depositDate,
      totalAmount: formatAmount(header.totalAmount, header.decimals),
      currency: header.currency,
    },
    lineCount: settlement.lines.length,
    dataRows: settlement.dataRows,
    rowsWithoutAmount: settlement.rowsWithoutAmount,
    unitRows,
    contentHash: hash,
  };
}


/**
 * The fields of a line the content fingerprint covers (see contentHash): what it covered before
 * quantities and fulfillment ids were sent, so an unchanged file re-imported stays the same file.
 */
function hashedFields(l: SettlementLine, decimals: number): (string | number)[] {
  return [l.line, l.postedDate, l.transactionType, l.amountType, l.amountDescription, l.orderId, l.sku, l.marketplace, formatAmount(l.amount, decimals)];
}

/** A line as the server takes it, with the role its tax plays and, for a split line, Amazon's share. */
function lineDto(l: SettlementLine, decimals: number, role: TaxRole, amazonShare: number | undefined): LineDto {
  return [
    l.line, l.postedDate, l.transactionType, l.amountType, l.amountDescription, l.orderId, l.sku, l.marketplace,
    formatAmount(l.amount, decimals),
    roleLabel(role) as LineDto[9],
    l.quantity ?? null,
    l.fulfillmentId,
    role === TaxRole.Split ? formatAmount(amazonShare ?? 0, decimals) : '',
  ];
}

/**
 * The lines `from` (inclusive) to `to` (exclusive) as the tuples the server takes, each with the
 * role its tax plays (`tax`: the classification of the whole settlement's lines).
 */
export function lineDtos(settlement: Settlement, tax: TaxClassification, from: number, to: number): LineDto[] {
  const { decimals } = settlement.header;
  const end = Math.min(to, settlement.lines.length);
  const out: LineDto[] = [];
  for (let i = Math.max(0, from); i < end; i++) out.push(lineDto(settlement.lines[i]!, decimals, tax.roles[i] as TaxRole, tax.amazonPart.get(i)));
  return out;
}

/** The aggregate as the server takes it. */
export function aggregateDtos(aggregate: SettlementAggregate): AggregateEntryDto[] {
  const { decimals } = aggregate.header;
  return aggregate.entries.map((e) => [e.postedDate, e.transactionType, e.amountType, e.amountDescription, e.marketplace, formatAmount(e.amount, decimals), e.rows, e.remittedBy, e.channel]);
}

// Lines are hashed in batches of about this many characters: few calls, little memory, and a
// step of importBeginInSteps short enough for a page's thread (the digest is the same at any size).
const HASH_BATCH = 1 << 18;

/**
 * A fingerprint of what the settlement says (its summary row and every line without its file line
 * number), so the same settlement re-downloaded, or re-saved with other line endings, is "the same
 * file", and a re-issued one is not. It is the SHA-256 of the summary fields and then each line's
 * fields (not the tax role derived from them), joined with \u001e between parts and \u001f between a
 * line's fields; fed in batches.
 */
function* contentHash(settlement: Settlement): Generator<number, string, void> {
  const h = settlement.header;
  const hash = new Sha256();
  let batch = [h.settlementId, h.start, h.end, h.depositDate, String(h.totalAmount), h.currency].join('\u001e');
  const { lines } = settlement;
  for (let i = 0; i < lines.length; i++) {
    batch += `\u001e${hashedFields(lines[i]!, h.decimals).slice(1).join('\u001f')}`;
    if (batch.length >= HASH_BATCH) {
      hash.updateText(batch);
      batch = '';
      yield i / lines.length;
    }
  }
  hash.updateText(batch);
  return hash.hex();
}

/** Splits lines into chunks of at most `size`. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

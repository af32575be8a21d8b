/**
 * What the browser sends to import a parsed settlement: the begin request, the lines (to send in
 * chunks) and the aggregate. Pure, so the sidebar, the workbench and the tests build it the same way.
 */
import { sha256OfText } from '../core/hash';
import { formatAmount } from '../core/money';
import type { Settlement } from '../core/settlement/types';
import { aggregateSettlement } from '../core/summary/aggregate';
import { unitsOfLines } from '../core/cogs/units';
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
  const { header } = settlement;
  const money = (m: number) => formatAmount(m, header.decimals);
  const lines: LineDto[] = settlement.lines.map((l) => [
    l.line,
    l.postedDate,
    l.transactionType,
    l.amountType,
    l.amountDescription,
    l.orderId,
    l.sku,
    l.marketplace,
    money(l.amount),
  ]);
  const aggregate: AggregateEntryDto[] = aggregateSettlement(settlement).entries.map((e) => [
    e.postedDate,
    e.transactionType,
    e.amountType,
    e.amountDescription,
    e.marketplace,
    money(e.amount),
    e.rows,
  ]);
  return {
    begin: {
      source: settlement.source,
      format: settlement.format,
      header: {
        settlementId: header.settlementId,
        start: header.start,
        end: header.end,
        depositDate: header.depositDate,
        totalAmount: money(header.totalAmount),
        currency: header.currency,
      },
      lineCount: lines.length,
      dataRows: settlement.dataRows,
      rowsWithoutAmount: settlement.rowsWithoutAmount,
      contentHash: contentHash(settlement, lines),
    },
    lines,
    aggregate,
    units: unitsOfLines(settlement.lines).map((u) => [u.postedDate, u.sku, u.marketplace, u.sold, u.returned, u.assumed]),
  };
}

/**
 * A fingerprint of what the settlement says (its summary row and every line without its file line
 * number), so the same settlement re-downloaded, or re-saved with other line endings, is "the same
 * file", and a re-issued one is not.
 */
function contentHash(settlement: Settlement, lines: LineDto[]): string {
  const h = settlement.header;
  const parts = [h.settlementId, h.start, h.end, h.depositDate, String(h.totalAmount), h.currency];
  for (const l of lines) parts.push(l.slice(1).join('\u001f'));
  return sha256OfText(parts.join('\u001e'));
}

/** Splits lines into chunks of at most `size`. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * What the browser sends to import a parsed settlement: the begin request, the lines (to send in
 * chunks) and the aggregate. Pure, so the sidebar, the workbench and the tests build it the same way.
 */
import { sha256OfText } from '../core/hash';
import { formatAmount } from '../core/money';
import type { Settlement } from '../core/settlement/types';
import { aggregateSettlement } from '../core/summary/aggregate';
import { classifyTax, roleLabel, type TaxRole } from '../core/tax/classify';
import type { AggregateEntryDto, BeginImportRequest, LineDto } from './types';

/** The three parts of an import. */
export interface ImportPayload {
  begin: BeginImportRequest;
  lines: LineDto[];
  aggregate: AggregateEntryDto[];
}

/** Builds the import of a parsed settlement. */
export function importPayload(settlement: Settlement): ImportPayload {
  const { header } = settlement;
  const money = (m: number) => formatAmount(m, header.decimals);
  const tax = classifyTax(settlement.lines);
  const { roles } = tax;
  const lines: LineDto[] = settlement.lines.map((l, i) => [
    l.line,
    l.postedDate,
    l.transactionType,
    l.amountType,
    l.amountDescription,
    l.orderId,
    l.sku,
    l.marketplace,
    money(l.amount),
    roleLabel(roles[i] as TaxRole) as LineDto[9] & string,
  ]);
  const aggregate: AggregateEntryDto[] = aggregateSettlement(settlement, tax).entries.map((e) => [
    e.postedDate,
    e.transactionType,
    e.amountType,
    e.amountDescription,
    e.marketplace,
    money(e.amount),
    e.rows,
    e.remittedBy,
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
  // The line's fields only (not the tax classification derived from them), as before it existed.
  for (const l of lines) parts.push(l.slice(1, 9).join('\u001f'));
  return sha256OfText(parts.join('\u001e'));
}

/** Splits lines into chunks of at most `size`. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

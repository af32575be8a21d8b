/**
 * Turns what the registry and the aggregates tab hold back into the core's SettlementAggregate,
 * so previews, posts and imports all summarise through the same engine.
 */
import type { SettlementHeaderDto } from '../api/types';
import { currencyDecimals, parseAmount } from '../core/money';
import type { AggregateEntry, SettlementAggregate } from '../core/summary/aggregate';
import type { SettlementHeader } from '../core/settlement/types';
import type { SettlementRecord } from './registry';

/** The core header of a header as sent over the wire (total as a decimal string). */
function headerFromDto(dto: SettlementHeaderDto): SettlementHeader {
  const decimals = currencyDecimals(dto.currency);
  const totalAmount = parseAmount(dto.totalAmount, decimals);
  if (typeof totalAmount !== 'number') throw new Error(`Settlement ${dto.settlementId} has an unreadable total "${dto.totalAmount}".`);
  return { ...dto, totalAmount, decimals };
}

/** The aggregate of an imported settlement, from its record and its stored entries. */
export function aggregateOf(record: Pick<SettlementRecord, 'source' | 'format' | 'header' | 'lines' | 'dataRows' | 'rowsWithoutAmount'>, entries: AggregateEntry[]): SettlementAggregate {
  return {
    source: record.source,
    format: record.format,
    header: headerFromDto(record.header),
    entries,
    lines: record.lines,
    dataRows: record.dataRows,
    rowsWithoutAmount: record.rowsWithoutAmount,
  };
}

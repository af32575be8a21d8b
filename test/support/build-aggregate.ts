/**
 * Builds settlement aggregates straight from a few lines, so mapping and summary tests can state
 * their input in the domain's words without a settlement file.
 */
import { currencyDecimals, parseAmount, type Minor } from '../../src/core/money';
import type { SettlementHeader } from '../../src/core/settlement/types';
import { AggregateBuilder, type SettlementAggregate } from '../../src/core/summary';
import type { TaxRemitter } from '../../src/core/tax';

/**
 * A line in test shorthand: `['Order', 'ItemPrice', 'Principal', '2025-08-14', '35.00']`, with
 * its marketplace (Amazon.com by default) and, for a tax line, who remits its tax.
 */
export type LineSpec = readonly [transactionType: string, amountType: string, amountDescription: string, postedDate: string, amount: string, marketplace?: string, remittedBy?: TaxRemitter];

/** The settlement facts a test may set; everything else has a plain default. */
export interface HeaderSpec {
  settlementId?: string;
  start?: string;
  end?: string;
  depositDate?: string;
  currency?: string;
  /** Defaults to the exact sum of the lines, i.e. a balanced settlement. */
  total?: string;
}

/** Money in a currency's minor units, failing loudly on a typo. */
export function minor(text: string, currency = 'USD'): Minor {
  const value = parseAmount(text, currencyDecimals(currency));
  if (typeof value !== 'number') throw new Error(`Bad amount in test: ${text}`);
  return value;
}

/** The settlement header a test's facts describe; the total defaults to the lines' sum. */
export function headerOf(header: HeaderSpec, sumOfLines: Minor): SettlementHeader {
  const currency = header.currency ?? 'USD';
  return {
    settlementId: header.settlementId ?? '12345678901',
    start: header.start ?? '2025-08-01T00:00:00Z',
    end: header.end ?? '2025-08-14T00:00:00Z',
    depositDate: header.depositDate ?? '2025-08-16T00:00:00Z',
    totalAmount: header.total === undefined ? sumOfLines : minor(header.total, currency),
    currency,
    decimals: currencyDecimals(currency),
  };
}

/** An aggregate for these lines and header facts. */
export function aggregateOf(lines: readonly LineSpec[], header: HeaderSpec = {}): SettlementAggregate {
  const currency = header.currency ?? 'USD';
  const builder = new AggregateBuilder();
  let sum = 0;
  for (const [transactionType, amountType, amountDescription, postedDate, amount, marketplace = 'Amazon.com', remittedBy = ''] of lines) {
    const value = minor(amount, currency);
    sum += value;
    builder.add({ transactionType, amountType, amountDescription, postedDate, amount: value, marketplace }, remittedBy);
  }
  return {
    source: 'test.txt',
    format: 'v2',
    header: headerOf(header, sum),
    entries: builder.entries(),
    lines: builder.lines,
    dataRows: builder.lines,
    rowsWithoutAmount: 0,
  };
}

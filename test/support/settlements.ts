/**
 * Parsed settlements built straight from lines in test shorthand, for tests of what comes after
 * parsing (import, preview, posting) without a file.
 */
import { parseSettlement } from '../../src/core/settlement';
import type { Settlement } from '../../src/core/settlement/types';
import { headerOf, minor, type HeaderSpec, type LineSpec } from './build-aggregate';

/** A line with an order id, SKU and quantity, for tests about what those cells hold. */
export type DetailedLineSpec = LineSpec | { spec: LineSpec; orderId?: string; sku?: string; quantity?: number; fulfillmentId?: string };

/** A settlement whose total is the sum of its lines unless the header says otherwise. */
export function settlementOf(lines: readonly DetailedLineSpec[], header: HeaderSpec = {}): Settlement {
  const currency = header.currency ?? 'USD';
  let sum = 0;
  const parsed = lines.map((l, i) => {
    const { spec, orderId = `111-${String(1000000 + i)}-7654321`, sku = `SKU-${i}`, quantity, fulfillmentId = '' } = Array.isArray(l)
      ? { spec: l as LineSpec }
      : (l as Exclude<DetailedLineSpec, LineSpec>);
    const [transactionType, amountType, amountDescription, postedDate, amount, marketplace = 'Amazon.com'] = spec;
    const value = minor(amount, currency);
    sum += value;
    return { line: i + 3, postedDate, transactionType, amountType, amountDescription, amount: value, orderId, sku, marketplace, quantity, fulfillmentId };
  });
  return {
    source: 'settlement.txt',
    format: 'v2',
    header: headerOf(header, sum),
    lines: parsed,
    dataRows: parsed.length,
    rowsWithoutAmount: 0,
  };
}

/** A settlement file's text parsed, or the test fails with the parser's first problem. */
export function parsedText(text: string, source = 'settlement.txt'): Settlement {
  const result = parseSettlement(text, source);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.settlement;
}

/**
 * Small settlement files written cell by cell, so each test shows exactly the rows it is about.
 */
import { V1_COLUMNS, V2_COLUMNS } from '../../support/synthetic';

export const V2_HEADER = V2_COLUMNS;

/** The 36-column V1 header, in the order of a real download. */
export const V1_HEADER = V1_COLUMNS;

/** The 33-column V1 header: Amazon drops the promotion columns when no row uses them. */
export const V1_HEADER_33 = V1_HEADER.filter((name) => !name.startsWith('promotion-'));

export type Row = Partial<Record<string, string>>;

export const SUMMARY: Row = {
  'settlement-id': '111',
  'settlement-start-date': '2025-06-20T22:00:00+00:00',
  'settlement-end-date': '2025-07-04T22:00:00+00:00',
  'deposit-date': '2025-07-06T22:00:00+00:00',
  'total-amount': '100.00',
  currency: 'USD',
};

/** One data row of settlement 111 with the given cells. */
export function dataRow(cells: Row): Row {
  return { 'settlement-id': '111', ...cells };
}

/** Writes rows under a header, tab-separated, one row per line, ending with a line break. */
export function settlementText(header: string[], rows: Row[], newline = '\n'): string {
  const lines = [header.join('\t'), ...rows.map((row) => header.map((name) => row[name] ?? '').join('\t'))];
  return lines.join(newline) + newline;
}

/** A V2 order line (Order × ItemPrice × Principal unless told otherwise). */
export function v2Line(cells: Row): Row {
  return dataRow({
    'transaction-type': 'Order',
    'order-id': '114-8829371-4410258',
    'marketplace-name': 'Amazon.com',
    'amount-type': 'ItemPrice',
    'amount-description': 'Principal',
    'fulfillment-id': 'AFN',
    'posted-date': '2025-06-25',
    sku: 'NX-HD-1200',
    ...cells,
  });
}

/**
 * Settlement files for each region the templates cover, written as Flat File V2 text: orders with
 * the tax lines that region's files carry (tax Amazon remits with its withheld line, tax the seller
 * owes without one), Amazon's fees, account-level lines and lines of the 2026 US files, most
 * spanning a month end. Each file's total is the exact sum of its lines.
 */
import { currencyDecimals, formatAmount, parseAmount } from '../../src/core/money';
import { V2_COLUMNS } from './synthetic';

/** One amount: [amount type, amount description, amount]. */
export type Amount = readonly [amountType: string, amountDescription: string, amount: string];

/** The lines of one order (or refund) on one day. */
export interface OrderLines {
  orderId: string;
  type?: string;
  date: string;
  amounts: readonly Amount[];
  marketplace?: string;
  /** `AFN` (FBA) or `MFN` (merchant); blank when not given. */
  fulfillmentId?: string;
}

/** An account-level line (blank marketplace, as in real files). */
export interface AccountLine {
  description: string;
  date: string;
  amount: string;
  transactionType?: string;
  amountType?: string;
}

/** What a regional file holds. */
export interface RegionalFile {
  settlementId: string;
  currency: string;
  marketplace: string;
  /** `YYYY-MM-DD`. */
  start: string;
  end: string;
  orders: readonly OrderLines[];
  accountLines?: readonly AccountLine[];
}

/** The file as text, and its total. */
export function renderRegionalFile(file: RegionalFile): { text: string; total: string } {
  const decimals = currencyDecimals(file.currency);
  const rows: Record<string, string>[] = [];
  let total = 0;
  const add = (row: Record<string, string>) => {
    const amount = parseAmount(row['amount']!, decimals);
    if (typeof amount !== 'number') throw new Error(`Bad amount in a regional file: ${row['amount']}`);
    total += amount;
    rows.push({ 'settlement-id': file.settlementId, ...row });
  };
  for (const order of file.orders) {
    for (const [amountType, amountDescription, amount] of order.amounts) {
      add({
        'transaction-type': order.type ?? 'Order', 'order-id': order.orderId, 'marketplace-name': order.marketplace ?? file.marketplace,
        'amount-type': amountType, 'amount-description': amountDescription, amount, 'fulfillment-id': order.fulfillmentId ?? '',
        'posted-date': order.date, 'posted-date-time': `${order.date} 10:00:00 UTC`, sku: 'SKU-1', 'quantity-purchased': '1',
      });
    }
  }
  for (const line of file.accountLines ?? []) {
    add({
      'transaction-type': line.transactionType ?? 'other-transaction', 'amount-type': line.amountType ?? 'other-transaction',
      'amount-description': line.description, amount: line.amount, 'posted-date': line.date, 'posted-date-time': `${line.date} 04:00:00 UTC`,
    });
  }
  const totalText = formatAmount(total, decimals);
  const summary: Record<string, string> = {
    'settlement-id': file.settlementId,
    'settlement-start-date': `${file.start} 00:00:00 UTC`,
    'settlement-end-date': `${file.end} 00:00:00 UTC`,
    'deposit-date': `${file.end} 06:00:00 UTC`,
    'total-amount': totalText,
    currency: file.currency,
  };
  const line = (row: Record<string, string>) => V2_COLUMNS.map((c) => row[c] ?? '').join('\t');
  return { text: [V2_COLUMNS.join('\t'), line(summary), ...rows.map(line)].join('\n') + '\n', total: totalText };
}

const fees = (commission: string, fba: string): Amount[] => [['ItemFees', 'Commission', commission], ['ItemFees', 'FBAPerUnitFulfillmentFee', fba]];

/** US: marketplace facilitator tax on every order, plus the 2026 line types of issue 11 §6. */
export const US_FILE: RegionalFile = {
  settlementId: '30011000001', currency: 'USD', marketplace: 'Amazon.com', start: '2026-06-24', end: '2026-07-08',
  orders: [
    { orderId: '111-0000001-0000001', date: '2026-06-27', amounts: [
      ['ItemPrice', 'Principal', '100.00'], ['ItemPrice', 'Tax', '8.25'], ['ItemPrice', 'Shipping', '5.99'], ['ItemPrice', 'ShippingTax', '0.49'],
      ['ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '-8.25'], ['ItemWithheldTax', 'MarketplaceFacilitatorTax-Shipping', '-0.49'],
      ...fees('-15.90', '-3.64'),
    ] },
    { orderId: '111-0000001-0000002', type: 'Refund', date: '2026-07-02', amounts: [
      ['ItemPrice', 'Principal', '-40.00'], ['ItemPrice', 'Tax', '-3.30'], ['ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '3.30'],
      ['ItemFees', 'Commission', '6.00'], ['ItemFees', 'RefundCommission', '-1.20'],
    ] },
    { orderId: '111-0000001-0000003', date: '2026-07-03', amounts: [['ItemPrice', 'Principal', '250.00'], ['ItemPrice', 'Tax', '20.63'], ['ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '-20.63'], ...fees('-37.50', '-5.40')] },
    { orderId: '111-0000001-0000004', type: 'Liquidations', date: '2026-07-04', amounts: [['ItemPrice', 'Principal', '12.00'], ['ItemFees', 'LiquidationsBrokerageFee', '-1.80']] },
  ],
  accountLines: [
    { description: 'Coupon Participation Fee', transactionType: 'AmazonFees', amountType: 'Coupon Participation Fee', date: '2026-06-29', amount: '-5.00' },
    { description: 'Coupon Performance Based Fee', transactionType: 'AmazonFees', amountType: 'Coupon Performance Based Fee', date: '2026-06-30', amount: '-2.50' },
    { description: 'Deal Participation Fee', transactionType: 'AmazonFees', amountType: 'Deal Participation Fee', date: '2026-07-01', amount: '-70.00' },
    { description: 'Deal Performance Based Fee', transactionType: 'AmazonFees', amountType: 'Deal Performance Based Fee', date: '2026-07-01', amount: '-3.10' },
    { description: 'Inbound placement', transactionType: 'other-transaction', amountType: 'FBA Inbound Placement Service Fee', date: '2026-07-02', amount: '-27.30' },
    { description: 'Unplanned service fee', transactionType: 'FBAFees', amountType: 'Inbound Defect Fee', date: '2026-07-02', amount: '-2.10' },
    { description: 'LowInventoryLevelFee', date: '2026-07-05', amount: '-4.40' },
    { description: 'Storage Fee', date: '2026-07-06', amount: '-31.20' },
    { description: 'Shipping label purchase', date: '2026-07-06', amount: '-8.45' },
    { description: 'Subscription Fee', date: '2026-07-07', amount: '-39.99' },
  ],
};

/**
 * Canada, GST/HST registered: HST the seller owes (no withheld line), a BC order whose one Tax line
 * is part GST owed and part PST Amazon remits, an order with two Tax lines of which Amazon remits
 * one, and advertising with its GST/HST stated (ServiceFee TaxAmount, as in a real file).
 */
export const CA_FILE: RegionalFile = {
  settlementId: '30022000002', currency: 'CAD', marketplace: 'Amazon.ca', start: '2026-06-24', end: '2026-07-08',
  orders: [
    { orderId: '702-0000002-0000001', date: '2026-06-26', amounts: [['ItemPrice', 'Principal', '300.00'], ['ItemPrice', 'Tax', '39.00'], ...fees('-45.00', '-6.12')] },
    { orderId: '702-0000002-0000002', date: '2026-07-02', amounts: [
      ['ItemPrice', 'Principal', '50.00'], ['ItemPrice', 'Tax', '6.00'], ['ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '-3.50'], ...fees('-7.50', '-4.10'),
    ] },
    { orderId: '702-0000002-0000003', date: '2026-07-03', amounts: [
      ['ItemPrice', 'Principal', '100.00'], ['ItemPrice', 'Tax', '5.00'], ['ItemPrice', 'Tax', '7.00'], ['ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '-7.00'], ...fees('-15.00', '-6.12'),
    ] },
    { orderId: '702-0000002-0000004', type: 'Refund', date: '2026-07-04', amounts: [['ItemPrice', 'Principal', '-20.00'], ['ItemPrice', 'Tax', '-2.60'], ['ItemFees', 'Commission', '3.00']] },
  ],
  accountLines: [
    { description: 'TransactionTotalAmount', transactionType: 'ServiceFee', amountType: 'Cost of Advertising', date: '2026-06-30', amount: '-150.74' },
    { description: 'TaxAmount', transactionType: 'ServiceFee', amountType: 'Cost of Advertising', date: '2026-06-30', amount: '-18.09' },
    { description: 'Subscription Fee', date: '2026-07-06', amount: '-32.09' },
  ],
};

/**
 * UK, VAT registered, across the 1 August 2024 change: VAT the seller owes, deemed-supplier VAT
 * Amazon remits (MarketplaceFacilitatorVAT), fees either side of the change, an Amazon.de order.
 */
export const UK_FILE: RegionalFile = {
  settlementId: '30033000003', currency: 'GBP', marketplace: 'Amazon.co.uk', start: '2024-07-25', end: '2024-08-08',
  orders: [
    { orderId: '203-0000003-0000001', date: '2024-07-29', amounts: [['ItemPrice', 'Principal', '100.00'], ['ItemPrice', 'Tax', '20.00'], ...fees('-18.00', '-3.20')] },
    { orderId: '203-0000003-0000002', date: '2024-08-02', amounts: [
      ['ItemPrice', 'Principal', '10.00'], ['ItemPrice', 'Tax', '2.00'], ['ItemFees', 'MarketplaceFacilitatorVAT-Principal', '-2.00'], ...fees('-1.80', '-2.60'),
    ] },
    { orderId: '203-0000003-0000003', date: '2024-08-05', amounts: [['ItemPrice', 'Principal', '45.00'], ['ItemPrice', 'Tax', '9.00'], ...fees('-8.10', '-3.20')] },
    { orderId: '028-0000003-0000004', date: '2024-08-06', marketplace: 'Amazon.de', amounts: [['ItemPrice', 'Principal', '30.00'], ['ItemPrice', 'Tax', '5.70'], ['ItemFees', 'MarketplaceFacilitatorVAT-Principal', '-5.70'], ...fees('-4.50', '-3.90')] },
  ],
  accountLines: [
    { description: 'Storage Fee', date: '2024-08-07', amount: '-12.40' },
    { description: 'Subscription Fee', date: '2024-07-30', amount: '-30.00' },
    { description: 'Shipping label purchase', date: '2024-08-01', amount: '-3.35' },
  ],
};

/** EU (Germany), VAT registered: German VAT owed, an OSS-style sale to France remitted by Amazon. */
export const DE_FILE: RegionalFile = {
  settlementId: '30044000004', currency: 'EUR', marketplace: 'Amazon.de', start: '2026-06-24', end: '2026-07-08',
  orders: [
    { orderId: '028-0000004-0000001', date: '2026-06-26', amounts: [['ItemPrice', 'Principal', '100.00'], ['ItemPrice', 'Tax', '19.00'], ...fees('-17.85', '-3.50')] },
    { orderId: '171-0000004-0000002', date: '2026-07-03', marketplace: 'Amazon.fr', amounts: [['ItemPrice', 'Principal', '50.00'], ['ItemPrice', 'Tax', '10.00'], ['ItemWithheldTax', 'MarketplaceFacilitatorVAT-Principal', '-10.00'], ...fees('-9.00', '-4.20')] },
  ],
  accountLines: [{ description: 'Storage Fee', date: '2026-07-06', amount: '-9.90' }],
};

/** Australia, GST registered: GST-inclusive prices, low-value imported goods GST Amazon remits. */
export const AU_FILE: RegionalFile = {
  settlementId: '30055000005', currency: 'AUD', marketplace: 'Amazon.com.au', start: '2026-06-24', end: '2026-07-08',
  orders: [
    { orderId: '250-0000005-0000001', date: '2026-06-27', amounts: [['ItemPrice', 'Principal', '110.00'], ...fees('-16.50', '-5.95')] },
    { orderId: '250-0000005-0000002', date: '2026-07-02', amounts: [
      ['ItemPrice', 'Principal', '40.00'], ['ItemPrice', 'Tax', '4.00'], ['ItemWithheldTax', 'LowValueGoodsTax-Principal', '-4.00'], ...fees('-6.00', '-4.70'),
    ] },
  ],
  accountLines: [{ description: 'Storage Fee', date: '2026-07-06', amount: '-6.60' }],
};

/** New Zealand seller on Amazon.com.au: an AUD settlement, to be converted into NZD. */
export const NZ_FILE: RegionalFile = {
  settlementId: '30066000006', currency: 'AUD', marketplace: 'Amazon.com.au', start: '2026-06-24', end: '2026-07-08',
  orders: [
    { orderId: '250-0000006-0000001', date: '2026-06-28', amounts: [['ItemPrice', 'Principal', '220.00'], ...fees('-33.00', '-11.90')] },
    { orderId: '250-0000006-0000002', date: '2026-07-04', amounts: [['ItemPrice', 'Principal', '80.00'], ...fees('-12.00', '-5.95')] },
  ],
  accountLines: [{ description: 'Subscription Fee', date: '2026-07-06', amount: '-49.95' }],
};

/** Japan: yen, consumption tax the seller owes stated per order. */
export const JP_FILE: RegionalFile = {
  settlementId: '30077000007', currency: 'JPY', marketplace: 'Amazon.co.jp', start: '2026-06-24', end: '2026-07-08',
  orders: [
    { orderId: '503-0000007-0000001', date: '2026-06-27', amounts: [['ItemPrice', 'Principal', '12800'], ['ItemPrice', 'Tax', '1280'], ...fees('-1408', '-434')] },
    { orderId: '503-0000007-0000002', date: '2026-07-03', amounts: [['ItemPrice', 'Principal', '3980'], ['ItemPrice', 'Tax', '398'], ...fees('-438', '-318')] },
  ],
  accountLines: [{ description: 'Subscription Fee', date: '2026-07-06', amount: '-4900' }],
};

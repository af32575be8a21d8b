/**
 * The workbench's demo settlement: an amazon.com Flat File V2 of a few hundred lines that spans a
 * month end, with sales, tax Amazon collects, fees, refunds, promotions, storage, a subscription,
 * reserves, and ONE line type the default mapping does not know (an "Inventory Placement Service
 * Fee"), so a newcomer sees the whole path: import, map one line, connect, post. The same seed
 * always gives the same file.
 */
import { formatAmount, type Minor } from '../core/money';
import { mulberry32 } from '../../test/support/synthetic';

/** The demo file's name and text. */
export interface DemoSettlement {
  fileName: string;
  text: string;
  settlementId: string;
  /** Σ of every line: the settlement's total-amount. */
  total: Minor;
  lines: number;
}

const COLUMNS = [
  'settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency',
  'transaction-type', 'order-id', 'merchant-order-id', 'adjustment-id', 'shipment-id', 'marketplace-name',
  'amount-type', 'amount-description', 'amount', 'fulfillment-id', 'posted-date', 'posted-date-time',
  'order-item-code', 'merchant-order-item-id', 'merchant-adjustment-item-id', 'sku', 'quantity-purchased',
  'promotion-id',
] as const;

type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

const SETTLEMENT_ID = '24577301951';
const START = Date.UTC(2025, 5, 24, 7, 12, 40); // 24 Jun 2025: the period crosses into July
const DAYS = 14;
const DEPOSIT = START + (DAYS + 2) * 86_400_000;
/** The line type the shipped mapping leaves unmapped on purpose: a person must choose its category. */
export const UNMAPPED_DESCRIPTION = 'Inventory Placement Service Fee';

const PRODUCTS: readonly { sku: string; price: Minor }[] = [
  { sku: 'HLG-MUG-12OZ-BLU', price: 1899 },
  { sku: 'HLG-MUG-12OZ-GRN', price: 1899 },
  { sku: 'HLG-TEA-TOWEL-3PK', price: 2450 },
  { sku: 'HLG-CANDLE-CEDAR', price: 3200 },
  { sku: 'HLG-COASTER-SET-6', price: 1575 },
  { sku: 'HLG-TRIVET-CAST', price: 2799 },
];

function stamp(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function digits(random: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(Math.floor(random() * 10));
  return out;
}

/** Builds the demo settlement. */
export function demoSettlement(seed = 20250708): DemoSettlement {
  const random = mulberry32(seed);
  const rows: Row[] = [];
  let total: Minor = 0;
  const add = (row: Row, amount: Minor, at: number) => {
    total += amount;
    rows.push({ ...row, amount: formatAmount(amount, 2), 'posted-date': stamp(at).slice(0, 10), 'posted-date-time': stamp(at) });
  };
  const account = (description: string, amount: Minor, at: number) =>
    add({ 'transaction-type': 'other-transaction', 'amount-type': 'other-transaction', 'amount-description': description }, amount, at);

  account('Previous Reserve Amount Balance', 41250, START + 60_000);
  const orders: { id: string; sku: string; price: Minor; at: number }[] = [];
  for (let i = 0; i < 58; i++) {
    const at = START + Math.floor((i / 58) * DAYS * 86_400_000) + Math.floor(random() * 3_600_000);
    const product = PRODUCTS[Math.floor(random() * PRODUCTS.length)]!;
    const quantity = random() < 0.2 ? 2 : 1;
    const id = `113-${digits(random, 7)}-${digits(random, 7)}`;
    const order = { 'transaction-type': 'Order', 'order-id': id, 'merchant-order-id': '', 'shipment-id': `D${digits(random, 8)}`, 'marketplace-name': 'Amazon.com', 'fulfillment-id': 'AFN', sku: product.sku, 'quantity-purchased': String(quantity), 'order-item-code': digits(random, 14) };
    const principal = product.price * quantity;
    const tax = Math.round((principal * 725) / 10_000);
    add({ ...order, 'amount-type': 'ItemPrice', 'amount-description': 'Principal' }, principal, at);
    add({ ...order, 'amount-type': 'ItemPrice', 'amount-description': 'Tax' }, tax, at);
    add({ ...order, 'amount-type': 'ItemWithheldTax', 'amount-description': 'MarketplaceFacilitatorTax-Principal' }, -tax, at);
    add({ ...order, 'amount-type': 'ItemFees', 'amount-description': 'Commission' }, -Math.round((principal * 15) / 100), at);
    add({ ...order, 'amount-type': 'ItemFees', 'amount-description': 'FBAPerUnitFulfillmentFee' }, -(385 + Math.floor(random() * 120)) * quantity, at);
    if (random() < 0.15) {
      add({ ...order, 'amount-type': 'Promotion', 'amount-description': 'Principal', 'promotion-id': `PLM-${digits(random, 6)}` }, -Math.round(principal / 10), at);
    }
    orders.push({ id, sku: product.sku, price: principal, at });
  }
  for (const refunded of [orders[3]!, orders[17]!, orders[40]!]) {
    const at = refunded.at + 3 * 86_400_000;
    const refund = { 'transaction-type': 'Refund', 'order-id': refunded.id, 'adjustment-id': digits(random, 14), 'marketplace-name': 'Amazon.com', 'fulfillment-id': 'AFN', sku: refunded.sku, 'quantity-purchased': '1' };
    add({ ...refund, 'amount-type': 'ItemPrice', 'amount-description': 'Principal' }, -refunded.price, at);
    add({ ...refund, 'amount-type': 'ItemFees', 'amount-description': 'Commission' }, Math.round((refunded.price * 15) / 100), at);
    add({ ...refund, 'amount-type': 'ItemFees', 'amount-description': 'RefundCommission' }, -Math.round((refunded.price * 3) / 100), at);
  }
  account('Subscription Fee', -3999, START + 2 * 86_400_000);
  account('Storage Fee', -2713, START + 9 * 86_400_000);
  account(UNMAPPED_DESCRIPTION, -1840, START + 10 * 86_400_000);
  account('Current Reserve Amount', -38770, START + DAYS * 86_400_000 - 120_000);

  const end = START + DAYS * 86_400_000;
  const summary: Row = {
    'settlement-start-date': stamp(START),
    'settlement-end-date': stamp(end),
    'deposit-date': stamp(DEPOSIT),
    'total-amount': formatAmount(total, 2),
    currency: 'USD',
  };
  const line = (row: Row) => COLUMNS.map((c) => (c === 'settlement-id' ? SETTLEMENT_ID : row[c] ?? '')).join('\t');
  const text = [COLUMNS.join('\t'), line(summary), ...rows.map(line)].join('\n') + '\n';
  return { fileName: `${SETTLEMENT_ID}.txt`, text, settlementId: SETTLEMENT_ID, total, lines: rows.length };
}

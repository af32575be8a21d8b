/**
 * Where each field sits in a settlement file, found by header name (never by position: Amazon
 * drops empty column groups, and the two layouts order their columns differently).
 */
import type { SettlementFormat } from './types';

/** One cell of a row that can hold an amount, and how its line is named. */
export interface AmountColumn {
  /** Column of the amount. */
  amount: number;
  /** Column holding the amount-type (V2), or -1 when the layout implies `fixedType` (V1). */
  typeIndex: number;
  fixedType: string;
  /** Column holding the amount-description, or -1 when there is none. */
  descriptionIndex: number;
  /** The description when the description cell is blank or absent. */
  fallbackDescription: string;
  /**
   * True for V1's `other-amount`: an account-level row, whose transaction-type becomes the
   * description so that it reads like V2's `other-transaction × other-transaction × <name>`.
   */
  accountLevel: boolean;
}

/** The column positions of one file's header. Optional columns absent from the file are -1. */
export interface Layout {
  format: SettlementFormat;
  /** The header's field count; every row must have the same. */
  width: number;
  /** Header names, trimmed and lower-cased, for messages. */
  names: string[];
  settlementId: number;
  start: number;
  end: number;
  depositDate: number;
  totalAmount: number;
  currency: number;
  transactionType: number;
  postedDate: number;
  postedDateTime: number;
  orderId: number;
  sku: number;
  marketplace: number;
  /** `quantity-purchased`: units of the order item (V1 writes it on a row of its own). */
  quantity: number;
  /** `order-item-code`: tells apart the items of one order (V1's quantity rows name theirs). */
  orderItemCode: number;
  /** `fulfillment-id`: who shipped the order (`AFN` Amazon, `MFN` the seller); both layouts carry it. */
  fulfillmentId: number;
  amounts: AmountColumn[];
}

/** The summary-row columns, in the order messages list them. */
export const SUMMARY_COLUMNS = [
  'settlement-id', 'settlement-start-date', 'settlement-end-date', 'deposit-date', 'total-amount', 'currency',
] as const;

const REQUIRED = [...SUMMARY_COLUMNS, 'transaction-type', 'posted-date'];
const V2_AMOUNT = ['amount-type', 'amount-description', 'amount'];

interface V1AmountGroup {
  amount: string;
  type: string;
  description: string | null;
  fallbackDescription: string;
}

// The old flat file's amount cells in the order a row's lines are produced.
const V1_GROUPS: V1AmountGroup[] = [
  { amount: 'price-amount', type: 'ItemPrice', description: 'price-type', fallbackDescription: '' },
  { amount: 'item-related-fee-amount', type: 'ItemFees', description: 'item-related-fee-type', fallbackDescription: '' },
  { amount: 'promotion-amount', type: 'Promotion', description: 'promotion-type', fallbackDescription: '' },
  { amount: 'shipment-fee-amount', type: 'ShipmentFees', description: 'shipment-fee-type', fallbackDescription: '' },
  { amount: 'order-fee-amount', type: 'OrderFees', description: 'order-fee-type', fallbackDescription: '' },
  { amount: 'direct-payment-amount', type: 'DirectPayment', description: 'direct-payment-type', fallbackDescription: '' },
  { amount: 'misc-fee-amount', type: 'MiscFees', description: null, fallbackDescription: 'MiscFee' },
  { amount: 'other-fee-amount', type: 'OtherFees', description: 'other-fee-reason-description', fallbackDescription: 'OtherFee' },
];

/** The V1 columns whose description may be missing from the header without harm. */
const V1_OPTIONAL_DESCRIPTION = new Set(['other-fee-reason-description']);

/** True when a header looks like a settlement's at all (so missing columns are worth listing). */
export function looksLikeSettlementHeader(names: readonly string[]): boolean {
  return names.includes('settlement-id') || names.includes('total-amount') || names.includes('amount-type');
}

/**
 * Finds every column the parser reads, or lists the required ones the header lacks. A header with
 * `amount-type`/`amount-description`/`amount` is Flat File V2; one with the `*-amount` columns
 * is the old V1.
 */
export function layoutFromHeader(names: string[]): Layout | { missing: string[] } {
  const at = (name: string): number => names.indexOf(name);
  const isV2 = V2_AMOUNT.some((name) => at(name) >= 0);
  const v1Groups = V1_GROUPS.filter((group) => at(group.amount) >= 0);
  const hasOtherAmount = at('other-amount') >= 0;
  const isV1 = !isV2 && (v1Groups.length > 0 || hasOtherAmount);

  const required = [...REQUIRED, ...(isV1 ? [] : V2_AMOUNT)];
  if (isV1) {
    for (const group of v1Groups) {
      if (group.description !== null && !V1_OPTIONAL_DESCRIPTION.has(group.description)) {
        required.push(group.description);
      }
    }
  }
  const missing = required.filter((name) => at(name) < 0);
  if (missing.length > 0) return { missing };

  const transactionType = at('transaction-type');
  const amounts: AmountColumn[] = isV1
    ? v1Groups.map((group) => ({
        amount: at(group.amount),
        typeIndex: -1,
        fixedType: group.type,
        descriptionIndex: group.description === null ? -1 : at(group.description),
        fallbackDescription: group.fallbackDescription,
        accountLevel: false,
      }))
    : [{
        amount: at('amount'),
        typeIndex: at('amount-type'),
        fixedType: '',
        descriptionIndex: at('amount-description'),
        fallbackDescription: '',
        accountLevel: false,
      }];
  if (isV1 && hasOtherAmount) {
    amounts.push({
      amount: at('other-amount'),
      typeIndex: -1,
      fixedType: 'other-transaction',
      descriptionIndex: transactionType,
      fallbackDescription: '',
      accountLevel: true,
    });
  }
  return {
    format: isV1 ? 'v1' : 'v2',
    width: names.length,
    names,
    settlementId: at('settlement-id'),
    start: at('settlement-start-date'),
    end: at('settlement-end-date'),
    depositDate: at('deposit-date'),
    totalAmount: at('total-amount'),
    currency: at('currency'),
    transactionType,
    postedDate: at('posted-date'),
    postedDateTime: at('posted-date-time'),
    orderId: at('order-id'),
    sku: at('sku'),
    marketplace: at('marketplace-name'),
    quantity: at('quantity-purchased'),
    orderItemCode: at('order-item-code'),
    fulfillmentId: at('fulfillment-id'),
    amounts,
  };
}

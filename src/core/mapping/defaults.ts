/**
 * The mapping SettleSheet ships with: rules for the whole vocabulary in DOMAIN.md (V2 spellings
 * and the V1 forms the parser normalises to), and placeholder accounts the user replaces with
 * their own chart's codes.
 *
 * Wildcards are used only where a new value can only mean one thing (any promotion is a
 * promotion; any FBA inventory reimbursement reason is a reimbursement). A new transaction type
 * with an item price, or an unknown account-level charge, stays UNMAPPED so a person decides:
 * that is the market tools' "silently mis-mapped" complaint, avoided on purpose.
 */
import { CARRIED_FORWARD, COGS_CATEGORY, INVENTORY_CATEGORY } from './categories';
import type { CategoryAccount, Mapping, MappingRule } from './types';

type RuleRow = readonly [transactionType: string, amountType: string, amountDescription: string, category: string];

const ANY = '';

const RULES: readonly RuleRow[] = [
  // Item price: who the money belongs to depends on the transaction type.
  ...['Principal', 'Shipping', 'GiftWrap'].map((d) => ['Order', 'ItemPrice', d, 'Sales'] as const),
  ...['Principal', 'Shipping', 'GiftWrap', 'Goodwill', 'RestockingFee'].map((d) => ['Refund', 'ItemPrice', d, 'Refunds'] as const),
  ['Chargeback Refund', ANY, ANY, 'Refunds'],
  ['A-to-z Guarantee Refund', ANY, ANY, 'Refunds'],
  ['Liquidations', ANY, ANY, 'Sales'],
  ['Liquidations Adjustments', ANY, ANY, 'Sales'],

  // Tax Amazon collects and remits (marketplace facilitator): nets to zero in a clearing account.
  ...['Tax', 'ShippingTax', 'GiftWrapTax'].map((d) => [ANY, 'ItemPrice', d, 'Marketplace facilitator tax'] as const),
  [ANY, 'ItemWithheldTax', ANY, 'Marketplace facilitator tax'],
  [ANY, 'ItemFees', 'MarketplaceFacilitatorVAT-Principal', 'Marketplace facilitator tax'],
  [ANY, 'ItemFees', 'MarketplaceFacilitatorVAT-Shipping', 'Marketplace facilitator tax'],
  ['Order_Retrocharge', ANY, ANY, 'Marketplace facilitator tax'],
  ['Refund_Retrocharge', ANY, ANY, 'Marketplace facilitator tax'],

  [ANY, 'Promotion', ANY, 'Promotions'],

  // Per-item fees, whatever transaction carries them.
  ...[
    'Commission', 'RefundCommission', 'VariableClosingFee', 'FixedClosingFee', 'DigitalServicesFee',
    'ShippingChargeback', 'GiftwrapChargeback', 'ShippingHB', 'TechnologyFee', 'SalesTaxCollectionFee',
  ].map((d) => [ANY, 'ItemFees', d, 'Seller fees'] as const),
  ...['FBAPerUnitFulfillmentFee', 'FBAPerOrderFulfillmentFee', 'FBAWeightBasedFee'].map(
    (d) => [ANY, 'ItemFees', d, 'FBA fees'] as const,
  ),
  [ANY, 'ShipmentFees', ANY, 'FBA fees'],
  [ANY, 'Shipment-Fees', ANY, 'FBA fees'],
  [ANY, 'OrderFees', 'FBAPerOrderFulfillmentFee', 'FBA fees'],

  // Advertising: V2 puts it in the amount type, V1 in the item-related fee (plus a tax amount).
  [ANY, 'Cost of Advertising', ANY, 'Advertising'],
  [ANY, 'ItemFees', 'Cost of Advertising', 'Advertising'],
  ['ServiceFee', 'OtherFees', 'TaxAmount', 'Advertising'],
  ['CouponRedemptionFee', ANY, ANY, 'Advertising'],
  ['Lightning Deal Fee', ANY, ANY, 'Advertising'],
  ['Vine Enrollment Fee', ANY, ANY, 'Advertising'],

  [ANY, 'FBA Inventory Reimbursement', ANY, 'Reimbursements'],
  ['SAFE-T Reimbursement', ANY, ANY, 'Reimbursements'],

  // Account-level lines (V2 `other-transaction`, and V1 rows the parser normalises to it).
  ...(
    [
      ['Current Reserve Amount', 'Reserved balances'],
      ['Previous Reserve Amount Balance', 'Reserved balances'],
      ['Storage Fee', 'Storage'],
      ['StorageRenewalBilling', 'Storage'],
      ['Subscription Fee', 'Seller fees'],
      ['Manual Processing Fee', 'Seller fees'],
      ['Shipping label purchase', 'Seller fees'],
      ['LowInventoryLevelFee', 'FBA fees'],
      ['DisposalComplete', 'FBA fees'],
      ['RemovalComplete', 'FBA fees'],
      ['FBAInboundTransportationFee', 'FBA fees'],
      ['Inbound Transportation Fee', 'FBA fees'],
      ['Refund Reimbursal', 'Reimbursements'],
      ['REVERSAL_REIMBURSEMENT', 'Reimbursements'],
      ['WAREHOUSE_DAMAGE', 'Reimbursements'],
      ['WAREHOUSE_LOST', 'Reimbursements'],
      ['CS_ERROR_ITEMS', 'Reimbursements'],
      ['MISSING_FROM_INBOUND', 'Reimbursements'],
      ['INCORRECT_FEES_ITEMS', 'Reimbursements'],
      ['Payable to Amazon', 'Transfers'],
      ['Successful charge', 'Transfers'],
      ['Failed Disbursement', 'Transfers'],
      ['BalanceAdjustment', 'Transfers'],
      ['Micro Deposit', 'Transfers'],
      ['Loan Servicing', 'Loans'],
    ] as const
  ).map(([d, category]) => [ANY, 'other-transaction', d, category] as const),
];

// Placeholder codes: a typical seller's chart (Xero's standard codes plus Amazon accounts).
// Every one is meant to be replaced in the Accounts tab; posting validates them against the
// organisation first, so a placeholder that does not exist never reaches Xero.
const ACCOUNTS: readonly (readonly [category: string, accountCode: string, taxType: string])[] = [
  ['Sales', '201', 'NONE'],
  ['Refunds', '202', 'NONE'],
  ['Promotions', '203', 'NONE'],
  ['Seller fees', '405', 'NONE'],
  ['FBA fees', '406', 'NONE'],
  ['Storage', '407', 'NONE'],
  ['Advertising', '408', 'NONE'],
  ['Reimbursements', '205', 'NONE'],
  ['Marketplace facilitator tax', '2150', 'NONE'],
  ['Reserved balances', '1210', 'NONE'],
  ['Transfers', '1220', 'NONE'],
  ['Loans', '2300', 'NONE'],
  [CARRIED_FORWARD, '2010', 'NONE'],
  [COGS_CATEGORY, '310', 'NONE'],
  [INVENTORY_CATEGORY, '630', 'NONE'],
];

/** The mapping a new workbook starts with. */
export function defaultMapping(): Mapping {
  const rules: MappingRule[] = RULES.map(([transactionType, amountType, amountDescription, category]) => ({
    transactionType,
    amountType,
    amountDescription,
    marketplace: '',
    effectiveFrom: '',
    effectiveTo: '',
    category,
    origin: 'default rule',
  }));
  const accounts: CategoryAccount[] = ACCOUNTS.map(([category, accountCode, taxType]) => ({
    category,
    marketplace: '',
    effectiveFrom: '',
    effectiveTo: '',
    accountCode,
    taxType,
    origin: 'default account',
  }));
  return { rules, accounts };
}

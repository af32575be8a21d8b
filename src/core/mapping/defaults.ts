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
import { FACILITATOR_TAX, REMITTED_PROMOTIONS, REMITTED_REFUNDS, REMITTED_SALES } from './categories';
import type { TaxRemitter } from '../tax/classify';
import type { Mapping, MappingRule } from './types';
import { templateAccounts } from './templates';

type RuleRow = readonly [transactionType: string, amountType: string, amountDescription: string, category: string, remittedBy?: TaxRemitter];

const ANY = '';
const TAX_CHARGES = ['Tax', 'ShippingTax', 'GiftWrapTax'];
const SALE_CHARGES = ['Principal', 'Shipping', 'GiftWrap'];

const RULES: readonly RuleRow[] = [
  // Item price: who the money belongs to depends on the transaction type.
  ...['Principal', 'Shipping', 'GiftWrap'].map((d) => ['Order', 'ItemPrice', d, 'Sales'] as const),
  ...['Principal', 'Shipping', 'GiftWrap', 'Goodwill', 'RestockingFee'].map((d) => ['Refund', 'ItemPrice', d, 'Refunds'] as const),
  // Orders whose tax Amazon remits entirely (core/tax labels their sale lines 'amazon').
  ...SALE_CHARGES.map((d) => ['Order', 'ItemPrice', d, REMITTED_SALES, 'amazon'] as const),
  ...['Refund', 'Chargeback Refund', 'A-to-z Guarantee Refund'].flatMap((t) => SALE_CHARGES.map((d) => [t, 'ItemPrice', d, REMITTED_REFUNDS, 'amazon'] as const)),
  ['Chargeback Refund', ANY, ANY, 'Refunds'],
  ['A-to-z Guarantee Refund', ANY, ANY, 'Refunds'],
  ['Liquidations', ANY, ANY, 'Sales'],
  ['Liquidations Adjustments', ANY, ANY, 'Sales'],
  // The brokerage fee Amazon keeps from a liquidation is a fee, not less sales.
  ['Liquidations', 'ItemFees', ANY, 'Seller fees'],

  // Tax charged to buyers: Amazon's when a withheld line cancels it (core/tax), else the seller's.
  ...TAX_CHARGES.map((d) => [ANY, 'ItemPrice', d, FACILITATOR_TAX, 'amazon'] as const),
  ...TAX_CHARGES.map((d) => [ANY, 'ItemPrice', d, 'Tax on sales', 'seller'] as const),
  ...['Refund', 'Chargeback Refund', 'A-to-z Guarantee Refund', 'Refund_Retrocharge'].flatMap((t) =>
    TAX_CHARGES.map((d) => [t, 'ItemPrice', d, 'Tax on refunds', 'seller'] as const),
  ),
  [ANY, 'Promotion', 'TaxDiscount', FACILITATOR_TAX, 'amazon'],
  [ANY, 'Promotion', 'TaxDiscount', 'Tax on sales', 'seller'],
  // What Amazon withholds again (US marketplace facilitator tax, UK/EU deemed-supplier VAT, AU
  // low-value goods GST): always Amazon's.
  [ANY, 'ItemWithheldTax', ANY, FACILITATOR_TAX],
  [ANY, 'ItemFees', 'MarketplaceFacilitatorVAT-Principal', FACILITATOR_TAX],
  [ANY, 'ItemFees', 'MarketplaceFacilitatorVAT-Shipping', FACILITATOR_TAX],
  // Amazon withholding tax the seller collected earlier: it settles the seller's own tax.
  ['Order_Retrocharge', ANY, ANY, 'Tax on sales'],
  ['Refund_Retrocharge', ANY, ANY, 'Tax on refunds'],
  // Tax the file states on a fee (V1's ServiceFee TaxAmount, V2's Cost of Advertising TaxAmount).
  [ANY, ANY, 'TaxAmount', 'Tax on fees', 'seller'],
  ['ServiceFee', 'OtherFees', 'TaxAmount', 'Tax on fees'],

  [ANY, 'Promotion', ANY, 'Promotions'],
  [ANY, 'Promotion', ANY, REMITTED_PROMOTIONS, 'amazon'],

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
  // 2026 US files: inbound defect and placement fees; FBAFees carries nothing but FBA fees.
  ['FBAFees', ANY, ANY, 'FBA fees'],
  ['FBAFees', 'Inbound Defect Fee', ANY, 'FBA fees'],
  ['other-transaction', 'FBA Inbound Placement Service Fee', ANY, 'FBA fees'],

  // Advertising: V2 puts it in the amount type, V1 in the item-related fee (plus a tax amount).
  [ANY, 'Cost of Advertising', ANY, 'Advertising'],
  [ANY, 'ItemFees', 'Cost of Advertising', 'Advertising'],
  ['CouponRedemptionFee', ANY, ANY, 'Advertising'],
  ['Lightning Deal Fee', ANY, ANY, 'Advertising'],
  ['Vine Enrollment Fee', ANY, ANY, 'Advertising'],
  // 2026 US files: coupon and deal fees, whatever their description.
  ...['Coupon Participation Fee', 'Coupon Performance Based Fee', 'Deal Participation Fee', 'Deal Performance Based Fee'].map(
    (t) => ['AmazonFees', t, ANY, 'Advertising'] as const,
  ),

  [ANY, 'FBA Inventory Reimbursement', ANY, 'Reimbursements'],
  ['SAFE-T Reimbursement', ANY, ANY, 'Reimbursements'],

  // Account-level lines (V2 `other-transaction`, and V1 rows the parser normalises to it).
  ...(
    [
      ['Current Reserve Amount', 'Reserved balances'],
      ['Previous Reserve Amount Balance', 'Reserved balances'],
      ['Storage Fee', 'Storage'],
      ['StorageRenewalBilling', 'Storage'],
      ['LowInventoryLevelFee', 'Storage'],
      ['Subscription Fee', 'Seller fees'],
      ['Manual Processing Fee', 'Seller fees'],
      ['Shipping label purchase', 'Postage'],
      ['DisposalComplete', 'FBA fees'],
      ['RemovalComplete', 'FBA fees'],
      ['FBAInboundTransportationFee', 'FBA fees'],
      ['Inbound Transportation Fee', 'FBA fees'],
      ['FBA Inbound Placement Service Fee', 'FBA fees'],
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

/** The shipped Mapping rules: the whole vocabulary, the same in every regional template. */
export function defaultRules(): MappingRule[] {
  return RULES.map(([transactionType, amountType, amountDescription, category, remittedBy = '']) => ({
    transactionType,
    amountType,
    amountDescription,
    marketplace: '',
    remittedBy,
    effectiveFrom: '',
    effectiveTo: '',
    category,
    origin: 'default rule',
  }));
}

/** The mapping a new workbook starts with: the shipped rules and the US template's accounts. */
export function defaultMapping(): Mapping {
  return { rules: defaultRules(), accounts: templateAccounts('us') };
}

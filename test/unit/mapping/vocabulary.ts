/**
 * The settlement vocabulary DOMAIN.md lists, written out independently of the shipped defaults, for
 * the tests of the default mapping and of the category suggestions.
 */

// The vocabulary DOMAIN.md lists (V2 spellings), written out here independently of the defaults.
export const V2_VOCABULARY: [string, string, string][] = [
  ...['Order', 'Refund'].flatMap((t) =>
    ['Principal', 'Shipping', 'Tax', 'ShippingTax', 'GiftWrap', 'GiftWrapTax', 'Goodwill', 'RestockingFee']
      // Goodwill and restocking fees only happen on refunds.
      .filter((d) => t === 'Refund' || !['Goodwill', 'RestockingFee'].includes(d))
      .map((d): [string, string, string] => [t, 'ItemPrice', d]),
  ),
  ...['Order', 'Refund'].flatMap((t) =>
    [
      'Commission', 'RefundCommission', 'FBAPerUnitFulfillmentFee', 'FBAPerOrderFulfillmentFee', 'FBAWeightBasedFee',
      'ShippingChargeback', 'GiftwrapChargeback', 'VariableClosingFee', 'FixedClosingFee', 'DigitalServicesFee',
      'ShippingHB', 'TechnologyFee', 'MarketplaceFacilitatorVAT-Principal', 'MarketplaceFacilitatorVAT-Shipping',
    ].map((d): [string, string, string] => [t, 'ItemFees', d]),
  ),
  ...['Order', 'Refund'].flatMap((t) =>
    ['MarketplaceFacilitatorTax-Principal', 'MarketplaceFacilitatorTax-Shipping'].map((d): [string, string, string] => [t, 'ItemWithheldTax', d]),
  ),
  ...['Order', 'Refund'].flatMap((t) => ['Shipping', 'Principal'].map((d): [string, string, string] => [t, 'Promotion', d])),
  ...['ShipmentFees', 'Shipment-Fees'].flatMap((a) =>
    ['FBAPerOrderFulfillmentFee', 'FBATransportationFee', 'Shipping'].map((d): [string, string, string] => ['Order', a, d]),
  ),
  ...[
    'Current Reserve Amount', 'Previous Reserve Amount Balance', 'Storage Fee', 'Subscription Fee', 'StorageRenewalBilling',
    'DisposalComplete', 'RemovalComplete', 'Refund Reimbursal', 'FBAInboundTransportationFee', 'Shipping label purchase',
    'Manual Processing Fee', 'Failed Disbursement', 'BalanceAdjustment', 'Payable to Amazon', 'Successful charge', 'Micro Deposit',
  ].map((d): [string, string, string] => ['other-transaction', 'other-transaction', d]),
  ...['REVERSAL_REIMBURSEMENT', 'WAREHOUSE_DAMAGE', 'WAREHOUSE_LOST', 'CS_ERROR_ITEMS', 'MISSING_FROM_INBOUND', 'INCORRECT_FEES_ITEMS', 'A_NEW_REASON'].map(
    (d): [string, string, string] => ['other-transaction', 'FBA Inventory Reimbursement', d],
  ),
  ['ServiceFee', 'Cost of Advertising', 'TransactionTotalAmount'],
  ['ServiceFee', 'Cost of Advertising', 'TaxAmount'],
  ['Chargeback Refund', 'ItemPrice', 'Principal'],
  ['A-to-z Guarantee Refund', 'ItemPrice', 'Principal'],
  ['Order_Retrocharge', 'ItemPrice', 'Tax'],
  ['Refund_Retrocharge', 'ItemPrice', 'Tax'],
  ['SAFE-T Reimbursement', 'other-transaction', 'SAFE-T Reimbursement'],
  ['Liquidations', 'ItemPrice', 'Principal'],
  ['Liquidations Adjustments', 'ItemPrice', 'Principal'],
  ['CouponRedemptionFee', 'other-transaction', 'CouponRedemptionFee'],
  ['Lightning Deal Fee', 'other-transaction', 'Lightning Deal Fee'],
  ['Vine Enrollment Fee', 'other-transaction', 'Vine Enrollment Fee'],
];

// What the V1 parser normalises the old file's rows to (seen in the real Amazon.ca files).
export const V1_VOCABULARY: [string, string, string][] = [
  ['Order', 'ShipmentFees', 'FBA transportation fee'],
  ['ServiceFee', 'ItemFees', 'Cost of Advertising'],
  ['ServiceFee', 'OtherFees', 'TaxAmount'],
  ...['Inbound Transportation Fee', 'Subscription Fee', 'Payable to Amazon', 'Successful charge', 'Micro Deposit', 'REVERSAL_REIMBURSEMENT', 'WAREHOUSE_DAMAGE'].map(
    (d): [string, string, string] => ['other-transaction', 'other-transaction', d],
  ),
];

import { CARRIED_FORWARD, CATEGORIES, createMatcher, defaultMapping } from '../../../src/core/mapping';
import { choosableCategories, isInternalCategory } from '../../../src/core/mapping/choices';
import { suggestCategory } from '../../../src/core/mapping/suggest';
import { V1_VOCABULARY, V2_VOCABULARY } from './vocabulary';

const matcher = createMatcher(defaultMapping());
const shippedCategory = (transactionType: string, amountType: string, amountDescription: string): string => {
  const answer = matcher.categoryFor({ transactionType, amountType, amountDescription, marketplace: 'Amazon.com', postedDate: '2025-08-14' });
  if (answer.kind !== 'mapped') throw new Error(`the shipped mapping has no category for ${transactionType} / ${amountType} / ${amountDescription}`);
  return answer.category;
};

// The shipped rules with their wildcards filled in as real files fill them.
const TYPICAL_LINE: Record<string, [string, string]> = {
  'Chargeback Refund': ['ItemPrice', 'Principal'],
  'A-to-z Guarantee Refund': ['ItemPrice', 'Principal'],
  Liquidations: ['ItemPrice', 'Principal'],
  'Liquidations Adjustments': ['ItemPrice', 'Principal'],
  Order_Retrocharge: ['ItemPrice', 'Base tax'],
  Refund_Retrocharge: ['ItemPrice', 'Base tax'],
};
const TYPICAL_DESCRIPTION: Record<string, string> = {
  ItemWithheldTax: 'MarketplaceFacilitatorTax-Principal',
  Promotion: 'Principal',
  ShipmentFees: 'FBAPerOrderFulfillmentFee',
  'Shipment-Fees': 'FBATransportationFee',
  'Cost of Advertising': 'TransactionTotalAmount',
  'FBA Inventory Reimbursement': 'WAREHOUSE_LOST',
};
const SHIPPED_RULES: [string, string, string][] = defaultMapping().rules.map((r) => {
  const [amountType, description] = TYPICAL_LINE[r.transactionType] ?? [r.amountType || 'other-transaction', r.amountDescription || TYPICAL_DESCRIPTION[r.amountType] || r.transactionType];
  return [r.transactionType || (amountType === 'other-transaction' ? 'other-transaction' : 'Order'), amountType, description];
});

describe('suggesting a category for a line type nobody has mapped', () => {
  // The words alone give the category the shipped mapping gives, for every line Amazon is known to
  // write; where the shipped category is internal (tax clearing, loans) the suggestion declines.
  it.each([...V2_VOCABULARY, ...V1_VOCABULARY, ...SHIPPED_RULES])('reads %s / %s / %s as the shipped mapping does', (transactionType, amountType, amountDescription) => {
    const shipped = shippedCategory(transactionType, amountType, amountDescription);
    const suggestion = suggestCategory({ transactionType, amountType, amountDescription });
    expect(suggestion.category).toBe(isInternalCategory(shipped) ? null : shipped);
  });

  it.each([
    ['other-transaction', 'other-transaction', 'Inventory Placement Service Fee', 'FBA fees', /"Inventory Placement Service Fee" mentions "inventory", which is usually Amazon handling your stock \(FBA\)\./],
    ['other-transaction', 'other-transaction', 'Long-Term Storage Surcharge', 'Storage', /mentions "storage"/],
    ['other-transaction', 'other-transaction', 'Returns Processing Fee', 'Seller fees', /a fee for selling on Amazon/],
    ['Order', 'ItemFees', 'FBAReturnsFee', 'FBA fees', /"FBAReturnsFee" mentions "fba"/],
    ['other-transaction', 'other-transaction', 'Sponsored Brands Charge', 'Advertising', /promote your products/],
    ['Order', 'Promotion', 'PrimeDayDeal', 'Promotions', /Amazon lists "PrimeDayDeal" as Promotion, which is usually a discount you funded\./],
    ['other-transaction', 'FBA Inventory Reimbursement', 'COMPENSATED_CLAWBACK', 'Reimbursements', /paying you back/],
  ])('suggests for %s / %s / %s: %s', (transactionType, amountType, amountDescription, category, reason) => {
    const suggestion = suggestCategory({ transactionType, amountType, amountDescription });
    expect(suggestion.category).toBe(category);
    expect(suggestion.reason).toMatch(reason);
  });

  it.each([
    ['Brand New Type', 'ItemPrice', 'Principal', /"Brand New Type" is a new kind of item price; sale or refund is for you to say\./],
    ['other-transaction', 'other-transaction', 'Some New Charge', /nothing in "Some New Charge" says what it is/],
    ['Order', 'ItemPrice', 'RetailDeliveryTax', /ask your accountant/],
    ['other-transaction', 'other-transaction', 'Amazon Lending Repayment', /a loan/],
    ['Order', 'ItemWithheldTax', 'LowValueGoodsTax-Principal', /ask your accountant/],
  ])('makes no suggestion for %s / %s / %s, and says why', (transactionType, amountType, amountDescription, reason) => {
    const suggestion = suggestCategory({ transactionType, amountType, amountDescription });
    expect(suggestion.category).toBeNull();
    expect(suggestion.reason).toMatch(/^No suggestion: /);
    expect(suggestion.reason).toMatch(reason);
  });

  it('gives every reason as one sentence on one line', () => {
    for (const [transactionType, amountType, amountDescription] of [...V2_VOCABULARY, ...V1_VOCABULARY]) {
      const { reason } = suggestCategory({ transactionType, amountType, amountDescription });
      expect(reason).toMatch(/^[A-Z"].*\.$/);
      expect(reason).not.toMatch(/\n/);
    }
  });
});

describe('the categories a seller chooses from', () => {
  it('leaves out the carried-forward account, tax clearing and loans, and keeps the rest once each in order', () => {
    const accounts = defaultMapping().accounts.map((a) => a.category);
    const choices = choosableCategories([...accounts, 'Sales', ' My own category ', '']);
    expect(choices).toEqual([...CATEGORIES.map((c) => c.name).filter((n) => !['Marketplace facilitator tax', 'Loans', CARRIED_FORWARD].includes(n)), 'My own category']);
  });

  it('never suggests a category it would not offer', () => {
    const offered = new Set(choosableCategories(CATEGORIES.map((c) => c.name)));
    for (const [transactionType, amountType, amountDescription] of [...V2_VOCABULARY, ...V1_VOCABULARY]) {
      const { category } = suggestCategory({ transactionType, amountType, amountDescription });
      if (category !== null) expect(offered).toContain(category);
    }
  });
});

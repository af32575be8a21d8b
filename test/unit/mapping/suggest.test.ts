import { CARRIED_FORWARD, CATEGORIES, createMatcher, defaultMapping } from '../../../src/core/mapping';
import { choosableCategories, isInternalCategory } from '../../../src/core/mapping/choices';
import { suggestCategory } from '../../../src/core/mapping/suggest';
import { classifyTax, TaxRole, type TaxRemitter } from '../../../src/core/tax/classify';
import { V1_VOCABULARY, V2_VOCABULARY } from './vocabulary';

const matcher = createMatcher(defaultMapping());
/** Who may remit a line type's tax, as the import's classification (core/tax) can decide it: '' for a line without tax. */
function possibleRemitters(transactionType: string, amountType: string, amountDescription: string): TaxRemitter[] {
  const line = { orderId: '111-1', transactionType, amountType, amountDescription, amount: 100 };
  const [alone] = classifyTax([line]).roles;
  if (alone === TaxRole.None) return [''];
  if (alone === TaxRole.Amazon) return ['amazon'];
  // A tax line alone is the seller's; with a withheld line of its order for the same charge, Amazon's.
  const withheld = ['Principal', 'Shipping', 'GiftWrap'].some((kind) => {
    const [role] = classifyTax([line, { ...line, amountType: 'ItemWithheldTax', amountDescription: `MarketplaceFacilitatorTax-${kind}`, amount: -100 }]).roles;
    return role === TaxRole.Amazon;
  });
  return withheld ? ['seller', 'amazon'] : ['seller'];
}

/** The shipped mapping's category for a line type, for each way the import may classify its tax. */
const shippedCategories = (transactionType: string, amountType: string, amountDescription: string): [TaxRemitter, string][] => {
  const answers = possibleRemitters(transactionType, amountType, amountDescription).flatMap((remittedBy): [TaxRemitter, string][] => {
    const answer = matcher.categoryFor({ transactionType, amountType, amountDescription, marketplace: 'Amazon.com', postedDate: '2025-08-14', remittedBy });
    return answer.kind === 'mapped' ? [[remittedBy, answer.category]] : [];
  });
  if (answers.length === 0) throw new Error(`the shipped mapping has no category for ${transactionType} / ${amountType} / ${amountDescription}`);
  return answers;
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
    for (const [remittedBy, shipped] of shippedCategories(transactionType, amountType, amountDescription)) {
      const suggestion = suggestCategory({ transactionType, amountType, amountDescription, ...(remittedBy ? { remittedBy } : {}) });
      expect([remittedBy, suggestion.category]).toEqual([remittedBy, isInternalCategory(shipped) ? null : shipped]);
    }
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
    ['Order', 'ItemWithheldTax', 'LowValueGoodsTax-Principal', /Amazon collects and pays over itself/],
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

describe('a sale whose tax Amazon remits', () => {
  it('is suggested the tax-remitted-by-Amazon category of what it is, as the shipped rules map it', () => {
    const lines: [string, string, string][] = [['Order', 'ItemPrice', 'Principal'], ['Refund', 'ItemPrice', 'Shipping'], ['Order', 'Promotion', 'Principal'], ['Chargeback Refund', 'ItemPrice', 'Principal']];
    const suggested = lines.map(([transactionType, amountType, amountDescription]) => suggestCategory({ transactionType, amountType, amountDescription, remittedBy: 'amazon' }));
    expect(suggested.map((s) => s.category)).toEqual(['Sales, tax remitted by Amazon', 'Refunds, tax remitted by Amazon', 'Promotions, tax remitted by Amazon', 'Refunds, tax remitted by Amazon']);
    expect(suggested[0]!.reason).toMatch(/; Amazon remits its tax, so none of it is yours\.$/);
    const shipped = lines.map(([transactionType, amountType, amountDescription]) => matcher.categoryFor({ transactionType, amountType, amountDescription, marketplace: 'Amazon.co.uk', postedDate: '2025-08-14', remittedBy: 'amazon' }));
    expect(shipped.map((a) => (a.kind === 'mapped' ? a.category : a.kind))).toEqual(suggested.map((s) => s.category));
  });
});

describe('the categories a seller chooses from', () => {
  it('leaves out the carried-forward account, tax clearing and loans, and keeps the rest once each in order', () => {
    const accounts = defaultMapping().accounts.map((a) => a.category);
    const choices = choosableCategories([...accounts, 'Sales', ' My own category ', '']);
    // The Accounts tab's order, each once, without the three internal categories.
    const expected = [...new Set(accounts)].filter((n) => !['Marketplace facilitator tax', 'Loans', CARRIED_FORWARD].includes(n));
    expect(expected).toHaveLength(CATEGORIES.length - 3);
    expect(choices).toEqual([...expected, 'My own category']);
  });

  it('never suggests a category it would not offer', () => {
    const offered = new Set(choosableCategories(CATEGORIES.map((c) => c.name)));
    for (const [transactionType, amountType, amountDescription] of [...V2_VOCABULARY, ...V1_VOCABULARY]) {
      const { category } = suggestCategory({ transactionType, amountType, amountDescription });
      if (category !== null) expect(offered).toContain(category);
    }
  });
});

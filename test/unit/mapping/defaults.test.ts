import { builtInCategory, CATEGORIES, createMatcher, defaultMapping, type LineKey } from '../../../src/core/mapping';
import { V1_VOCABULARY, V2_VOCABULARY } from './vocabulary';
import { classifyTax, sharesOf, type TaxRemitter } from '../../../src/core/tax';


const matcher = createMatcher(defaultMapping());
const categoryOf = ([transactionType, amountType, amountDescription]: [string, string, string], remittedBy: TaxRemitter = '') => {
  const k: LineKey = { transactionType, amountType, amountDescription, marketplace: 'Amazon.com', postedDate: '2025-08-14', remittedBy };
  const answer = matcher.categoryFor(k);
  return answer.kind === 'mapped' ? answer.category : answer.kind;
};

/**
 * Who can remit a line's tax, as the classification says of it on its own (a withheld line:
 * Amazon; a tax line nothing cancels: the seller); a tax line can also be Amazon's.
 */
function rolesOf([transactionType, amountType, amountDescription]: [string, string, string]): TaxRemitter[] {
  const alone = classifyTax([{ orderId: '1', transactionType, amountType, amountDescription, amount: 100 }]);
  const role = sharesOf(alone, 0, 100)[0]!.remittedBy;
  return role === 'seller' && amountDescription !== 'TaxAmount' ? ['seller', 'amazon'] : [role];
}

describe('the shipped mapping', () => {
  it.each([...V2_VOCABULARY, ...V1_VOCABULARY])('maps %s / %s / %s to a category without conflict', (...triple) => {
    for (const role of rolesOf(triple)) expect([role, builtInCategory(categoryOf(triple, role))?.name]).toEqual([role, expect.any(String)]);
  });

  it('sends reserves, transfers and loans to balance-sheet categories, never profit and loss', () => {
    for (const d of ['Current Reserve Amount', 'Previous Reserve Amount Balance', 'Payable to Amazon', 'Successful charge', 'Failed Disbursement', 'Micro Deposit', 'Loan Servicing']) {
      const category = categoryOf(['other-transaction', 'other-transaction', d]);
      expect([d, builtInCategory(category)?.balanceSheet]).toEqual([d, true]);
    }
    // Tax Amazon collects and the matching withheld line net to zero in the same clearing category.
    const withheld: [string, string, string] = ['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal'];
    expect(categoryOf(['Order', 'ItemPrice', 'Tax'], 'amazon')).toBe(categoryOf(withheld, 'amazon'));
    expect(builtInCategory(categoryOf(['Order', 'ItemPrice', 'Tax'], 'amazon'))?.balanceSheet).toBe(true);
  });

  it('maps tax the seller owes apart from tax Amazon remits, sales apart from refunds', () => {
    expect(categoryOf(['Order', 'ItemPrice', 'Tax'], 'seller')).toBe('Tax on sales');
    expect(categoryOf(['Order', 'ItemPrice', 'ShippingTax'], 'seller')).toBe('Tax on sales');
    expect(categoryOf(['Refund', 'ItemPrice', 'Tax'], 'seller')).toBe('Tax on refunds');
    expect(categoryOf(['A-to-z Guarantee Refund', 'ItemPrice', 'Tax'], 'seller')).toBe('Tax on refunds');
    expect(categoryOf(['A-to-z Guarantee Refund', 'ItemPrice', 'Tax'], 'amazon')).toBe('Marketplace facilitator tax');
    expect(categoryOf(['ServiceFee', 'OtherFees', 'TaxAmount'], 'seller')).toBe('Tax on fees');
    expect(categoryOf(['ServiceFee', 'Cost of Advertising', 'TaxAmount'], 'seller')).toBe('Tax on fees');
  });

  // Issue 11 §6: line types of real 2026 US files, unmapped or mis-mapped before.
  it.each([
    [['AmazonFees', 'Coupon Participation Fee', 'Coupon Participation Fee'], 'Advertising'],
    [['AmazonFees', 'Coupon Performance Based Fee', 'anything'], 'Advertising'],
    [['AmazonFees', 'Deal Participation Fee', 'Deal fee'], 'Advertising'],
    [['AmazonFees', 'Deal Performance Based Fee', ''], 'Advertising'],
    [['other-transaction', 'FBA Inbound Placement Service Fee', 'Inbound placement'], 'FBA fees'],
    [['other-transaction', 'other-transaction', 'FBA Inbound Placement Service Fee'], 'FBA fees'],
    [['FBAFees', 'Inbound Defect Fee', 'Unplanned service fee'], 'FBA fees'],
    [['Liquidations', 'ItemFees', 'LiquidationsBrokerageFee'], 'Seller fees'],
    [['Liquidations', 'ItemPrice', 'Principal'], 'Sales'],
    [['other-transaction', 'other-transaction', 'LowInventoryLevelFee'], 'Storage'],
    [['other-transaction', 'other-transaction', 'Shipping label purchase'], 'Postage'],
  ] as [[string, string, string], string][])('maps %j to %s', (triple, category) => {
    expect(categoryOf(triple)).toBe(category);
  });

  it('tells sales from refunds by transaction type', () => {
    expect(categoryOf(['Order', 'ItemPrice', 'Principal'])).toBe('Sales');
    expect(categoryOf(['Refund', 'ItemPrice', 'Principal'])).toBe('Refunds');
  });

  it('leaves a new transaction type with an item price unmapped, so a person decides', () => {
    expect(categoryOf(['Brand New Type', 'ItemPrice', 'Principal'])).toBe('unmapped');
    expect(categoryOf(['other-transaction', 'other-transaction', 'Some New Charge'])).toBe('unmapped');
  });

  it('has an account for every category its rules use and for every built-in category', () => {
    const mapping = defaultMapping();
    const withAccount = new Set(mapping.accounts.map((a) => a.category));
    for (const r of mapping.rules) expect(withAccount).toContain(r.category);
    for (const c of CATEGORIES) expect(withAccount).toContain(c.name);
  });
});

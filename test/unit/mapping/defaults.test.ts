import { builtInCategory, CATEGORIES, createMatcher, defaultMapping, type LineKey } from '../../../src/core/mapping';
import { V1_VOCABULARY, V2_VOCABULARY } from './vocabulary';


const matcher = createMatcher(defaultMapping());
const categoryOf = ([transactionType, amountType, amountDescription]: [string, string, string]) => {
  const k: LineKey = { transactionType, amountType, amountDescription, marketplace: 'Amazon.com', postedDate: '2025-08-14' };
  const answer = matcher.categoryFor(k);
  return answer.kind === 'mapped' ? answer.category : answer.kind;
};

describe('the shipped mapping', () => {
  it.each([...V2_VOCABULARY, ...V1_VOCABULARY])('maps %s / %s / %s to a category without conflict', (...triple) => {
    const category = categoryOf(triple);
    expect(builtInCategory(category)).toBeDefined();
  });

  it('sends reserves, transfers and loans to balance-sheet categories, never profit and loss', () => {
    for (const d of ['Current Reserve Amount', 'Previous Reserve Amount Balance', 'Payable to Amazon', 'Successful charge', 'Failed Disbursement', 'Micro Deposit', 'Loan Servicing']) {
      const category = categoryOf(['other-transaction', 'other-transaction', d]);
      expect([d, builtInCategory(category)?.balanceSheet]).toEqual([d, true]);
    }
    // Tax Amazon collects and the matching withheld line net to zero in the same clearing category.
    expect(categoryOf(['Order', 'ItemPrice', 'Tax'])).toBe(categoryOf(['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal']));
    expect(builtInCategory(categoryOf(['Order', 'ItemPrice', 'Tax']))?.balanceSheet).toBe(true);
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

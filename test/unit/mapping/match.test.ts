import { createMatcher, type CategoryAccount, type LineKey, type MappingRule } from '../../../src/core/mapping';

function rule(fields: Partial<MappingRule> & { category: string }, origin = 'test rule'): MappingRule {
  return { transactionType: '', amountType: '', amountDescription: '', marketplace: '', remittedBy: '', effectiveFrom: '', effectiveTo: '', origin, ...fields };
}

function account(fields: Partial<CategoryAccount> & { category: string; accountCode: string }, origin = 'test account'): CategoryAccount {
  return { marketplace: '', effectiveFrom: '', effectiveTo: '', taxType: 'NONE', origin, ...fields };
}

function key(transactionType: string, amountType: string, amountDescription: string, postedDate = '2025-08-14', marketplace = 'Amazon.com'): LineKey {
  return { transactionType, amountType, amountDescription, postedDate, marketplace };
}

describe('categoryFor', () => {
  it('matches the triple case-insensitively and ignores stray spaces', () => {
    const m = createMatcher({ rules: [rule({ transactionType: 'Order', amountType: 'ItemPrice', amountDescription: 'Principal', category: 'Sales' })], accounts: [] });
    expect(m.categoryFor(key('ORDER', 'itemprice', ' principal ', '2025-08-14'))).toMatchObject({ kind: 'mapped', category: 'Sales' });
  });

  it('leaves a triple no rule covers unmapped instead of guessing', () => {
    const m = createMatcher({ rules: [rule({ transactionType: 'Order', amountType: 'ItemPrice', amountDescription: 'Principal', category: 'Sales' })], accounts: [] });
    expect(m.categoryFor(key('Order', 'ItemPrice', 'Goodwill')).kind).toBe('unmapped');
    expect(m.categoryFor(key('Chargeback Refund', 'ItemPrice', 'Principal')).kind).toBe('unmapped');
  });

  it('lets the rule that names more of the triple win over a wildcard', () => {
    const m = createMatcher({
      rules: [
        rule({ amountType: 'ItemFees', category: 'Seller fees' }),
        rule({ amountType: 'ItemFees', amountDescription: 'FBAPerUnitFulfillmentFee', category: 'FBA fees' }),
        rule({ transactionType: 'Refund', category: 'Refunds' }),
      ],
      accounts: [],
    });
    expect(m.categoryFor(key('Order', 'ItemFees', 'FBAPerUnitFulfillmentFee'))).toMatchObject({ category: 'FBA fees' });
    expect(m.categoryFor(key('Order', 'ItemFees', 'Commission'))).toMatchObject({ category: 'Seller fees' });
    // Two named fields (amount type + description) beat one (transaction type).
    expect(m.categoryFor(key('Refund', 'ItemFees', 'FBAPerUnitFulfillmentFee'))).toMatchObject({ category: 'FBA fees' });
  });

  it('prefers a marketplace-specific rule, then a dated one, at equal triple specificity', () => {
    const m = createMatcher({
      rules: [
        rule({ amountType: 'Promotion', category: 'Promotions' }),
        rule({ amountType: 'Promotion', marketplace: 'amazon.co.uk', category: 'UK promotions' }),
        rule({ amountType: 'Promotion', effectiveFrom: '2025-01-01', category: 'Promotions 2025' }),
      ],
      accounts: [],
    });
    expect(m.categoryFor(key('Order', 'Promotion', 'Shipping', '2025-03-01', 'Amazon.co.uk'))).toMatchObject({ category: 'UK promotions' });
    expect(m.categoryFor(key('Order', 'Promotion', 'Shipping', '2025-03-01', 'Amazon.com'))).toMatchObject({ category: 'Promotions 2025' });
    expect(m.categoryFor(key('Order', 'Promotion', 'Shipping', '2024-12-31', 'Amazon.com'))).toMatchObject({ category: 'Promotions' });
  });

  it('applies effective dates inclusively at both ends', () => {
    const m = createMatcher({
      rules: [rule({ amountType: 'Promotion', effectiveFrom: '2024-08-01', effectiveTo: '2024-08-31', category: 'August' })],
      accounts: [],
    });
    expect(m.categoryFor(key('Order', 'Promotion', 'x', '2024-07-31')).kind).toBe('unmapped');
    expect(m.categoryFor(key('Order', 'Promotion', 'x', '2024-08-01'))).toMatchObject({ category: 'August' });
    expect(m.categoryFor(key('Order', 'Promotion', 'x', '2024-08-31'))).toMatchObject({ category: 'August' });
    expect(m.categoryFor(key('Order', 'Promotion', 'x', '2024-09-01')).kind).toBe('unmapped');
  });

  it('reports equally specific rules that disagree, naming both rows', () => {
    const m = createMatcher({
      rules: [
        rule({ transactionType: 'Order', amountType: 'ItemFees', category: 'Seller fees' }, 'Mapping row 4'),
        rule({ amountType: 'ItemFees', amountDescription: 'Commission', category: 'Commission' }, 'Mapping row 9'),
      ],
      accounts: [],
    });
    const answer = m.categoryFor(key('Order', 'ItemFees', 'Commission'));
    expect(answer.kind).toBe('conflict');
    if (answer.kind !== 'conflict') return;
    expect(answer.conflict.table).toBe('Mapping');
    expect(answer.conflict.candidates).toEqual([
      { origin: 'Mapping row 4', answer: 'Seller fees' },
      { origin: 'Mapping row 9', answer: 'Commission' },
    ]);
    expect(answer.conflict.subject).toContain('Order / ItemFees / Commission');
  });

  it('does not call two rows that agree (in any case) a conflict', () => {
    const m = createMatcher({
      rules: [rule({ amountType: 'Promotion', category: 'Promotions' }, 'a'), rule({ amountType: 'promotion', category: 'promotions' }, 'b')],
      accounts: [],
    });
    expect(m.categoryFor(key('Order', 'Promotion', 'Principal'))).toMatchObject({ kind: 'mapped', category: 'Promotions' });
  });
});

describe('accountFor', () => {
  // UK: Amazon fees were reverse-charged until 31 July 2024 and carry 20% UK VAT from 1 August 2024.
  const ukFees = [
    account({ category: 'Seller fees', accountCode: '405', taxType: 'REVERSECHARGES', effectiveTo: '2024-07-31' }),
    account({ category: 'Seller fees', accountCode: '405', taxType: 'INPUT2', effectiveFrom: '2024-08-01' }),
  ];

  it('switches tax type on the effective date of the UK VAT-on-fees change', () => {
    const m = createMatcher({ rules: [], accounts: ukFees });
    expect(m.accountFor('Seller fees', 'Amazon.co.uk', '2024-07-31')).toMatchObject({ kind: 'found', account: { accountCode: '405', taxType: 'REVERSECHARGES' } });
    expect(m.accountFor('Seller fees', 'Amazon.co.uk', '2024-08-01')).toMatchObject({ kind: 'found', account: { accountCode: '405', taxType: 'INPUT2' } });
  });

  it('prefers a marketplace row over the general one and matches categories in any case', () => {
    const m = createMatcher({
      rules: [],
      accounts: [account({ category: 'Sales', accountCode: '200' }), account({ category: 'sales', marketplace: 'Amazon.ca', accountCode: '210' })],
    });
    expect(m.accountFor('Sales', 'amazon.ca', '2025-01-01')).toMatchObject({ account: { accountCode: '210' } });
    expect(m.accountFor('SALES', 'Amazon.com', '2025-01-01')).toMatchObject({ account: { accountCode: '200' } });
  });

  it('says missing when no row covers the category on that date', () => {
    const m = createMatcher({ rules: [], accounts: ukFees });
    expect(m.accountFor('Storage', '', '2025-01-01').kind).toBe('missing');
  });

  it('reports two equally specific rows with different accounts', () => {
    const m = createMatcher({
      rules: [],
      accounts: [account({ category: 'Sales', accountCode: '200' }, 'Accounts row 2'), account({ category: 'Sales', accountCode: '201' }, 'Accounts row 3')],
    });
    const answer = m.accountFor('Sales', '', '2025-01-01');
    expect(answer.kind).toBe('conflict');
    if (answer.kind === 'conflict') expect(answer.conflict.candidates.map((c) => c.origin)).toEqual(['Accounts row 2', 'Accounts row 3']);
  });
});

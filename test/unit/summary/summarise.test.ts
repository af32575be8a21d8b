import { defaultMapping, type Mapping } from '../../../src/core/mapping';
import { summariseSettlement, type SplitMode } from '../../../src/core/summary';
import { aggregateOf, minor, type LineSpec } from '../../support/build-aggregate';

// A settlement from 28 July to 11 August: 1,000.00 of July activity, 320.00 of August.
const spanning: LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-07-28', '1200.00'],
  ['Order', 'ItemFees', 'Commission', '2025-07-28', '-180.00'],
  ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-07-31', '-20.00'],
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '400.00'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-60.00'],
  ['other-transaction', 'other-transaction', 'Current Reserve Amount', '2025-08-11', '-20.00', ''],
];
const spanningHeader = { start: '2025-07-28T08:00:00Z', end: '2025-08-11T08:00:00Z', depositDate: '2025-08-13T08:00:00Z' };

const summarise = (lines: LineSpec[], split: SplitMode = 'carry', mapping: Mapping = defaultMapping(), header = spanningHeader) =>
  summariseSettlement(aggregateOf(lines, header), mapping, { split });

describe('checks', () => {
  it('is balanced when the rows add up to the total exactly', () => {
    const s = summarise(spanning);
    expect(s.check).toEqual({ sumOfRows: minor('1320.00'), difference: 0, documentsTotal: minor('1320.00'), balanced: true });
    expect(s.problems).toEqual([]);
  });

  it('says by how much the rows miss the total and refuses', () => {
    const s = summariseSettlement(aggregateOf(spanning, { ...spanningHeader, total: '1320.01' }), defaultMapping(), { split: 'carry' });
    expect(s.check.difference).toBe(-1);
    expect(s.check.balanced).toBe(false);
    expect(s.problems[0]).toEqual({ kind: 'unbalanced', message: expect.stringContaining('In this file the lines come to 0.01 USD less than the total') });
  });

  it('keeps an unmapped triple out of the parts, with its rows and amount, and blocks posting', () => {
    const s = summarise([...spanning, ['New Type', 'ItemPrice', 'Principal', '2025-08-03', '5.00'], ['new type', 'ItemPrice', 'Principal', '2025-08-04', '2.50', 'Amazon.ca']]);
    expect(s.unmapped).toEqual([
      { transactionType: 'New Type', amountType: 'ItemPrice', amountDescription: 'Principal', remittedBy: '', marketplaces: ['Amazon.com', 'Amazon.ca'], rows: 2, amount: minor('7.50') },
    ]);
    expect(s.problems).toContainEqual({ kind: 'unmapped', message: expect.stringMatching(/^Not mapped: New Type \/ ItemPrice \/ Principal \(2 rows, 7\.50 USD\)/) });
    const mappedTotal = s.parts.reduce((t, p) => t + p.total, 0);
    expect(mappedTotal).toBe(minor('1320.00'));
  });

  it('reports a category that has no account, and a mapping conflict, once each', () => {
    const mapping = defaultMapping();
    mapping.accounts = mapping.accounts.filter((a) => a.category !== 'Seller fees');
    mapping.rules.push({ transactionType: '', amountType: 'ItemFees', amountDescription: 'FBAPerUnitFulfillmentFee', marketplace: '', remittedBy: '', effectiveFrom: '', effectiveTo: '', category: 'Shipping costs', origin: 'Mapping row 99' });
    const s = summarise(spanning, 'carry', mapping);
    expect(s.missingAccounts).toEqual([{ category: 'Seller fees', marketplace: 'Amazon.com', date: '2025-07-28' }]);
    expect(s.conflicts).toHaveLength(1);
    expect(s.conflicts[0]!.candidates.map((c) => c.answer)).toEqual(['FBA fees', 'Shipping costs']);
    expect(s.check.balanced).toBe(true);
    expect(s.problems.map((p) => p.kind)).toEqual(['conflict', 'missing-account']);
  });
});

describe('month split', () => {
  it('off: one part dated the settlement end, with every line in it', () => {
    const s = summarise(spanning, 'off');
    expect(s.parts.map((p) => [p.key, p.from, p.to, p.documentDate, p.total])).toEqual([['2025-08', '2025-07-28', '2025-08-11', '2025-08-11', minor('1320.00')]]);
  });

  it('separate: one part per month, each with its own net, summing to the deposit', () => {
    const s = summarise(spanning, 'separate');
    expect(s.parts.map((p) => [p.key, p.from, p.to, p.documentDate, p.total])).toEqual([
      ['2025-07', '2025-07-28', '2025-07-31', '2025-07-31', minor('1000.00')],
      ['2025-08', '2025-08-01', '2025-08-11', '2025-08-11', minor('320.00')],
    ]);
  });

  it('carry: the July part carries its net forward and totals zero; August brings it back and equals the deposit', () => {
    const s = summarise(spanning, 'carry');
    const [july, august] = s.parts;
    expect(july!.total).toBe(0);
    expect(august!.total).toBe(minor('1320.00'));
    expect(july!.lines.at(-1)).toMatchObject({ kind: 'carry-out', categories: ['Carried forward'], accountCode: '2010', amount: minor('-1000.00'), carryPart: '2025-08' });
    expect(august!.lines.at(-1)).toMatchObject({ kind: 'carry-in', accountCode: '2010', amount: minor('1000.00'), carryPart: '2025-07' });
  });

  it('carry: without an account for "Carried forward" it refuses instead of posting an unbalanced month', () => {
    const mapping = defaultMapping();
    mapping.accounts = mapping.accounts.filter((a) => a.category !== 'Carried forward');
    const s = summarise(spanning, 'carry', mapping);
    expect(s.missingAccounts.map((m) => m.category)).toEqual(['Carried forward']);
    expect(s.problems).toEqual([{ kind: 'missing-account', message: expect.stringContaining('"Carried forward"') }]);
  });

  it('posts a line from before the period in the first part, never widening it, and says so', () => {
    const s = summarise([...spanning, ['other-transaction', 'other-transaction', 'Payable to Amazon', '2025-06-20', '-5.00', '']], 'separate');
    expect(s.parts.map((p) => p.key)).toEqual(['2025-07', '2025-08']);
    expect(s.parts[0]).toMatchObject({ key: '2025-07', from: '2025-07-28', to: '2025-07-31' });
    expect(s.outsidePeriod).toEqual([{ side: 'before', rows: 1, amount: minor('-5.00'), first: '2025-06-20', last: '2025-06-20', part: '2025-07' }]);
  });
});

describe('lines', () => {
  it('groups by account and tax type, listing the categories and the triples that made each line', () => {
    const mapping = defaultMapping();
    // Seller fees and FBA fees posted to one account: one line, two categories.
    for (const a of mapping.accounts) if (a.category === 'FBA fees') a.accountCode = '405';
    const s = summarise(spanning, 'off', mapping);
    const fees = s.parts[0]!.lines.find((l) => l.accountCode === '405')!;
    expect(fees.categories).toEqual(['Seller fees', 'FBA fees']);
    expect(fees.amount).toBe(minor('-260.00'));
    expect(fees.rows).toBe(3);
    expect(fees.sources.map((x) => [x.amountDescription, x.rows, x.amount])).toEqual([
      ['Commission', 2, minor('-240.00')],
      ['FBAPerUnitFulfillmentFee', 1, minor('-20.00')],
    ]);
  });

  it('orders lines from sales down to reserves, whatever order the file had', () => {
    const s = summarise([...spanning].reverse(), 'off');
    expect(s.parts[0]!.lines.map((l) => l.categories[0])).toEqual(['Sales', 'Seller fees', 'FBA fees', 'Reserved balances']);
  });
});

describe('reconciliation', () => {
  it('walks from gross sales to the net, and the steps add up to the sum of the rows', () => {
    const s = summarise([...spanning, ['Refund', 'ItemPrice', 'Principal', '2025-08-05', '-50.00'], ['Odd', 'ItemPrice', 'Principal', '2025-08-05', '1.00']]);
    expect(s.reconciliation.map((r) => [r.label, r.amount])).toEqual([
      ['Gross sales', minor('1600.00')],
      ['Refunds', minor('-50.00')],
      ['Amazon fees', minor('-260.00')],
      ['Reserves', minor('-20.00')],
      ['Not mapped yet', minor('1.00')],
    ]);
    expect(s.reconciliation.reduce((t, r) => t + r.amount, 0)).toBe(s.check.sumOfRows);
  });
});

it('lists marketplaces by how many lines they have, leaving out account-level rows', () => {
  const s = summarise([...spanning, ['Order', 'ItemPrice', 'Principal', '2025-08-02', '1.00', 'Non-Amazon US']]);
  expect(s.marketplaces).toEqual(['Amazon.com', 'Non-Amazon US']);
});

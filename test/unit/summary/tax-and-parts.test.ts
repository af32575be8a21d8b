// Issue 11 in the summary: the clearing of tax Amazon remits, tax the seller accounts for on the
// lines it belongs to, documents that stay inside the settlement's period, and account-level lines
// that take the settlement's marketplace.
import { defaultMapping, templateAccounts, type Mapping } from '../../../src/core/mapping';
import { summariseSettlement, type SplitMode } from '../../../src/core/summary';
import { aggregateOf, minor, type LineSpec } from '../../support/build-aggregate';

const header = { start: '2025-06-25T00:00:00Z', end: '2025-07-09T00:00:00Z', depositDate: '2025-07-11T00:00:00Z' };
const summarise = (lines: LineSpec[], split: SplitMode = 'carry', mapping: Mapping = defaultMapping()) => summariseSettlement(aggregateOf(lines, header), mapping, { split });
const withTemplate = (id: string): Mapping => ({ ...defaultMapping(), accounts: templateAccounts(id) });

describe('the clearing of tax Amazon remits', () => {
  const remitted: LineSpec[] = [
    ['Order', 'ItemPrice', 'Principal', '2025-06-28', '100.00'],
    ['Order', 'ItemPrice', 'Tax', '2025-06-28', '8.25', 'Amazon.com', 'amazon'],
    ['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '2025-06-28', '-8.25', 'Amazon.com', 'amazon'],
    ['Order', 'ItemPrice', 'Principal', '2025-07-03', '50.00'],
  ];

  it('nets to zero and posts nothing to the tax return when every collected line is withheld again', () => {
    const s = summarise(remitted);
    expect(s.clearing).toEqual([]);
    expect(s.problems).toEqual([]);
    const clearing = s.parts[0]!.lines.find((l) => l.categories.includes('Marketplace facilitator tax'))!;
    expect(clearing).toMatchObject({ accountCode: '2150', amount: 0, statedTax: 0 });
  });

  it('blocks with the amount left, the part and the lines that make it, before anything is posted', () => {
    const s = summarise([...remitted, ['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Shipping', '2025-07-04', '-1.20', 'Amazon.com', 'amazon']]);
    expect(s.clearing).toEqual([{ part: '2025-07', amount: minor('-1.20'), sources: [expect.objectContaining({ amountDescription: 'MarketplaceFacilitatorTax-Shipping', amount: minor('-1.20') })] }]);
    expect(s.problems).toEqual([{
      kind: 'clearing',
      message: expect.stringMatching(/^Marketplace facilitator tax does not net to zero in part 2025-07: -1\.20 USD is left \(Order \/ ItemWithheldTax \/ MarketplaceFacilitatorTax-Shipping \(tax remitted by Amazon\): -1\.20 USD\)\./),
    }]);
  });

  it('checks each part of a split settlement on its own, and the whole one when it is not split', () => {
    // Collected in June, withheld in July: each month's clearing keeps a balance, the whole does not.
    const straddling: LineSpec[] = [
      ['Order', 'ItemPrice', 'Principal', '2025-06-30', '100.00'],
      ['Order', 'ItemPrice', 'Tax', '2025-06-30', '8.25', 'Amazon.com', 'amazon'],
      ['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '2025-07-01', '-8.25', 'Amazon.com', 'amazon'],
    ];
    expect(summarise(straddling, 'carry').clearing.map((c) => [c.part, c.amount])).toEqual([['2025-06', minor('8.25')], ['2025-07', minor('-8.25')]]);
    expect(summarise(straddling, 'separate').clearing).toHaveLength(2);
    expect(summarise(straddling, 'off').clearing).toEqual([]);
  });
});

describe('tax the seller accounts for', () => {
  const ownTax: LineSpec[] = [
    ['Order', 'ItemPrice', 'Principal', '2025-06-28', '100.00', 'Amazon.co.uk'],
    ['Order', 'ItemPrice', 'Tax', '2025-06-28', '20.00', 'Amazon.co.uk', 'seller'],
    ['Refund', 'ItemPrice', 'Principal', '2025-06-29', '-10.00', 'Amazon.co.uk'],
    ['Refund', 'ItemPrice', 'Tax', '2025-06-29', '-2.00', 'Amazon.co.uk', 'seller'],
  ];

  it('lands on the sales line with a VAT rate, as the line\'s stated tax, for a VAT-registered seller', () => {
    const s = summarise(ownTax, 'off', withTemplate('uk-vat'));
    expect(s.problems).toEqual([]);
    expect(s.parts[0]!.lines.map((l) => [l.categories.join(' + '), l.accountCode, l.taxType, l.amount, l.statedTax])).toEqual([
      ['Sales + Tax on sales', '201', 'OUTPUT2', minor('120.00'), minor('20.00')],
      ['Refunds + Tax on refunds', '202', 'OUTPUT2', minor('-12.00'), minor('-2.00')],
    ]);
  });

  it('lands in a liability for a North American seller, away from sales', () => {
    const s = summarise(ownTax, 'off', withTemplate('ca-gst'));
    expect(s.parts[0]!.lines.map((l) => [l.categories.join(' + '), l.accountCode, l.taxType, l.amount])).toEqual([
      ['Sales', '201', 'NONE', minor('100.00')],
      ['Refunds', '202', 'NONE', minor('-10.00')],
      ['Tax on sales + Tax on refunds', '2160', 'NONE', minor('18.00')],
    ]);
    expect(s.reconciliation.find((r) => r.group === 'ownTax')).toEqual({ group: 'ownTax', label: 'Tax on your own return', amount: minor('18.00') });
  });
});

describe('parts stay inside the settlement', () => {
  const lines: LineSpec[] = [
    ['Order', 'ItemPrice', 'Principal', '2025-06-23', '5.00'],
    ['Order', 'ItemPrice', 'Principal', '2025-06-28', '100.00'],
    ['Order', 'ItemPrice', 'Principal', '2025-07-05', '50.00'],
    ['other-transaction', 'other-transaction', 'Storage Fee', '2025-07-10', '-7.00', ''],
  ];

  it('posts lines from before the start in the first part and after the end in the last, and says so', () => {
    const s = summarise(lines, 'separate');
    expect(s.parts.map((p) => [p.key, p.from, p.to, p.documentDate, p.total])).toEqual([
      ['2025-06', '2025-06-25', '2025-06-30', '2025-06-30', minor('105.00')],
      ['2025-07', '2025-07-01', '2025-07-09', '2025-07-09', minor('43.00')],
    ]);
    expect(s.outsidePeriod).toEqual([
      { side: 'before', rows: 1, amount: minor('5.00'), first: '2025-06-23', last: '2025-06-23', part: '2025-06' },
      { side: 'after', rows: 1, amount: minor('-7.00'), first: '2025-07-10', last: '2025-07-10', part: '2025-07' },
    ]);
  });

  it('never makes a part for a month outside the period (a 16–30 June settlement with May and July lines)', () => {
    const june = { start: '2025-06-16T00:00:00Z', end: '2025-06-30T23:59:59Z', depositDate: '2025-07-02T00:00:00Z' };
    const s = summariseSettlement(aggregateOf([
      ['Order', 'ItemPrice', 'Principal', '2025-05-31', '1.00'],
      ['Order', 'ItemPrice', 'Principal', '2025-06-20', '2.00'],
      ['Order', 'ItemPrice', 'Principal', '2025-07-01', '3.00'],
    ], june), defaultMapping(), { split: 'carry' });
    expect(s.parts.map((p) => [p.key, p.from, p.to, p.documentDate])).toEqual([['2025-06', '2025-06-16', '2025-06-30', '2025-06-30']]);
  });
});

describe('account-level lines', () => {
  it("take the settlement's main marketplace, so a marketplace-specific Accounts row applies to them", () => {
    const mapping = withTemplate('uk-vat');
    const s = summariseSettlement(aggregateOf([
      ['Order', 'ItemPrice', 'Principal', '2025-08-05', '100.00', 'Amazon.de'],
      ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-05', '-3.00', 'Amazon.de'],
      ['other-transaction', 'other-transaction', 'DisposalComplete', '2025-08-06', '-1.00', ''],
    ], { currency: 'EUR', start: '2025-08-01T00:00:00Z', end: '2025-08-14T00:00:00Z' }), mapping, { split: 'off' });
    // Both the FBA fee of an Amazon.de order and the disposal fee (no marketplace) are zero-rated.
    expect(s.parts[0]!.lines.filter((l) => l.categories.includes('FBA fees')).map((l) => [l.taxType, l.amount])).toEqual([['ZERORATEDINPUT', minor('-4.00')]]);
  });
});

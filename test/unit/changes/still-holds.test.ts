// Whether a posted settlement's documents still hold under the tabs as they are now, from its
// posted lines alone (what an edit of the Mapping, Accounts or Costs tab is checked against).
import { costBook, readCostsTable } from '../../../src/core/cogs/costs';
import { changedCategories, changedJournalItems, postedLinesOf, type PostedJournalsLines } from '../../../src/core/changes';
import { defaultMapping, type Mapping, type MappingRule } from '../../../src/core/mapping';
import { mainMarketplace, summariseSettlement } from '../../../src/core/summary';
import { buildDocuments } from '../../../src/core/xero/documents';
import { aggregateOf, type LineSpec } from '../../support/build-aggregate';

const lines: LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-07-30', '100.00'],
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-19.50'],
  ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-02', '-5.00'],
  ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-10', '-7.25', ''],
];

function postedUnder(mapping: Mapping) {
  const summary = summariseSettlement(aggregateOf(lines, { start: '2025-07-25T00:00:00Z', end: '2025-08-14T00:00:00Z' }), mapping, { split: 'carry' });
  const built = buildDocuments(summary, { status: 'DRAFT' });
  if (!built.ok) throw new Error(built.problems.join(' '));
  return postedLinesOf(summary, built.documents, { marketplace: mainMarketplace(summary.marketplaces) });
}

const rule = (amountDescription: string, category: string, extra: Partial<MappingRule> = {}): MappingRule => ({
  transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription, marketplace: '', remittedBy: '', effectiveFrom: '', effectiveTo: '', category, origin: 'test', ...extra,
});
const withRule = (r: MappingRule, mapping = defaultMapping()): Mapping => ({ ...mapping, rules: [...mapping.rules, r] });
const withAccount = (category: string, accountCode: string, taxType = 'NONE', mapping = defaultMapping()): Mapping => ({
  ...mapping, accounts: mapping.accounts.map((a) => (a.category === category ? { ...a, accountCode, taxType } : a)),
});

describe('changedCategories', () => {
  const posted = postedUnder(defaultMapping());

  it('is empty while the tabs give what was posted', () => {
    expect(changedCategories(posted, defaultMapping())).toEqual([]);
  });

  it('names a category whose account or tax type changed', () => {
    expect(changedCategories(posted, withAccount('Storage', '408'))).toEqual(['Storage']);
    expect(changedCategories(posted, withAccount('Sales', '201', 'OUTPUT'))).toEqual(['Sales']);
  });

  it('names both categories of a line type moved between them', () => {
    expect(changedCategories(posted, withRule(rule('Storage Fee', 'FBA fees'))).sort()).toEqual(['FBA fees', 'Storage']);
  });

  it('is empty when a line type moves to a category of the same account and tax type (the documents do not change)', () => {
    const sameAccount = withAccount('Advertising', '407');
    expect(changedCategories(posted, withRule(rule('Storage Fee', 'Advertising'), sameAccount))).toEqual([]);
  });

  it('names the category of a line type that is now unmapped, or whose rule applies from inside the period', () => {
    const mapping = defaultMapping();
    const withoutStorage = { ...mapping, rules: mapping.rules.filter((r) => r.amountDescription !== 'Storage Fee') };
    expect(changedCategories(posted, withoutStorage)).toEqual(['Storage']);
    expect(changedCategories(posted, withRule(rule('Storage Fee', 'FBA fees', { effectiveFrom: '2025-08-05' })))).toEqual(['Storage']);
  });

  it('names the carried-forward category when its account changed', () => {
    expect(changedCategories(posted, withAccount('Carried forward', '2011'))).toEqual(['Carried forward']);
  });
});

describe('changedJournalItems', () => {
  const journals: PostedJournalsLines = {
    currency: 'USD',
    decimals: 2,
    journals: [{
      part: '2025-08', date: '2025-08-14', from: '2025-08-01', to: '2025-08-14', total: 1920,
      lines: [{ category: 'Cost of goods sold', account: '310', taxType: 'NONE', amount: 1920 }, { category: 'Inventory', account: '630', taxType: 'NONE', amount: -1920 }],
      skus: [['MUG', 3, 640]],
    }],
  };
  const costs = (rows: string[][]) => costBook(readCostsTable([['SKU', 'Unit cost', 'Currency', 'Effective from', 'Effective to'], ...rows]).rows);

  it('is empty while the costs and accounts are as posted', () => {
    expect(changedJournalItems(journals, costs([['MUG', '6.40', 'USD', '', '']]), defaultMapping(), 'Amazon.com')).toEqual([]);
  });

  it('names a SKU whose cost changed on a day of the part, but not one whose cost is now missing', () => {
    expect(changedJournalItems(journals, costs([['MUG', '6.40', 'USD', '', ''], ['MUG', '7.00', 'USD', '2025-08-10', '']]), defaultMapping(), 'Amazon.com')).toEqual(['MUG']);
    expect(changedJournalItems(journals, costs([]), defaultMapping(), 'Amazon.com')).toEqual([]);
  });

  it('names a journal category whose account changed', () => {
    expect(changedJournalItems(journals, costs([['MUG', '6.40', 'USD', '', '']]), withAccount('Inventory', '631'), 'Amazon.com')).toEqual(['Inventory']);
  });
});

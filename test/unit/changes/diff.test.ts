// What changed since posting, computed from what the documents said then and the plan now
// (issue 12, §2): line by line by category (account, tax type, amount, before and after), the
// Amazon line types that moved, documents that appeared or went, and journals with their SKUs.
import { defaultMapping, type Mapping } from '../../../src/core/mapping';
import { summariseSettlement, mainMarketplace, type SplitMode } from '../../../src/core/summary';
import { buildDocuments } from '../../../src/core/xero/documents';
import { diffPostedJournals, diffPostedLines, postedLinesOf, type PostedJournalsLines } from '../../../src/core/changes';
import { aggregateOf, type LineSpec } from '../../support/build-aggregate';

const lines: LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-07-30', '100.00'],
  ['Order', 'ItemFees', 'Commission', '2025-07-30', '-15.00'],
  ['Order', 'ItemPrice', 'Principal', '2025-08-02', '129.99'],
  ['Order', 'ItemFees', 'Commission', '2025-08-02', '-19.50'],
  ['Order', 'ItemFees', 'FBAPerUnitFulfillmentFee', '2025-08-02', '-5.00'],
  ['other-transaction', 'other-transaction', 'Storage Fee', '2025-08-10', '-7.25', ''],
];
const header = { start: '2025-07-25T00:00:00Z', end: '2025-08-14T00:00:00Z' };

/** What the documents say under a mapping. */
function posted(mapping: Mapping = defaultMapping(), split: SplitMode = 'carry', specs: LineSpec[] = lines) {
  const summary = summariseSettlement(aggregateOf(specs, header), mapping, { split });
  const built = buildDocuments(summary, { status: 'DRAFT' });
  if (!built.ok) throw new Error(built.problems.join(' '));
  return postedLinesOf(summary, built.documents, { marketplace: mainMarketplace(summary.marketplaces) });
}

/** The default mapping with one category sent to another account (and tax type). */
function withAccount(category: string, accountCode: string, taxType = 'NONE', mapping = defaultMapping()): Mapping {
  return { ...mapping, accounts: mapping.accounts.map((a) => (a.category === category ? { ...a, accountCode, taxType } : a)) };
}

describe('postedLinesOf', () => {
  it('keeps each category of each document with its account, tax type, amount and the line types behind it, compactly', () => {
    const kept = posted();
    expect(kept.documents.map((d) => [d.part, d.type, d.date, d.total])).toEqual([['2025-07', 'ACCREC', '2025-07-31', 0], ['2025-08', 'ACCREC', '2025-08-14', 18324]]);
    const august = kept.documents[1]!;
    expect(august.lines.map((l) => [l.category, l.account, l.taxType, l.amount])).toEqual([
      ['Sales', '201', 'NONE', 12999],
      ['Seller fees', '405', 'NONE', -1950],
      ['FBA fees', '406', 'NONE', -500],
      ['Storage', '407', 'NONE', -725],
      ['Carried forward', '2010', 'NONE', 8500],
    ]);
    // Line types are listed once for the whole settlement; account-level lines as the main marketplace's.
    expect(kept.types).toContainEqual(['other-transaction', 'other-transaction', 'Storage Fee', 'Amazon.com', '']);
    expect(kept.types.filter((t) => t[2] === 'Principal')).toHaveLength(1);
  });
});

describe('diffPostedLines', () => {
  it('finds nothing when the plan says what was posted', () => {
    expect(diffPostedLines(posted(), posted())).toEqual({ linesKnown: true, documents: [] });
  });

  it('shows a category sent to another account, line by line, before and after, and nothing else', () => {
    const diff = diffPostedLines(posted(), posted(withAccount('Seller fees', '406')));
    expect(diff.documents.map((d) => d.part)).toEqual(['2025-07', '2025-08']);
    const august = diff.documents[1]!;
    expect(august.lines).toEqual([{ category: 'Seller fees', before: { account: '405', taxType: 'NONE', amount: -1950 }, after: { account: '406', taxType: 'NONE', amount: -1950 } }]);
    expect(august.unchanged).toBe(4);
    expect(august.before).toEqual(august.after);
    expect(august.moves).toEqual([]);
  });

  it('shows a changed tax type', () => {
    const diff = diffPostedLines(posted(), posted(withAccount('Storage', '407', 'INPUT2')));
    expect(diff.documents.map((d) => d.lines)).toEqual([[{ category: 'Storage', before: { account: '407', taxType: 'NONE', amount: -725 }, after: { account: '407', taxType: 'INPUT2', amount: -725 } }]]);
  });

  it('shows a line type moved to another category as a move, and both lines whose amounts changed', () => {
    const mapping = defaultMapping();
    const moved: Mapping = { ...mapping, rules: [...mapping.rules, { transactionType: 'other-transaction', amountType: 'other-transaction', amountDescription: 'Storage Fee', marketplace: '', remittedBy: '', effectiveFrom: '', effectiveTo: '', category: 'FBA fees', origin: 'test' }] };
    const diff = diffPostedLines(posted(), posted(moved));
    const august = diff.documents.find((d) => d.part === '2025-08')!;
    expect(august.moves).toEqual([{ type: ['other-transaction', 'other-transaction', 'Storage Fee', 'Amazon.com', ''], from: 'Storage', to: 'FBA fees', amount: -725 }]);
    expect(august.lines).toEqual([
      { category: 'FBA fees', before: { account: '406', taxType: 'NONE', amount: -500 }, after: { account: '406', taxType: 'NONE', amount: -1225 } },
      { category: 'Storage', before: { account: '407', taxType: 'NONE', amount: -725 } },
    ]);
    // The total is the same: only where the money goes changed.
    expect(august.before!.total).toBe(august.after!.total);
  });

  it('shows documents that appear or go when the month split changes', () => {
    const diff = diffPostedLines(posted(), posted(defaultMapping(), 'off'));
    expect(diff.documents.map((d) => [d.part, d.before?.date ?? null, d.after?.date ?? null])).toEqual([
      ['2025-07', '2025-07-31', null],
      ['2025-08', '2025-08-14', '2025-08-14'],
    ]);
    // The July lines now sit in August's document: more sales there, and no carry.
    const august = diff.documents[1]!;
    expect(august.lines).toContainEqual({ category: 'Sales', before: { account: '201', taxType: 'NONE', amount: 12999 }, after: { account: '201', taxType: 'NONE', amount: 22999 } });
    expect(august.lines).toContainEqual({ category: 'Carried forward', before: { account: '2010', taxType: 'NONE', amount: 8500 } });
  });

  it('shows a document that becomes a bill', () => {
    const refunds: LineSpec[] = [...lines.slice(2), ['Refund', 'ItemPrice', 'Principal', '2025-08-03', '-400.00']];
    const diff = diffPostedLines(posted(defaultMapping(), 'carry', lines.slice(2)), posted(defaultMapping(), 'carry', refunds));
    expect(diff.documents[0]!.before!.type).toBe('ACCREC');
    expect(diff.documents[0]!.after!.type).toBe('ACCPAY');
    expect(diff.documents[0]!.lines).toEqual([{ category: 'Refunds', after: { account: '202', taxType: 'NONE', amount: -40000 } }]);
  });

  it('says when the lines posted are not known, and lists every line now as after', () => {
    const diff = diffPostedLines(undefined, posted());
    expect(diff.linesKnown).toBe(false);
    expect(diff.documents[1]!.lines.every((l) => l.before === undefined && l.after !== undefined)).toBe(true);
    expect(diff.documents[1]!.lines.map((l) => l.category)).toEqual(['Sales', 'Seller fees', 'FBA fees', 'Storage', 'Carried forward']);
  });

  it('leaves out lines that come to zero on both sides', () => {
    const tax: LineSpec[] = [...lines, ['Order', 'ItemPrice', 'Tax', '2025-08-02', '9.10', 'Amazon.com', 'amazon'], ['Order', 'ItemWithheldTax', 'MarketplaceFacilitatorTax-Principal', '2025-08-02', '-9.10', 'Amazon.com', 'amazon']];
    const diff = diffPostedLines(posted(defaultMapping(), 'carry', tax), posted(withAccount('Marketplace facilitator tax', '2151'), 'carry', tax));
    expect(diff.documents).toEqual([]);
  });
});

describe('diffPostedJournals', () => {
  const journals = (unitCost: number, net = 3): PostedJournalsLines => ({
    currency: 'USD',
    decimals: 2,
    journals: [{
      part: '2025-08', date: '2025-08-14', from: '2025-08-01', to: '2025-08-14', total: unitCost * net,
      lines: [{ category: 'Cost of goods sold', account: '310', taxType: 'NONE', amount: unitCost * net }, { category: 'Inventory', account: '630', taxType: 'NONE', amount: -unitCost * net }],
      skus: [['MUG', net, unitCost], ['TOWEL', 2, 100]],
    }],
  });

  it('shows the journal lines and the SKU whose cost changed', () => {
    const diff = diffPostedJournals(journals(640), journals(700));
    expect(diff.journalsKnown).toBe(true);
    expect(diff.journals).toEqual([{
      part: '2025-08',
      before: { date: '2025-08-14', total: 1920 },
      after: { date: '2025-08-14', total: 2100 },
      lines: [
        { category: 'Cost of goods sold', before: { account: '310', taxType: 'NONE', amount: 1920 }, after: { account: '310', taxType: 'NONE', amount: 2100 } },
        { category: 'Inventory', before: { account: '630', taxType: 'NONE', amount: -1920 }, after: { account: '630', taxType: 'NONE', amount: -2100 } },
      ],
      unchanged: 0,
      skus: [{ sku: 'MUG', before: { net: 3, unitCost: 640 }, after: { net: 3, unitCost: 700 } }],
    }]);
  });

  it('finds nothing when the journals are the same, and says when they were not kept', () => {
    expect(diffPostedJournals(journals(640), journals(640)).journals).toEqual([]);
    expect(diffPostedJournals(undefined, journals(640)).journalsKnown).toBe(false);
  });
});

// The cost of goods sold journal (issue 14 §3): one balanced journal per part, debit Cost of goods
// sold / credit Inventory for Σ units × unit cost exactly, dated like the part's document; what
// stops it is said, and stops only the journal.
import { COSTS_COLUMNS, planCogs, readCostsTable, type UnitsEntry } from '../../../src/core/cogs';
import { defaultMapping } from '../../../src/core/mapping';
import { summariseSettlement, type SplitMode } from '../../../src/core/summary';
import { buildDocuments } from '../../../src/core/xero/documents';
import { aggregateOf, type HeaderSpec, type LineSpec } from '../../support/build-aggregate';

const LINES: readonly LineSpec[] = [
  ['Order', 'ItemPrice', 'Principal', '2025-07-29', '60.00'],
  ['Order', 'ItemFees', 'Commission', '2025-07-29', '-9.00'],
  ['Order', 'ItemPrice', 'Principal', '2025-08-03', '120.00'],
  ['Refund', 'ItemPrice', 'Principal', '2025-08-05', '-20.00'],
];
const HEADER: HeaderSpec = { settlementId: '555', start: '2025-07-25T00:00:00Z', end: '2025-08-08T00:00:00Z', depositDate: '2025-08-10T00:00:00Z' };
const UNITS: UnitsEntry[] = [
  { postedDate: '2025-07-29', sku: 'MUG', marketplace: 'Amazon.com', sold: 3, returned: 0, assumed: 0 },
  { postedDate: '2025-08-03', sku: 'MUG', marketplace: 'Amazon.com', sold: 2, returned: 0, assumed: 0 },
  { postedDate: '2025-08-03', sku: '00123', marketplace: 'Amazon.com', sold: 4, returned: 0, assumed: 0 },
  { postedDate: '2025-08-05', sku: '00123', marketplace: 'Amazon.com', sold: 0, returned: 1, assumed: 1 },
];
const costs = (...rows: string[][]) => readCostsTable([[...COSTS_COLUMNS], ...rows]);
const COSTS = costs(['MUG', '4.10', 'USD'], ['00123', '2.35', 'USD']);

function plan(options: { split?: SplitMode; units?: UnitsEntry[]; costs?: ReturnType<typeof costs>; status?: 'DRAFT' | 'SUBMITTED' | 'AUTHORISED'; header?: HeaderSpec; lines?: readonly LineSpec[] } = {}) {
  const mapping = defaultMapping();
  const summary = summariseSettlement(aggregateOf(options.lines ?? LINES, options.header ?? HEADER), mapping, { split: options.split ?? 'carry' });
  return { summary, plan: planCogs(summary, options.units ?? UNITS, options.costs ?? COSTS, mapping, { status: options.status ?? 'DRAFT' }) };
}

const journalSum = (lines: { LineAmount: number }[]) => lines.reduce((t, l) => t + Math.round(l.LineAmount * 100), 0);

describe('planCogs', () => {
  it('makes one balanced journal per part, dated like the part’s document, debiting 310 and crediting 630', () => {
    const { summary, plan: p } = plan();
    expect(p.problems).toEqual([]);
    const documents = buildDocuments(summary, { status: 'DRAFT' });
    if (!documents.ok) throw new Error(documents.problems.join());
    expect(p.journals.map((j) => [j.part, j.key, j.journal.Date, j.total])).toEqual([
      ['2025-07', 'AMZ-555-2025-07-COGS', documents.documents[0]!.invoice.Date, 1230],
      ['2025-08', 'AMZ-555-2025-08-COGS', documents.documents[1]!.invoice.Date, 1525],
    ]);
    const august = p.journals[1]!.journal;
    expect(august).toEqual({
      Narration: 'AMZ-555-2025-08-COGS Cost of goods sold, Amazon settlement 555, part 2025-08 (2025-08-01 to 2025-08-08): 2 SKUs, 6 units sold, 1 returned',
      Date: '2025-08-08',
      Status: 'DRAFT',
      LineAmountTypes: 'NoTax',
      JournalLines: [
        { Description: 'Cost of goods sold: 6 units sold, 1 returned (Amazon settlement 555, 2025-08-01 to 2025-08-08)', LineAmount: 15.25, AccountCode: '310', TaxType: 'NONE' },
        { Description: 'Inventory sold: 6 units sold, 1 returned (Amazon settlement 555, 2025-08-01 to 2025-08-08)', LineAmount: -15.25, AccountCode: '630', TaxType: 'NONE' },
      ],
    });
    for (const j of p.journals) expect(journalSum(j.journal.JournalLines)).toBe(0);
    expect(p.parts[1]!.skus).toEqual([
      { sku: '00123', sold: 4, returned: 1, net: 3, assumed: 1, unitCost: 235, costRows: [3], amount: 705 },
      { sku: 'MUG', sold: 2, returned: 0, net: 2, assumed: 0, unitCost: 410, costRows: [2], amount: 820 },
    ]);
    expect(p.notes).toEqual(['1 order or refund line carried no quantity (the old V1 format never writes one on refunds): each was counted as one unit.']);
  });

  it('with the split off, one journal for the settlement, numbered like its invoice; approved documents make a POSTED journal', () => {
    const { plan: p } = plan({ split: 'off', status: 'AUTHORISED' });
    expect(p.journals.map((j) => [j.key, j.journal.Date, j.journal.Status, j.total])).toEqual([['AMZ-555-COGS', '2025-08-08', 'POSTED', 2755]]);
    expect(p.journals[0]!.journal.Narration).toBe('AMZ-555-COGS Cost of goods sold, Amazon settlement 555 (2025-07-25 to 2025-08-08): 2 SKUs, 9 units sold, 1 returned');
    expect(plan({ split: 'off', status: 'SUBMITTED' }).plan.journals[0]!.journal.Status).toBe('DRAFT');
  });

  it('is exact in the currency’s decimals (JPY none, KWD three)', () => {
    const jpy = plan({ split: 'off', header: { ...HEADER, currency: 'JPY' }, lines: LINES.map(([a, b, c, d, e]) => [a, b, c, d, e.replace('.00', '')] as const), costs: costs(['MUG', '333', 'JPY'], ['00123', '1', 'JPY']) }).plan;
    expect(jpy.journals[0]!.journal.JournalLines.map((l) => l.LineAmount)).toEqual([1668, -1668]);
    const kwd = plan({ split: 'off', header: { ...HEADER, currency: 'KWD' }, lines: LINES.map(([a, b, c, d, e]) => [a, b, c, d, `${e}0`] as const), costs: costs(['MUG', '0.333', 'KWD'], ['00123', '1.001', 'KWD']) }).plan;
    expect(kwd.journals[0]!.total).toBe(5 * 333 + 3 * 1001);
    expect(kwd.journals[0]!.journal.JournalLines[0]!.LineAmount).toBe(4.668);
  });

  it('credits cost of goods sold when returns exceed sales', () => {
    const { plan: p } = plan({ split: 'off', units: [{ postedDate: '2025-08-05', sku: 'MUG', marketplace: 'Amazon.com', sold: 0, returned: 2, assumed: 0 }] });
    expect(p.journals[0]!.journal.JournalLines.map((l) => [l.AccountCode, l.LineAmount])).toEqual([['310', -8.2], ['630', 8.2]]);
  });

  it('a SKU without a cost, or with a cost in another currency, blocks every journal and says which', () => {
    const { plan: p } = plan({ costs: costs(['MUG', '3.00', 'GBP'], ['MUG', '4.10', 'USD', '', '2025-07-31']) });
    expect(p.journals).toEqual([]);
    expect(p.missing).toEqual([{ sku: '00123', units: 3, date: '2025-08-03' }]);
    expect(p.problems).toEqual([
      'No cost yet for SKU 00123 (3 units net of returns, from 2025-08-03). Add its unit cost in the Costs tab, where its row is highlighted.',
      'SKU MUG costs 3.00 GBP (Costs row 2), but settlement 555 is in USD. Add a row with its cost in USD: SettleSheet does not convert costs between currencies.',
    ]);
    // The July part is fully costed and still shows its amount.
    expect(p.parts.map((part) => part.amount)).toEqual([1230, undefined]);
  });

  it('several SKUs without a cost are said in one sentence, not one message each', () => {
    const { plan: p } = plan({ costs: costs() });
    expect(p.missing.map((m) => m.sku).sort()).toEqual(['00123', 'MUG']);
    expect(p.problems).toEqual([expect.stringMatching(/^No cost yet for 2 SKUs \((MUG and 00123|00123 and MUG)\)\. Add their unit costs in the Costs tab, where their rows are highlighted\.$/)]);
  });

  it('a SKU whose Costs rows cover other days is told to get a row for those days: its row is not highlighted, having a cost', () => {
    const { plan: p } = plan({ costs: costs(['MUG', '4.10', 'USD', '', '2025-07-31'], ['00123', '2.35', 'USD', '2025-08-04']) });
    expect(p.journals).toEqual([]);
    expect(p.problems).toEqual([
      'No cost for 2 SKUs (MUG and 00123) on the days they were sold: their rows in the Costs tab cover other days. Add a row for each with its unit cost and the days it covers.',
    ]);
    const one = plan({ costs: costs(['MUG', '4.10', 'USD', '', '2025-07-31']) }).plan;
    expect(one.problems).toEqual([
      'No cost yet for SKU 00123 (3 units net of returns, from 2025-08-03). Add its unit cost in the Costs tab, where its row is highlighted.',
      'No cost for SKU MUG from 2025-08-03 (2 units net of returns): its rows in the Costs tab cover other days. Add a row with its unit cost from 2025-08-03 (Effective from).',
    ]);
  });

  it('a Costs row that cannot be read blocks the journals (it might have been the newer price)', () => {
    const { plan: p } = plan({ costs: costs(['MUG', '4.10', 'USD'], ['00123', '2.35', 'USD'], ['MUG', '4.5x', 'USD', '2025-08-01']) });
    expect(p.journals).toEqual([]);
    expect(p.problems).toEqual(['Costs row 4, column Unit cost: "4.5x" is not an amount. Write the cost of one unit, e.g. 4.25.']);
  });

  it('a missing account for Cost of goods sold or Inventory blocks the journals, naming the category', () => {
    const mapping = defaultMapping();
    mapping.accounts = mapping.accounts.filter((a) => a.category !== 'Inventory');
    const summary = summariseSettlement(aggregateOf(LINES, HEADER), mapping, { split: 'off' });
    const p = planCogs(summary, UNITS, COSTS, mapping, { status: 'DRAFT' });
    expect(p.journals).toEqual([]);
    expect(p.problems).toEqual(['The category "Inventory" on Amazon.com has no account for 2025-07-29. Add a row for it in the Accounts tab.']);
  });

  it('makes no journal for a part whose units net to nothing', () => {
    const { plan: p } = plan({ split: 'off', units: [{ postedDate: '2025-08-05', sku: 'MUG', marketplace: 'Amazon.com', sold: 1, returned: 1, assumed: 0 }] });
    expect(p.problems).toEqual([]);
    expect(p.journals).toEqual([]);
    expect(p.parts[0]).toMatchObject({ sold: 1, returned: 1, net: 0, amount: 0 });
  });
});

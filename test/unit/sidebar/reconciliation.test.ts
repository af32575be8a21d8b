import { accountsTableRows, defaultMapping, mappingTableRows } from '../../../src/core/mapping';
import { aggregateSettlement } from '../../../src/core/summary/aggregate';
import { demoSettlement } from '../../../src/workbench/demo-settlement';
import { pictureOf, pictureOfPreview, placeBar, reckonLocally } from '../../../sidebar/reconciliation';
import type { PreviewResult } from '../../../src/api/types';
import { parsedText } from '../../support/settlements';

const defaults = { mapping: mappingTableRows(defaultMapping().rules), accounts: accountsTableRows(defaultMapping().accounts) };

const parsed = (text: string) => parsedText(text, 'demo.txt');

describe('the reconciliation picture', () => {
  it('walks from gross sales to the net with running totals, and checks it against the deposit', () => {
    const picture = pictureOf('USD', [{ label: 'Gross sales', amount: 10_000 }, { label: 'Amazon fees', amount: -3_000 }, { label: 'Reserves', amount: -500 }], 6_500, 6_500);
    expect(picture.steps.map((s) => [s.from, s.to])).toEqual([[0, 10_000], [10_000, 7_000], [7_000, 6_500]]);
    expect(picture).toMatchObject({ net: 6_500, deposit: 6_500, difference: 0, low: 0, high: 10_000, decimals: 2 });
    // Fees run leftwards from 100% to 70% of the scale.
    expect(placeBar(picture, 10_000, 7_000)).toEqual({ left: 70, width: 30 });
  });

  it('shows what no step holds (categories without an account) as its own step, not as a difference', () => {
    const picture = pictureOf('USD', [{ label: 'Gross sales', amount: 10_000 }], 9_200, 9_200);
    expect(picture.steps.at(-1)).toMatchObject({ label: 'Categories without an account', amount: -800, to: 9_200 });
    expect(picture.difference).toBe(0);
  });

  it('puts zero on the scale for a negative settlement, and keeps a tiny bar visible', () => {
    const picture = pictureOf('JPY', [{ label: 'Amazon fees', amount: -5_000 }, { label: 'Gross sales', amount: 1 }], -4_999, -4_999);
    expect(picture).toMatchObject({ low: -5_000, high: 0, decimals: 0 });
    expect(placeBar(picture, -5_000, -4_999).width).toBe(0.5);
  });

  it('reckons a parsed file locally exactly as the engine does: balanced, with the one unmapped line type', () => {
    const demo = demoSettlement();
    const reckoning = reckonLocally(aggregateSettlement(parsed(demo.text)), defaults);
    expect(reckoning.picture).toMatchObject({ net: demo.total, deposit: demo.total, difference: 0 });
    expect(reckoning.picture.steps.map((s) => s.label)).toContain('Not mapped yet');
    expect(reckoning.unmapped.map((u) => u.amountDescription)).toEqual(['Inventory Placement Service Fee']);
    expect(reckoning.tableProblems).toEqual([]);
  });

  it('says how much an edited file is off by', () => {
    const demo = demoSettlement();
    // Drop the last line: the rows no longer add up to the total Amazon wrote.
    const lines = demo.text.trimEnd().split('\n');
    const amount = Number(lines.at(-1)!.split('\t')[14]) * 100;
    const reckoning = reckonLocally(aggregateSettlement(parsed(lines.slice(0, -1).join('\n'))), defaults);
    expect(reckoning.picture.difference).toBe(-Math.round(amount));
  });

  it("draws a server preview from its decimal strings", () => {
    const preview = {
      settlement: { currency: 'USD', total: '-54.99' },
      check: { sumOfRows: '-54.99' },
      reconciliation: [{ label: 'Gross sales', amount: '10.00' }, { label: 'Amazon fees', amount: '-64.99' }],
    } as unknown as PreviewResult;
    expect(pictureOfPreview(preview)).toMatchObject({ net: -5_499, deposit: -5_499, difference: 0, low: -5_499, high: 1_000 });
  });
});

// Units per SKU per day from a settlement's lines (issue 14 §2): sold from orders' item-price
// Principal lines, returned from refunds', each unit once, whatever the file's format.
import { readFileSync } from 'node:fs';
import { parseSettlement } from '../../../src/core/settlement';
import { unitsOfLines, type UnitsEntry } from '../../../src/core/cogs';
import { describeWithSamples, sampleFiles } from '../../support/samples';
import { syntheticSettlement } from '../../support/synthetic';

type Line = Parameters<typeof unitsOfLines>[0] extends Iterable<infer L> ? L : never;
const line = (transactionType: string, amountDescription: string, quantity: number | undefined, extra: Partial<Line> = {}): Line => ({
  transactionType, amountType: 'ItemPrice', amountDescription, postedDate: '2025-08-02', sku: 'MUG-1', marketplace: 'Amazon.com', quantity, ...extra,
});
const totals = (entries: UnitsEntry[]) => entries.reduce((t, e) => ({ sold: t.sold + e.sold, returned: t.returned + e.returned, assumed: t.assumed + e.assumed }), { sold: 0, returned: 0, assumed: 0 });

describe('unitsOfLines', () => {
  it('counts the Principal line of orders, liquidations and refunds once; shipping, tax and fees repeat the quantity and do not count', () => {
    const entries = unitsOfLines([
      line('Order', 'Principal', 2),
      line('Order', 'Shipping', 2),
      line('Order', 'Tax', 2),
      { ...line('Order', 'Commission', 2), amountType: 'ItemFees' },
      line('Liquidations', 'Principal', 5),
      line('Refund', 'Principal', 1),
      line('A-to-z Guarantee Refund', 'Principal', 1),
      { ...line('other-transaction', 'WAREHOUSE_DAMAGE', 1), amountType: 'other-transaction' },
    ]);
    expect(entries).toEqual([{ postedDate: '2025-08-02', sku: 'MUG-1', marketplace: 'Amazon.com', sold: 7, returned: 1, assumed: 0 }]);
  });

  it('keeps days, SKUs and marketplaces apart, sorted; a blank quantity counts one unit and is tallied', () => {
    const entries = unitsOfLines([
      line('Order', 'Principal', 1, { postedDate: '2025-08-03' }),
      line('Order', 'principal', 3, { sku: 'CUP-9' }),
      line('Order', 'Principal', 1, { marketplace: 'Amazon.ca' }),
      line('Refund', 'Principal', undefined),
    ]);
    expect(entries.map((e) => [e.postedDate, e.sku, e.marketplace, e.sold, e.returned, e.assumed])).toEqual([
      ['2025-08-02', 'CUP-9', 'Amazon.com', 3, 0, 0],
      ['2025-08-02', 'MUG-1', 'Amazon.ca', 1, 0, 0],
      ['2025-08-02', 'MUG-1', 'Amazon.com', 0, 1, 1],
      ['2025-08-03', 'MUG-1', 'Amazon.com', 1, 0, 0],
    ]);
  });

  it('gives the same units from the V1 and the V2 rendering of one settlement: the quantities of its Principal lines', () => {
    const s = syntheticSettlement({ rows: 2000, seed: 14 });
    const expected = s.lines().filter((l) => l.amountDescription === 'Principal' && l.amountType === 'ItemPrice').reduce((t, l) => t + (l.quantity ?? 0), 0);
    const units = (text: string) => {
      const parsed = parseSettlement(text, 's.txt');
      if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
      return unitsOfLines(parsed.settlement.lines);
    };
    const v1 = units(s.renderV1());
    const v2 = units(s.renderV2());
    expect(v1).toEqual(v2);
    const { sold, returned, assumed } = totals(v2);
    expect(sold + returned).toBe(expected);
    expect(sold).toBeGreaterThan(returned);
    expect(assumed).toBe(0);
  });
});

describeWithSamples('units in the real samples', () => {
  // Checked by hand: Σ quantity-purchased of the Order quantity rows (V1) or Principal lines (V2),
  // and one unit per refunded Principal line (V1 writes no quantity on refunds).
  it.each([
    ['50018020314', { sold: 1, returned: 1, assumed: 1 }],
    ['50034020328', { sold: 39, returned: 1, assumed: 1 }],
    ['50044020356', { sold: 157, returned: 3, assumed: 3 }],
    ['50065020384', { sold: 300, returned: 3, assumed: 3 }],
    ['settlement-sample', { sold: 5, returned: 1, assumed: 0 }],
  ])('%s', (name, expected) => {
    const file = sampleFiles().find((f) => f.name.includes(name))!;
    const parsed = parseSettlement(readFileSync(file.path), file.name);
    if (!parsed.ok) throw new Error(parsed.problems[0]!.message);
    expect(totals(unitsOfLines(parsed.settlement.lines))).toEqual(expected);
  });
});

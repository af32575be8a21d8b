// The Costs table (issue 14 §1): read by header name, text kept exactly, costs exact in their
// currency's decimals, and a later row superseding an earlier one for its dates.
import { COSTS_COLUMNS, costBook, readCostsTable } from '../../../src/core/cogs';

const header = [...COSTS_COLUMNS];
const row = (sku: string, cost: string, currency = 'USD', from = '', to = '') => [sku, cost, currency, from, to, '', '', ''];

describe('readCostsTable', () => {
  it('keeps SKUs exactly as written: a formula-looking or zero-padded SKU is a SKU', () => {
    const read = readCostsTable([header, row('=1+1', '2.50'), row('00123', '0.99'), row(' padded ', '1')]);
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => [r.sku, r.unitCost, r.row])).toEqual([['=1+1', 250, 2], ['00123', 99, 3], ['padded', 100, 4]]);
  });

  it('reads columns by name in any order and lists SKUs still waiting for a cost', () => {
    const read = readCostsTable([['Note', 'Currency', 'Unit cost', 'SKU'], ['', 'jpy', '300', 'TEA-1'], ['seen in import', 'USD', '', 'NEW-1']]);
    expect(read.rows).toEqual([{ sku: 'TEA-1', unitCost: 300, currency: 'JPY', decimals: 0, effectiveFrom: '', effectiveTo: '', row: 2 }]);
    expect([...read.listed]).toEqual(['TEA-1', 'NEW-1']);
  });

  it('refuses, naming row and column, what it cannot read exactly', () => {
    const read = readCostsTable([
      header,
      row('A', '2.505'),
      row('B', '1.5', 'KWD'),
      row('C', '4', ''),
      row('D', 'four'),
      row('E', '-1.00'),
      row('F', '1.00', 'USD', '2025-02-30'),
      row('G', '1.00', 'USD', '2025-09-01', '2025-08-01'),
      row('', '1.00'),
    ]);
    expect(read.rows.map((r) => [r.sku, r.unitCost])).toEqual([['B', 1500]]);
    expect(read.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Unit cost'], [4, 'Currency'], [5, 'Unit cost'], [6, 'Unit cost'], [7, 'Effective from'], [8, 'Effective to'], [9, 'SKU'],
    ]);
    expect(read.problems[0]!.message).toBe(
      'Costs row 2, column Unit cost: "2.505" has more decimals than USD amounts have (2). Write the cost of one unit in USD\'s smallest unit (SettleSheet never rounds a cost).',
    );
  });

  it('says which column a table lacks', () => {
    expect(readCostsTable([['SKU', 'Cost']]).problems.map((p) => p.column)).toEqual(['Unit cost', 'Currency']);
  });
});

describe('costBook', () => {
  it('uses the last row whose period covers the day: a later row supersedes an earlier one for its dates only', () => {
    const { rows } = readCostsTable([
      header,
      row('MUG', '4.00'),
      row('MUG', '4.50', 'USD', '2025-08-01', '2025-08-31'),
      row('MUG', '9.99', 'USD', '2025-09-01'),
      row('MUG', '4.25', 'USD', '', '2025-08-10'),
    ]);
    const book = costBook(rows);
    const cost = (day: string) => book.costOf('MUG', day)?.unitCost;
    expect([cost('2025-07-31'), cost('2025-08-05'), cost('2025-08-11'), cost('2025-09-02')]).toEqual([425, 425, 450, 999]);
    expect(book.costOf('CUP', '2025-08-05')).toBeUndefined();
  });
});

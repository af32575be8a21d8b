// `quantity-purchased` kept on lines (issue 14): V2 has it on the item's lines, V1 on a row of its
// own before the item's amounts, which the parser gives to the item's lines.
import { type ParseResult, type Settlement, parseSettlement } from '../../../src/core/settlement';
import { type Row, SUMMARY, V1_HEADER, V2_HEADER, dataRow, settlementText, v2Line } from './files';

function settlementOf(result: ParseResult): Settlement {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.settlement;
}

const ITEM_A: Row = {
  'transaction-type': 'Order', 'order-id': '702-1101758-6751437', 'marketplace-name': 'Amazon.ca',
  'posted-date': '2025-08-14T06:23:59+00:00', 'order-item-code': '135844999381281', sku: 'SALTT15-ALLT',
};
const ITEM_B: Row = { ...ITEM_A, 'order-item-code': '135844999381282', sku: 'SALTT30-MELN' };

const v1 = (rows: Row[]) => settlementOf(parseSettlement(settlementText(V1_HEADER, [SUMMARY, ...rows.map(dataRow)]), 'v1.txt'));
const v2 = (rows: Row[]) => parseSettlement(settlementText(V2_HEADER, [SUMMARY, ...rows]), 'v2.txt');

describe('quantity-purchased', () => {
  it('V2: each line keeps its own cell; a blank cell stays undefined', () => {
    const lines = settlementOf(v2([
      v2Line({ amount: '20.00', 'quantity-purchased': '2' }),
      v2Line({ 'amount-type': 'ItemFees', 'amount-description': 'Commission', amount: '-3.00', 'quantity-purchased': '2.0' }),
      v2Line({ 'transaction-type': 'Refund', amount: '-10.00' }),
    ])).lines;
    expect(lines.map((l) => l.quantity)).toEqual([2, 2, undefined]);
  });

  it('V1: the quantity row of each item goes to that item’s lines, not to the next item’s', () => {
    const lines = v1([
      { ...ITEM_A, 'quantity-purchased': '2' },
      { ...ITEM_A, 'price-type': 'Principal', 'price-amount': '70.00' },
      { ...ITEM_A, 'item-related-fee-type': 'Commission', 'item-related-fee-amount': '-10.50' },
      { ...ITEM_B, 'quantity-purchased': '1' },
      { ...ITEM_B, 'price-type': 'Principal', 'price-amount': '60.00' },
      // The same order refunded in the settlement: V1 writes no quantity on refunds.
      { ...ITEM_A, 'transaction-type': 'Refund', 'price-type': 'Principal', 'price-amount': '-35.00' },
      { ...ITEM_B, 'order-id': '702-0000000-0000000', 'price-type': 'Principal', 'price-amount': '60.00' },
    ]).lines;
    expect(lines.map((l) => [l.transactionType, l.sku, l.amount, l.quantity])).toEqual([
      ['Order', 'SALTT15-ALLT', 7000, 2],
      ['Order', 'SALTT15-ALLT', -1050, 2],
      ['Order', 'SALTT30-MELN', 6000, 1],
      ['Refund', 'SALTT15-ALLT', -3500, undefined],
      ['Order', 'SALTT30-MELN', 6000, undefined],
    ]);
  });

  it('refuses a quantity that is not a whole number, naming the line and column', () => {
    const result = v2([v2Line({ amount: '20.00', 'quantity-purchased': '1.5' })]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ code: 'bad-quantity', line: 3, column: 'quantity-purchased' });
    expect(result.problems[0]!.message).toContain('v2.txt, line 3, column quantity-purchased: "1.5" is not a whole number of units.');
  });
});
